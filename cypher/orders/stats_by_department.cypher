// Work-order figures per department over a period: orders with a step of each status routed
// to the department and dated within [$from, $to] ($from null = from the start).
// 各部门工单数：期间内流转、受理、退回、办结（按工单去重）。Params: $from, $to, $scope.
MATCH (o:WorkOrder)-[s:STEP]->(d:Department)
WHERE ($from IS NULL OR s.on >= $from) AND s.on <= $to
  AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $to
                                    AND (held.until IS NULL OR held.until > $to)]->()){0,4}
                                  (:Unit {code: $scope}) })
WITH d,
     count(DISTINCT CASE WHEN s.status = 'routed' THEN o END) AS routed,
     count(DISTINCT CASE WHEN s.status = 'accepted' THEN o END) AS accepted,
     count(DISTINCT CASE WHEN s.status = 'returned' THEN o END) AS returned,
     count(DISTINCT CASE WHEN s.status = 'closed' THEN o END) AS closed
RETURN d.code AS code, d.name AS name, routed, accepted, returned, closed
ORDER BY code
