// 一次导入是否已发布（已发布的记录已属于图，无需清理；未发布的暂存记录要删除）。
// Whether an import run was published (then its records are the graph's: nothing to clean)
// or not (then its staged records are deleted). Params: $id.
RETURN EXISTS { (:ImportPublished {id: $id}) } AS published
