// 导入党建指导员及选派单位（SENT_BY）；返回各状态（新建、更新、未变）的行数。
// Import Party-building instructors and the department that sent each; returns the number of
// rows per status (created, updated: its properties or SENT_BY changed, unchanged).
UNWIND $rows AS row
MATCH (d:Department {code: row.department})
MERGE (i:Instructor {code: row.code})
WITH *, i:Record AS existed, properties(i) AS before,
     EXISTS { (i)-[:SENT_BY {since: row.since}]->(d) } AS sent
SET i:Record, i.name = row.name, i.phone = row.phone,
    i.idHash = row.idHash, i.idMasked = row.idMasked
MERGE (i)-[r:SENT_BY {since: row.since}]->(d)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(i) OR NOT sent OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
