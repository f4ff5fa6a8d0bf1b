// The members of each Party organisation in $parents (active :MEMBER_OF as of $asOf); one
// page each, with totals. Never returns ID numbers.
// 各党组织的党员（组织关系有效），分页；不返回身份证号。Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:PartyOrg {code: parentCode})
WHERE $scope IS NULL OR EXISTS { (p) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (p) {
  OPTIONAL MATCH (m:Member)-[r:MEMBER_OF]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  WITH m ORDER BY m.code
  RETURN collect(m {.code, .name, .phone, .gender, .fullMember, .joinedOn}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
