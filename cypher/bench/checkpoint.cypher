// 基准：把导入留下的脏页写回磁盘（检查点），再量空闲时的查询延迟。
// Benchmark: flush what the import left in the page cache (a checkpoint) before the idle
// latency is measured, so that "idle" is a database with no write work pending.
CALL db.checkpoint() YIELD success
RETURN success
