// F18 开通政法综治信息平台专用账号的部门单位：截至 $asOf 账号有效的部门单位数。
// F18 departments holding an active governance-platform account as of $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (d:Department)-[a:HOLDS_ACCOUNT]->(:Platform)
WHERE a.since <= $asOf AND (a.until IS NULL OR a.until > $asOf)
WITH count(DISTINCT d) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'departments' AS part, value
