// Coverage: administrative villages in or below $unit (communities are not counted, as in
// F7); covered when a graduate holds an active placement there (:PLACED_IN as of $asOf).
// Counted per child unit (see hub/query/coverage.py).
// 覆盖：行政村是否有在任的到村任职大学生（不含社区，与 F7 一致）。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // Down from $unit through townships only: villages lie in townships.
    MATCH (s) ((:County)<-[down:IN WHERE down.since <= $asOf
                        AND (down.until IS NULL OR down.until > $asOf)]-(:Township)){0,1}
          (:Township)<-[last:IN WHERE last.since <= $asOf
                  AND (last.until IS NULL OR last.until > $asOf)]-(v:Village)
    RETURN v
    UNION
    WITH s WHERE s:Village
    RETURN s AS v
  }
  WITH DISTINCT s, v
  WITH s, v, EXISTS {
    MATCH (:Graduate)-[p:PLACED_IN]->(v)
    WHERE p.since <= $asOf AND (p.until IS NULL OR p.until > $asOf)
  } AS covered
  WITH v, covered, head(COLLECT {
           MATCH p = (v) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH v.code AS code, v.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null ELSE '没有在任的到村任职大学生' END AS reasonZh,
         CASE WHEN covered THEN null ELSE 'no graduate placed in this village' END AS reasonEn
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
