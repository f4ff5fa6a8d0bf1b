// 导入合作社（“党组织+合作社+农户”）：所在村（IN）与领办党组织（LEADS）；返回各状态（新建、更新、未变）的行数。
// Import cooperatives: their village and the Party organisation that leads each; returns the
// number of rows per status (created, updated: its properties, IN or LEADS changed, unchanged).
UNWIND $rows AS row
MATCH (v:Village {code: row.village})
MATCH (o:PartyOrg {code: row.org})
MERGE (c:Cooperative {code: row.code})
WITH *, c:Record AS existed, properties(c) AS before,
     EXISTS { (o)-[:LEADS {since: row.since}]->(c) } AS led
SET c:Record:Unit, c.name = row.name, c.farmerHouseholds = row.farmerHouseholds
MERGE (c)-[i:IN]->(v)
WITH *, properties(i) AS was
SET i.since = row.since
MERGE (o)-[r:LEADS {since: row.since}]->(c)
WITH *, properties(r) AS leadWas
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(c) OR was <> properties(i) OR NOT led
                 OR leadWas <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
