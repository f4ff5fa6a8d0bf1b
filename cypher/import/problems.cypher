// 导入解决的问题，以及解决途径（志愿服务活动或党建联系点，SOLVED_THROUGH）；返回各状态（新建、更新、未变）的行数。
// Import solved problems and what solved them (an activity or a contact point); returns the
// number of rows per status (created, updated: its properties or way changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (v:Record {code: row.via})
OPTIONAL MATCH (found:Problem {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Problem']})
  RETURN made
}
WITH *, coalesce(found, made) AS p, found IS NOT NULL AS existed
WITH *, properties(p) AS before,
     EXISTS { (p)-[:SOLVED_THROUGH]->(v) } AS linked
SET p.title = row.title, p.category = row.category, p.solvedOn = row.solvedOn
MERGE (p)-[:SOLVED_THROUGH]->(v)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
