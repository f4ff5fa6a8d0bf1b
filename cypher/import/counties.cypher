// 导入县：按编码合并；返回各状态（新建、更新、未变）的行数。
// Import the county: merge by code; returns the number of rows per status (created, updated,
// unchanged).
UNWIND $rows AS row
MERGE (n:County {code: row.code})
WITH *, n:Record AS existed, properties(n) AS before
SET n:Record:Unit, n.name = row.name
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(n) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
