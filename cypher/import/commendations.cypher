// 导入表彰（优秀党务工作者、优秀共产党员）及受表彰党员（TO）；返回各状态（新建、更新、未变）的行数。
// Import commendations (Party-affairs workers, outstanding members) and who received them;
// returns the number of rows per status (created, updated: its properties or member changed,
// unchanged).
UNWIND $rows AS row
MATCH (m:Member {code: row.member})
MERGE (c:Commendation {code: row.code})
WITH *, c:Record AS existed, properties(c) AS before, EXISTS { (c)-[:TO]->(m) } AS linked
SET c:Record, c.kind = row.kind, c.title = row.title, c.awardedOn = row.awardedOn
MERGE (c)-[:TO]->(m)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(c) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
