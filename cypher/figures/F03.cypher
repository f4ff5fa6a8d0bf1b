// F3 标准化党建品牌示范点：命名日期不晚于 $asOf 的示范点数。
// F3 standardised Party-building brand demonstration sites named by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'brand_demo_site'})
WHERE f.since <= $asOf
WITH count(f) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'sites' AS part, value
