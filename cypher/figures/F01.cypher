// F1 升级改建的1000平方米以上标准化党员群众综合服务中心：面积≥1000、建成日期不晚于 $asOf 的服务中心数。
// F1 standardised service centres of 1000 m2 or more: service_centre facilities with areaM2 >= 1000 and since <= $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'service_centre'})
WHERE f.since <= $asOf AND f.areaM2 >= 1000
RETURN 'centres' AS part, count(f) AS value
