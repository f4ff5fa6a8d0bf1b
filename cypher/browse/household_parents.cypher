// The grid (or village) each household in $codes lies in, by an :IN active as of $asOf.
// 各户所在的网格（或村）。Params: $codes, $asOf, $scope.
UNWIND $codes AS wanted
MATCH (h:Household {code: wanted})-[r:IN]->(p:Unit)
WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  AND ($scope IS NULL OR EXISTS { (p)-[:IN*0..4]->(:Unit {code: $scope}) })
RETURN wanted AS code, p.code AS parentCode, p.name AS name, labels(p) AS labels,
       p.kind AS kind, p.industry AS industry, p.size AS size
