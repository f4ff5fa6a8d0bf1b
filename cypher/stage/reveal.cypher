// 在本批事务内临时恢复被引用的暂存记录的标签，使导入查询能按标签找到它们（提交前再藏起）。
// Inside a batch's transaction, give the staged records the batch refers to their labels back,
// so the kind's import query finds them by label; `hide` takes them off again before the
// commit. Params: $codes, $id.
UNWIND $codes AS code
MATCH (s:Staged {code: code})
WHERE s.importId = $id
SET s:$(s.stagedLabels)
