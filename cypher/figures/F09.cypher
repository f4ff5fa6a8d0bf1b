// F9 “党组织+合作社+农户”模式（定性）：截至 $asOf 由村党组织领办的合作社数、领办的村党组织数、带动农户数。
// F9 Party organisation + cooperative + farmers (qualitative): cooperatives led by a village org as of $asOf, leading orgs, farmer households.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (o:PartyOrg {kind: 'village_org'})-[l:LEADS]->(c:Cooperative)
WHERE l.since <= $asOf AND (l.until IS NULL OR l.until > $asOf)
WITH count(DISTINCT c) AS cooperatives, count(DISTINCT o) AS orgs,
  coalesce(sum(c.farmerHouseholds), 0) AS farmers
UNWIND [{part: 'cooperatives', value: cooperatives}, {part: 'leadingOrgs', value: orgs}, {part: 'farmerHouseholds', value: farmers}] AS r
RETURN r.part AS part, r.value AS value
