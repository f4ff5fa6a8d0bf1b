// 导入前核对：图中记录当前（未结束）所属的上级（IN 地域、UNDER 上级党组织），以及其上级党组织链，
// 用于拒绝"一个单位两个上级"和"上级关系成环"。
// Before an import: the open parents of records already in the graph (the territory they lie
// IN, the Party organisation they are UNDER) and the open UNDER links of their ancestors, to
// refuse a second parent or a cycle of parents. Params: $codes.
UNWIND $codes AS code
MATCH (n:Record {code: code})
CALL (n) {
  MATCH (n)-[r:IN|UNDER]->(p:Unit)
  WHERE r.until IS NULL
  RETURN n.code AS child, type(r) AS type, p.code AS parent
  UNION
  MATCH (n)-[:UNDER*1..10]->(a:PartyOrg)-[r:UNDER]->(p:PartyOrg)
  WHERE r.until IS NULL
  RETURN a.code AS child, 'UNDER' AS type, p.code AS parent
}
RETURN DISTINCT child AS code, type, parent
