// 缺口清单的补充信息：每个缺口对象所在的网格、村（社区）、乡镇，以及应联系的人（户主，或网格的网格员）。
// What a gap list needs to be acted on: for each record in $codes, the grid, the village or
// community and the township it lies in through links open on $asOf, and whom to call: the
// head of a household, or the grid workers serving a grid. Params: $codes, $asOf, $scope.
UNWIND $codes AS code
MATCH (n:Record {code: code})
WHERE $scope IS NULL OR EXISTS { (n) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
OPTIONAL MATCH (n)-[rs:IN*1..4]->(a:Unit)
WHERE all(r IN rs WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf))
WITH n, [n] + collect(a) AS up
WITH n, head([a IN up WHERE a:Grid]) AS grid,
     head([a IN up WHERE a:Village OR a:Community]) AS place,
     head([a IN up WHERE a:Township]) AS township
RETURN n.code AS code, grid.name AS grid, place.name AS place, township.name AS township,
       CASE WHEN n:Household THEN [{name: n.head, phone: n.phone}]
            WHEN n:Grid THEN [(w:GridWorker)-[s:SERVES]->(n)
                              WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf)
                              | {name: w.name, phone: w.phone}]
            ELSE [] END AS contacts
