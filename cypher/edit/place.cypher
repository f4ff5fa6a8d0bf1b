// 大学生到村（社区）任职：写入或更新大学生，结束其在任的旧任职（写终止日期，不删除），新建任职关系。
// 以编码 MERGE（唯一约束下同时进行的 MERGE 逐个执行），并告知大学生是否由本次新建。
// Place a graduate in a village or community from $since: create or update the graduate,
// close any open placement with `until` (history kept), create the new PLACED_IN. The graduate
// is MERGEd on its code (unique for every record, so concurrent calls wait on each other);
// `created` says whether this call made it, so a caller that found no graduate before can
// tell that another edit created one meanwhile.
// Params: $code, $graduateName, $idHash, $idMasked, $school, $unit, $since, $scope, $today (the county's date).
MATCH (u:Unit {code: $unit})
WHERE (u:Village OR u:Community)
  AND ($scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= $today
                                    AND (held.until IS NULL OR held.until > $today)]->()){0,4}
                                  (:Unit {code: $scope}) })
MERGE (g:Record {code: $code})
ON CREATE SET g._new = true
WITH g, u, g._new IS NOT NULL AS created
SET g:Graduate, g.name = $graduateName, g.idHash = $idHash, g.idMasked = $idMasked,
    g.school = $school
REMOVE g._new
WITH g, u, created
CALL (g) {
  MATCH (g)-[old:PLACED_IN]->()
  WHERE old.until IS NULL
  SET old.until = $since
}
CREATE (g)-[r:PLACED_IN {since: $since}]->(u)
RETURN created
