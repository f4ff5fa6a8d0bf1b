// 导入干部任职（HELD）：以职务与任职日期区分，离任写入终止日期。
// 返回各状态的行数：新建（新关系）、更新（已有关系的属性有变）、未变。
// Import cadres' posts: one HELD per post and start date; leaving sets `until`.
// Returns the number of rows per status: created (a new relationship), updated (an existing
// one whose properties changed), unchanged.
// The records are found by code as :Record, staged ones too (docs/model.md, "Imports";
// the checks have matched their kinds). Params: $rows.
UNWIND $rows AS row
MATCH (a:Record {code: row.cadre})
MATCH (b:Record {code: row.unit})
WITH *, EXISTS { (a)-[:HELD {post: row.post, since: row.since}]->(b) } AS existed
MERGE (a)-[r:HELD {post: row.post, since: row.since}]->(b)
WITH *, properties(r) AS before
SET r.until = row.until
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
