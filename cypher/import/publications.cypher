// 导入媒体宣传报道（ABOUT 所属活动）。
// Import media publications and the campaign each is about.
UNWIND $rows AS row
MATCH (c:Campaign {code: row.campaign})
MERGE (p:Publication {code: row.code})
SET p:Record, p.title = row.title, p.outlet = row.outlet, p.publishedOn = row.publishedOn
MERGE (p)-[:ABOUT]->(c)
