// Coverage: grids (active as of $asOf) in or below $unit; covered when at least one grid
// worker serves the grid (active :SERVES). Counted per child unit (see hub/query/coverage.py).
// 覆盖：网格是否配有网格员。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // The county: every grid of the graph lies in it or in none, so the grids are read by
    // label and kept when an active path leads up to it, rather than found by reading every
    // village's :IN arrivals (its households) on the way down.
    WITH s WHERE s:County
    CALL (s) {
      // A subquery of its own, so that the label is read only when the unit is the county.
      MATCH (g:Grid)
      WHERE EXISTS { (g) (()-[up:IN WHERE up.since <= $asOf
                            AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s) }
      RETURN g
    }
    RETURN g
    UNION
    // Below it, down from $unit: from a township to a village or community (grids lie in
    // either), from those to the grid, each step taken only from a node of its label. So no
    // grid is entered (its own :IN arrivals are its households), a township costs the same
    // in a province as in a county, and a village's households are read once, when its
    // grids are sought.
    WITH s WHERE NOT s:County
    MATCH (s) ((:Township)<-[mid:IN WHERE mid.since <= $asOf
                       AND (mid.until IS NULL OR mid.until > $asOf)]-(:Village|Community)){0,1}
          (:Village|Community)<-[last:IN WHERE last.since <= $asOf
                  AND (last.until IS NULL OR last.until > $asOf)]-(g:Grid)
    RETURN g
    UNION
    WITH s WHERE s:Grid
    RETURN s AS g
  }
  MATCH (g)-[r:IN]->(:Unit)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  WITH DISTINCT s, g
  WITH s, g, EXISTS {
    MATCH (:GridWorker)-[v:SERVES]->(g)
    WHERE v.since <= $asOf AND (v.until IS NULL OR v.until > $asOf)
  } AS covered
  WITH g, covered, head(COLLECT {
           MATCH p = (g) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH g.code AS code, g.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null ELSE '网格没有网格员' END AS reasonZh,
         CASE WHEN covered THEN null ELSE 'no grid worker serves this grid' END AS reasonEn
  WITH child, childName, childLabels, count(*) AS total,
       count(CASE WHEN covered THEN 1 END) AS coveredCount,
       collect(CASE WHEN NOT covered
                    THEN {code: code, name: name, reasonZh: reasonZh, reasonEn: reasonEn} END) AS gaps
  ORDER BY child
  RETURN collect({child: child, childName: childName, childLabels: childLabels, total: total,
                   covered: coveredCount, gaps: gaps}) AS tallies
}
RETURN s.code AS code, s.name AS name, labels(s) AS labels, s.kind AS kind,
       s.industry AS industry, s.size AS size, tallies
