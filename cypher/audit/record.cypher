// Record one write in the audit trail, inside the same transaction as the write itself,
// so a write without its record (or a record without its write) cannot exist.
// 审计：在同一事务内记录一次写入（谁、何时、哪些记录、修改前后）。
CREATE (a:AuditEntry {
  id: randomUUID(),
  at: datetime(),
  who: $who,
  role: $role,
  unit: $unit,
  action: $action,
  records: $records,
  before: $before,
  after: $after
})
RETURN a.id AS id
