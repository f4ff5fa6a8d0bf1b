// Households by code, within the caller's jurisdiction ($scope: null = whole county): the
// point lookup of one household, whose chain up to the township `Household.parent` walks.
// 按户编码查找户（仅限管辖范围内）。Params: $codes (list), $scope, $asOf.
UNWIND $codes AS wanted
MATCH (h:Household {code: wanted})
WHERE $scope IS NULL OR EXISTS { (h) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){1,5}
                                 (:Unit {code: $scope}) }
RETURN h.code AS code, h.head AS head, h.phone AS phone, h.size AS size,
       h.address AS address
