// 软弱涣散村党组织整顿：写入提升完成日期。管辖范围在查询内再次核对。
// Mark a weak-and-lax case rectified on $on; jurisdiction checked again here.
// Params: $code, $on, $scope, $today (the county's date).
MATCH (w:WeakLax {code: $code})
WHERE w.rectifiedOn IS NULL
  AND ($scope IS NULL
       OR EXISTS { (w)-[:CONCERNS]->(:PartyOrg) (()-[held:IN WHERE held.since <= $today
                     AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                   (:Unit {code: $scope}) })
SET w.rectifiedOn = $on
RETURN w.code AS code
