// Party organisations tied by an active :IN to each unit in $parents (a grid's branch and
// groups, a village's organisation, the county's industry or agency organisations), of the
// kinds in $kinds (null = any); one page each, with totals.
// 各单位所在地的党组织（可按类型筛选），分页。Params: $parents, $kinds, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:Unit {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (o:PartyOrg)-[r:IN]->(p)
  WHERE ($kinds IS NULL OR o.kind IN $kinds)
    AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH o ORDER BY o.code
  RETURN collect(o {.code, .name, labels: labels(o), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
