// Step 8: households keep their codes unique through :Record(code), as every record does; the
// :Household(code) uniqueness constraint on top of it becomes a plain index. Publishing an
// import gives each new household its label in one transaction, and the constraint checked
// each one as it was labelled: about a second of a 300,000-household county's publish,
// with readers beside it (docs/performance.md, issue #13, seventh round). Step 2 no longer
// makes the constraint, so a database emptied and migrated again never builds it to drop it.
// 第 8 步：户编码的唯一性由 :Record(code) 保证（每条记录都是），:Household(code) 改为普通索引，
// 发布导入时给新户加标签不再逐户检查唯一性。
DROP CONSTRAINT household_code IF EXISTS;
CREATE INDEX household_code_index IF NOT EXISTS FOR (n:Household) ON (n.code);
