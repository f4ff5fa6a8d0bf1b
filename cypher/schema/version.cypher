// The schema version this database has reached (0 when never migrated).
// 数据库当前的模式版本。
MATCH (v:SchemaVersion {id: 'schema'})
RETURN v.version AS version
