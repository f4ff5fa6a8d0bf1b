// 导入到村（社区）任职大学生及任职关系（PLACED_IN）；返回各状态（新建、更新、未变）的行数。
// Import graduates placed in villages or communities; returns the number of rows per status
// (created, updated: its properties or placement changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (u:Record {code: row.unit})
OPTIONAL MATCH (found:Graduate {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Graduate']})
  RETURN made
}
WITH *, coalesce(found, made) AS g, found IS NOT NULL AS existed
WITH *, properties(g) AS before,
     EXISTS { (g)-[:PLACED_IN {since: row.since}]->(u) } AS placed
SET g.name = row.name, g.phone = row.phone,
    g.idHash = row.idHash, g.idMasked = row.idMasked,
    g.school = row.school
MERGE (g)-[r:PLACED_IN {since: row.since}]->(u)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(g) OR NOT placed OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
