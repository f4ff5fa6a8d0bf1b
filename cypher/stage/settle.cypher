// 已发布导入的收尾：去掉记录上的暂存标记（读取方从不看它们），分批提交。
// Finish a published import: take the staging marks (two properties no reader looks at) off
// its records, in batches of their own. Params: $id.
MATCH (s:Record {importId: $id})
CALL (s) { SET s.importId = null, s.stagedLabels = null } IN TRANSACTIONS OF 5000 ROWS
