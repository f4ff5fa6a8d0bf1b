// 导入网格员（专职、专属、兼职）及其负责网格（SERVES）；返回各状态（新建、更新、未变）的行数。
// Import grid workers (full-time, dedicated, part-time) and the grid each serves; returns the
// number of rows per status (created, updated: its properties or SERVES changed, unchanged).
UNWIND $rows AS row
MATCH (g:Grid {code: row.grid})
MERGE (w:GridWorker {code: row.code})
WITH *, w:Record AS existed, properties(w) AS before,
     EXISTS { (w)-[:SERVES {since: row.since}]->(g) } AS serving
SET w:Record, w.name = row.name, w.phone = row.phone,
    w.idHash = row.idHash, w.idMasked = row.idMasked,
    w.type = row.type, w.partyMember = row.partyMember
MERGE (w)-[r:SERVES {since: row.since}]->(g)
WITH *, properties(r) AS was
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(w) OR NOT serving OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
