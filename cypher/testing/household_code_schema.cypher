// 测试用：户编码上的索引与约束（第 8 步之后是普通索引，唯一性由 :Record(code) 保证）。
// For tests: the indexes on :Household(code) and whether a constraint owns them (after
// migration step 8, a plain range index; :Record(code) keeps the codes unique).
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint
WHERE labelsOrTypes = ['Household'] AND properties = ['code']
RETURN name, type, owningConstraint
