# HTML 文档。

html-repaired = { $path }:{ $line }:{ $column }：警告：{ $reason }；l10n 已修复（标签保持原样），请修正源文件以确保无误
