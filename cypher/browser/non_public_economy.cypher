// 非公有制经济组织党建（Neo4j Browser 图）：两新工委 → 行业党组织 → 企业党组织 → 非公企业 ← 党建指导员 ← 选派单位
// Non-public economy (Neo4j Browser picture): county committee → industry orgs → enterprise orgs → enterprises ← instructors ← departments.
// Organisational coverage (组织覆盖, :COVERS own/joint/attached) and work coverage (工作覆盖,
// :GUIDES) side by side, for the enterprises of the industries in $industries; an enterprise
// with neither is drawn alone, so the gap shows. All 100 demo enterprises at once would be
// unreadable, hence the industry filter. Everything as of $asOf.
// 参数 / params (Browser):
//   :param industries => ['culture_tourism', 'property_management', 'freight']  行业 / enterprise industries
//     (the three with an industry Party org; also manufacturing, retail, catering, logistics, other)
//   :param asOf => date('2023-06-30')  截至日期 / as-of date (the report date)
// 返回 / returns one path per row, column `p`.
// Industry orgs of those industries under the county's committee (两新工委).
MATCH p = (i:PartyOrg {kind: 'industry_org'})-[u:UNDER]->(:PartyOrg)
WHERE i.industry IN $industries
  AND u.since <= $asOf AND (u.until IS NULL OR u.until > $asOf)
RETURN p
UNION
// Organisational coverage: the org covering each enterprise, and the org above it.
MATCH p = (e:Enterprise)<-[c:COVERS]-(o:PartyOrg)-[u:UNDER]->(:PartyOrg)
WHERE e.industry IN $industries
  AND c.since <= $asOf AND (c.until IS NULL OR c.until > $asOf)
  AND u.since <= $asOf AND (u.until IS NULL OR u.until > $asOf)
RETURN p
UNION
// Work coverage: the instructor guiding each enterprise, and the department that sent them.
MATCH (e:Enterprise)<-[g:GUIDES]-(n:Instructor)
WHERE e.industry IN $industries
  AND g.since <= $asOf AND (g.until IS NULL OR g.until > $asOf)
OPTIONAL MATCH p2 = (e)<-[g]-(n)-[s:SENT_BY]->(:Department)
WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf)
MATCH p1 = (e)<-[g]-(n)
RETURN coalesce(p2, p1) AS p
UNION
// Neither: the enterprise alone (a zero-length path), the gap to close.
MATCH p = (e:Enterprise)
WHERE e.industry IN $industries
  AND NOT EXISTS { MATCH (:PartyOrg)-[c:COVERS]->(e)
                   WHERE c.since <= $asOf AND (c.until IS NULL OR c.until > $asOf) }
  AND NOT EXISTS { MATCH (:Instructor)-[g:GUIDES]->(e)
                   WHERE g.since <= $asOf AND (g.until IS NULL OR g.until > $asOf) }
RETURN p
