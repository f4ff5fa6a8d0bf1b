// 把本批新建（或临时显露）的记录藏入暂存：去掉读取方匹配的类别标签（保留 :Record，使发布只需每条加回一个标签），
// 记下它们，打上导入编号。
// Hide this batch's new records (and the staged ones it revealed) in the staging area: the
// kind labels readers match (:Household, :Unit, …) are taken off and kept in `stagedLabels`,
// and the node is tagged with the import. `:Record`, which no reader query matches, stays, so
// that publishing is one label per record and the code stays unique while staged. Runs in
// the batch's own transaction, so no reader ever sees them labelled.
// Params: $codes (only codes this import creates), $id.
UNWIND $codes AS code
MATCH (n:Record {code: code})
WITH n, [label IN labels(n) WHERE NOT label IN ['Record', 'Staged']] AS own
REMOVE n:$(own)
SET n:Staged, n.importId = $id, n.stagedLabels = own
