// 导入户，并挂到所在网格或村（IN）；返回各状态（新建、更新、未变）的行数。
// Import households, tied to their grid or village by IN; returns the number of rows per
// status (created, updated: its properties or IN changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
OPTIONAL MATCH (found:Household {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Household']})
  RETURN made
}
WITH *, coalesce(found, made) AS h, found IS NOT NULL AS existed
WITH *, properties(h) AS before
SET h.head = row.head, h.phone = row.phone, h.size = row.size,
    h.address = row.address
MERGE (h)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(h) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
