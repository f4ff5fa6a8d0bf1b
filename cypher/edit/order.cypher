// 登记事件工单（尚无流转步骤），挂在所在地域下。管辖范围在查询内再次核对。
// Record a new work order (no steps yet) in its territory; jurisdiction checked again here.
// Params: $code, $title, $category, $reportedOn, $territory, $scope.
MATCH (t:Unit {code: $territory})
WHERE (t:Grid OR t:Community OR t:Village)
  AND ($scope IS NULL OR EXISTS { (t) (()-[held:IN WHERE held.since <= date()
                                    AND (held.until IS NULL OR held.until > date())]->()){0,4}
                                  (:Unit {code: $scope}) })
CREATE (o:WorkOrder:Record {code: $code, title: $title, category: $category,
                            reportedOn: $reportedOn})
CREATE (o)-[:IN {since: $reportedOn}]->(t)
RETURN o.code AS code
