// 全量重新导入：党员联系户中本次文件不再列出的未结束关系写入终止日期 $on（保留历史，不删除）。
// Full re-import: a member's household links that the file no longer lists are closed on $on (history kept, never
// deleted). $owners: [{code, keep: [[other code, since], …]}] — the records the file lists in full.
UNWIND $owners AS owner
MATCH (a:Member {code: owner.code})-[r:LINKS]->(b:Household)
WHERE r.until IS NULL AND r.since < $on AND NOT [b.code, r.since] IN owner.keep
SET r.until = $on
RETURN count(r) AS closed
