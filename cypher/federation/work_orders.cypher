// Federation entities: the event work orders named by $codes (a batch of representations
// from a gateway), each only when it lies within the caller's jurisdiction ($scope: null =
// whole county); an order outside it returns no row, so it is never read.
// 联邦实体解析：按工单编号批量取事件工单（仅限管辖范围内）。Params: $codes, $scope, $asOf.
UNWIND $codes AS wanted
MATCH (o:WorkOrder {code: wanted})
WHERE o.reportedOn <= $asOf
  AND ($scope IS NULL OR EXISTS { (o) (()-[held:IN WHERE held.since <= $asOf
                                    AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                  (:Unit {code: $scope}) })
RETURN o.code AS code, o.title AS title, o.category AS category, o.reportedOn AS reportedOn,
       o.status AS status
