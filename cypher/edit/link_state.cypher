// 党员联系户编辑前的状态：党员与户是否存在且在管辖范围内，及现有未结束的联系关系。
// Before linking or unlinking: are the member and the household there and inside $scope,
// and the start dates of their open LINKS. A member's jurisdiction is that of the Party
// organisations it belongs to today; a household's, its grid or village.
// Params: $member, $household, $scope, $today (the county's date).
OPTIONAL MATCH (m:Member {code: $member})
WHERE $scope IS NULL
   OR EXISTS { (m)-[ms:MEMBER_OF WHERE ms.since <= $today
                      AND (ms.until IS NULL OR ms.until > $today)]->(:PartyOrg)
               (()-[held:IN WHERE held.since <= $today
                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
               (:Unit {code: $scope}) }
OPTIONAL MATCH (h:Household {code: $household})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
OPTIONAL MATCH (m)-[r:LINKS]->(h)
WHERE r.until IS NULL
RETURN m IS NOT NULL AS member, h IS NOT NULL AS household, collect(r.since) AS open
