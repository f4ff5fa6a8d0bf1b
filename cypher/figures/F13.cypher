// F13 四级组织链条（结构）：截至 $asOf 的乡镇党委、村（社区）党组织、网格党组织数，联系户的党员数与被联系户数，
// 以及未能经村（社区）党组织连到乡镇党委的网格党组织数（gridOrgsOffChain，应为0）。
// F13 the four-level chain as of $asOf: township committees, village/community orgs, grid orgs, linking members, linked households,
// and grid orgs whose UNDER path does not reach a township committee through a village/community org (should be 0).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (t:PartyOrg {kind: 'township_committee'})-[i:IN]->(:Township)
  WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(DISTINCT t) AS townships
}
CALL () {
  MATCH (o:PartyOrg)-[u:UNDER]->(:PartyOrg {kind: 'township_committee'})
  WHERE o.kind IN ['village_org', 'community_org'] AND u.since <= $asOf AND (u.until IS NULL OR u.until > $asOf)
  RETURN count(DISTINCT o) AS middle
}
CALL () {
  MATCH (g:PartyOrg)-[i:IN]->(:Grid)
  WHERE g.kind IN ['grid_branch', 'grid_group'] AND i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(DISTINCT g) AS gridOrgs,
    count(DISTINCT CASE WHEN NOT EXISTS {
      MATCH p = (g)-[:UNDER*1..2]->(c:PartyOrg)-[:UNDER]->(:PartyOrg {kind: 'township_committee'})
      WHERE c.kind IN ['village_org', 'community_org']
        AND all(r IN relationships(p) WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf))
    } THEN g END) AS offChain
}
CALL () {
  MATCH (o:PartyOrg)<-[r:MEMBER_OF]-(m:Member)-[l:LINKS]->(h:Household)
  WHERE o.kind IN ['grid_branch', 'grid_group', 'village_org']
    AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
    AND l.since <= $asOf AND (l.until IS NULL OR l.until > $asOf)
  RETURN count(DISTINCT m) AS members, count(DISTINCT h) AS households
}
UNWIND [{part: 'townshipCommittees', value: townships}, {part: 'villageCommunityOrgs', value: middle}, {part: 'gridOrgs', value: gridOrgs}, {part: 'linkingMembers', value: members}, {part: 'linkedHouseholds', value: households}, {part: 'gridOrgsOffChain', value: offChain}] AS r
RETURN r.part AS part, r.value AS value
