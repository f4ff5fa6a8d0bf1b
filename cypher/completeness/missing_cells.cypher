// Data completeness: for the records in or below $unit as of $asOf, per township and per kind,
// how many records there are and how many lack each cell a county may leave empty but an
// answer depends on (household head and size, ID numbers, graduate school, cadre birth date,
// enterprise size, weak-organisation reason, work-order title and category). A record counts
// where it lies: a household in its grid or village, a grid worker in the grid served, an
// instructor where the enterprises guided lie, a graduate or cadre in the village or
// community of the placement or post. Rows whose township is null lie above any township.
// 数据完整性：各乡镇、各类记录中缺少某项（可空但影响统计的）数据的条数。Params: $unit, $asOf, $scope.
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  // $unit and the territory below it, by links open on $asOf; records are read from there.
  MATCH (s) (()<-[d:IN WHERE d.since <= $asOf AND (d.until IS NULL OR d.until > $asOf)]-
             (:Township|Village|Community|Grid)){0,3} (p)
  RETURN DISTINCT p
}
OPTIONAL MATCH (p) (()-[y:IN WHERE y.since <= $asOf
                    AND (y.until IS NULL OR y.until > $asOf)]->()){0,2} (t:Township)
CALL (p) {
  MATCH (n:Household)-[r:IN]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'households' AS kind, {head: n.head IS NULL, size: n.size IS NULL} AS missing
  UNION
  MATCH (n:GridWorker)-[r:SERVES]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'grid_workers' AS kind, {idNumber: n.idHash IS NULL} AS missing
  UNION
  MATCH (n:Instructor)-[g:GUIDES]->(:Enterprise)-[r:IN]->(p)
  WHERE g.since <= $asOf AND (g.until IS NULL OR g.until > $asOf)
    AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'instructors' AS kind, {idNumber: n.idHash IS NULL} AS missing
  UNION
  MATCH (n:Graduate)-[r:PLACED_IN]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'graduates' AS kind,
         {idNumber: n.idHash IS NULL, school: n.school IS NULL} AS missing
  UNION
  MATCH (n:Cadre)-[r:HELD]->(p)
  WHERE r.since <= $asOf
  RETURN n, 'cadres' AS kind,
         {idNumber: n.idHash IS NULL, birthDate: n.birthDate IS NULL} AS missing
  UNION
  MATCH (n:Enterprise)-[r:IN]->(p)
  WHERE r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'enterprises' AS kind, {size: n.size IS NULL} AS missing
  UNION
  MATCH (n:WeakLax)-[:CONCERNS]->(:PartyOrg)-[r:IN]->(p)
  WHERE n.designatedOn <= $asOf AND r.since <= $asOf AND (r.until IS NULL OR r.until > $asOf)
  RETURN n, 'weak_orgs' AS kind, {reason: n.reason IS NULL} AS missing
  UNION
  MATCH (n:WorkOrder)-[:IN]->(p)
  WHERE n.reportedOn <= $asOf
  RETURN n, 'work_orders' AS kind,
         {title: n.title IS NULL, category: n.category IS NULL} AS missing
}
// A cadre with two posts, or an instructor with two enterprises, in one township counts once.
WITH DISTINCT t, kind, n, missing
UNWIND keys(missing) AS cell
WITH t, kind, cell, count(n) AS records, count(CASE WHEN missing[cell] THEN 1 END) AS lacking
RETURN t.code AS township, t.name AS townshipName, kind, cell, records, lacking AS missing
ORDER BY township, kind, cell
