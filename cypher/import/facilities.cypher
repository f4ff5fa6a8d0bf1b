// 导入阵地（服务中心、活动场所、示范点、新业态劳动者驿站“七有”）。
// Import facilities: service centres, venues, demonstration sites, worker stations (seven haves).
UNWIND $rows AS row
MATCH (t:Unit {code: row.territory})
MERGE (f:Facility {code: row.code})
SET f:Record, f.name = row.name, f.kind = row.kind, f.since = row.since, f.areaM2 = row.areaM2,
    f.hasToilet = row.hasToilet, f.hasAirConditioning = row.hasAirConditioning,
    f.hasWaterDispenser = row.hasWaterDispenser, f.hasPowerBank = row.hasPowerBank,
    f.hasWifi = row.hasWifi, f.hasFirstAidKit = row.hasFirstAidKit, f.hasSeats = row.hasSeats
MERGE (f)-[r:IN]->(t)
SET r.since = row.since
