// 导入网格员（专职、专属、兼职）及其负责网格（SERVES）；返回各状态（新建、更新、未变）的行数。
// Import grid workers (full-time, dedicated, part-time) and the grid each serves; returns the
// number of rows per status (created, updated: its properties or SERVES changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (g:Record {code: row.grid})
OPTIONAL MATCH (found:GridWorker {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['GridWorker']})
  RETURN made
}
WITH *, coalesce(found, made) AS w, found IS NOT NULL AS existed
WITH *, properties(w) AS before,
     EXISTS { (w)-[:SERVES {since: row.since}]->(g) } AS serving
SET w.name = row.name, w.phone = row.phone,
    w.idHash = row.idHash, w.idMasked = row.idMasked,
    w.type = row.type, w.partyMember = row.partyMember
MERGE (w)-[r:SERVES {since: row.since}]->(g)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(w) OR NOT serving OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
