// 导入县委常委党建联系点及其所在村或社区（AT）；返回各状态（新建、更新、未变）的行数。
// Import the standing-committee members' contact points and where they are; returns the
// number of rows per status (created, updated: its properties or AT changed, unchanged).
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (p:ContactPoint {code: row.code})
WITH *, p:Record AS existed, properties(p) AS before
SET p:Record, p.name = row.name, p.leader = row.leader, p.leaderPost = row.leaderPost
MERGE (p)-[r:AT]->(u)
WITH *, properties(r) AS was
SET r.since = row.since, r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
