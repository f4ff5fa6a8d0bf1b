// Take the write lock of one weak-and-lax case and keep it until the transaction ends.
// Tests hold it open to show that a write blocked behind it is cut off by the hub's
// transaction timeout. 测试用：锁住一条整顿记录，直至事务结束。Params: $code.
MATCH (w:WeakLax {code: $code})
SET w.heldForTest = true
RETURN w.code AS code
