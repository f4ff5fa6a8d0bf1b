// 导入干部年度考核（RATED），每人每年一条。
// Import cadres' yearly ratings, one per cadre and year.
UNWIND $rows AS row
MATCH (k:Cadre {code: row.cadre})
MATCH (u:Unit {code: row.unit})
MERGE (k)-[r:RATED {year: row.year}]->(u)
SET r.grade = row.grade
