// 导入媒体宣传报道（ABOUT 所属活动）；返回各状态（新建、更新、未变）的行数。
// Import media publications and the campaign each is about; returns the number of rows per
// status (created, updated: its properties or campaign changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (c:Record {code: row.campaign})
OPTIONAL MATCH (found:Publication {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Publication']})
  RETURN made
}
WITH *, coalesce(found, made) AS p, found IS NOT NULL AS existed
WITH *, properties(p) AS before, EXISTS { (p)-[:ABOUT]->(c) } AS linked
SET p.title = row.title, p.outlet = row.outlet, p.publishedOn = row.publishedOn
MERGE (p)-[:ABOUT]->(c)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(p) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
