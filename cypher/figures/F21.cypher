// F21 党建指导员：截至 $asOf 正在指导企业的指导员数；其中“一人一企”与“一人多企”的人数。
// F21 Party-building instructors guiding an enterprise as of $asOf; of them one-to-one and one-to-many.
// 返回 / returns rows {part, value}; 参数 / parameter $asOf (date).
MATCH (i:Instructor)-[g:GUIDES]->(e:Enterprise)
WHERE g.since <= $asOf AND (g.until IS NULL OR g.until > $asOf)
WITH i, count(DISTINCT e) AS n
WITH count(i) AS instructors, count(CASE WHEN n = 1 THEN 1 END) AS single,
  count(CASE WHEN n > 1 THEN 1 END) AS several
UNWIND [{part: 'instructors', value: instructors}, {part: 'oneToOne', value: single}, {part: 'oneToMany', value: several}] AS r
RETURN r.part AS part, r.value AS value
