// F22 非公有制经济组织党组织：截至 $asOf 存续的企业党组织数（单独或联合组建）。
// F22 Party organisations in non-public enterprises (own or joint) existing as of $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (o:PartyOrg {kind: 'enterprise_org'})-[i:IN]->(:Unit)
WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
WITH count(DISTINCT o) AS value
// Aggregated before the part is named, so nothing to count is a row of 0, not no row.
RETURN 'enterpriseOrgs' AS part, value
