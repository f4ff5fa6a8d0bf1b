// Village cadres with the facts the departure-allowance rule (F6) needs, as of $asOf: every
// post held (started by $asOf) with its dates, every annual rating, the birth date. Cadres
// who held a post within $unit (null = anywhere) and the caller's jurisdiction.
// 村干部离任补贴所需事实：任职经历、年度考核、出生日期。Params: $unit, $asOf, $scope.
MATCH (k:Cadre)
WHERE EXISTS {
  MATCH (k)-[h:HELD]->(v:Unit)
  WHERE h.since <= $asOf
    AND ($unit IS NULL OR EXISTS { (v) (()-[up:IN WHERE up.since <= $asOf
                                     AND (up.until IS NULL OR up.until > $asOf)]->()){0,3}
                                   (:Unit {code: $unit}) })
    AND ($scope IS NULL OR EXISTS { (v) (()-[held:IN WHERE held.since <= $asOf
                                      AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                    (:Unit {code: $scope}) })
}
RETURN k.code AS code, k.name AS name, k.birthDate AS birthDate,
       [(k)-[h:HELD]->(v:Unit) WHERE h.since <= $asOf |
         {post: h.post, since: h.since, until: h.until, unit: v.code, unitName: v.name}] AS posts,
       [(k)-[r:RATED]->(:Unit) | {year: r.year, grade: r.grade}] AS ratings
ORDER BY code
