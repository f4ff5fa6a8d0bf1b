// 乡镇上传导入的管辖预检（在任何其他校验之前运行）：上传所引用、但不存在或今天不在 $scope 乡镇内的记录编码。
// 不存在与不在管辖范围内一律同样回答，预检之后的校验只会涉及本乡镇自己的记录。
// Jurisdiction pre-check of a township's upload, run before any other check reads the graph:
// the codes among $refs (records the rows refer to but do not define) that either do not
// exist or do not lie inside $scope through links open on $today. Both are answered in the
// same words, so the later checks, whose messages describe what the graph holds, only ever
// speak of the township's own records. Params: $refs, $scope, $today (the county's date).
UNWIND $refs AS code
OPTIONAL CALL (code) {
  MATCH (n:Record {code: code})
  RETURN n
  UNION
  MATCH (n:Unit {code: code})
  RETURN n
}
WITH code, n
WHERE n IS NULL OR NOT EXISTS {
  (n) (()-[r:IN|MEMBER_OF|CONCERNS|PLACED_IN|SERVES|HELD|RATED|TO|AT|COVERS|UNDER|LEADS
           WHERE r.until IS NULL OR r.until > $today]->()){0,5}
  (:Unit {code: $scope})
}
RETURN DISTINCT code
