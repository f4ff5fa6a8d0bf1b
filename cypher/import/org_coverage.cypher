// 导入党组织覆盖企业（单独、联合、挂靠）：关系以起始日期区分，历史关系保留并写入终止日期。
// 返回各状态的行数：新建（新关系）、更新（已有关系的属性有变）、未变。
// Import organisational coverage of enterprises (own, joint, attached): one relationship per start date; history is closed with `until`, never deleted.
// Returns the number of rows per status: created (a new relationship), updated (an existing
// one whose properties changed), unchanged.
// The records are found by code as :Record, staged ones too (docs/model.md, "Imports";
// the checks have matched their kinds). Params: $rows.
UNWIND $rows AS row
MATCH (a:Record {code: row.org})
MATCH (b:Record {code: row.enterprise})
WITH *, EXISTS { (a)-[:COVERS {since: row.since}]->(b) } AS existed
MERGE (a)-[r:COVERS {since: row.since}]->(b)
WITH *, properties(r) AS before
SET r.until = row.until, r.mode = row.mode
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
