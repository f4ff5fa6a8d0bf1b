// 导入党建指导员及选派单位（SENT_BY）；返回各状态（新建、更新、未变）的行数。
// Import Party-building instructors and the department that sent each; returns the number of
// rows per status (created, updated: its properties or SENT_BY changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (d:Record {code: row.department})
OPTIONAL MATCH (found:Instructor {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Instructor']})
  RETURN made
}
WITH *, coalesce(found, made) AS i, found IS NOT NULL AS existed
WITH *, properties(i) AS before,
     EXISTS { (i)-[:SENT_BY {since: row.since}]->(d) } AS sent
SET i.name = row.name, i.phone = row.phone,
    i.idHash = row.idHash, i.idMasked = row.idMasked
MERGE (i)-[r:SENT_BY {since: row.since}]->(d)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(i) OR NOT sent OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
