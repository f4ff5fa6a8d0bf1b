// 发布：在一个事务内给本次导入暂存的全部记录加上类别标签，并记下“已发布”。读取方在提交时一次看到全部。
// Publish: in one transaction, give every record this import staged the kind labels it was
// written without (`stagedLabels`, set by `cypher/import/*.cypher`), and mark the import
// published; readers see all of it at the commit, and none of it before. One label change
// per new record; the staging marks stay on it as its provenance (docs/model.md, "Imports").
// Params: $id.
OPTIONAL MATCH (s:Record {importId: $id})
WHERE s.stagedLabels IS NOT NULL
SET s:$(s.stagedLabels)
WITH count(s) AS shown
CREATE (:ImportPublished {id: $id, at: datetime()})
RETURN shown
