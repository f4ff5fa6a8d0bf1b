// 导入事件工单及所在地域（IN）；返回各状态（新建、更新、未变）的行数。
// Import event work orders and where they arose; returns the number of rows per status
// (created, updated: its properties or IN changed, unchanged).
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (o:WorkOrder {code: row.code})
WITH *, o:Record AS existed, properties(o) AS before
SET o:Record, o.title = row.title, o.category = row.category, o.reportedOn = row.reportedOn
MERGE (o)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.reportedOn
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(o) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
