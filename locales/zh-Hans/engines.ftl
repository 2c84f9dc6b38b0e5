# 机器翻译引擎：设置、密钥、试运行与进度。

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }：{ $reason }
error-missing-api-key = 后端 { $backend } 需要 API 密钥：请设置环境变量 { $var }（可在 [backends.{ $backend }] 中用 api_key_env 指定其他名称）

translate-dry-run-total = 共计 { $segments } 个句段、{ $chars } 个字符发往 { $backend }：按每百万字符 { $price } 计，预计费用 { $cost }；未发送任何内容
translate-progress = { $locale }：{ $done }/{ $total } 个句段，每秒 { $rate } 个，约剩 { $eta } 秒
translate-engine-request = { $engine }：请求 { $chars } 个字符 → { $outcome }，用时 { $millis } 毫秒

## helper hardening
error-secret-variable-refused = 已拒绝 { $setting } = "{ $var }"：项目文件是共享的，只能指定 { $documented } 或以 L10N_ 开头的变量（请把密钥复制到这样的变量中：L10N_{ $var }=…）
error-untrusted-engine-url = [backends.{ $backend }] url = "{ $url }" 不是 { $backend } 的官方服务，且仅来自项目文件，因此不会把 { $var } 中的密钥发送到该地址：请在环境变量中提供该 URL（{ $url_var }=…），或用 { $opt_in }=1 允许使用项目文件中的 URL
