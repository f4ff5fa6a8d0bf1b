// Step 4: staged imports (docs/model.md, "Imports"): staged records are found by code and by
// import, an import run by its id.
// 第 4 步：分批导入的暂存区索引。
CREATE INDEX staged_code IF NOT EXISTS FOR (n:Staged) ON (n.code);
CREATE INDEX staged_import IF NOT EXISTS FOR (n:Staged) ON (n.importId);
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT import_published_id IF NOT EXISTS FOR (n:ImportPublished) REQUIRE n.id IS UNIQUE;
