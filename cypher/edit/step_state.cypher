// 记录工单步骤前的状态：工单是否在管辖范围内、上报日期、最后一步；处理部门是否存在。
// Before recording a work-order step: is the order inside $scope, its report date and its
// last step; does the department exist.
// Params: $order, $department, $scope, $today (the county's date).
OPTIONAL MATCH (o:WorkOrder {code: $order})
WHERE $scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
OPTIONAL MATCH (d:Department {code: $department})
OPTIONAL CALL (o) {
  MATCH (o)-[s:STEP]->()
  RETURN s ORDER BY s.seq DESC LIMIT 1
}
RETURN o IS NOT NULL AS order, o.reportedOn AS reportedOn, d IS NOT NULL AS department,
       s.seq AS seq, s.status AS status, s.on AS on
