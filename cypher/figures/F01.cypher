// F1 升级改建的1000平方米以上标准化党员群众综合服务中心：面积≥1000、建成日期不晚于 $asOf 的服务中心数；
// 未填面积、无法判断的服务中心另计为 unknown，不计入也不排除。
// F1 standardised service centres of 1000 m2 or more: service_centre facilities with areaM2 >= 1000 and since <= $asOf;
// centres without an area cannot be judged and are counted apart as unknown.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'service_centre'})
WHERE f.since <= $asOf
// Aggregated before the parts are named, so nothing to count is a row of 0, not no row.
WITH count(CASE WHEN f.areaM2 >= 1000 THEN 1 END) AS centres,
     count(CASE WHEN f.areaM2 IS NULL THEN 1 END) AS unknown
UNWIND [{part: 'centres', value: centres}, {part: 'unknown', value: unknown}] AS r
RETURN r.part AS part, r.value AS value
