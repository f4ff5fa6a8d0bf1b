// 大学生到村任职前的状态：村（社区）是否在管辖范围内；该编号的记录（若有）及其在任关系。
// Before placing a graduate: is the village or community inside $scope; the record holding
// the code (if any), its labels, and its open placement (and whether that one is in $scope).
// Params: $code, $unit, $scope, $today (the county's date).
OPTIONAL MATCH (u:Unit {code: $unit})
WHERE (u:Village OR u:Community)
  AND ($scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= $today
                                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                  (:Unit {code: $scope}) })
OPTIONAL MATCH (g:Record {code: $code})
OPTIONAL MATCH (g)-[r:PLACED_IN]->(at:Unit)
WHERE r.until IS NULL
RETURN u IS NOT NULL AS unit, labels(g) AS labels, r.since AS since, at.code AS at,
       at IS NOT NULL AND ($scope IS NULL
         OR EXISTS { (at) (()-[held:IN WHERE held.since <= $today
                       AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                     (:Unit {code: $scope}) }) AS atInScope
