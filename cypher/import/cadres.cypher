// 导入村（社区）干部；返回各状态（新建、更新、未变）的行数。
// Import village and community cadres; returns the number of rows per status (created,
// updated, unchanged).
UNWIND $rows AS row
MERGE (k:Cadre {code: row.code})
WITH *, k:Record AS existed, properties(k) AS before
SET k:Record, k.name = row.name, k.phone = row.phone,
    k.gender = row.gender, k.birthDate = row.birthDate,
    k.idHash = row.idHash, k.idMasked = row.idMasked
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(k) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
