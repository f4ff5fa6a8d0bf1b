// F12 社区网格：截至 $asOf 存续的网格数（网格只设在社区）。
// F12 community grids existing as of $asOf (only communities have grids).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (g:Grid)-[i:IN]->(:Community)
WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
RETURN 'grids' AS part, count(DISTINCT g) AS value
