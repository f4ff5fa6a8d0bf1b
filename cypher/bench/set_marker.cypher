// 更新基准数据标记：规模、生成器版本、是否完整、各步耗时（秒）。
// Update the benchmark data's marker: scale, generator version, complete, and the seconds
// each load step took. $scale, $version, $townships, $complete, $loadSeconds,
// $generateSeconds, $importSeconds, $indexSeconds.
MERGE (b:BenchMarker {id: 'bench'})
SET b.scale = $scale, b.version = $version, b.townships = $townships,
    b.complete = $complete, b.loadSeconds = $loadSeconds,
    b.generateSeconds = $generateSeconds, b.importSeconds = $importSeconds,
    b.indexSeconds = $indexSeconds
