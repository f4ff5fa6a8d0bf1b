// 记录工单的一步（流转、受理、退回、办结），工单状态随之更新。管辖范围在查询内再次核对。
// Record one step of a work order and set its status; jurisdiction checked again here.
// Params: $order, $seq, $status, $on, $department, $scope, $today (the county's date).
MATCH (o:WorkOrder {code: $order})
WHERE $scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
MATCH (d:Department {code: $department})
CREATE (o)-[s:STEP {seq: $seq, status: $status, on: $on}]->(d)
SET o.status = $status
RETURN s.seq AS seq
