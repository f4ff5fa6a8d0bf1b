// F19 事件工单：截至 $asOf 有“流转/受理/退回/办结”记录的工单数；受理率 = 受理/流转；办结率 = 办结/流转（分母为全部流转工单）。
// F19 work orders with a routed / accepted / returned / closed step dated <= $asOf; acceptance rate = accepted / routed;
// closure rate = closed / routed (all routed orders are the denominator, returned ones included).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (o:WorkOrder)-[s:STEP]->(:Department)
WHERE s.on <= $asOf
WITH o, collect(s.status) AS steps
WITH count(CASE WHEN 'routed' IN steps THEN 1 END) AS routed,
  count(CASE WHEN 'accepted' IN steps THEN 1 END) AS accepted,
  count(CASE WHEN 'returned' IN steps THEN 1 END) AS returned,
  count(CASE WHEN 'closed' IN steps THEN 1 END) AS closed
WITH routed, accepted, returned, closed,
  CASE routed WHEN 0 THEN 0.0 ELSE round(100.0 * accepted / routed, 1) END AS acceptance,
  CASE routed WHEN 0 THEN 0.0 ELSE round(100.0 * closed / routed, 1) END AS closure
UNWIND [{part: 'routed', value: routed}, {part: 'accepted', value: accepted}, {part: 'returned', value: returned}, {part: 'acceptancePct', value: acceptance}, {part: 'closed', value: closed}, {part: 'closurePct', value: closure}] AS r
RETURN r.part AS part, r.value AS value
