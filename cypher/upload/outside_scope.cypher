// 乡镇上传导入的管辖核对（在同一写事务内、写入之后运行）：返回不在 $scope 乡镇内的记录编码。
// 记录经由 IN、MEMBER_OF、CONCERNS、PLACED_IN、SERVES、HELD、RATED、TO、AT、COVERS 指向所在地域。
// Jurisdiction check of a township's upload, run in the import's own write transaction after
// the rows are written: the codes among $codes whose record does not lie inside $scope,
// reached through the relationships that place a record (IN, MEMBER_OF, CONCERNS, …).
// Params: $codes, $scope.
UNWIND $codes AS code
MATCH (n:Record {code: code})
WHERE NOT EXISTS {
  (n)-[:IN|MEMBER_OF|CONCERNS|PLACED_IN|SERVES|HELD|RATED|TO|AT|COVERS|UNDER|LEADS*0..5]->
  (:Unit {code: $scope})
}
RETURN code
