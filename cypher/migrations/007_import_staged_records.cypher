// Step 7: the import Cypher writes a new record staged directly (docs/model.md, "Imports"): a
// :Record with the import's id and no kind label, found by import to publish, settle or drop
// it. The :Staged label of step 4 is no longer used.
// 第 7 步：导入直接写成暂存形式（只有 :Record 与导入编号），按导入编号查找。
DROP INDEX staged_code IF EXISTS;
DROP INDEX staged_import IF EXISTS;
CREATE INDEX record_import IF NOT EXISTS FOR (n:Record) ON (n.importId);
