// 党员联系户编辑前的状态：党员与户是否存在且在管辖范围内，及现有未结束的联系关系。
// Before linking or unlinking: are the member and the household there and inside $scope,
// and the start dates of their open LINKS. A member's jurisdiction is that of its Party
// organisations; a household's, its grid or village.
// Params: $member, $household, $scope.
OPTIONAL MATCH (m:Member {code: $member})
WHERE $scope IS NULL
   OR EXISTS { (m)-[:MEMBER_OF]->(:PartyOrg) (()-[held:IN WHERE held.since <= date()
                 AND (held.until IS NULL OR held.until > date())]->()){0,4}
               (:Unit {code: $scope}) }
OPTIONAL MATCH (h:Household {code: $household})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= date()
                                   AND (held.until IS NULL OR held.until > date())]->()){0,4}
                                 (:Unit {code: $scope}) }
OPTIONAL MATCH (m)-[r:LINKS]->(h)
WHERE r.until IS NULL
RETURN m IS NOT NULL AS member, h IS NOT NULL AS household, collect(r.since) AS open
