// 导入村级“十四五”发展规划（FOR）及“一村一品”产品（FEATURES）；返回各状态（新建、更新、未变）的行数。
// Import village 14th Five-Year development plans and their featured product; returns the
// number of rows per status (created, updated: its properties, village or product changed,
// unchanged).
UNWIND $rows AS row
MATCH (v:Village {code: row.village})
OPTIONAL MATCH (x:Product {code: row.product})
MERGE (p:DevPlan {code: row.code})
WITH *, p:Record AS existed, properties(p) AS before,
     EXISTS { (p)-[:FOR]->(v) } AND (x IS NULL OR EXISTS { (p)-[:FEATURES]->(x) }) AS linked
SET p:Record, p.title = row.title, p.period = row.period, p.adoptedOn = row.adoptedOn
MERGE (p)-[:FOR]->(v)
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | MERGE (p)-[:FEATURES]->(x))
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
