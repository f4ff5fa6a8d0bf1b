// The communities each member in $parents reports to (active :REPORTS_TO as of $asOf).
// 各党员报到的社区，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (m:Member {code: parentCode})
CALL (m) {
  OPTIONAL MATCH (m)-[r:REPORTS_TO]->(c:Community)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (c) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH c ORDER BY c.code
  RETURN collect(c {.code, .name, labels: labels(c), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
