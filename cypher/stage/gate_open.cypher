// 发布闸门打开：发布事务已提交（或已放弃）。
// Open the publish gate again: the publish transaction committed (or gave up). The epoch
// moves on, so a reader that started before the commit reads again.
MERGE (g:ImportGate {id: 'gate'})
SET g.epoch = coalesce(g.epoch, 0) + 1, g.until = null
RETURN g.epoch AS epoch
