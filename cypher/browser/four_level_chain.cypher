// 四级组织链条（Neo4j Browser 图）：乡镇党委 → 村（社区）党组织 → 网格党组织 → 党员 → 联系户
// Four-level chain (Neo4j Browser picture): township committee → village/community orgs → grid orgs → members → linked households.
// The whole township would be hundreds of nodes, so the committee and all its village and
// community orgs are drawn, and only the one village or community $unit is followed down to
// grid orgs, members and households; everything is as of $asOf (active since/until).
// Villages and communities alike: grid orgs where the unit has grids, and members sitting
// straight under the village or community org where it has none.
// 参数 / params (Browser):
//   :param township => 'XC-T01'        乡镇编码 / township code
//   :param unit => 'XC-T01-C02'        展开的村或社区 / the village or community followed down
//   :param asOf => date('2023-06-30')  截至日期 / as-of date (the report date)
// 返回 / returns one path per row, column `p`.
MATCH p = (:Township {code: $township})<-[ti:IN]-(:PartyOrg {kind: 'township_committee'})
          <-[u:UNDER]-(o:PartyOrg)
WHERE o.kind IN ['village_org', 'community_org']
  AND ti.since <= $asOf AND (ti.until IS NULL OR ti.until > $asOf)
  AND u.since <= $asOf AND (u.until IS NULL OR u.until > $asOf)
RETURN p
UNION
// $unit's own org on its territory, and its grid branches and groups (a group may hang
// under its grid's branch, hence UNDER*0..2).
MATCH p = (g:PartyOrg)-[:UNDER*0..2]->(o:PartyOrg)-[:IN]->(:Unit {code: $unit})
WHERE (g = o OR g.kind IN ['grid_branch', 'grid_group']) AND o.kind IN ['village_org', 'community_org']
  AND EXISTS { (o)-[:UNDER]->(:PartyOrg {kind: 'township_committee'})-[:IN]->(:Township {code: $township}) }
  AND all(r IN relationships(p) WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf))
RETURN p
UNION
// Members of $unit's own org or of its grid orgs, with the households they link (if any).
MATCH (o:PartyOrg)-[:IN]->(:Unit {code: $unit})
WHERE o.kind IN ['village_org', 'community_org']
  AND EXISTS { (o)-[:UNDER]->(:PartyOrg {kind: 'township_committee'})-[:IN]->(:Township {code: $township}) }
MATCH p1 = (m:Member)-[mo:MEMBER_OF]->(x:PartyOrg)
WHERE (x = o OR (x.kind IN ['grid_branch', 'grid_group'] AND EXISTS { (x)-[:UNDER*1..2]->(o) }))
  AND mo.since <= $asOf AND (mo.until IS NULL OR mo.until > $asOf)
OPTIONAL MATCH p2 = (:Household)<-[l:LINKS]-(m)-[mo]->(x)
WHERE l.since <= $asOf AND (l.until IS NULL OR l.until > $asOf)
RETURN coalesce(p2, p1) AS p
