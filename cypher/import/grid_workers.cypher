// 导入网格员（专职、专属、兼职）及其负责网格（SERVES）。
// Import grid workers (full-time, dedicated, part-time) and the grid each serves.
UNWIND $rows AS row
MATCH (g:Grid {code: row.grid})
MERGE (w:GridWorker {code: row.code})
SET w:Record, w.name = row.name, w.idHash = row.idHash, w.idMasked = row.idMasked,
    w.type = row.type, w.partyMember = row.partyMember
MERGE (w)-[r:SERVES {since: row.since}]->(g)
SET r.until = row.until
