// 导入部门单位及其政法综治信息平台专用账号（HOLDS_ACCOUNT，含开通、停用日期）；返回各状态（新建、更新、未变）的行数。
// Import departments and their governance-platform accounts (HOLDS_ACCOUNT with dates);
// returns the number of rows per status (created, updated: its properties, IN or account
// changed, unchanged). The platform itself is made by a migration (006).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
MATCH (p:Platform {code: 'PLAT-ZFZZ'})
UNWIND $rows AS row
MATCH (c:Record {code: row.county})
OPTIONAL MATCH (found:Department {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Department', 'Unit']})
  RETURN made
}
WITH *, coalesce(found, made) AS n, found IS NOT NULL AS existed
WITH *, properties(n) AS before, EXISTS { (n)-[:IN]->(c) } AS placed
SET n.name = row.name, n.kind = row.kind
MERGE (n)-[i:IN]->(c)
ON CREATE SET i.since = coalesce(row.accountSince, date('2000-01-01'))
WITH *
CALL (n, p, row) {
  WITH n, p, row WHERE row.account IS NOT NULL
  MERGE (n)-[a:HOLDS_ACCOUNT]->(p)
  WITH *, properties(a) AS was
  SET a.account = row.account, a.since = row.accountSince, a.until = row.accountUntil
  RETURN count(CASE WHEN was <> properties(a) THEN 1 END) AS account
}
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(n) OR NOT placed OR account > 0 THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
