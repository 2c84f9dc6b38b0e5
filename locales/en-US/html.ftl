# HTML documents. Variables: $path is a file path, $line and $column are 1-based numbers,
# $reason says what was wrong (in English, from the extractor).

html-repaired = { $path }:{ $line }:{ $column }: warning: { $reason }; l10n repaired it (the tag is kept as it is), fix the source to be sure
