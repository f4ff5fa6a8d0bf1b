// 导入记录的快照（编码与全部属性），加上关系总数与关系属性总数；用于验证重复导入不改变任何数据。
// A snapshot of every imported record (code and properties) plus relationship and relationship
// property counts; tests use it to show that importing the same data again changes nothing.
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships, sum(size(keys(r))) AS relationshipProperties
}
MATCH (n:Record)
WITH relationships, relationshipProperties, n ORDER BY n.code
RETURN relationships, relationshipProperties,
  collect([n.code, labels(n), properties(n)]) AS records
