// 导入产品，及其所属品牌（INCLUDES，可空）。
// Import products and, when given, the brand that includes them.
UNWIND $rows AS row
MERGE (p:Product {code: row.code})
SET p:Record, p.name = row.name, p.category = row.category
WITH p, row
OPTIONAL MATCH (b:Brand {code: row.brand})
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END |
  MERGE (b)-[r:INCLUDES]->(p)
  SET r.since = row.brandSince)
