// 开始一次分批导入：记下导入编号。导入进程在一个一直打开的事务里锁住这个节点，进程一死锁就释放。
// Begin a staged import: the run's node. The importing process keeps it locked in a transaction
// it holds open for the whole import, so the lock is gone the moment the process (or Neo4j)
// dies; that is how the next import tells a dead run from a live one. Params: $id, $who.
CREATE (r:ImportRun {id: $id, who: $who, startedAt: datetime()})
RETURN r.id AS id
