// F7 到村（社区）任职大学生：截至 $asOf 累计招录人数（graduates，含村和社区）；覆盖率 coveragePct = graduates / 行政村数 ×100（只计行政村）；
// 有在岗大学生的行政村数（villagesCovered）、行政村数（villages）、是否村村全覆盖（allVillagesCovered，1/0）。
// F7 graduates ever placed by $asOf (villages and communities); coverage = graduates / administrative villages x 100;
// villages with a placement active as of $asOf; villages; every village covered (1/0).
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
CALL () {
  MATCH (g:Graduate)-[p:PLACED_IN]->(:Unit)
  WHERE p.since <= $asOf
  RETURN count(DISTINCT g) AS graduates
}
CALL () {
  MATCH (v:Village)-[i:IN]->(:Township)
  WHERE i.since <= $asOf AND (i.until IS NULL OR i.until > $asOf)
  RETURN count(v) AS villages,
    count(CASE WHEN EXISTS {
      (:Graduate)-[p:PLACED_IN]->(v) WHERE p.since <= $asOf AND (p.until IS NULL OR p.until > $asOf)
    } THEN 1 END) AS covered
}
WITH graduates, villages, covered,
  CASE villages WHEN 0 THEN 0.0 ELSE round(100.0 * graduates / villages, 1) END AS pct
UNWIND [{part: 'graduates', value: graduates}, {part: 'coveragePct', value: pct}, {part: 'villagesCovered', value: covered}, {part: 'villages', value: villages}, {part: 'allVillagesCovered', value: CASE WHEN villages > 0 AND covered = villages THEN 1 ELSE 0 END}] AS r
RETURN r.part AS part, r.value AS value
