// 解除党员联系户：给未结束的联系关系写入终止日期 $until（保留历史，不删除）。
// Unlink a member from a household: close the open LINKS with `until` (history kept).
// Params: $member, $household, $until, $scope, $today (the county's date).
MATCH (m:Member {code: $member})-[r:LINKS]->(h:Household {code: $household})
WHERE r.until IS NULL
  AND ($scope IS NULL
       OR EXISTS { (h) (()-[held:IN WHERE held.since <= $today
                     AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                   (:Unit {code: $scope}) })
SET r.until = $until
RETURN r.since AS since, r.until AS until
