// 导入党员（身份证号仅存哈希与脱敏形式）；返回各状态（新建、更新、未变）的行数。
// Import Party members (the ID number only as a keyed hash and a masked form); returns the
// number of rows per status (created, updated, unchanged).
UNWIND $rows AS row
MERGE (m:Member {code: row.code})
WITH *, m:Record AS existed, properties(m) AS before
SET m:Record, m.name = row.name, m.phone = row.phone,
    m.gender = row.gender, m.birthDate = row.birthDate,
    m.idHash = row.idHash, m.idMasked = row.idMasked, m.fullMember = row.fullMember,
    m.joinedOn = row.joinedOn
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(m) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
