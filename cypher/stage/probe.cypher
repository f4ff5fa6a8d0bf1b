// 试着锁住另一个导入的节点：导入仍在进行时它被锁住，本查询等到超时；否则该导入已中断。
// Try to lock another run's node with a short timeout: a live run holds the lock and this
// waits until it times out; getting it means the run's process is gone. Params: $id.
MATCH (r:ImportRun {id: $id})
SET r.probedAt = datetime()
RETURN r.id AS id
