// 导入党建品牌创建活动。
// Import Party-building brand campaigns.
UNWIND $rows AS row
MERGE (c:Campaign {code: row.code})
SET c:Record, c.name = row.name, c.launchedOn = row.launchedOn
