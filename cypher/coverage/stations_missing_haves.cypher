// Coverage: new-business-form worker stations opened by $asOf in or below $unit; covered
// when the station offers all seven haves (七有); a gap names the haves it lacks. A station
// lacking none but with some haves not filled in cannot be judged: counted as unknown.
// Counted per child unit (see hub/query/coverage.py).
// 覆盖：新业态劳动者驿站是否“七有”齐全；缺口列出所缺项目；未填而无法判断的计为 unknown。
// Params: $unit, $asOf, $scope.
// One row (none when $unit is unknown or outside $scope): the unit, and its tallies per child
// unit with the child's labels (see hub/query/coverage.py). 一次往返：返回一行，即该单位及其
// 按下级单位的统计（含下级单位的类型）；单位不存在或不在管辖范围内时不返回行。
MATCH (s:Unit {code: $unit})
WHERE $scope IS NULL OR EXISTS { (s) (()-[held:IN WHERE held.since <= $asOf
                                   AND (held.until IS NULL OR held.until > $asOf)]->()){0,4}
                                 (:Unit {code: $scope}) }
CALL (s) {
  MATCH (f:Facility {kind: 'worker_station'})
  WHERE f.since <= $asOf AND EXISTS { (f) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){0,3} (s) }
  WITH s, f, [x IN [[f.hasToilet, '厕所', 'toilet'],
                    [f.hasAirConditioning, '空调', 'air conditioning'],
                    [f.hasWaterDispenser, '饮水机', 'water dispenser'],
                    [f.hasPowerBank, '共享充电宝', 'shared power bank'],
                    [f.hasWifi, '免费Wi-Fi', 'free Wi-Fi'],
                    [f.hasFirstAidKit, '急救药箱', 'first-aid kit'],
                    [f.hasSeats, '休息座椅', 'seats']]
              WHERE x[0] IS NULL OR NOT x[0]] AS open
  WITH s, f, [x IN open WHERE x[0] IS NOT NULL] AS missing,
       any(x IN open WHERE x[0] IS NULL) AS unsure
  // Two links at least: a station directly in $unit lies in no child unit (one link would
  // make the station its own child).
  WITH f, missing, unsure, head(COLLECT {
           MATCH p = (f) (()-[up:IN WHERE up.since <= $asOf
                             AND (up.until IS NULL OR up.until > $asOf)]->()){2,4} (s)
           RETURN nodes(p)[-2] AS below }) AS c
  WITH f.code AS code, f.name AS name, c.code AS child, c.name AS childName, labels(c) AS childLabels,
         size(missing) = 0 AND NOT unsure AS covered,
         size(missing) = 0 AND unsure AS unknown,
         CASE WHEN size(missing) = 0 THEN null
              ELSE '缺少：' + reduce(t = '', x IN missing | t + CASE t WHEN '' THEN '' ELSE '、' END + x[1])
         END AS reasonZh,
         CASE WHEN size(missing) = 0 THEN null
              ELSE 'missing: ' + reduce(t = '', x IN missing | t + CASE t WHEN '' THEN '' ELSE ', ' END + x[2])
         END AS reasonEn
  WITH child, childName, childLabels, count(*) AS total,
       count(CASE WHEN covered THEN 1 END) AS coveredCount,
       count(CASE WHEN unknown THEN 1 END) AS unknownCount,
       collect(CASE WHEN NOT covered AND NOT unknown
                    THEN {code: code, name: name, reasonZh: reasonZh, reasonEn: reasonEn} END) AS gaps
  ORDER BY child
  RETURN collect({child: child, childName: childName, childLabels: childLabels, total: total,
                   covered: coveredCount, unknown: unknownCount, gaps: gaps}) AS tallies
}
RETURN s.code AS code, s.name AS name, labels(s) AS labels, s.kind AS kind,
       s.industry AS industry, s.size AS size, tallies
