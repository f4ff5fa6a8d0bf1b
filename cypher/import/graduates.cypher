// 导入到村（社区）任职大学生及任职关系（PLACED_IN）。
// Import graduates placed in villages or communities.
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (g:Graduate {code: row.code})
SET g:Record, g.name = row.name, g.idHash = row.idHash, g.idMasked = row.idMasked,
    g.school = row.school
MERGE (g)-[r:PLACED_IN {since: row.since}]->(u)
SET r.until = row.until
