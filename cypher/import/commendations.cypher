// 导入表彰（优秀党务工作者、优秀共产党员）及受表彰党员（TO）。
// Import commendations (Party-affairs workers, outstanding members) and who received them.
UNWIND $rows AS row
MATCH (m:Member {code: row.member})
MERGE (c:Commendation {code: row.code})
SET c:Record, c.kind = row.kind, c.title = row.title, c.awardedOn = row.awardedOn
MERGE (c)-[:TO]->(m)
