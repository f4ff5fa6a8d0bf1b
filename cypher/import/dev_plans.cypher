// 导入村级“十四五”发展规划（FOR）及“一村一品”产品（FEATURES）。
// Import village 14th Five-Year development plans and their featured product.
UNWIND $rows AS row
MATCH (v:Village {code: row.village})
MERGE (p:DevPlan {code: row.code})
SET p:Record, p.title = row.title, p.period = row.period, p.adoptedOn = row.adoptedOn
MERGE (p)-[:FOR]->(v)
WITH p, row
OPTIONAL MATCH (x:Product {code: row.product})
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | MERGE (p)-[:FEATURES]->(x))
