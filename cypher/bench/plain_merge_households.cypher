// 基准对照：不经校验，直接 UNWIND … MERGE 写入户及其所在地域关系（与导入同样的行）。
// Benchmark baseline: households written by a plain UNWIND … MERGE, no validation, the same
// rows the importer writes. Params: $rows.
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (h:Household {code: row.code})
SET h:Record, h.head = row.head, h.phone = row.phone, h.size = row.size,
    h.address = row.address
MERGE (h)-[r:IN]->(t)
SET r.since = row.since, r.until = row.until
