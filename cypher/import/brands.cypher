// 导入区域公用品牌；返回各状态（新建、更新、未变）的行数。
// Import regional public brands; returns the number of rows per status (created, updated,
// unchanged).
UNWIND $rows AS row
MERGE (b:Brand {code: row.code})
WITH *, b:Record AS existed, properties(b) AS before
SET b:Record, b.name = row.name, b.kind = row.kind
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(b) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
