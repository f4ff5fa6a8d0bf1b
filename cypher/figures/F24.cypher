// F24 “扎根做贡献·担当勇争先”党建品牌创建活动（定性）：截至 $asOf 已启动的活动数与相关报道数。
// F24 the brand campaign (qualitative): campaigns launched by $asOf and publications about them.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (c:Campaign {name: '扎根做贡献·担当勇争先'})
  WHERE c.launchedOn <= $asOf
  RETURN count(c) AS campaigns
}
CALL () {
  MATCH (p:Publication)-[:ABOUT]->(:Campaign {name: '扎根做贡献·担当勇争先'})
  WHERE p.publishedOn <= $asOf
  RETURN count(DISTINCT p) AS publications
}
UNWIND [{part: 'campaigns', value: campaigns}, {part: 'publications', value: publications}] AS r
RETURN r.part AS part, r.value AS value
