// F25 各类媒体发布信息：截至 $asOf 的报道数。
// F25 media publications by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (p:Publication)
WHERE p.publishedOn <= $asOf
WITH count(p) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'publications' AS part, value
