// 导入村（社区）干部。
// Import village and community cadres.
UNWIND $rows AS row
MERGE (k:Cadre {code: row.code})
SET k:Record, k.name = row.name, k.gender = row.gender, k.birthDate = row.birthDate,
    k.idHash = row.idHash, k.idMasked = row.idMasked
