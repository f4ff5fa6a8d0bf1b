// 已发布导入的收尾：去掉暂存标记（读取方从不看它们），分批提交。
// Finish a published import: take the staging marks off its records (no reader looks at
// them), in batches of their own. Params: $id.
MATCH (s:Staged {importId: $id})
CALL (s) { REMOVE s:Staged SET s.importId = null, s.stagedLabels = null }
  IN TRANSACTIONS OF 5000 ROWS
