// 编码在图中是否已存在（已发布的记录；暂存未发布的不算），以及其标签和类型（导入前检查引用、编码冲突和党组织的上级类型）。
// Which of these codes the graph holds, with their labels and `kind` (checked before a chunk
// of an import is staged: references, code clashes, and the kind of a Party organisation's
// parent). Only published records count: a record staged and not yet published (by this
// import's earlier chunks, or by another live import) is a bare :Record, with no kind label.
// Params: $codes.
UNWIND $codes AS code
MATCH (n:Record {code: code})
WHERE any(label IN labels(n) WHERE label <> 'Record')
RETURN code, labels(n) AS labels, n.kind AS kind
