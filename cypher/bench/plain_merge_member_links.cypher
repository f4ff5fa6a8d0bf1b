// 基准对照：不经校验，直接 UNWIND … MERGE 写入党员联系户关系（与导入同样的行）。
// Benchmark baseline: member-household links written by a plain UNWIND … MERGE, no
// validation, the same rows the importer writes. Params: $rows.
UNWIND $rows AS row
MATCH (m:Member {code: row.member})
MATCH (h:Household {code: row.household})
MERGE (m)-[r:LINKS {since: row.since}]->(h)
SET r.until = row.until
