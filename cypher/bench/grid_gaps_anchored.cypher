// 实验（仅基准测试用）：与 coverage.grids_without_party_org 结果相同，但从 $unit 向下只经地域单位
// 展开到网格，而不是扫描全图所有网格再逐个向上验证；用来测量乡镇级查询的代价是否随全图规模增长。
// Experiment (benchmark only): the same rows as coverage.grids_without_party_org, but the
// grids are reached by expanding down from $unit through townships, villages and communities only, instead of
// scanning every grid in the graph and testing each one's path up. PROFILE shows whether a
// township's cost then stays flat as the graph grows. Params: $unit, $asOf, $scope.
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  // A grid is reached from its village or community, never expanded further (its households
  // are not territory), so only territorial units are read on the way down.
  MATCH (s) (()<-[:IN]-(:Township|Village|Community)){0,2} ()<-[:IN]-(g:Grid)
  RETURN g
  UNION
  MATCH (g:Grid) WHERE g = s
  RETURN g
}
MATCH (g)-[r:IN]->(:Unit)
WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
WITH DISTINCT s, g
WITH s, g, EXISTS {
  MATCH (o:PartyOrg)-[i:IN]->(g)
  WHERE o.kind IN ['grid_branch', 'grid_group']
    AND i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
} AS covered
WITH g, covered, head([p = (g)-[:IN*1..4]->(s) | nodes(p)[-2]]) AS c
WITH g.code AS code, g.name AS name, c.code AS child, c.name AS childName, covered,
       CASE WHEN covered THEN null ELSE '网格内没有网格党支部或党小组' END AS reasonZh,
       CASE WHEN covered THEN null ELSE 'no grid Party branch or group in this grid' END AS reasonEn
WITH child, childName, count(*) AS total, count(CASE WHEN covered THEN 1 END) AS coveredCount,
     collect(CASE WHEN NOT covered
                  THEN {code: code, name: name, reasonZh: reasonZh, reasonEn: reasonEn} END) AS gaps
RETURN child, childName, total, coveredCount AS covered, gaps
ORDER BY child
