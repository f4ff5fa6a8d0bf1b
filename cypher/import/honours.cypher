// 导入品牌荣誉（WON）；返回各状态（新建、更新、未变）的行数。
// Import the honours a brand won; returns the number of rows per status (created, updated:
// its properties or brand changed, unchanged).
UNWIND $rows AS row
MATCH (b:Brand {code: row.brand})
MERGE (h:Honour {code: row.code})
WITH *, h:Record AS existed, properties(h) AS before, EXISTS { (b)-[:WON]->(h) } AS linked
SET h:Record, h.title = row.title, h.event = row.event, h.on = row.on
MERGE (b)-[:WON]->(h)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(h) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
