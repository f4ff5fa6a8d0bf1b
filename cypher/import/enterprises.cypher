// 导入非公有制经济组织（编码即统一社会信用代码）及所在地域。
// Import non-public enterprises (the code is the USCC) and their territory.
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (e:Enterprise {code: row.code})
SET e:Record:Unit, e.name = row.name, e.industry = row.industry, e.size = row.size
MERGE (e)-[r:IN]->(t)
SET r.since = row.since
