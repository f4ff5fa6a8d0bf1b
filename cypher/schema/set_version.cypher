// Record that the migration step $version has been applied.
// 记录已应用的迁移步骤。
MERGE (v:SchemaVersion {id: 'schema'})
SET v.version = $version, v.appliedAt = datetime()
