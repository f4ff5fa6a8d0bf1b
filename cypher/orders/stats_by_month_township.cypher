// Work-order figures per calendar month and township over a period: orders in the township
// with a step of each status dated within that month and within [$from, $to] ($from null =
// from the start). An order counts once per status, month and township, in the township its
// territory lies in on $to, the day asked.
// 各月各乡镇工单数：当月流转、受理、退回、办结（按工单去重）。Params: $from, $to, $scope.
MATCH (o:WorkOrder) (()-[up:IN WHERE up.since <= $to
                      AND (up.until IS NULL OR up.until > $to)]->()){1,3} (t:Township)
WHERE $scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $to
                                   AND (held.until IS NULL OR held.until > $to)]->()){0,4}
                                 (:Unit {code: $scope}) }
MATCH (o)-[s:STEP]->(:Department)
WHERE ($from IS NULL OR s.on >= $from) AND s.on <= $to
WITH date.truncate('month', s.on) AS month, t, o, s
RETURN month, t.code AS code, t.name AS name,
       count(DISTINCT CASE WHEN s.status = 'routed' THEN o END) AS routed,
       count(DISTINCT CASE WHEN s.status = 'accepted' THEN o END) AS accepted,
       count(DISTINCT CASE WHEN s.status = 'returned' THEN o END) AS returned,
       count(DISTINCT CASE WHEN s.status = 'closed' THEN o END) AS closed
ORDER BY month, code
