// The households each member in $parents looks after (active :LINKS as of $asOf).
// 各党员联系的户（联系关系有效），分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (m:Member {code: parentCode})
CALL (m) {
  OPTIONAL MATCH (m)-[r:LINKS]->(h:Household)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH h ORDER BY h.code
  RETURN collect(h {.code, .head, .phone, .size, .address}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
