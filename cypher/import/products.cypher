// 导入产品，及其所属品牌（INCLUDES，可空）；返回各状态（新建、更新、未变）的行数。
// Import products and, when given, the brand that includes them; returns the number of rows
// per status (created, updated: its properties or brand changed, unchanged).
UNWIND $rows AS row
OPTIONAL MATCH (b:Brand {code: row.brand})
MERGE (p:Product {code: row.code})
WITH *, p:Record AS existed, properties(p) AS before,
     [(b)-[r:INCLUDES]->(p) | properties(r)] AS was
SET p:Record, p.name = row.name, p.category = row.category
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END |
  MERGE (b)-[r:INCLUDES]->(p)
  SET r.since = row.brandSince)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR was <> [(b)-[r:INCLUDES]->(p) | properties(r)]
                 THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
