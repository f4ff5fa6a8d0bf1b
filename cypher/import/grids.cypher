// 导入网格：按编码合并节点，并挂到所属村或社区（IN）；返回各状态（新建、更新、未变）的行数。
// Import grids: merge by code and tie to their village or community by IN; returns the number of
// rows per status (created, updated: its properties or IN changed, unchanged).
UNWIND $rows AS row
MATCH (p:Village|Community {code: row.territory})
MERGE (n:Grid {code: row.code})
WITH *, n:Record AS existed, properties(n) AS before
SET n:Record:Unit, n.name = row.name
MERGE (n)-[r:IN]->(p)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(n) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
