// The members of each (agency) Party organisation in $parents who, as of $asOf, report to a
// community (active :MEMBER_OF and :REPORTS_TO). 各机关党组织中到社区报到的在职党员，分页。
// Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:PartyOrg {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (m:Member)-[r:MEMBER_OF]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND EXISTS {
      MATCH (m)-[t:REPORTS_TO]->(c:Community)
      WHERE t.since <= $asOf AND (t.until IS NULL OR t.until > $asOf)
        AND ($scope IS NULL OR EXISTS { (c) (()-[held:IN WHERE held.since <= $asOf
                                          AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                        (:Unit {code: $scope}) })
    }
  WITH m ORDER BY m.code
  RETURN collect(m {.code, .name, .phone, .gender, .fullMember, .joinedOn}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
