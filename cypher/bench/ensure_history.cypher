// 基准数据中一段已结束的组织关系（幂等）：真实县域数据都有历史，`until` 属性因此存在；
// 没有它，每条带 `until` 条件的查询都会收到“属性不存在”的通知。
// One ended membership in the benchmark data (idempotent): a real county's graph has history,
// so the `until` property exists; without it every query testing `until` draws a
// "property key does not exist" notification. $member, $org.
MATCH (m:Member {code: $member})
MATCH (o:PartyOrg {code: $org})
MERGE (m)-[r:MEMBER_OF {since: date('2015-01-01')}]->(o)
SET r.until = date('2016-01-01')
