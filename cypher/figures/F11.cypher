// F11 区域公用品牌（示范县为“兴安嘉品”）：截至 $asOf 纳入品牌的产品数与所获荣誉数。
// F11 the county's regional public brand(s), whatever their name: products included and
// honours won by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (:Brand {kind: 'regional_public'})-[i:INCLUDES]->(p:Product)
  WHERE i.since IS NULL OR i.since <= $asOf
  RETURN count(DISTINCT p) AS products
}
CALL () {
  MATCH (:Brand {kind: 'regional_public'})-[:WON]->(h:Honour)
  WHERE h.on <= $asOf
  RETURN count(DISTINCT h) AS honours
}
UNWIND [{part: 'products', value: products}, {part: 'honours', value: honours}] AS r
RETURN r.part AS part, r.value AS value
