// 导入社区：按编码合并节点，并挂到上级地域（IN）。
// Import communities: merge by code and tie to the parent territory by IN.
UNWIND $rows AS row
MATCH (p:Township {code: row.township})
MERGE (n:Community {code: row.code})
SET n:Record:Unit, n.name = row.name
MERGE (n)-[r:IN]->(p)
SET r.since = row.since
