// 导入非公有制经济组织（编码即统一社会信用代码）及所在地域；返回各状态（新建、更新、未变）的行数。
// Import non-public enterprises (the code is the USCC) and their territory; returns the number
// of rows per status (created, updated: its properties or IN changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
OPTIONAL MATCH (found:Enterprise {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Enterprise', 'Unit']})
  RETURN made
}
WITH *, coalesce(found, made) AS e, found IS NOT NULL AS existed
WITH *, properties(e) AS before
SET e.name = row.name, e.industry = row.industry, e.size = row.size
MERGE (e)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(e) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
