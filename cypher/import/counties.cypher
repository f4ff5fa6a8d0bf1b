// 导入县：按编码合并；返回各状态（新建、更新、未变）的行数。
// Import the county: merge by code; returns the number of rows per status (created, updated,
// unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
OPTIONAL MATCH (found:County {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['County', 'Unit']})
  RETURN made
}
WITH *, coalesce(found, made) AS n, found IS NOT NULL AS existed
WITH *, properties(n) AS before
SET n.name = row.name
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(n) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
