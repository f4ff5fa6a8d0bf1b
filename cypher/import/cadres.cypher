// 导入村（社区）干部；返回各状态（新建、更新、未变）的行数。
// Import village and community cadres; returns the number of rows per status (created,
// updated, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
OPTIONAL MATCH (found:Cadre {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Cadre']})
  RETURN made
}
WITH *, coalesce(found, made) AS k, found IS NOT NULL AS existed
WITH *, properties(k) AS before
SET k.name = row.name, k.phone = row.phone,
    k.gender = row.gender, k.birthDate = row.birthDate,
    k.idHash = row.idHash, k.idMasked = row.idMasked
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(k) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
