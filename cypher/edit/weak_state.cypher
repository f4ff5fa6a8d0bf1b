// 整顿提升前的状态：软弱涣散整顿记录是否在管辖范围内（按所涉党组织），认定与提升日期。
// Before marking a weak-and-lax case rectified: is it inside $scope (through the Party
// organisation it concerns), and its designation and rectification dates.
// Params: $code, $scope, $today (the county's date).
OPTIONAL MATCH (w:WeakLax {code: $code})
WHERE $scope IS NULL
   OR EXISTS { (w)-[:CONCERNS]->(:PartyOrg) (()-[held:IN WHERE held.since <= $today
                 AND (held.until IS NULL OR held.until > $today)]->()){0,4}
               (:Unit {code: $scope}) }
RETURN w IS NOT NULL AS found, w.designatedOn AS designatedOn, w.rectifiedOn AS rectifiedOn
