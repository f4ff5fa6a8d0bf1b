// F25 各类媒体发布信息（十余篇次）：截至 $asOf 的报道数。
// F25 media publications by $asOf (the report says 10+).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (p:Publication)
WHERE p.publishedOn <= $asOf
RETURN 'publications' AS part, count(p) AS value
