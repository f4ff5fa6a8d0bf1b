// 导入党组织覆盖企业（单独、联合、挂靠）：关系以起始日期区分，历史关系保留并写入终止日期。
// Import organisational coverage of enterprises (own, joint, attached): one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:PartyOrg {code: row.org})
MATCH (b:Enterprise {code: row.enterprise})
MERGE (a)-[r:COVERS {since: row.since}]->(b)
SET r.until = row.until, r.mode = row.mode
