// 图中是否已有导入的数据（用于“空库时载入示例县”）。
// Whether the graph already holds imported records (load the demo county only when empty).
// The governance platform is made by a migration, not by an import: it does not count.
OPTIONAL MATCH (n:Record) WHERE NOT n:Platform
WITH n LIMIT 1
RETURN n IS NOT NULL AS present
