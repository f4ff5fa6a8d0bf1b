// Leave one mark node, so a test can see it again after the server restarts.
// 测试用：写入一个标记节点，重启后检查数据仍在。
CREATE (:LifecycleMark {at: datetime()})
