// 导入软弱涣散党组织的认定与提升（整顿）记录。
// Import weak-and-lax designations and their rectification.
UNWIND $rows AS row
MATCH (o:PartyOrg {code: row.org})
MERGE (w:WeakLax {code: row.code})
SET w:Record, w.designatedOn = row.designatedOn, w.rectifiedOn = row.rectifiedOn,
    w.reason = row.reason
MERGE (w)-[:CONCERNS]->(o)
