// F15 社区“大党委”（结构）：截至 $asOf 的社区党组织数、有成员单位加入的社区党组织数、成员单位所属领域数。
// F15 the community joint Party committee: community orgs, those with an active member unit (JOINS), distinct sectors joined.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (k:PartyOrg {kind: 'community_org'})-[i:IN]->(:Community)
  WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(DISTINCT k) AS communities
}
CALL () {
  MATCH (:PartyOrg)-[j:JOINS]->(k:PartyOrg {kind: 'community_org'})
  WHERE j.since <= $asOf AND (j.until IS NULL OR j.until > $asOf)
  RETURN count(DISTINCT k) AS joint, count(DISTINCT j.sector) AS sectors
}
UNWIND [{part: 'communities', value: communities}, {part: 'jointCommittees', value: joint}, {part: 'sectors', value: sectors}] AS r
RETURN r.part AS part, r.value AS value
