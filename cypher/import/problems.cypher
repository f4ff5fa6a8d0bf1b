// 导入解决的问题，以及解决途径（志愿服务活动或党建联系点，SOLVED_THROUGH）。
// Import solved problems and what solved them (an activity or a contact point).
UNWIND $rows AS row
MATCH (v:Record {code: row.via})
WHERE v:Activity OR v:ContactPoint
MERGE (p:Problem {code: row.code})
SET p:Record, p.title = row.title, p.category = row.category, p.solvedOn = row.solvedOn
MERGE (p)-[:SOLVED_THROUGH]->(v)
