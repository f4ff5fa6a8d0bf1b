// The enterprises each Party organisation in $parents covers as of $asOf: directly
// (:COVERS, own / joint / attached) or through an enterprise organisation under it.
// 各党组织（含其下属非公企业党组织）覆盖的企业，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:PartyOrg {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (p)<-[:UNDER*0..1]-(:PartyOrg)-[c:COVERS]->(e:Enterprise)
  WHERE c.since <= $asOf AND (c.until IS NULL OR c.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH DISTINCT e ORDER BY e.code
  RETURN collect(e {.code, .name, labels: labels(e), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
