// 暂存新的党员联系户关系：其党员或户是本次导入新建的，关系必然是新的，直接新建（不必 MERGE）。
// Stage new member-household links: the member or the household is new in this import, so
// the link is too, and is created outright (no MERGE to look first); the records are found by
// code as :Record, staged ones too. Writes what `cypher/import/member_links.cypher` writes for
// a new link, faster; every row is `created`. Params: $rows.
UNWIND $rows AS row
MATCH (a:Record {code: row.member})
MATCH (b:Record {code: row.household})
CREATE (a)-[:LINKS {since: date(row.since), until: date(row.until)}]->(b)
RETURN 'created' AS status, count(*) AS count
