// 发布：在一个事务内给本次导入的全部暂存记录加回标签，并记下“已发布”。读取方在提交时一次看到全部。
// Publish: in one transaction, give every staged record of this import its labels back and
// mark the import published; readers see all of it at the commit, or none of it before.
// The Staged label and tags stay until `settle` takes them off in batches. Params: $id.
OPTIONAL MATCH (s:Staged {importId: $id})
WHERE s.stagedLabels IS NOT NULL
SET s:$(s.stagedLabels)
WITH count(s) AS shown
CREATE (:ImportPublished {id: $id, at: datetime()})
RETURN shown
