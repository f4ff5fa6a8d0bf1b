// 导入区域公用品牌。
// Import regional public brands.
UNWIND $rows AS row
MERGE (b:Brand {code: row.code})
SET b:Record, b.name = row.name, b.kind = row.kind
