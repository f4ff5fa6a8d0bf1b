// 导入党员联系户：关系以起始日期区分，历史关系保留并写入终止日期。
// Import member-household links: one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:Member {code: row.member})
MATCH (b:Household {code: row.household})
MERGE (a)-[r:LINKS {since: row.since}]->(b)
SET r.until = row.until
