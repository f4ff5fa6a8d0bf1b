// F16 网格员（专职+专属+兼职）：截至 $asOf 在岗的网格员数及各类人数；有网格员的网格数与空白网格数（社区网格与村网格合计）。
// F16 grid workers serving as of $asOf, by type; grids with a worker and grids without (grids in communities and in villages together).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (w:GridWorker)-[s:SERVES]->(:Grid)
  WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf)
  RETURN count(DISTINCT w) AS workers,
    count(DISTINCT CASE WHEN w.type = 'full_time' THEN w END) AS fullTime,
    count(DISTINCT CASE WHEN w.type = 'dedicated' THEN w END) AS dedicated,
    count(DISTINCT CASE WHEN w.type = 'part_time' THEN w END) AS partTime
}
CALL () {
  MATCH (g:Grid)-[i:IN]->(:Village|Community)
  WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(g) AS grids,
    count(CASE WHEN EXISTS { (:GridWorker)-[s:SERVES]->(g) WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf) } THEN 1 END)
      AS covered
}
UNWIND [{part: 'workers', value: workers}, {part: 'fullTime', value: fullTime}, {part: 'dedicated', value: dedicated}, {part: 'partTime', value: partTime}, {part: 'gridsCovered', value: covered}, {part: 'gridsBlank', value: grids - covered}] AS r
RETURN r.part AS part, r.value AS value
