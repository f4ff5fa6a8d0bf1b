// 导入党组织：节点、所在地域（IN）、上级党组织（UNDER）、所在单位（OF）。
// 先写全部节点，再连上级，所以同一文件中上下级的先后顺序无关。
// Import Party organisations: the nodes, their territory (IN), parent (UNDER) and
// department (OF). Nodes first, links second, so row order within the file does not matter.
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (o:PartyOrg {code: row.code})
SET o:Record:Unit, o.name = row.name, o.kind = row.kind, o.industry = row.industry,
    o.foundedOn = row.since
MERGE (o)-[r:IN]->(t)
SET r.since = row.since, r.until = row.until
WITH collect(row) AS rows
UNWIND rows AS row
MATCH (o:PartyOrg {code: row.code})
OPTIONAL MATCH (p:PartyOrg {code: row.parent})
OPTIONAL MATCH (d:Department {code: row.department})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END |
  MERGE (o)-[u:UNDER]->(p)
  SET u.since = row.since, u.until = row.until)
FOREACH (_ IN CASE WHEN d IS NULL THEN [] ELSE [1] END |
  MERGE (o)-[f:OF]->(d)
  SET f.since = row.since, f.until = row.until)
