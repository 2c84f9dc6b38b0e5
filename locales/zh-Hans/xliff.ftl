# 供译员使用的 XLIFF 导出与导入。

xliff-exported = { $path }：{ $locale } 的 { $count } 个单元
xliff-export-nothing = { $path }：没有需要导出到 { $locale } 的内容
xliff-human-handoff = { $locale }：记忆库缺少 { $count } 个句子，已导出给译员
xliff-import-summary = { $path }：导入 { $imported } 个，未变 { $unchanged } 个，空 { $empty } 个，拒绝 { $rejected } 个
xliff-rejected = { $path }:{ $line }：单元 { $unit } 被拒绝：{ $reason }
xliff-reject-unknown-document = 该文件属于“{ $original }”，它不是本项目的文档（请用 --document 指定）
xliff-reject-source-changed = 其源文本已被修改，不再与导出时的句子一致
xliff-reject-unknown-segment = 文档中没有源文本相同的句子
xliff-reject-language = 语言 { $found } 与 { $expected } 不符
xliff-reject-codes = 译文的内联代码与源文不同（{ $detail }）

## helper check
xliff-rejected-file = { $path }:{ $line }：文件的全部 { $units } 个单元均被拒绝：{ $reason }
xliff-reject-no-document = 文件没有说明它属于哪个文档（缺少 original），项目也未列出任何文档（请用 --document 指定）
