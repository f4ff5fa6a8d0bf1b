// Work-order figures per calendar month over a period, for the whole jurisdiction: orders
// with a step of each status dated within that month and within [$from, $to] ($from null =
// from the start). An order counts once per status and month, in the jurisdiction its
// territory lies in on $to, the day asked.
// 各月工单数（辖区合计）：当月流转、受理、退回、办结（按工单去重）。Params: $from, $to, $scope.
MATCH (o:WorkOrder)-[s:STEP]->(:Department)
WHERE ($from IS NULL OR s.on >= $from) AND s.on <= $to
  AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $to
                                    AND (held.until IS NULL OR held.until > $to)]->()){0,4}
                                  (:Unit {code: $scope}) })
WITH date.truncate('month', s.on) AS month, o, s
RETURN month,
       count(DISTINCT CASE WHEN s.status = 'routed' THEN o END) AS routed,
       count(DISTINCT CASE WHEN s.status = 'accepted' THEN o END) AS accepted,
       count(DISTINCT CASE WHEN s.status = 'returned' THEN o END) AS returned,
       count(DISTINCT CASE WHEN s.status = 'closed' THEN o END) AS closed
ORDER BY month
