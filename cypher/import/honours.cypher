// 导入品牌荣誉（WON）。
// Import the honours a brand won.
UNWIND $rows AS row
MATCH (b:Brand {code: row.brand})
MERGE (h:Honour {code: row.code})
SET h:Record, h.title = row.title, h.event = row.event, h.on = row.on
MERGE (b)-[:WON]->(h)
