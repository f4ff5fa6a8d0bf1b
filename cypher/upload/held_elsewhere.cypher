// 乡镇上传导入的管辖核对（写入之前运行）：已在图中、但按今天仍有效的关系不在 $scope 乡镇内的记录编码。
// 已迁出本乡镇的户、已转出的党员等，本乡镇不能再经上传修改。
// Jurisdiction check of a township's upload, run before the rows are written: the codes among
// $codes of records already in the graph that do not lie inside $scope through links open
// today. A household that has moved out, a member who has transferred out, is no longer the
// township's to change (the check after writing, upload.outside_scope, follows links of any
// date so that a township may close its own records).
// Params: $codes, $scope, $today (the county's date).
UNWIND $codes AS code
MATCH (n:Record {code: code})
WHERE NOT EXISTS {
  (n) (()-[r:IN|MEMBER_OF|CONCERNS|PLACED_IN|SERVES|HELD|RATED|TO|AT|COVERS|UNDER|LEADS
           WHERE r.until IS NULL OR r.until > $today]->()){0,5}
  (:Unit {code: $scope})
}
RETURN code
