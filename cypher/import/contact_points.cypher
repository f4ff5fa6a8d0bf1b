// 导入县委常委党建联系点及其所在村或社区（AT）；返回各状态（新建、更新、未变）的行数。
// Import the standing-committee members' contact points and where they are; returns the
// number of rows per status (created, updated: its properties or AT changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (u:Record {code: row.unit})
OPTIONAL MATCH (found:ContactPoint {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['ContactPoint']})
  RETURN made
}
WITH *, coalesce(found, made) AS p, found IS NOT NULL AS existed
WITH *, properties(p) AS before
SET p.name = row.name, p.leader = row.leader, p.leaderPost = row.leaderPost
MERGE (p)-[r:AT]->(u)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
