// 导入干部任职（HELD）：以职务与任职日期区分，离任写入终止日期。
// Import cadres' posts: one HELD per post and start date; leaving sets `until`.
UNWIND $rows AS row
MATCH (k:Cadre {code: row.cadre})
MATCH (u:Unit {code: row.unit})
MERGE (k)-[r:HELD {post: row.post, since: row.since}]->(u)
SET r.until = row.until
