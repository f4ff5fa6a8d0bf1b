// 导入党员（身份证号仅存哈希与脱敏形式）。
// Import Party members (the ID number only as a keyed hash and a masked form).
UNWIND $rows AS row
MERGE (m:Member {code: row.code})
SET m:Record, m.name = row.name, m.gender = row.gender, m.birthDate = row.birthDate,
    m.idHash = row.idHash, m.idMasked = row.idMasked, m.fullMember = row.fullMember,
    m.joinedOn = row.joinedOn
