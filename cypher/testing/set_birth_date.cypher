// Set (or, with $born null, remove) a cadre's birth date, as a record kept from before the
// column was filled in would have none. Tests show the rule then says "unknown".
// 测试用：设置或清除干部出生日期。Params: $code, $born.
MATCH (k:Cadre {code: $code})
SET k.birthDate = $born
