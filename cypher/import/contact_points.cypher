// 导入县委常委党建联系点及其所在村或社区（AT）。
// Import the standing-committee members' contact points and where they are.
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (p:ContactPoint {code: row.code})
SET p:Record, p.name = row.name, p.leader = row.leader, p.leaderPost = row.leaderPost
MERGE (p)-[r:AT]->(u)
SET r.since = row.since, r.until = row.until
