// F8 村级“十四五”发展规划：行政村数、截至 $asOf 已编制规划的村数、规划中有“一村一品”产品的村数。
// F8 administrative villages; with a 14th Five-Year plan adopted by $asOf; whose plan features a product (one village, one product).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (v:Village)-[i:IN]->(:Township)
WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
WITH count(v) AS villages,
  count(CASE WHEN EXISTS {
    (p:DevPlan)-[:FOR]->(v) WHERE p.adoptedOn <= $asOf } THEN 1 END) AS planned,
  count(CASE WHEN EXISTS {
    (p:DevPlan)-[:FOR]->(v), (p)-[:FEATURES]->(:Product) WHERE p.adoptedOn <= $asOf } THEN 1 END)
    AS featured
UNWIND [{part: 'villages', value: villages}, {part: 'villagesWithPlan', value: planned}, {part: 'villagesWithProduct', value: featured}] AS r
RETURN r.part AS part, r.value AS value
