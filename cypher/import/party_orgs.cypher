// 导入党组织：节点、所在地域（IN）、上级党组织（UNDER）、所在单位（OF）。
// 先写全部节点，再连上级，所以同一文件中上下级的先后顺序无关。返回各状态（新建、更新、未变）的行数。
// Import Party organisations: the nodes (labelled by kind too), their territory (IN), parent
// (UNDER) and department (OF). Nodes first, links second, so row order within the file does not matter.
// Returns the number of rows per status (created, updated: its properties or links changed,
// unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
OPTIONAL MATCH (found:PartyOrg {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['PartyOrg', 'Unit', {county_committee: 'CountyCommittee',
    township_committee: 'TownshipCommittee', village_org: 'VillageOrg',
    community_org: 'CommunityOrg', grid_branch: 'GridBranch', grid_group: 'GridGroup',
    agency_org: 'AgencyOrg', industry_org: 'IndustryOrg',
    enterprise_org: 'EnterpriseOrg'}[row.kind]]})
  RETURN made
}
WITH *, coalesce(found, made) AS o, found IS NOT NULL AS existed
WITH *, properties(o) AS before
SET o.name = row.name, o.kind = row.kind, o.industry = row.industry,
    o.foundedOn = row.since
// A label per kind as well, so Neo4j Browser's style tells the levels apart (docs/browser);
// the labels are fixed here, the kind only chooses among them.
REMOVE o:CountyCommittee:TownshipCommittee:VillageOrg:CommunityOrg:GridBranch:GridGroup:AgencyOrg:IndustryOrg:EnterpriseOrg
FOREACH (_ IN CASE WHEN existed AND row.kind = 'county_committee' THEN [1] ELSE [] END | SET o:CountyCommittee)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'township_committee' THEN [1] ELSE [] END | SET o:TownshipCommittee)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'village_org' THEN [1] ELSE [] END | SET o:VillageOrg)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'community_org' THEN [1] ELSE [] END | SET o:CommunityOrg)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'grid_branch' THEN [1] ELSE [] END | SET o:GridBranch)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'grid_group' THEN [1] ELSE [] END | SET o:GridGroup)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'agency_org' THEN [1] ELSE [] END | SET o:AgencyOrg)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'industry_org' THEN [1] ELSE [] END | SET o:IndustryOrg)
FOREACH (_ IN CASE WHEN existed AND row.kind = 'enterprise_org' THEN [1] ELSE [] END | SET o:EnterpriseOrg)
MERGE (o)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
WITH collect({row: row, o: o, existed: existed,
              changed: before <> properties(o) OR was <> properties(r)}) AS done
UNWIND done AS d
WITH d.row AS row, d.o AS o, d.existed AS existed, d.changed AS changed
OPTIONAL MATCH (p:Record {code: row.parent})
OPTIONAL MATCH (f:Record {code: row.department})
CALL (o, p, row) {
  WITH o, p, row WHERE p IS NOT NULL
  MERGE (o)-[u:UNDER]->(p)
  WITH *, properties(u) AS was
  SET u.since = row.since, u.until = row.until
  RETURN count(CASE WHEN was <> properties(u) THEN 1 END) AS under
}
CALL (o, f, row) {
  WITH o, f, row WHERE f IS NOT NULL
  MERGE (o)-[x:OF]->(f)
  WITH *, properties(x) AS was
  SET x.since = row.since, x.until = row.until
  RETURN count(CASE WHEN was <> properties(x) THEN 1 END) AS department
}
RETURN CASE WHEN NOT existed THEN 'created' WHEN changed OR under + department > 0 THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
