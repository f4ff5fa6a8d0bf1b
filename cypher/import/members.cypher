// 导入党员（身份证号仅存哈希与脱敏形式）；返回各状态（新建、更新、未变）的行数。
// Import Party members (the ID number only as a keyed hash and a masked form); returns the
// number of rows per status (created, updated, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
OPTIONAL MATCH (found:Member {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Member']})
  RETURN made
}
WITH *, coalesce(found, made) AS m, found IS NOT NULL AS existed
WITH *, properties(m) AS before
SET m.name = row.name, m.phone = row.phone,
    m.gender = row.gender, m.birthDate = row.birthDate,
    m.idHash = row.idHash, m.idMasked = row.idMasked, m.fullMember = row.fullMember,
    m.joinedOn = row.joinedOn
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(m) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
