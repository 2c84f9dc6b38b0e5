# Project commands: init, status and the HTML status report.

init-exists = { $path } 已存在；l10n init 从不覆盖已有的项目文件
init-ask-source = 文档的源语言
init-ask-targets = 目标语言（以逗号分隔）
init-ask-backend = 翻译引擎（pseudo、memory、human、deepl、google、azure、libretranslate、openai）
init-done = { $path }：项目已创建；请在 l10n.toml 的 glossary 中列出术语库（glossary/ 中的文件只有列出后才会使用），然后运行 l10n translate
status-line = { $path } { $locale }：完成 { $complete }% — 共 { $segments } 个句段：人工翻译 { $human } 个，机器翻译 { $machine } 个，已审校 { $reviewed } 个，缺失 { $missing } 个（待译 { $words } 词），术语问题 { $failing } 个
report-title = 翻译进度
report-reviewed = 已审校
report-human = 人工翻译
report-machine = 机器翻译
report-needs-review = 待审校
report-missing = 缺失
report-source = 原文
report-locale-line = 完成 { $complete }%，缺失 { $missing } 个（{ $words } 词），术语问题 { $failing } 个
