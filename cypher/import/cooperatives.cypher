// 导入合作社（“党组织+合作社+农户”）：所在村（IN）与领办党组织（LEADS）；返回各状态（新建、更新、未变）的行数。
// Import cooperatives: their village and the Party organisation that leads each; returns the
// number of rows per status (created, updated: its properties, IN or LEADS changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (v:Record {code: row.village})
MATCH (o:Record {code: row.org})
OPTIONAL MATCH (found:Cooperative {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Cooperative', 'Unit']})
  RETURN made
}
WITH *, coalesce(found, made) AS c, found IS NOT NULL AS existed
WITH *, properties(c) AS before,
     EXISTS { (o)-[:LEADS {since: row.since}]->(c) } AS led
SET c.name = row.name, c.farmerHouseholds = row.farmerHouseholds
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
