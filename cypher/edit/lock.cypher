// 编辑前加写锁：锁住本次编辑要核对的记录或单位（按编码排序加锁，避免死锁），直至事务结束；
// 同时进行的同类编辑因此逐个执行，每个都看到前一个写入的结果。
// Lock, before an edit reads its state, the records and units whose state it checks, until
// its transaction ends: a concurrent edit of the same records waits here and then reads what
// the first one wrote, so a check-then-write edit lands exactly once. Setting and removing a
// property changes nothing but takes the node's write lock. Codes are locked in sorted order,
// so two edits never wait on each other. Params: $codes.
UNWIND $codes AS code
WITH code ORDER BY code
CALL (code) {
  MATCH (n:Record {code: code})
  RETURN n
  UNION
  MATCH (n:Unit {code: code})
  RETURN n
}
SET n._lock = true
REMOVE n._lock
RETURN count(n) AS locked
