// F10 县委常委通过党建联系点帮助解决的产业发展困难和问题：截至 $asOf 经联系点解决的问题数。
// F10 problems solved by $asOf through the county standing-committee members' contact points.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (p:Problem)-[:SOLVED_THROUGH]->(:ContactPoint)
WHERE p.solvedOn <= $asOf
WITH count(DISTINCT p) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'problems' AS part, value
