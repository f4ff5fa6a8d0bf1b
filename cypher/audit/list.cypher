// The audit trail, newest first, optionally only the entries touching record $code.
// Example: :param code => null; :param skip => 0; :param limit => 20
// 审计记录，按时间倒序；可按记录编码筛选。
MATCH (a:AuditEntry)
WHERE $code IS NULL OR $code IN a.records
WITH count(a) AS total
OPTIONAL CALL (total) {
  MATCH (a:AuditEntry)
  WHERE $code IS NULL OR $code IN a.records
  RETURN a ORDER BY a.at DESC SKIP $skip LIMIT $limit
}
RETURN total, collect(a {
  .id, at: toString(a.at), .who, .role, .unit, .action, .records, .before, .after
}) AS entries
