// F23 新业态劳动者驿站“七有”（清单）：截至 $asOf 建成的驿站数、七项齐全的驿站数、缺少某项的驿站数；
// 没有缺项但有项目未填、无法判断的驿站另计（unknown）。
// F23 worker stations opened by $asOf; with all seven haves; lacking one or more; and, apart, those lacking none but
// with some haves not filled in, which cannot be judged (unknown).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'worker_station'})
WHERE f.since <= $asOf
WITH f, [f.hasToilet, f.hasAirConditioning, f.hasWaterDispenser, f.hasPowerBank, f.hasWifi,
         f.hasFirstAidKit, f.hasSeats] AS haves
WITH f, any(h IN haves WHERE h IS NOT NULL AND NOT h) AS lacking, any(h IN haves WHERE h IS NULL) AS unsure
WITH count(f) AS stations, count(CASE WHEN NOT lacking AND NOT unsure THEN 1 END) AS full,
     count(CASE WHEN lacking THEN 1 END) AS incomplete,
     count(CASE WHEN NOT lacking AND unsure THEN 1 END) AS unknown
UNWIND [{part: 'stations', value: stations}, {part: 'sevenHaves', value: full}, {part: 'incomplete', value: incomplete}, {part: 'unknown', value: unknown}] AS r
RETURN r.part AS part, r.value AS value
