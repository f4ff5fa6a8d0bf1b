// 导入村级“十四五”发展规划（FOR）及“一村一品”产品（FEATURES）；返回各状态（新建、更新、未变）的行数。
// Import village 14th Five-Year development plans and their featured product; returns the
// number of rows per status (created, updated: its properties, village or product changed,
// unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (v:Record {code: row.village})
OPTIONAL MATCH (x:Record {code: row.product})
OPTIONAL MATCH (found:DevPlan {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['DevPlan']})
  RETURN made
}
WITH *, coalesce(found, made) AS p, found IS NOT NULL AS existed
WITH *, properties(p) AS before,
     EXISTS { (p)-[:FOR]->(v) } AND (x IS NULL OR EXISTS { (p)-[:FEATURES]->(x) }) AS linked
SET p.title = row.title, p.period = row.period, p.adoptedOn = row.adoptedOn
MERGE (p)-[:FOR]->(v)
FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | MERGE (p)-[:FEATURES]->(x))
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
