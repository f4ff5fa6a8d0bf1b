// 测试用：读取方能看到的记录数（有类别标签的 :Record），以及仍在暂存区的记录数。
// For tests: the records readers can see (a :Record with its kind label, i.e. not staged) and
// the records still in an import's staging area.
MATCH (n:Record)
RETURN count(CASE WHEN NOT n:Staged THEN 1 END) AS visible,
       count(CASE WHEN n:Staged THEN 1 END) AS staged
