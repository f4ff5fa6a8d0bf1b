// 导入党建品牌创建活动；返回各状态（新建、更新、未变）的行数。
// Import Party-building brand campaigns; returns the number of rows per status (created,
// updated, unchanged).
UNWIND $rows AS row
MERGE (c:Campaign {code: row.code})
WITH *, c:Record AS existed, properties(c) AS before
SET c:Record, c.name = row.name, c.launchedOn = row.launchedOn
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(c) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
