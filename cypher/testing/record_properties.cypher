// 测试用：按编码读出记录的全部属性及其向外的关系（检查导入写入的值，以及留空的单元格不存属性）。
// For tests: every property of the records with these codes and their outgoing relationships,
// to check what an import stored and that an empty cell left its property absent.
// Params: $codes.
UNWIND $codes AS code
MATCH (n:Record {code: code})
RETURN n.code AS code, properties(n) AS properties,
       [(n)-[r]->(m:Record) | {type: type(r), to: m.code, since: r.since, until: r.until}]
         AS links
ORDER BY code
