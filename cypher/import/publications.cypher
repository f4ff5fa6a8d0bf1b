// 导入媒体宣传报道（ABOUT 所属活动）；返回各状态（新建、更新、未变）的行数。
// Import media publications and the campaign each is about; returns the number of rows per
// status (created, updated: its properties or campaign changed, unchanged).
UNWIND $rows AS row
MATCH (c:Campaign {code: row.campaign})
MERGE (p:Publication {code: row.code})
WITH *, p:Record AS existed, properties(p) AS before, EXISTS { (p)-[:ABOUT]->(c) } AS linked
SET p:Record, p.title = row.title, p.outlet = row.outlet, p.publishedOn = row.publishedOn
MERGE (p)-[:ABOUT]->(c)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
