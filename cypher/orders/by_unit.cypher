// The event work orders of each unit in $parents: for a department, the orders with a step
// routed to it; for a territory, the orders tied by :IN to it or below it. Reported within
// [$from, $to] (null = open), status $status (null = any); one page each, with totals.
// 各单位（部门：流转至该部门；地域：辖区内）的事件工单，分页。
// Params: $parents, $from, $to, $status, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (p:Unit {code: parentCode})
CALL (p) {
  OPTIONAL MATCH (o:WorkOrder)
  WHERE (EXISTS { (o)-[:STEP]->(p) }
         OR EXISTS { (o) (()-[up:IN WHERE up.since <= $asOf
                          AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (p) })
    AND o.reportedOn <= $asOf
    AND ($from IS NULL OR o.reportedOn >= $from) AND ($to IS NULL OR o.reportedOn <= $to)
    AND ($status IS NULL OR o.status = $status)
    AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
  WITH o ORDER BY o.code
  RETURN collect(o {.code, .title, .category, .reportedOn, .status}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
