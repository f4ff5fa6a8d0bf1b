// 基准数据的标记：记录已完整写入的规模、生成器版本与各步耗时（重跑时据此跳过写入）。
// The benchmark data's marker: which scale and generator version this database holds, and
// how long each load step took (a rerun skips the load when it is complete). No parameters.
MATCH (b:BenchMarker {id: 'bench'})
RETURN b.scale AS scale, b.version AS version, b.townships AS townships,
       b.complete AS complete, b.loadSeconds AS loadSeconds,
       b.generateSeconds AS generateSeconds, b.importSeconds AS importSeconds,
       b.indexSeconds AS indexSeconds
