// 大学生到村（社区）任职：写入或更新大学生，结束其在任的旧任职（写终止日期，不删除），新建任职关系。
// Place a graduate in a village or community from $since: create or update the graduate,
// close any open placement with `until` (history kept), create the new PLACED_IN.
// Params: $code, $graduateName, $idHash, $idMasked, $school, $unit, $since, $scope.
MATCH (u:Unit {code: $unit})
WHERE (u:Village OR u:Community)
  AND ($scope IS NULL OR EXISTS { (u) (()-[held:IN WHERE held.since <= date()
                                    AND (held.until IS NULL OR held.until > date())]->()){0,4}
                                  (:Unit {code: $scope}) })
MERGE (g:Graduate {code: $code})
SET g:Record, g.name = $graduateName, g.idHash = $idHash, g.idMasked = $idMasked, g.school = $school
WITH g, u
CALL (g) {
  MATCH (g)-[old:PLACED_IN]->()
  WHERE old.until IS NULL
  SET old.until = $since
}
CREATE (g)-[r:PLACED_IN {since: $since}]->(u)
RETURN g.code AS code
