// 编码在图中是否已存在，以及其标签（导入前检查引用与编码冲突）。
// Which of these codes the graph already holds, with their labels (checked before import).
UNWIND $codes AS code
MATCH (n:Record {code: code})
RETURN code, labels(n) AS labels
