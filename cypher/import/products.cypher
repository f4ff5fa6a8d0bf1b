// 导入产品，及其所属品牌（INCLUDES，可空）；返回各状态（新建、更新、未变）的行数。
// Import products and, when given, the brand that includes them; returns the number of rows
// per status (created, updated: its properties or brand changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
OPTIONAL MATCH (b:Record {code: row.brand})
OPTIONAL MATCH (found:Product {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Product']})
  RETURN made
}
WITH *, coalesce(found, made) AS p, found IS NOT NULL AS existed
WITH *, properties(p) AS before,
     [(b)-[r:INCLUDES]->(p) | properties(r)] AS was
SET p.name = row.name, p.category = row.category
FOREACH (_ IN CASE WHEN b IS NULL THEN [] ELSE [1] END |
  MERGE (b)-[r:INCLUDES]->(p)
  SET r.since = row.brandSince)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR was <> [(b)-[r:INCLUDES]->(p) | properties(r)]
                 THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
