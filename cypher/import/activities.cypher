// 导入志愿服务活动：组织单位（ORGANISED）与活动社区（AT）；返回各状态（新建、更新、未变）的行数。
// Import volunteer activities: the organising Party organisation and the community; returns
// the number of rows per status (created, updated: its properties or links changed, unchanged).
UNWIND $rows AS row
MATCH (o:PartyOrg {code: row.org})
MATCH (k:Community {code: row.community})
MERGE (a:Activity {code: row.code})
WITH *, a:Record AS existed, properties(a) AS before,
     EXISTS { (o)-[:ORGANISED]->(a) } AND EXISTS { (a)-[:AT]->(k) } AS linked
SET a:Record, a.title = row.title, a.on = row.on, a.participants = row.participants
MERGE (o)-[:ORGANISED]->(a)
MERGE (a)-[:AT]->(k)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(a) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
