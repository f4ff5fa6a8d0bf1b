// Step 1: the node that records which migration steps this database has had.
// 第 1 步：记录模式版本的节点。
CREATE CONSTRAINT schema_version_id IF NOT EXISTS
FOR (v:SchemaVersion) REQUIRE v.id IS UNIQUE;
