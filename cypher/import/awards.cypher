// 导入“红旗村”授牌及奖励资金；返回各状态（新建、更新、未变）的行数。
// Import Red Flag Village awards and their reward money; returns the number of rows per status
// (created, updated: its properties or village changed, unchanged).
UNWIND $rows AS row
MATCH (u:Unit {code: row.unit})
MERGE (a:Award {code: row.code})
WITH *, a:Record AS existed, properties(a) AS before, EXISTS { (a)-[:TO]->(u) } AS linked
SET a:Record, a.title = row.title, a.year = row.year, a.awardedOn = row.awardedOn,
    a.rewardYuan = row.rewardYuan
MERGE (a)-[:TO]->(u)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(a) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
