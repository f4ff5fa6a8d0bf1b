// The territorial children (label $label: Township, Village, Community, Grid) of each parent
// unit in $parents, active as of $asOf, name containing $nameLike; one page each, with totals.
// 各上级单位的下级地域单位（乡镇、村、社区、网格），分页。
// Params: $parents, $label, $nameLike, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:Unit {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (c:Unit)-[r:IN]->(p)
  WHERE $label IN labels(c)
    AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($nameLike IS NULL OR c.name CONTAINS $nameLike)
    AND ($scope IS NULL OR EXISTS { (c) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH c ORDER BY c.code
  RETURN collect(c {.code, .name, labels: labels(c), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
