// 测试用：某编码的记录留下了什么（并发编辑测试据此计数）：涉及它的审计操作、未结束的联系/指导/任职关系、工单步骤及其序号、所在地域关系数、整顿完成日期。
// For tests: what edits left on the record coded $code: the actions of the audit entries
// that list it, its open LINKS/GUIDES/PLACED_IN, the sequence numbers of its work-order
// steps, its :IN links, its rectification date. Params: $code.
OPTIONAL MATCH (a:AuditEntry)
WHERE $code IN a.records
WITH collect(a.action) AS actions
OPTIONAL MATCH (n:Record {code: $code})
RETURN actions, n IS NOT NULL AS found,
       COUNT { (n)-[r:LINKS|GUIDES|PLACED_IN WHERE r.until IS NULL]->() } AS open,
       [(n)-[s:STEP]->() | s.seq] AS steps,
       COUNT { (n)-[:IN]->() } AS placed,
       n.rectifiedOn AS rectifiedOn
