// 导入到村（社区）任职大学生及任职关系（PLACED_IN）；返回各状态（新建、更新、未变）的行数。
// Import graduates placed in villages or communities; returns the number of rows per status
// (created, updated: its properties or placement changed, unchanged).
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (g:Graduate {code: row.code})
WITH *, g:Record AS existed, properties(g) AS before,
     EXISTS { (g)-[:PLACED_IN {since: row.since}]->(u) } AS placed
SET g:Record, g.name = row.name, g.phone = row.phone,
    g.idHash = row.idHash, g.idMasked = row.idMasked,
    g.school = row.school
MERGE (g)-[r:PLACED_IN {since: row.since}]->(u)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(g) OR NOT placed OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
