// 登记工单前的状态：所在网格、社区或村是否在管辖范围内，工单编号是否已被占用。
// Before recording a work order: is its grid, community or village inside $scope, and is
// the code already taken by any record.
// Params: $code, $territory, $scope, $today (the county's date).
OPTIONAL MATCH (t:Unit {code: $territory})
WHERE (t:Grid OR t:Community OR t:Village)
  AND ($scope IS NULL OR EXISTS { (t) (()-[held:IN WHERE held.since <= $today
                                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                  (:Unit {code: $scope}) })
OPTIONAL MATCH (taken:Record {code: $code})
RETURN t IS NOT NULL AS territory, taken IS NOT NULL AS taken
