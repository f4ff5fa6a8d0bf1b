// 导入志愿服务活动：组织单位（ORGANISED）与活动社区（AT）。
// Import volunteer activities: the organising Party organisation and the community.
UNWIND $rows AS row
MATCH (o:PartyOrg {code: row.org})
MATCH (k:Community {code: row.community})
MERGE (a:Activity {code: row.code})
SET a:Record, a.title = row.title, a.on = row.on, a.participants = row.participants
MERGE (o)-[:ORGANISED]->(a)
MERGE (a)-[:AT]->(k)
