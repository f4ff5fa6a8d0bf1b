// Coverage: communities in or below $unit; covered when, as of $asOf, a member of a county
// agency Party organisation (active :MEMBER_OF an agency_org) reports to the community
// (active :REPORTS_TO). Counted per child unit (see hub/query/coverage.py).
// 覆盖：社区是否有县直机关在职党员报到（乡镇吹哨、部门报到）。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // Down from $unit through townships only: communities lie in townships.
    MATCH (s) ((:County)<-[down:IN WHERE down.since <= $asOf
                        AND (down.until IS NULL OR down.until > $asOf)]-(:Township)){0,1}
          (:Township)<-[last:IN WHERE last.since <= $asOf
                  AND (last.until IS NULL OR last.until > $asOf)]-(m:Community)
    RETURN m
    UNION
    WITH s WHERE s:Community
    RETURN s AS m
  }
  WITH DISTINCT s, m
  WITH s, m, EXISTS {
    MATCH (p:Member)-[t:REPORTS_TO]->(m)
    WHERE t.since <= $asOf AND (t.until IS NULL OR t.until > $asOf)
      AND EXISTS { MATCH (p)-[r:MEMBER_OF]->(:PartyOrg {kind: 'agency_org'})
                   WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf) }
  } AS covered
  WITH m, covered, head(COLLECT {
           MATCH p = (m) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){1,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH m.code AS code, m.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null ELSE '没有县直机关在职党员到该社区报到' END AS reasonZh,
         CASE WHEN covered THEN null ELSE 'no agency Party member has reported to this community' END AS reasonEn
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
