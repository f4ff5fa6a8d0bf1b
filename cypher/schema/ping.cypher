// A cheap query that proves the database answers.
// 检查数据库是否可用。
RETURN 1 AS ok
