// How many imported records the graph holds (nodes labelled :Record, from the count store).
// 测试用：已导入记录（:Record）的节点数。
MATCH (n:Record)
RETURN count(n) AS nodes
