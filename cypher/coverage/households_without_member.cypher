// Coverage: households tied (active :IN as of $asOf) to a grid or village in or below $unit;
// covered when a Party member looks after the household (active :LINKS).
// One row per household (see hub/coverage.py).
// 覆盖：户是否有党员联系（党员联系户）。Params: $unit, $asOf, $scope.
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s)-[:IN*0..4]->(:Unit {code: $scope}) }
MATCH (h:Household)-[r:IN]->(t:Unit)
WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  AND EXISTS { (t)-[:IN*0..3]->(s) }
WITH s, h, t, EXISTS {
  MATCH (:Member)-[l:LINKS]->(h)
  WHERE l.since <= $asOf AND (l.until IS NULL OR l.until > $asOf)
} AS covered
WITH h, covered, head(COLLECT { MATCH (t)-[:IN*0..3]->(c:Unit)-[:IN]->(s) RETURN c LIMIT 1 }) AS c
RETURN h.code AS code, h.code AS name, c.code AS child, c.name AS childName, covered,
       CASE WHEN covered THEN null ELSE '没有党员联系该户' END AS reasonZh,
       CASE WHEN covered THEN null ELSE 'no Party member is linked to this household' END AS reasonEn
