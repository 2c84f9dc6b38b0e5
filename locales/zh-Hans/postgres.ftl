error-memory-unreachable = { $url }：无法连接记忆库服务器（尝试 { $attempts } 次）：{ $reason }；此前已存储的内容均已保留，请在服务器恢复后重试
memory-copied = { $from } → { $to }：已复制 { $count } 个条目
error-password-in-config = { $path }:{ $line }：记忆库 URL 中不得包含密码（项目文件是共享的）：请删除密码，并在 [memory] password_env 中写明保存密码的环境变量名，或设置 PGPASSWORD
error-password-env-unset = [memory] password_env 指定的环境变量 { $var } 未设置
