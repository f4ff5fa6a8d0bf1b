// 导入合作社（“党组织+合作社+农户”）：所在村（IN）与领办党组织（LEADS）。
// Import cooperatives: their village and the Party organisation that leads each.
UNWIND $rows AS row
MATCH (v:Village {code: row.village})
MATCH (o:PartyOrg {code: row.org})
MERGE (c:Cooperative {code: row.code})
SET c:Record:Unit, c.name = row.name, c.farmerHouseholds = row.farmerHouseholds
MERGE (c)-[i:IN]->(v)
SET i.since = row.since
MERGE (o)-[r:LEADS {since: row.since}]->(c)
SET r.until = row.until
