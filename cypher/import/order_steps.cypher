// 导入工单流转记录（STEP：流转、受理、退回、办结），并把工单状态设为最后一步的状态。
// Import work-order steps (routed, accepted, returned, closed); an order's status is its last.
UNWIND $rows AS row
MATCH (o:WorkOrder {code: row.order})
MATCH (d:Department {code: row.department})
MERGE (o)-[s:STEP {seq: row.seq}]->(d)
SET s.status = row.status, s.on = row.on
WITH DISTINCT o
MATCH (o)-[s:STEP]->()
WITH o, s ORDER BY s.seq DESC
WITH o, collect(s.status)[0] AS status
SET o.status = status
