// 选派指导员前的状态：指导员是否存在（县级选派，全县可见），企业是否在管辖范围内，及现有未结束的指导关系。
// Before assigning an instructor: does the instructor exist (sent by county departments, so
// visible county-wide), is the enterprise inside $scope, and their open GUIDES.
// Params: $instructor, $enterprise, $scope, $today (the county's date).
OPTIONAL MATCH (i:Instructor {code: $instructor})
OPTIONAL MATCH (e:Enterprise {code: $enterprise})
WHERE $scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $today
                                   AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                 (:Unit {code: $scope}) }
OPTIONAL MATCH (i)-[r:GUIDES]->(e)
WHERE r.until IS NULL
RETURN i IS NOT NULL AS instructor, e IS NOT NULL AS enterprise, collect(r.since) AS open
