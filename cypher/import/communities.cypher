// 导入社区：按编码合并节点，并挂到上级地域（IN）；返回各状态（新建、更新、未变）的行数。
// Import communities: merge by code and tie to the parent territory by IN; returns the number of
// rows per status (created, updated: its properties or IN changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (p:Record {code: row.township})
OPTIONAL MATCH (found:Community {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Community', 'Unit']})
  RETURN made
}
WITH *, coalesce(found, made) AS n, found IS NOT NULL AS existed
WITH *, properties(n) AS before
SET n.name = row.name
MERGE (n)-[r:IN]->(p)
WITH *, properties(r) AS was
SET r.since = row.since
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(n) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
