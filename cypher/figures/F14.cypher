// F14 网格党支部（branches）与党小组（groups）：截至 $asOf 设在网格的数量；网格数（社区网格与村网格合计）、有网格党组织的网格数、空白网格数。
// 一个网格可有多个网格党组织（如党支部之下另设党小组），故组织数可多于有组织的网格数。
// F14 grid Party branches and groups as of $asOf; grids (in communities and in villages together); grids with a grid org; blank grids.
// A grid may hold more than one grid org (a group under the grid's branch), so orgs may outnumber covered grids.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (o:PartyOrg)-[i:IN]->(:Grid)
  WHERE o.kind IN ['grid_branch', 'grid_group'] AND i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(DISTINCT CASE WHEN o.kind = 'grid_branch' THEN o END) AS branches,
    count(DISTINCT CASE WHEN o.kind = 'grid_group' THEN o END) AS groups
}
CALL () {
  MATCH (g:Grid)-[i:IN]->(:Village|Community)
  WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(g) AS grids,
    count(CASE WHEN EXISTS {
      (o:PartyOrg)-[j:IN]->(g)
      WHERE o.kind IN ['grid_branch', 'grid_group'] AND j.since <= $asOf AND (j.until IS NULL OR j.until > $asOf)
    } THEN 1 END) AS covered
}
UNWIND [{part: 'branches', value: branches}, {part: 'groups', value: groups}, {part: 'grids', value: grids}, {part: 'gridsCovered', value: covered}, {part: 'gridsBlank', value: grids - covered}] AS r
RETURN r.part AS part, r.value AS value
