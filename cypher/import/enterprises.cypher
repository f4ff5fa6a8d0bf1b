// 导入非公有制经济组织（编码即统一社会信用代码）及所在地域；返回各状态（新建、更新、未变）的行数。
// Import non-public enterprises (the code is the USCC) and their territory; returns the number
// of rows per status (created, updated: its properties or IN changed, unchanged).
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (e:Enterprise {code: row.code})
WITH *, e:Record AS existed, properties(e) AS before
SET e:Record:Unit, e.name = row.name, e.industry = row.industry, e.size = row.size
MERGE (e)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(e) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
