// 导入指导员指导企业（工作覆盖）：关系以起始日期区分，历史关系保留并写入终止日期。
// Import instructors guiding enterprises (work coverage): one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:Instructor {code: row.instructor})
MATCH (b:Enterprise {code: row.enterprise})
MERGE (a)-[r:GUIDES {since: row.since}]->(b)
SET r.until = row.until
