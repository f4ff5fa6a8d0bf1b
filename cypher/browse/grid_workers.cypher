// The grid workers serving each grid in $parents (active :SERVES as of $asOf).
// 各网格的网格员，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (g:Grid {code: parentCode})
WHERE $scope IS NULL OR EXISTS { (g) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (g) {
  OPTIONAL MATCH (w:GridWorker)-[r:SERVES]->(g)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  WITH w ORDER BY w.code
  RETURN collect(w {.code, .name, .phone, .type, .partyMember}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
