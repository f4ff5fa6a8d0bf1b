// 导入部门单位及其政法综治信息平台专用账号（HOLDS_ACCOUNT，含开通、停用日期）。
// Import departments and their governance-platform accounts (HOLDS_ACCOUNT with dates).
MERGE (p:Platform:Record {code: 'PLAT-ZFZZ'})
ON CREATE SET p.name = '政法综治信息平台'
WITH p
UNWIND $rows AS row
MATCH (c:County {code: row.county})
MERGE (n:Department {code: row.code})
SET n:Record:Unit, n.name = row.name, n.kind = row.kind
MERGE (n)-[i:IN]->(c)
ON CREATE SET i.since = coalesce(row.accountSince, date('2000-01-01'))
FOREACH (_ IN CASE WHEN row.account IS NULL THEN [] ELSE [1] END |
  MERGE (n)-[a:HOLDS_ACCOUNT]->(p)
  SET a.account = row.account, a.since = row.accountSince, a.until = row.accountUntil)
