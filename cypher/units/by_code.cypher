// Units by code, within the caller's jurisdiction ($scope: null = whole county).
// 按编码查找单位（仅限管辖范围内）。Params: $codes (list), $scope, $asOf.
UNWIND $codes AS wanted
MATCH (u:Unit {code: wanted})
WHERE $scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
RETURN u.code AS code, u.name AS name, labels(u) AS labels, u.kind AS kind,
       u.industry AS industry, u.size AS size
