// F23 新业态劳动者驿站“七有”（清单）：截至 $asOf 建成的驿站数、七项齐全的驿站数、不齐全的驿站数。
// F23 worker stations opened by $asOf; with all seven haves; without.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'worker_station'})
WHERE f.since <= $asOf
WITH f, coalesce(f.hasToilet, false) AND coalesce(f.hasAirConditioning, false)
  AND coalesce(f.hasWaterDispenser, false) AND coalesce(f.hasPowerBank, false)
  AND coalesce(f.hasWifi, false) AND coalesce(f.hasFirstAidKit, false)
  AND coalesce(f.hasSeats, false) AS complete
WITH count(f) AS stations, count(CASE WHEN complete THEN 1 END) AS full
UNWIND [{part: 'stations', value: stations}, {part: 'sevenHaves', value: full}, {part: 'incomplete', value: stations - full}] AS r
RETURN r.part AS part, r.value AS value
