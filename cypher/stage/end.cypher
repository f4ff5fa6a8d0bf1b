// 导入结束（或其遗留已清理）：删除导入节点及其发布标记。
// An import is over (or its leftovers are cleaned): delete its run node and publish mark.
// Params: $id.
OPTIONAL MATCH (r:ImportRun {id: $id})
OPTIONAL MATCH (p:ImportPublished {id: $id})
DETACH DELETE r, p
