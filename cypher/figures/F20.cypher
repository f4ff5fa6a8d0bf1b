// F20 行业党组织（文旅、物业、货运）：截至 $asOf 存续的行业党组织所覆盖的行业数与组织数。
// F20 industry Party organisations existing as of $asOf: distinct industries, organisations.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (o:PartyOrg {kind: 'industry_org'})-[i:IN]->(:Unit)
WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
WITH count(DISTINCT o.industry) AS industries, count(DISTINCT o) AS orgs
UNWIND [{part: 'industries', value: industries}, {part: 'industryOrgs', value: orgs}] AS r
RETURN r.part AS part, r.value AS value
