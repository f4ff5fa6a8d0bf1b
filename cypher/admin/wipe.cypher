// Delete every node and relationship, in batches. Tests use it on their own database only;
// run it by hand only on a database you mean to empty.
// 清空数据库（仅测试库使用）。
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
