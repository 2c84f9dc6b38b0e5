# The l10n command line: every message a user reads.
# Variables: $path is a file path, $line and $column are 1-based numbers,
# $reason is a technical explanation (often in English, from the system).

## Errors (the run stops, exit status 2)

error-prefix = 错误：
error-read = { $path }：无法读取文件：{ $reason }
error-is-directory = { $path }：这是文件夹，不是文件
error-not-utf8 = { $path }:{ $line }：该文件不是 UTF-8 文本；请将其转换为 UTF-8 后重试
error-binary = { $path }:{ $line }：这是二进制文件，不是文本文档
error-empty = { $path }：文件为空，没有可翻译的内容
error-unknown-format = { $path }：未知的文档格式；l10n 可读取 .txt、.md、.markdown、.html、.htm 和 .ftl 文件
error-parse = { $path }:{ $line }:{ $column }：{ $reason }
error-config = { $path }：{ $reason }
error-locale-malformed = “{ $tag }”不是有效的语言标签（示例：ar、hi、zh、pt-BR）
error-locale-unknown = “{ $tag }”不是 l10n 能识别的语言（示例：ar、hi、zh、pt-BR）
error-no-targets = 没有目标语言：请使用 --to 指定（例如 --to ar,hi,zh），或在 l10n.toml 中设置 targets
error-unknown-backend = 未知的后端“{ $name }”；已知的后端：{ $known }
error-memory = { $path }：无法使用翻译记忆库：{ $reason }
error-memory-locked = { $path }：翻译记忆库被另一个进程锁定，且一直未释放；请在该进程结束后重试
error-memory-foreign = { $path }：此文件不是 l10n 翻译记忆库（属于其他程序或已损坏）；未对其做任何改动
error-memory-too-new = { $path }：此记忆库的架构版本为{ $found }，高于当前 l10n 支持的版本（{ $supported }）；请升级 l10n
error-write = { $path }：无法写入：{ $reason }
error-engine = 引擎{ $engine }：{ $reason }

## translate

translate-edition-written = { $locale }：已写入{ $path }
translate-edition-withheld = { $locale }：未写入译本：有{ $missing }个句段未翻译（使用 --allow-partial 可写入译本，仍为英文的句子会加上标记）
translate-missing-segment = { $path }:{ $line }：{ $locale }中未翻译：{ $source }
translate-needs-review = { $path }:{ $line }：{ $locale }中需要审校（{ $reason }）：{ $source }
translate-engine-stopped = { $locale }：{ $reason }
translate-interrupted = 已中断：目前已收到的所有译文均已保存在翻译记忆库中；再次运行同一命令即可继续

## memory

memory-imported = { $path }：已导入{ $count }条译文
memory-import-unchanged = { $path }：此前已导入，没有任何更改
memory-stats-header = 语言	来源	状态	条目数
memory-stats-empty = 翻译记忆库为空
memory-import-no-source = { $path }：没有任何翻译单元包含源语言{ $locale }的文本

## check

check-severity-error = 错误
check-severity-warning = 警告
check-missing-file = { $locale }中缺少文件：{ $file }
check-missing-message = 缺少消息“{ $id }”
check-missing-term = 缺少术语“{ $id }”
check-missing-attribute = 缺少“{ $id }”的属性“{ $attribute }”
check-obsolete-message = “{ $id }”不在参考语言{ $reference }中：已过时
check-obsolete-attribute = “{ $id }”的属性“{ $attribute }”不在参考语言中
check-syntax-error = 语法错误：{ $reason }
check-duplicate-id = “{ $id }”被定义了两次
check-unknown-variable = “{ $id }”使用了参考中没有的变量${ $variable }
check-unused-variable = “{ $id }”未使用参考中的变量${ $variable }
check-unknown-reference = “{ $id }”引用了不存在的“{ $target }”
check-no-default-variant = “{ $id }”中的选择表达式没有默认变体
check-empty-value = “{ $id }”的值为空
check-summary = { $locale }：{ $messages }条消息，缺少{ $missing }条，{ $errors }个错误，{ $warnings }个警告
check-no-locales = { $path }：未找到语言文件夹（每种语言应各有一个文件夹，例如 en-US/ 和 ar/）
check-clean = 未发现问题

## helper plan

