// 导入软弱涣散党组织的认定与提升（整顿）记录；返回各状态（新建、更新、未变）的行数。
// Import weak-and-lax designations and their rectification; returns the number of rows per
// status (created, updated: its properties or organisation changed, unchanged).
UNWIND $rows AS row
MATCH (o:PartyOrg {code: row.org})
MERGE (w:WeakLax {code: row.code})
WITH *, w:Record AS existed, properties(w) AS before, EXISTS { (w)-[:CONCERNS]->(o) } AS linked
SET w:Record, w.designatedOn = row.designatedOn, w.rectifiedOn = row.rectifiedOn,
    w.reason = row.reason
MERGE (w)-[:CONCERNS]->(o)
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(w) OR NOT linked THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
