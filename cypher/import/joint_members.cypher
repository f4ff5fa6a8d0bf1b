// 导入社区“大党委”成员单位：关系以起始日期区分，历史关系保留并写入终止日期。
// Import members of a community's joint Party committee: one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:PartyOrg {code: row.org})
MATCH (b:PartyOrg {code: row.committee})
MERGE (a)-[r:JOINS {since: row.since}]->(b)
SET r.until = row.until, r.sector = row.sector