error-no-project = 这里没有项目（本文件夹及上级文件夹中都没有 l10n.toml）：运行“l10n init”创建项目，或指明文档和目标语言（--to）
error-no-documents = { $path }：没有文档：请在命令行中指明，或在此文件的 documents 中列出
plan-locale-summary = { $path } → { $locale }：{ $segments }个片段 — { $backend ->
        [memory] { $memory }个来自记忆库
        [human] { $memory }个来自记忆库
       *[other] { $memory }个来自记忆库，{ $engine }个来自{ $backend }
    }，缺少{ $missing }个
plan-requests = { $count ->
        [0] 未向{ $backend }发送任何请求：记忆库中已全部具备
       *[other] 向{ $backend }发送了{ $count }个请求
    }
plan-terms-summary = { $locale }：术语表：应有{ $expected }个术语，找到{ $found }个，修复{ $repaired }个，不符合{ $failing }个
plan-pseudo-notice = 这些版本是伪本地化文本（为检查排版而变形、加长的文字），并非译文：请用 --backend deepl、google、azure、libretranslate 或 openai 选择真实引擎，或在 l10n.toml 中设置 backend
plan-dry-run-locale = { $locale }：{ $segments }个新句子（{ $chars }个字符）将发送给{ $backend }，{ $memory }个来自记忆库（{ $documents }个文档）
plan-progress-finished = { $locale }：{ $done }/{ $total }个片段，用时{ $seconds }秒

## helper check
check-missing-plural = “{ $id }”缺少{ $locale }的复数类别{ $categories }的变体
check-plural-default-only = “{ $id }”按数字选择，但{ $locale }的复数类别{ $categories }只能用默认变体
check-missing-value = “{ $id }”保留了属性，却丢失了值
check-missing-term-reference = “{ $id }”丢掉了参考语言使用的术语{ $target }
check-missing-message-reference = “{ $id }”丢掉了参考语言使用的引用{ $target }
check-obsolete-file = 参考语言中没有{ $file }：整个文件在{ $locale }中已过时
error-locale-unsupported = 不支持“{ $tag }”：l10n 只用简体字书写中文（zh、zh-Hans）。有专门排版和断句规则的语言：{ $supported }；其他语言使用通用规则
error-locale-same-as-source = “{ $tag }”就是源语言：没有内容需要译成它（可以使用 en-GB 这样的地区变体）
error-locale-suggest = ；您是指“{ $tag }”吗？
io-not-found = 没有这个文件或文件夹
io-permission-denied = 权限不足
io-already-exists = 已经存在
io-storage-full = 磁盘已满
io-read-only = 文件系统为只读
io-is-a-directory = 这是文件夹，不是文件
io-not-a-directory = 路径中的某一部分不是文件夹
io-directory-not-empty = 文件夹不是空的
io-invalid-data = 数据无效
io-unexpected-eof = 文件提前结束
io-timed-out = 操作超时
io-connection-refused = 连接被拒绝
io-interrupted = 操作被中断
io-out-of-memory = 内存不足
io-file-too-large = 文件太大
io-busy = 文件或设备正忙
io-invalid-filename = 文件名无效
clap-usage = 用法：{ $usage }
clap-options = 选项
clap-arguments = 参数
clap-commands = 命令
clap-placeholder-command = 命令
clap-print-help = 显示帮助
clap-print-version = 显示版本
clap-unknown-argument = 意外的参数“{ $arg }”
clap-unknown-command = 未知命令“{ $name }”
clap-invalid-value = { $arg } 的值“{ $value }”无效
clap-missing-argument = 缺少必需的参数：{ $arg }
clap-invalid = 命令行无效（{ $detail }）
clap-valid-values = ；可用的值：{ $values }
clap-did-you-mean = ；您是指“{ $suggestion }”吗？
clap-try-help = 如需更多信息，请尝试“--help”。
clap-heading = { $heading }：
clap-help-command = 显示此帮助或指定子命令的帮助
clap-help-path = 显示指定子命令的帮助
clap-default = [默认：{ $value }]
clap-possible-values = [可用的值：{ $values }]
clap-possible-values-heading = 可用的值
clap-possible-value = - { $value }：{ $help }
error-empty-folder = { $path }：文件夹中没有要翻译的文档（文件夹整体处理，或按 l10n.toml 中 `[layout] include`/`exclude` 的规定）
translate-not-extracted = { $path }:{ $line }：未能提取，在 { $locale } 中保留源语言（计为缺失）：{ $source }
segment-not-extracted = { $path }:{ $line }：未能提取，将保留源语言（计为缺失）：{ $what }
