// 导入干部年度考核（RATED），每人每年一条。
// 返回各状态的行数：新建（新关系）、更新（已有关系的属性有变）、未变。
// Import cadres' yearly ratings, one per cadre and year.
// Returns the number of rows per status: created (a new relationship), updated (an existing
// one whose properties changed), unchanged.
// The records are found by code as :Record, staged ones too (docs/model.md, "Imports";
// the checks have matched their kinds). Params: $rows.
UNWIND $rows AS row
MATCH (a:Record {code: row.cadre})
MATCH (b:Record {code: row.unit})
WITH *, EXISTS { (a)-[:RATED {year: row.year}]->(b) } AS existed
MERGE (a)-[r:RATED {year: row.year}]->(b)
WITH *, properties(r) AS before
SET r.grade = row.grade
RETURN CASE WHEN NOT existed THEN 'created' WHEN before <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
