// Units by code, within the caller's jurisdiction ($scope: null = whole county), each with the
// territorial units tied to it by an active :IN as of $asOf (a coverage analysis reads its
// children's kinds from them, so it needs no second lookup).
// 按编码查找单位（仅限管辖范围内）及其当日的下级单位。Params: $codes (list), $scope, $asOf.
UNWIND $codes AS wanted
MATCH (u:Unit {code: wanted})
WHERE $scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
RETURN u.code AS code, u.name AS name, labels(u) AS labels, u.kind AS kind,
       u.industry AS industry, u.size AS size,
       COLLECT { MATCH (c:Unit)-[r:IN]->(u)
                 WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
                 RETURN c {.code, .name, labels: labels(c), .kind, .industry, .size} } AS children
