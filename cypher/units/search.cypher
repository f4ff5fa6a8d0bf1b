// Units whose name contains $nameLike (null = any) and that carry the label $label (null = any),
// optionally of PartyOrg kind $orgKind, existing as of $asOf (an active :IN); one page
// ($offset, $limit) and the total.
// 按名称、类型筛选单位，分页返回。Params: $nameLike, $label, $orgKind, $offset, $limit, $scope, $asOf.
MATCH (u:Unit)
WHERE ($label IS NULL OR $label IN labels(u))
  AND ($orgKind IS NULL OR u.kind = $orgKind)
  AND ($nameLike IS NULL OR u.name CONTAINS $nameLike)
  AND ($scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= $asOf
                                    AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                  (:Unit {code: $scope}) })
  AND (u:County OR EXISTS {
    (u)-[r:IN]->() WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  })
WITH u ORDER BY u.code
WITH collect(u {.code, .name, labels: labels(u), .kind, .industry, .size}) AS found
RETURN size(found) AS total, found[$offset..$offset + $limit] AS items
