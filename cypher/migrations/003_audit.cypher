// Step 3: the audit trail, looked up by id and read newest first.
// 第 3 步：审计记录的约束与索引。
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS
FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS
FOR (a:AuditEntry) ON (a.at);
