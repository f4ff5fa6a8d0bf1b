// 暂存新户：检查已确认这些户在图中都不存在，直接新建（不必 MERGE），挂到所在网格或村（IN）。
// Stage new households: the checks found none of these codes in the graph, so each is
// created outright (no MERGE to look first), in its staged form (docs/model.md, "Imports"):
// a bare :Record with the import's id ($run) and the label `cypher/stage/publish.cypher` gives
// it, tied to its grid or village by IN. Writes what `cypher/import/households.cypher` writes
// for a new household, faster; every row is `created`. Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
CREATE (h:Record {code: row.code, importId: $run, stagedLabels: ['Household'],
                  head: row.head, phone: row.phone, size: row.size, address: row.address})
CREATE (h)-[:IN {since: date(row.since), until: date(row.until)}]->(t)
RETURN 'created' AS status, count(*) AS count
