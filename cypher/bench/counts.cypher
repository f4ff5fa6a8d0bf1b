// 基准数据库的规模：节点数与关系数（从计数存储读取，不扫描）。
// The size of the benchmark database: node and relationship counts (from the count store).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
