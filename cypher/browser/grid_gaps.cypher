// 网格缺口（Neo4j Browser 图）：一个乡镇中没有网格党组织或只有兼职网格员的网格
// Grid gaps (Neo4j Browser picture): the grids of one township with no grid Party org, or served by part-time workers only.
// Only the gap grids are drawn (a whole township's grids and 600+ workers would hide them),
// each on its village or community and township with the village or community org that
// answers for it and the workers it does have. Grids of villages and of communities alike.
// Why a grid is a gap is drawn too: a red 缺口 / Gap node hangs off it by a GAP relationship,
// captioned with what is missing (virtual, made for this answer by APOC Core's
// apoc.create.vNode / vRelationship, never stored; docs/browser/style.grass colours it).
// Columns gapZh / gapEn say the same for the table view.
// Planted gaps: $township 'XC-T02' as of 2023-06-30 → two part-time-only grids;
// 'XC-T01' as of 2022-06-30 → XC-T01-C01-G02 has no grid org yet; as of today → XC-T01-C01-G03.
// 参数 / params (Browser):
//   :param township => 'XC-T02'        乡镇编码 / township code
//   :param asOf => date('2023-06-30')  截至日期 / as-of date (for today, the county's date written out)
// 返回 / returns one row per gap grid and worker: gapZh, gapEn, grid, p (path), gap (the
// virtual Gap node), why (the virtual GAP relationship from the grid to it).
MATCH t = (:Township {code: $township})<-[ci:IN]-(c:Village|Community)<-[gi:IN]-(g:Grid)
WHERE ci.since <= $asOf AND (ci.until IS NULL OR ci.until > $asOf)
  AND gi.since <= $asOf AND (gi.until IS NULL OR gi.until > $asOf)
WITH t, c, g,
     EXISTS { MATCH (o:PartyOrg)-[r:IN]->(g)
              WHERE o.kind IN ['grid_branch', 'grid_group']
                AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf) } AS hasOrg,
     [(w:GridWorker)-[s:SERVES]->(g)
      WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf) | w.type] AS types
WITH t, c, g, hasOrg, size(types) > 0 AND all(x IN types WHERE x = 'part_time') AS partTimeOnly,
     size(types) = 0 AS noWorker
WHERE NOT hasOrg OR partTimeOnly OR noWorker
WITH t, c, g,
     CASE WHEN NOT hasOrg THEN ['没有网格党组织'] ELSE [] END
       + CASE WHEN noWorker THEN ['没有网格员'] WHEN partTimeOnly THEN ['只有兼职网格员'] ELSE [] END AS zh,
     CASE WHEN NOT hasOrg THEN ['no grid Party org'] ELSE [] END
       + CASE WHEN noWorker THEN ['no grid worker'] WHEN partTimeOnly THEN ['part-time workers only'] ELSE [] END AS en
// The village or community org answers for a grid without its own org; drawn when it exists.
OPTIONAL MATCH co = (vc:PartyOrg)-[:IN]->(c)
WHERE vc.kind IN ['village_org', 'community_org']
OPTIONAL MATCH (w:GridWorker)-[s:SERVES]->(g)
WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf)
OPTIONAL MATCH wp = (w)-[s]->(g)
WITH t, g, co, collect(wp) AS workers,
     reduce(a = '', x IN zh | a + CASE WHEN a = '' THEN '' ELSE '；' END + x) AS gapZh,
     reduce(a = '', x IN en | a + CASE WHEN a = '' THEN '' ELSE '; ' END + x) AS gapEn
// Made once per grid, before the rows fan out, so every row shows the same marker.
WITH t, g, co, workers, gapZh, gapEn,
     apoc.create.vNode(['Gap'], {name: gapZh, nameEn: gapEn, grid: g.code}) AS gap
WITH t, g, co, workers, gapZh, gapEn, gap, apoc.create.vRelationship(g, 'GAP', {}, gap) AS why
UNWIND [t, co] + workers AS p
WITH g, gapZh, gapEn, gap, why, p WHERE p IS NOT NULL
RETURN gapZh, gapEn, g.code AS grid, p, gap, why
