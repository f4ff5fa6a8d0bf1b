// 把本批新建（或临时显露）的记录藏入暂存：去掉读取方匹配的标签，记下它们，打上导入编号。
// Hide this batch's new records (and the staged ones it revealed) in the staging area: the
// labels readers match are taken off and kept in `stagedLabels`, the node is tagged with the
// import. Runs in the batch's own transaction, so no reader ever sees them labelled.
// Params: $codes (only codes this import creates), $id.
UNWIND $codes AS code
MATCH (n:Record {code: code})
WITH n, [label IN labels(n) WHERE label <> 'Staged'] AS own
REMOVE n:$(own)
SET n:Staged, n.importId = $id, n.stagedLabels = own
