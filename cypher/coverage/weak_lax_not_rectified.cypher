// Coverage: weak-and-lax (软弱涣散) cases designated by $asOf on Party organisations in or
// below $unit; covered when the case was rectified (rectifiedOn <= $asOf).
// Counted per child unit (see hub/query/coverage.py); name = the organisation's name.
// 覆盖：已认定的软弱涣散党组织是否已完成整顿提升。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  MATCH (w:WeakLax)-[:CONCERNS]->(o:PartyOrg)-[oi:IN]->(t:Unit)
  WHERE w.designatedOn <= $asOf
    AND oi.since <= $asOf AND (oi.until IS NULL OR oi.until > $asOf)
    AND EXISTS { (t) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){0,3} (s) }
  WITH s, w, o, t, w.rectifiedOn IS NOT NULL AND w.rectifiedOn <= $asOf AS covered
  WITH w, o, covered, head(COLLECT {
           MATCH p = (t) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH w.code AS code, o.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null
              ELSE '软弱涣散尚未整顿提升（认定于 ' + toString(w.designatedOn) + '）' END AS reasonZh,
         CASE WHEN covered THEN null
              ELSE 'weak and lax, not yet rectified (designated ' + toString(w.designatedOn) + ')' END AS reasonEn
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
