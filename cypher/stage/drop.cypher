// 删除一个中断（未发布）导入的暂存记录及其关系，分批提交。
// Delete the staged records (and their relationships) of an interrupted or refused,
// unpublished import, in batches of their own. Params: $id.
MATCH (s:Record {importId: $id})
CALL (s) { DETACH DELETE s } IN TRANSACTIONS OF 5000 ROWS
