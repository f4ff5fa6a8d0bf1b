// 测试用：把一个单位（网格、企业）于 $on 从 $from 迁到 $to：关闭旧的 IN 关系，新建一条（保留历史）。
// For tests: move the unit $code (a grid, an enterprise) on $on from $from to $to: its open
// :IN link to $from gets `until`, a new one to $to starts (history kept), as a county's
// restructuring would. Params: $code, $from, $to, $on.
MATCH (n:Unit {code: $code})-[r:IN]->(:Unit {code: $from})
WHERE r.until IS NULL
SET r.until = $on
WITH n
MATCH (t:Unit {code: $to})
CREATE (n)-[:IN {since: $on}]->(t)
RETURN n.code AS code
