// 导入组织关系（党员—党组织）：关系以起始日期区分，历史关系保留并写入终止日期。
// Import memberships (member to organisation): one relationship per start date; history is closed with `until`, never deleted.
UNWIND $rows AS row
MATCH (a:Member {code: row.member})
MATCH (b:PartyOrg {code: row.org})
MERGE (a)-[r:MEMBER_OF {since: row.since}]->(b)
SET r.until = row.until
