// 导入户，并挂到所在网格或村（IN）；返回各状态（新建、更新、未变）的行数。
// Import households, tied to their grid or village by IN; returns the number of rows per
// status (created, updated: its properties or IN changed, unchanged).
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (h:Household {code: row.code})
WITH *, h:Record AS existed, properties(h) AS before
SET h:Record, h.head = row.head, h.phone = row.phone, h.size = row.size,
    h.address = row.address
MERGE (h)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(h) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
