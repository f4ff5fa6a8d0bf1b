// 党员联系户：新建联系关系（起始日期 $since）。管辖范围在查询内再次核对。
// Link a member to a household from $since; jurisdiction checked again inside the query.
// Params: $member, $household, $since, $scope, $today (the county's date).
MATCH (m:Member {code: $member})
WHERE $scope IS NULL
   OR EXISTS { (m)-[ms:MEMBER_OF WHERE ms.since <= $today
                      AND (ms.until IS NULL OR ms.until > $today)]->(:PartyOrg)
               (()-[held:IN WHERE held.since <= $today
                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
               (:Unit {code: $scope}) }
MATCH (h:Household {code: $household})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
CREATE (m)-[r:LINKS {since: $since}]->(h)
RETURN r.since AS since
