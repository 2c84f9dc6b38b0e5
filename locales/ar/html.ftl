# مستندات HTML.

html-repaired = { $path }:{ $line }:{ $column }: تحذير: { $reason }؛ أصلحه l10n (أُبقي الوسم كما هو)، أصلح المصدر لتكون على يقين
