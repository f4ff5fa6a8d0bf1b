// 导入事件工单及所在地域（IN）。
// Import event work orders and where they arose.
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (o:WorkOrder {code: row.code})
SET o:Record, o.title = row.title, o.category = row.category, o.reportedOn = row.reportedOn
MERGE (o)-[r:IN]->(t)
SET r.since = row.reportedOn
