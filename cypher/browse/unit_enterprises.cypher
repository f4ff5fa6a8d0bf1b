// The non-public enterprises tied by :IN to each unit in $parents (a township), active as
// of $asOf. 各乡镇的非公企业，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:Unit {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (e:Enterprise)-[r:IN]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH e ORDER BY e.code
  RETURN collect(e {.code, .name, labels: labels(e), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
