// Coverage: grid Party branches (active :IN a grid as of $asOf) in or below $unit; covered
// when the branch has at least 3 full members and at most 50 members in all (active
// :MEMBER_OF), the Party's rules for setting up a branch. Counted per child unit (see hub/query/coverage.py).
// 覆盖：网格党支部是否符合设置要求（正式党员不少于 3 名，党员不超过 50 名）。Params: $unit, $asOf, $scope.
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
  MATCH (o:PartyOrg)-[r:IN]->(g)
  WHERE o.kind = 'grid_branch' AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  WITH DISTINCT s, o, g
  WITH s, o, g, [(m:Member)-[x:MEMBER_OF]->(o)
                 WHERE x.since <= $asOf AND (x.until IS NULL OR x.until > $asOf) | m.fullMember] AS flags
  WITH s, o, g, size([f IN flags WHERE f]) AS full, size(flags) AS members
  WITH o, full, members, full >= 3 AND members <= 50 AS covered,
       head(COLLECT {
           MATCH p = (g) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH o.code AS code, o.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null
              WHEN full < 3 THEN '正式党员不足 3 名（' + toString(full) + ' 名）'
              ELSE '党员超过 50 名（' + toString(members) + ' 名），应分设支部' END AS reasonZh,
         CASE WHEN covered THEN null
              WHEN full < 3 THEN 'fewer than 3 full members (' + toString(full) + ')'
              ELSE 'more than 50 members (' + toString(members) + '), should be split' END AS reasonEn
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
