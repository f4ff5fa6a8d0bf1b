// 发布闸门关闭：本次导入的发布事务即将提交。读取方在闸门关闭期间或其前后编号变化时重读。
// Close the publish gate: an import's publish transaction is about to commit. A reader whose
// query ran while the gate was closed, or across a change of its epoch, reads again, so no
// reader keeps a result that saw part of a commit (hub/graph/publish_gate.py). `until` bounds the
// closing should the publishing process die before it opens the gate again.
// Params: $seconds (how long the gate may stay closed at most).
MERGE (g:ImportGate {id: 'gate'})
SET g.epoch = coalesce(g.epoch, 0) + 1,
    g.until = datetime() + duration({seconds: $seconds})
RETURN g.epoch AS epoch
