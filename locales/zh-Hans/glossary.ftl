# Terminology: the glossary's findings after a translation, and `l10n glossary`.
# $concept is a concept id from the term base, $term a term in the target language.

translate-term-missing = { $path }:{ $line }：{ $locale }：未遵循术语表条目 { $concept }（应为“{ $term }”）
translate-term-forbidden = { $path }:{ $line }：{ $locale }：出现禁用术语“{ $term }”（{ $concept }）
glossary-converted = { $path }：已写入 { $count } 个概念
