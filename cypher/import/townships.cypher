// 导入乡镇：按编码合并节点，并挂到上级地域（IN）。
// Import townships: merge by code and tie to the parent territory by IN.
UNWIND $rows AS row
MATCH (p:County {code: row.county})
MERGE (n:Township {code: row.code})
SET n:Record:Unit, n.name = row.name
MERGE (n)-[r:IN]->(p)
SET r.since = row.since
