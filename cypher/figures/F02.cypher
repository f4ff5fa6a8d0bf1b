// F2 已验收的规范化村级组织活动场所：验收日期不晚于 $asOf 的活动场所数。
// F2 village-level activity venues accepted (since = acceptance date) by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (f:Facility {kind: 'activity_venue'})
WHERE f.since <= $asOf
WITH count(f) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'venues' AS part, value
