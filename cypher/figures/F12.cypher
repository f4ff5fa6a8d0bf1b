// F12 社区网格：截至 $asOf 存续、设在社区的网格数（grids，报告所称“社区网格”）；另列设在行政村的网格数（villageGrids）与两者合计（allGrids）。
// F12 community grids existing as of $asOf (grids: those whose active :IN is to a community, the report's 社区网格);
// grids in administrative villages (villageGrids) and both together (allGrids) beside them.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
OPTIONAL MATCH (g:Grid)-[i:IN]->(p:Village|Community)
WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
WITH count(DISTINCT CASE WHEN p:Community THEN g END) AS community,
     count(DISTINCT CASE WHEN p:Village THEN g END) AS village
UNWIND [{part: 'grids', value: community}, {part: 'villageGrids', value: village}, {part: 'allGrids', value: community + village}] AS r
RETURN r.part AS part, r.value AS value
