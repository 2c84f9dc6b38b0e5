error-memory-unreachable = { $url }：无法连接记忆库服务器（尝试 { $attempts } 次）：{ $reason }；此前已存储的内容均已保留，请在服务器恢复后重试
memory-copied = { $from } → { $to }：已复制 { $count } 个条目
