// 编码在图中是否已存在，以及其标签和类型（导入前检查引用、编码冲突和党组织的上级类型）。
// Which of these codes the graph already holds, with their labels and `kind` (checked before
// import: references, code clashes, and the kind of a Party organisation's parent).
UNWIND $codes AS code
MATCH (n:Record {code: code})
RETURN code, labels(n) AS labels, n.kind AS kind
