// 一次导入是否已发布（已发布的只需收尾，未发布的暂存记录要删除）。
// Whether an import run was published (then only its staging marks are taken off) or not
// (then its staged records are deleted). Params: $id.
RETURN EXISTS { (:ImportPublished {id: $id}) } AS published
