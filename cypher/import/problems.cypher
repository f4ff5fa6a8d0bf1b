// 导入解决的问题，以及解决途径（志愿服务活动或党建联系点，SOLVED_THROUGH）；返回各状态（新建、更新、未变）的行数。
// Import solved problems and what solved them (an activity or a contact point); returns the
// number of rows per status (created, updated: its properties or way changed, unchanged).
UNWIND $rows AS row
MATCH (v:Record {code: row.via})
WHERE v:Activity OR v:ContactPoint
MERGE (p:Problem {code: row.code})
WITH *, p:Record AS existed, properties(p) AS before,
     EXISTS { (p)-[:SOLVED_THROUGH]->(v) } AS linked
SET p:Record, p.title = row.title, p.category = row.category, p.solvedOn = row.solvedOn
MERGE (p)-[:SOLVED_THROUGH]->(v)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
