// 导入工单流转记录（STEP：流转、受理、退回、办结），并把工单状态设为最后一步的状态。
// 返回各状态的行数：新建（新流转记录）、更新（已有记录的属性有变）、未变。
// Import work-order steps (routed, accepted, returned, closed); an order's status is its last.
// Returns the number of rows per status: created (a new step), updated (an existing step
// whose properties changed), unchanged.
// The records are found by code as :Record, staged ones too (docs/model.md, "Imports";
// the checks have matched their kinds). Params: $rows.
UNWIND $rows AS row
MATCH (o:Record {code: row.order})
MATCH (d:Record {code: row.department})
WITH *, EXISTS { (o)-[:STEP {seq: row.seq}]->(d) } AS existed
MERGE (o)-[s:STEP {seq: row.seq}]->(d)
WITH *, properties(s) AS before
SET s.status = row.status, s.on = row.on
WITH o, collect(CASE WHEN NOT existed THEN 'created' WHEN before <> properties(s) THEN 'updated'
                     ELSE 'unchanged' END) AS statuses
CALL (o) {
  MATCH (o)-[s:STEP]->()
  WITH o, s ORDER BY s.seq DESC LIMIT 1
  SET o.status = s.status
}
UNWIND statuses AS status
RETURN status, count(*) AS count
