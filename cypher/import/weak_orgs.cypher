// 导入软弱涣散党组织的认定与提升（整顿）记录；返回各状态（新建、更新、未变）的行数。
// Import weak-and-lax designations and their rectification; returns the number of rows per
// status (created, updated: its properties or organisation changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (o:Record {code: row.org})
OPTIONAL MATCH (found:WeakLax {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['WeakLax']})
  RETURN made
}
WITH *, coalesce(found, made) AS w, found IS NOT NULL AS existed
WITH *, properties(w) AS before, EXISTS { (w)-[:CONCERNS]->(o) } AS linked
SET w.designatedOn = row.designatedOn, w.rectifiedOn = row.rectifiedOn,
    w.reason = row.reason
MERGE (w)-[:CONCERNS]->(o)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(w) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
