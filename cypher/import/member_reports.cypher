// 导入在职党员到社区报到：关系以起始日期区分，历史关系保留并写入终止日期。
// Import serving members reporting to communities: one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:Member {code: row.member})
MATCH (b:Community {code: row.community})
MERGE (a)-[r:REPORTS_TO {since: row.since}]->(b)
SET r.until = row.until
