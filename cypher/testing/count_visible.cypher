// 测试用：读取方能看到的记录数（有类别标签的 :Record），以及仍在暂存区的记录数（只有 :Record）。
// For tests: the records readers can see (a :Record with a kind label) and the records still
// in an import's staging area (a bare :Record, written by an import that has not published).
MATCH (n:Record)
RETURN count(CASE WHEN size(labels(n)) > 1 THEN 1 END) AS visible,
       count(CASE WHEN size(labels(n)) = 1 THEN 1 END) AS staged
