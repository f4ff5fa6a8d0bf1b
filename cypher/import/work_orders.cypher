// 导入事件工单及所在地域（IN）；返回各状态（新建、更新、未变）的行数。
// Import event work orders and where they arose; returns the number of rows per status
// (created, updated: its properties or IN changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
OPTIONAL MATCH (found:WorkOrder {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['WorkOrder']})
  RETURN made
}
WITH *, coalesce(found, made) AS o, found IS NOT NULL AS existed
WITH *, properties(o) AS before
SET o.title = row.title, o.category = row.category, o.reportedOn = row.reportedOn
MERGE (o)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.reportedOn
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(o) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
