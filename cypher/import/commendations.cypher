// 导入表彰（优秀党务工作者、优秀共产党员）及受表彰党员（TO）；返回各状态（新建、更新、未变）的行数。
// Import commendations (Party-affairs workers, outstanding members) and who received them;
// returns the number of rows per status (created, updated: its properties or member changed,
// unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (m:Record {code: row.member})
OPTIONAL MATCH (found:Commendation {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Commendation']})
  RETURN made
}
WITH *, coalesce(found, made) AS c, found IS NOT NULL AS existed
WITH *, properties(c) AS before, EXISTS { (c)-[:TO]->(m) } AS linked
SET c.kind = row.kind, c.title = row.title, c.awardedOn = row.awardedOn
MERGE (c)-[:TO]->(m)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(c) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
