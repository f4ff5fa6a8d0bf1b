// 导入县：按编码合并。
// Import the county: merge by code.
UNWIND $rows AS row
MERGE (n:County {code: row.code})
SET n:Record:Unit, n.name = row.name
