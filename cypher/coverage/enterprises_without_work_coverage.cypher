// Coverage (工作覆盖): non-public enterprises in or below $unit; covered when, as of $asOf,
// a Party organisation covers the enterprise (:COVERS) or an instructor guides it (:GUIDES).
// A gap has neither. Counted per child unit (see hub/query/coverage.py).
// 工作覆盖：非公企业是否有党组织或党建指导员（两者皆无即为缺口）。Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  CALL (s) {
    // Down from $unit through townships and communities, where enterprises lie, never
    // through grids or villages and their households.
    MATCH (s) ((:County)<-[down:IN WHERE down.since <= $asOf
                        AND (down.until IS NULL OR down.until > $asOf)]-(:Township)){0,1}
          ((:Township)<-[mid:IN WHERE mid.since <= $asOf
                       AND (mid.until IS NULL OR mid.until > $asOf)]-(:Community)){0,1}
          (:Township|Community)<-[last:IN WHERE last.since <= $asOf
                  AND (last.until IS NULL OR last.until > $asOf)]-(e:Enterprise)
    RETURN e
    UNION
    WITH s WHERE s:Enterprise
    RETURN s AS e
  }
  WITH DISTINCT s, e
  WITH s, e,
       EXISTS { MATCH (:PartyOrg)-[c:COVERS]->(e)
                WHERE c.since <= $asOf AND (c.until IS NULL OR c.until > $asOf) } AS hasOrg,
       EXISTS { MATCH (:Instructor)-[g:GUIDES]->(e)
                WHERE g.since <= $asOf AND (g.until IS NULL OR g.until > $asOf) } AS hasInstructor
  WITH e, hasOrg OR hasInstructor AS covered,
       head(COLLECT {
           MATCH p = (e) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){2,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH e.code AS code, e.name AS name, c.code AS child, c.name AS childName,
         labels(c) AS childLabels, covered,
         CASE WHEN covered THEN null ELSE '既无党组织也无党建指导员' END AS reasonZh,
         CASE WHEN covered THEN null
              ELSE 'neither a Party organisation nor an instructor' END AS reasonEn
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
