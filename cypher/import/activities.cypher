// 导入志愿服务活动：组织单位（ORGANISED）与活动社区（AT）；返回各状态（新建、更新、未变）的行数。
// Import volunteer activities: the organising Party organisation and the community; returns
// the number of rows per status (created, updated: its properties or links changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (o:Record {code: row.org})
MATCH (k:Record {code: row.community})
OPTIONAL MATCH (found:Activity {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Activity']})
  RETURN made
}
WITH *, coalesce(found, made) AS a, found IS NOT NULL AS existed
WITH *, properties(a) AS before,
     EXISTS { (o)-[:ORGANISED]->(a) } AND EXISTS { (a)-[:AT]->(k) } AS linked
SET a.title = row.title, a.on = row.on, a.participants = row.participants
MERGE (o)-[:ORGANISED]->(a)
MERGE (a)-[:AT]->(k)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(a) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
