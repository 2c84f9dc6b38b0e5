# Project commands: init, status and the HTML status report.

init-exists = الملف { $path } موجود مسبقًا؛ لا يكتب الأمر l10n init فوق ملف مشروع قائم أبدًا
init-ask-source = لغة المصدر لمستنداتك
init-ask-targets = اللغات الهدف، مفصولة بفواصل
init-ask-backend = محرك الترجمة (pseudo، memory، human، deepl، google، azure، libretranslate، openai)
init-done = { $path }: أُنشئ المشروع؛ اذكر قواعد المصطلحات تحت glossary في l10n.toml (لا تُستخدم ملفات glossary/ إلا إذا ذُكرت) ثم شغّل l10n translate
status-line = { $path } { $locale }: نسبة الإنجاز { $complete }% — المقاطع: { $segments }؛ ترجمة بشرية: { $human }، ترجمة آلية: { $machine }، مُراجَعة: { $reviewed }، ناقصة: { $missing } (كلمات متبقية للترجمة: { $words })، مشكلات المسرد: { $failing }
report-title = حالة الترجمة
report-reviewed = مُراجَعة
report-human = ترجمة بشرية
report-machine = ترجمة آلية
report-needs-review = تحتاج إلى مراجعة
report-missing = ناقصة
report-source = المصدر
report-locale-line = نسبة الإنجاز { $complete }%، الناقصة: { $missing } (الكلمات: { $words })، مشكلات المسرد: { $failing }
