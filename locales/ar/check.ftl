## l10n check: المستندات والطبعات، وجدول الملخص

check-untranslated-segment = لا توجد ترجمة: «{ $source }»
check-stale-segment = لا توجد ترجمة للنص الحالي: «{ $source }»؛ الذاكرة لا تحوي إلا ترجمة لنسخة سابقة: «{ $previous }»
check-placeholder-mismatch = ترجمة «{ $source }» لا تحافظ على العناصر النائبة (المفقودة: { $lost }؛ المضافة: { $extra })
check-below-required-state = ترجمة «{ $source }» في حالة { $state } ({ $origin })؛ والمطلوب { $required }
check-number-mismatch = الترجمة لا تذكر { $numbers }: «{ $target }»
check-typography = «{ $found }» حيث تكتب هذه اللغة «{ $expected }»: «{ $target }»
check-length-outlier = طول الترجمة { $ratio } ضعف طول الأصل، خارج المدى المتوقَّع { $low }–{ $high }: «{ $target }»
check-term-missing = مصطلح المسرد { $concept } مفقود: المتوقع «{ $term }»
check-term-forbidden = مصطلح محظور «{ $term }» (المسرد { $concept })

check-column-locale = اللغة
check-column-messages = النصوص
check-column-missing = المفقود
check-column-errors = الأخطاء
check-column-warnings = التحذيرات
check-column-words = كلمات للترجمة
check-column-completion = الاكتمال
check-not-extracted = لم يُستخرج، فيبقى بلغة المصدر: { $what }
check-markup-repaired = { $reason }؛ أصلحه المستخرِج (أُبقي الوسم كما هو)، أصلح المصدر
