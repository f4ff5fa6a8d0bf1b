// The unit each unit in $codes lies in: its territory by an :IN active as of $asOf.
// 各单位的上级地域单位。Params: $codes, $asOf, $scope.
UNWIND $codes AS wanted
MATCH (u:Unit {code: wanted})-[r:IN]->(p:Unit)
WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  AND ($scope IS NULL OR EXISTS { (p)-[:IN*0..4]->(:Unit {code: $scope}) })
RETURN wanted AS code, p.code AS parentCode, p.name AS name, labels(p) AS labels,
       p.kind AS kind, p.industry AS industry, p.size AS size
