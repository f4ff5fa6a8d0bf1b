// F5 “红旗村”授牌：截至 $asOf 授予村和社区（合计）的称号数（titles）与奖励资金合计（rewardYuan，元）。
// F5 Red Flag Village titles awarded by $asOf to villages and communities together, and the reward money (yuan).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (a:Award {title: '红旗村'})-[:TO]->(:Unit)
WHERE a.awardedOn <= $asOf
WITH count(a) AS titles, coalesce(sum(a.rewardYuan), 0) AS yuan
UNWIND [{part: 'titles', value: titles}, {part: 'rewardYuan', value: yuan}] AS r
RETURN r.part AS part, r.value AS value
