// 导入进程锁住自己的导入节点（在整个导入期间不提交的事务内），表示“仍在进行”。
// The importing process locks its own run's node, in a transaction it never commits, as the
// sign that the run is alive. Params: $id.
MATCH (r:ImportRun {id: $id})
SET r.heldAt = datetime()
RETURN r.id AS id
