// Coverage: grids (active as of $asOf) in or below $unit; covered when a grid Party branch
// or group is tied to the grid by an active :IN. Counted per child unit (see hub/query/coverage.py).
// 覆盖：网格是否设有网格党组织（党支部或党小组）。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // Down from $unit: from a county to a township, from a township to a village or
    // community (grids lie in either), from those to the grid, each step taken only from a
    // node of its label. So no grid is entered (its own :IN arrivals are its households), a
    // township costs the same in a province as in a county, and a village's households are
    // read once, when its grids are sought, not again on the way down.
    MATCH (s) ((:County)<-[down:IN WHERE down.since <= $asOf
                        AND (down.until IS NULL OR down.until > $asOf)]-(:Township)){0,1}
          ((:Township)<-[mid:IN WHERE mid.since <= $asOf
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
    MATCH (o:PartyOrg)-[i:IN]->(g)
    WHERE o.kind IN ['grid_branch', 'grid_group']
      AND i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  } AS covered
  WITH g, covered, head(COLLECT {
           MATCH p = (g) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH g.code AS code, g.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null ELSE '网格内没有网格党支部或党小组' END AS reasonZh,
         CASE WHEN covered THEN null ELSE 'no grid Party branch or group in this grid' END AS reasonEn
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
