// 发布闸门的状态：编号，以及是否有导入正在提交。
// The publish gate: its epoch, and whether an import's publish is committing now.
OPTIONAL MATCH (g:ImportGate {id: 'gate'})
RETURN coalesce(g.epoch, 0) AS epoch, coalesce(g.until > datetime(), false) AS closed
