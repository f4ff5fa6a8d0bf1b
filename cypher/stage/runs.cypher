// 其他导入（正在进行的，或中断后遗留的）。
// The other import runs recorded in the graph: live ones, or left by an interrupted import.
// Params: $id (this run, left out).
MATCH (r:ImportRun)
WHERE r.id <> $id
RETURN r.id AS id
