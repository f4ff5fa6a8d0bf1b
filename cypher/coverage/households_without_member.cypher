// Coverage: households tied (active :IN as of $asOf) to a grid or village in or below $unit;
// covered when a Party member looks after the household (active :LINKS).
// Counted per child unit (see hub/query/coverage.py).
// 覆盖：户是否有党员联系（党员联系户）。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // The grids and villages at or below $unit, reached down through townships, villages and
    // communities (a village's households lie in it or in its grids); their households are
    // what this dimension reads.
    MATCH (s) ((:County)<-[down:IN WHERE down.since <= $asOf
                        AND (down.until IS NULL OR down.until > $asOf)]-(:Township)){0,1}
          ((:Township)<-[mid:IN WHERE mid.since <= $asOf
                       AND (mid.until IS NULL OR mid.until > $asOf)]-(:Village|Community)){0,1}
          (:Township|Village|Community)<-[last:IN WHERE last.since <= $asOf
                  AND (last.until IS NULL OR last.until > $asOf)]-(t:Grid|Village)
    RETURN t
    UNION
    WITH s WHERE s:Grid OR s:Village
    RETURN s AS t
  }
  WITH DISTINCT s, t
  WITH s, t, head(COLLECT {
           MATCH p = (t) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  // The child unit read once per grid or village, not once per household.
  WITH t, c.code AS child, c.name AS childName, labels(c) AS childLabels
  MATCH (h:Household)-[r:IN]->(t)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  WITH h, child, childName, childLabels, EXISTS {
    MATCH (:Member)-[l:LINKS]->(h)
    WHERE l.since <= $asOf AND (l.until IS NULL OR l.until > $asOf)
  } AS covered
  WITH h.code AS code, h.code AS name, child, childName, childLabels, covered,
         CASE WHEN covered THEN null ELSE '没有党员联系该户' END AS reasonZh,
         CASE WHEN covered THEN null ELSE 'no Party member is linked to this household' END AS reasonEn
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
