// 导入“红旗村”授牌及奖励资金；返回各状态（新建、更新、未变）的行数。
// Import Red Flag Village awards and their reward money; returns the number of rows per status
// (created, updated: its properties or village changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (u:Record {code: row.unit})
OPTIONAL MATCH (found:Award {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Award']})
  RETURN made
}
WITH *, coalesce(found, made) AS a, found IS NOT NULL AS existed
WITH *, properties(a) AS before, EXISTS { (a)-[:TO]->(u) } AS linked
SET a.title = row.title, a.year = row.year, a.awardedOn = row.awardedOn,
    a.rewardYuan = row.rewardYuan
MERGE (a)-[:TO]->(u)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(a) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
