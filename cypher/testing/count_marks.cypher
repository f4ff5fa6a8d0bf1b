// How many mark nodes the lifecycle test has left. 测试用：标记节点数。
MATCH (m:LifecycleMark)
RETURN count(m) AS n
