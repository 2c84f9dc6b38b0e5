## 记忆库：查询、清理、统计、导出

memory-lookup-exact = 完全匹配：{ $target }（{ $origin }，{ $state }）
memory-lookup-fuzzy = { $score }%：{ $source } → { $target }（{ $origin }，{ $state }）
memory-lookup-none = 记忆库中没有这句话译成 { $locale } 的译文，也没有相似的句子
memory-gc-removed = 已删除 { $count } 条早于 { $days } 天的过时机器翻译
memory-stats-summary = { $path }：{ $count } 条记录，{ $size }，架构版本 { $version }
memory-exported = { $path }：已写入 { $count } 个翻译单元

## helper hardening
memory-lookup-version = { $kind ->
        [alternative] 备选
       *[other] 旧版本
    }：{ $target }  （{ $state }，{ $file }）
memory-conflict = { $path }：保留了“{ $source }”译为 { $locale } 的 { $kept_state } 译文：“{ $kept }”；提供的 { $offered_state } 译文“{ $offered }”已作为备选保存（memory lookup 会显示）
