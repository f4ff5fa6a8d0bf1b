// 党员联系户：新建联系关系（起始日期 $since）。管辖范围在查询内再次核对。
// Link a member to a household from $since; jurisdiction checked again inside the query.
// Params: $member, $household, $since, $scope.
MATCH (m:Member {code: $member})
WHERE $scope IS NULL
   OR EXISTS { (m)-[:MEMBER_OF]->(:PartyOrg) (()-[held:IN WHERE held.since <= date()
                 AND (held.until IS NULL OR held.until > date())]->()){0,4}
               (:Unit {code: $scope}) }
MATCH (h:Household {code: $household})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= date()
                                   AND (held.until IS NULL OR held.until > date())]->()){0,4}
                                 (:Unit {code: $scope}) }
CREATE (m)-[r:LINKS {since: $since}]->(h)
RETURN r.since AS since
