// 导入党建指导员及选派单位（SENT_BY）。
// Import Party-building instructors and the department that sent each.
UNWIND $rows AS row
MATCH (d:Department {code: row.department})
MERGE (i:Instructor {code: row.code})
SET i:Record, i.name = row.name, i.idHash = row.idHash, i.idMasked = row.idMasked
MERGE (i)-[r:SENT_BY {since: row.since}]->(d)
SET r.until = row.until
