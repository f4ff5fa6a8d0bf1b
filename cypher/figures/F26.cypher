// F26 非公党建示范点（demoSites）；表彰非公企业党组织优秀党务工作者（partyAffairsWorkers）、优秀共产党员（outstandingMembers）：
// 截至 $asOf，受表彰者在表彰当日属于企业党组织。
// F26 non-public demonstration sites named by $asOf; commendations by $asOf of Party-affairs workers and outstanding members
// who belonged to an enterprise_org on the day of the commendation.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (f:Facility {kind: 'nonpublic_demo_site'})
  WHERE f.since <= $asOf
  RETURN count(f) AS sites
}
CALL () {
  MATCH (c:Commendation)-[:TO]->(m:Member)
  WHERE c.awardedOn <= $asOf
    AND EXISTS { (m)-[r:MEMBER_OF]->(:PartyOrg {kind: 'enterprise_org'})
                 WHERE r.since <= c.awardedOn AND (r.until IS NULL OR r.until > c.awardedOn) }
  RETURN count(DISTINCT CASE WHEN c.kind = 'party_affairs_worker' THEN c END) AS workers,
    count(DISTINCT CASE WHEN c.kind = 'outstanding_member' THEN c END) AS members
}
UNWIND [{part: 'demoSites', value: sites}, {part: 'partyAffairsWorkers', value: workers}, {part: 'outstandingMembers', value: members}] AS r
RETURN r.part AS part, r.value AS value
