// F6 享受参照副科级离任补贴的村干部：截至 $asOf，书记或主任岗位连续任职满120个月或累计满180个月（同时任两职只计一次），
// 且“优秀”连续3年或累计5年，且年满60周岁的干部数（cadres）；任职与考核已符合、但未填出生日期而无法判断年龄的另计（unknown）。
// F6 cadres qualifying for the departure allowance as of $asOf: secretary/director posts merged into spans, longest >= 120 months
// or total >= 180 months; excellent 3 consecutive years or 5 in all (years <= year of $asOf); aged 60 or more. See docs/model.md.
// unknown: cadres meeting tenure and ratings whose birth date is missing, so their age cannot be judged.
MATCH (k:Cadre)
WHERE k.birthDate IS NULL OR k.birthDate + duration({years: 60}) <= $asOf
CALL (k) {
  MATCH (k)-[h:HELD]->()
  WHERE h.post IN ['secretary', 'director'] AND h.since <= $asOf
  WITH h.since AS s, CASE WHEN h.until IS NULL OR h.until > $asOf THEN $asOf ELSE h.until END AS e
  ORDER BY s, e
  WITH collect([s, e]) AS intervals
  WITH reduce(acc = [], x IN intervals |
    CASE WHEN size(acc) > 0 AND x[0] <= acc[-1][1]
      THEN acc[..-1] + [[acc[-1][0], CASE WHEN x[1] > acc[-1][1] THEN x[1] ELSE acc[-1][1] END]]
      ELSE acc + [x] END) AS spans
  RETURN
    reduce(m = 0, sp IN spans | CASE WHEN duration.inMonths(sp[0], sp[1]).months > m
      THEN duration.inMonths(sp[0], sp[1]).months ELSE m END) AS longest,
    reduce(t = 0, sp IN spans | t + duration.inMonths(sp[0], sp[1]).months) AS total
}
CALL (k) {
  MATCH (k)-[r:RATED]->()
  WHERE r.grade = 'excellent' AND r.year <= $asOf.year
  WITH DISTINCT r.year AS y
  ORDER BY y
  WITH collect(y) AS years
  RETURN size(years) AS excellent,
    reduce(s = {best: 0, run: 0, prev: -10}, y IN years |
      CASE WHEN y = s.prev + 1
        THEN {best: CASE WHEN s.run + 1 > s.best THEN s.run + 1 ELSE s.best END,
              run: s.run + 1, prev: y}
        ELSE {best: CASE WHEN s.best < 1 THEN 1 ELSE s.best END, run: 1, prev: y} END
    ).best AS run
}
WITH k, (longest >= 120 OR total >= 180) AND (run >= 3 OR excellent >= 5) AS served
// Aggregated before the parts are named, so nothing to count is a row of 0, not no row.
WITH count(CASE WHEN served AND k.birthDate IS NOT NULL THEN 1 END) AS cadres,
     count(CASE WHEN served AND k.birthDate IS NULL THEN 1 END) AS unknown
UNWIND [{part: 'cadres', value: cadres}, {part: 'unknown', value: unknown}] AS r
RETURN r.part AS part, r.value AS value
