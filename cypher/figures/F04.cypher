// F4 软弱涣散村（社区）党组织：截至 $asOf 已认定的数量（designated）与其中已完成提升的数量（rectified）。
// F4 weak-and-lax village/community Party organisations designated by $asOf, and of them rectified by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (w:WeakLax)-[:CONCERNS]->(o:PartyOrg)
WHERE o.kind IN ['village_org', 'community_org'] AND w.designatedOn <= $asOf
WITH count(w) AS designated, count(CASE WHEN w.rectifiedOn <= $asOf THEN 1 END) AS rectified
UNWIND [{part: 'designated', value: designated}, {part: 'rectified', value: rectified}] AS r
RETURN r.part AS part, r.value AS value
