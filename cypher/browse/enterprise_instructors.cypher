// The Party-building instructors guiding each enterprise in $parents (active :GUIDES), with
// the department that sent them. 指导各企业的党建指导员及其选派单位，分页。
// Params: $parents, $asOf, $offset, $limit, $scope.
UNWIND $parents AS parentCode
MATCH (e:Enterprise {code: parentCode})
WHERE $scope IS NULL OR EXISTS { (e) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (e) {
  OPTIONAL MATCH (i:Instructor)-[r:GUIDES]->(e)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  OPTIONAL MATCH (i)-[s:SENT_BY]->(d:Department)
  WHERE s.since <= $asOf AND (s.until IS NULL OR s.until > $asOf)
  WITH i, head(collect(d)) AS d ORDER BY i.code
  RETURN collect(i {.code, .name, .phone, department: d.code, departmentName: d.name}) AS found
}
RETURN parentCode AS parent, size(found) AS total, found[$offset..$offset + $limit] AS items
