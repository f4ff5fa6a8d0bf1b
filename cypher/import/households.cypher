// 导入户，并挂到所在网格或村（IN）。
// Import households, tied to their grid or village by IN.
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (h:Household {code: row.code})
SET h:Record, h.head = row.head, h.size = row.size, h.address = row.address
MERGE (h)-[r:IN]->(t)
SET r.since = row.since, r.until = row.until
