// 选派党建指导员指导企业（工作覆盖），起始日期 $since。管辖范围在查询内再次核对。
// Assign an instructor to an enterprise from $since; jurisdiction checked again here.
// Params: $instructor, $enterprise, $since, $scope, $today (the county's date).
MATCH (i:Instructor {code: $instructor})
MATCH (e:Enterprise {code: $enterprise})
WHERE $scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
CREATE (i)-[r:GUIDES {since: $since}]->(e)
RETURN r.since AS since
