// Step 4: a label per kind of Party organisation, beside `kind`, for Neo4j Browser's style
// (docs/browser/style.grass); the import sets it from now on.
// 第 4 步：按党组织类型加标签，供 Neo4j Browser 样式区分各级党组织。
MATCH (o:PartyOrg {kind: 'county_committee'}) SET o:CountyCommittee;
MATCH (o:PartyOrg {kind: 'township_committee'}) SET o:TownshipCommittee;
MATCH (o:PartyOrg {kind: 'village_org'}) SET o:VillageOrg;
MATCH (o:PartyOrg {kind: 'community_org'}) SET o:CommunityOrg;
MATCH (o:PartyOrg {kind: 'grid_branch'}) SET o:GridBranch;
MATCH (o:PartyOrg {kind: 'grid_group'}) SET o:GridGroup;
MATCH (o:PartyOrg {kind: 'agency_org'}) SET o:AgencyOrg;
MATCH (o:PartyOrg {kind: 'industry_org'}) SET o:IndustryOrg;
MATCH (o:PartyOrg {kind: 'enterprise_org'}) SET o:EnterpriseOrg;
