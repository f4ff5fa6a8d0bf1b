// 导入阵地（服务中心、活动场所、示范点、新业态劳动者驿站“七有”）；返回各状态（新建、更新、未变）的行数。
// Import facilities: service centres, venues, demonstration sites, worker stations (seven
// haves); returns the number of rows per status (created, updated: its properties or IN
// changed, unchanged).
// A new record is written staged (docs/model.md, "Imports"): only :Record, with the
// import's id ($run) and the labels `cypher/stage/publish.cypher` gives it; what it refers to
// is found by code as :Record (a staged record has no kind label; the checks have
// matched the kinds). Params: $rows, $run.
UNWIND $rows AS row
MATCH (t:Record {code: row.territory})
OPTIONAL MATCH (found:Facility {code: row.code})
OPTIONAL CALL (row, found) {
  WITH row, found WHERE found IS NULL
  CREATE (made:Record {code: row.code, importId: $run,
                       stagedLabels: ['Facility']})
  RETURN made
}
WITH *, coalesce(found, made) AS f, found IS NOT NULL AS existed
WITH *, properties(f) AS before
SET f.name = row.name, f.kind = row.kind, f.since = row.since, f.areaM2 = row.areaM2,
    f.hasToilet = row.hasToilet, f.hasAirConditioning = row.hasAirConditioning,
    f.hasWaterDispenser = row.hasWaterDispenser, f.hasPowerBank = row.hasPowerBank,
    f.hasWifi = row.hasWifi, f.hasFirstAidKit = row.hasFirstAidKit, f.hasSeats = row.hasSeats
MERGE (f)-[r:IN]->(t)
WITH *, properties(r) AS was
SET r.since = row.since
RETURN CASE WHEN NOT existed THEN 'created'
            WHEN before <> properties(f) OR was <> properties(r) THEN 'updated'
            ELSE 'unchanged' END AS status, count(*) AS count
