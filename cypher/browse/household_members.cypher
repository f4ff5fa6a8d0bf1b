// The Party members linked to each household in $parents (active :LINKS as of $asOf), only
// those whose Party organisation lies inside $scope on $asOf (the caller's own members).
// 联系各户的党员，分页。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (h:Household {code: parentCode})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (h) {
  OPTIONAL MATCH (m:Member)-[r:LINKS]->(h)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND ($scope IS NULL
         OR EXISTS { (m)-[ms:MEMBER_OF WHERE ms.since <= $asOf
                            AND (ms.until IS NULL OR ms.until > $asOf)]->(:PartyOrg)
                     (()-[held:IN WHERE held.since <= $asOf
                          AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                     (:Unit {code: $scope}) })
  WITH m ORDER BY m.code
  RETURN collect(m {.code, .name, .phone, .gender, .fullMember, .joinedOn}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
