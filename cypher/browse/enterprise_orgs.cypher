// The Party organisations covering each enterprise in $parents (active :COVERS as of $asOf),
// with the mode (own / joint / attached); only organisations inside $scope on $asOf, so
// a township never sees here an organisation its own lookup would refuse. 覆盖各企业的党组织及覆盖方式，分页。
// Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (e:Enterprise {code: parentCode})
WHERE $scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (e) {
  OPTIONAL MATCH (o:PartyOrg)-[c:COVERS]->(e)
  WHERE c.since <= $asOf AND (c.until IS NULL OR c.until > $asOf)
    AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH o, c ORDER BY o.code
  RETURN collect(o {.code, .name, labels: labels(o), .kind, .industry, .size}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
