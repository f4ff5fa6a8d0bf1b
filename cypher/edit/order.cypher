// 登记事件工单（尚无流转步骤），挂在所在地域下。管辖范围在查询内再次核对。
// 以编码 MERGE：同一编码同时登记多次也只建一个工单（唯一约束下 MERGE 逐个执行），其余得知已被使用。
// Record a new work order (no steps yet) in its territory; jurisdiction checked again here.
// One MERGE on the code (unique for every record): concurrent calls with one code wait on
// each other, so exactly one creates the order and the others see `created` false.
// Params: $code, $title, $category, $reportedOn, $territory, $scope, $today (the county's date).
MATCH (t:Unit {code: $territory})
WHERE (t:Grid OR t:Community OR t:Village)
  AND ($scope IS NULL OR EXISTS { (t) (()-[held:IN WHERE held.since <= $today
                                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                  (:Unit {code: $scope}) })
MERGE (o:Record {code: $code})
ON CREATE SET o:WorkOrder, o.title = $title, o.category = $category,
              o.reportedOn = $reportedOn, o._new = true
WITH o, t, o._new IS NOT NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  REMOVE o._new
  CREATE (o)-[:IN {since: $reportedOn}]->(t))
RETURN created
