// Test only: the labels each Party organisation carries besides PartyOrg, Record and Unit,
// by kind, with how many organisations carry that set.
// 测试用：各类型党组织除 PartyOrg、Record、Unit 外的标签。
MATCH (o:PartyOrg)
RETURN o.kind AS kind, [l IN labels(o) WHERE NOT l IN ['PartyOrg', 'Record', 'Unit']] AS extra,
       count(*) AS count
ORDER BY kind
