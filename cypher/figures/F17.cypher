// F17 “乡镇吹哨、部门报到”：截至 $asOf 有在职党员到社区报到的县直机关事业单位党组织数（agencyOrgs）、报到党员数（members），
// 机关党组织开展的志愿服务活动数（activities）、通过这些活动解决的问题数（problems）。
// F17 agency Party orgs with a member actively reporting to a community as of $asOf; those members;
// volunteer activities organised by agency orgs by $asOf; problems solved through them by $asOf.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (o:PartyOrg {kind: 'agency_org'})<-[mo:MEMBER_OF]-(m:Member)-[r:REPORTS_TO]->(:Community)
  WHERE mo.since <= $asOf AND (mo.until IS NULL OR mo.until > $asOf) AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN count(DISTINCT o) AS orgs, count(DISTINCT m) AS members
}
CALL () {
  MATCH (:PartyOrg {kind: 'agency_org'})-[:ORGANISED]->(a:Activity)
  WHERE a.on <= $asOf
  RETURN count(DISTINCT a) AS activities
}
CALL () {
  MATCH (p:Problem)-[:SOLVED_THROUGH]->(:Activity)<-[:ORGANISED]-(:PartyOrg {kind: 'agency_org'})
  WHERE p.solvedOn <= $asOf
  RETURN count(DISTINCT p) AS problems
}
UNWIND [{part: 'agencyOrgs', value: orgs}, {part: 'members', value: members}, {part: 'activities', value: activities}, {part: 'problems', value: problems}] AS r
RETURN r.part AS part, r.value AS value
