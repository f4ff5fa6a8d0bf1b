// 导入“红旗村”授牌及奖励资金。
// Import Red Flag Village awards and their reward money.
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (a:Award {code: row.code})
SET a:Record, a.title = row.title, a.year = row.year, a.awardedOn = row.awardedOn,
    a.rewardYuan = row.rewardYuan
MERGE (a)-[:TO]->(u)
