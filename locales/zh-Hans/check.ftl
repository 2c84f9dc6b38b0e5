## l10n check：文档与译本，以及汇总表

check-untranslated-segment = 没有译文：“{ $source }”
check-stale-segment = 当前文本没有译文：“{ $source }”；记忆库只有旧版本的译文：“{ $previous }”
check-placeholder-mismatch = “{ $source }”的译文没有保留占位符（丢失：{ $lost }；新增：{ $extra }）
check-below-required-state = “{ $source }”的译文状态为 { $state }（{ $origin }）；要求为 { $required }
check-number-mismatch = 译文没有写出 { $numbers }：“{ $target }”
check-typography = 使用了“{ $found }”，该语言应写作“{ $expected }”：“{ $target }”
check-length-outlier = 译文长度是原文的 { $ratio } 倍，超出预期范围 { $low }–{ $high }：“{ $target }”
check-term-missing = 缺少术语表词条 { $concept }：应为“{ $term }”
check-term-forbidden = 禁用术语“{ $term }”（术语表 { $concept }）

check-column-locale = 语言
check-column-messages = 字符串
check-column-missing = 缺失
check-column-errors = 错误
check-column-warnings = 警告
check-column-words = 待译字数
check-column-completion = 完成度
check-not-extracted = 未能提取，保留源语言：{ $what }
check-markup-repaired = { $reason }；提取器已修复（标签保持原样），请修正源文件
