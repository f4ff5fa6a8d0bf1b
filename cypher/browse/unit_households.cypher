// The households tied to each unit in $parents (a grid, or a village) by an :IN active as of
// $asOf. 各网格（或村）内的户，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:Unit {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (h:Household)-[r:IN]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH h ORDER BY h.code
  RETURN collect(h {.code, .head, .phone, .size, .address}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
