// 导入品牌荣誉（WON）；返回各状态（新建、更新、未变）的行数。
// Import the honours a brand won; returns the number of rows per status (created, updated:
// its properties or brand changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (b:Record {code: row.brand})
OPTIONAL MATCH (found:Honour {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Honour']})
  RETURN made
}
WITH *, coalesce(found, made) AS h, found IS NOT NULL AS existed
WITH *, properties(h) AS before, EXISTS { (b)-[:WON]->(h) } AS linked
SET h.title = row.title, h.event = row.event, h.on = row.on
MERGE (b)-[:WON]->(h)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(h) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
