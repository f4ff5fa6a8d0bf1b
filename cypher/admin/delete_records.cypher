// 按编码删除导入的记录及其关系（测试在独立的编码空间中写入后用它清理）。
// Delete imported records, and their relationships, by code (tests clean up their own codes).
UNWIND $codes AS code
MATCH (n:Record {code: code})
DETACH DELETE n
