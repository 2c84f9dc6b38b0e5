# The l10n command line: every message a user reads.
# Variables: $path is a file path, $line and $column are 1-based numbers,
# $reason is a technical explanation (often in English, from the system).

## Errors (the run stops, exit status 2)

error-prefix = خطأ:
error-read = { $path }: تعذّرت قراءة الملف: { $reason }
error-is-directory = { $path }: هذا مجلد وليس ملفًا
error-not-utf8 = { $path }:{ $line }: الملف ليس نصًا بترميز UTF-8؛ حوِّله إلى UTF-8 ثم أعد المحاولة
error-binary = { $path }:{ $line }: هذا ملف ثنائي وليس مستندًا نصيًا
error-empty = { $path }: الملف فارغ: لا يوجد فيه ما يُترجَم
error-unknown-format = { $path }: تنسيق مستند غير معروف؛ يقرأ l10n ملفات .txt و .md و .markdown و .html و .htm و .ftl
error-parse = { $path }:{ $line }:{ $column }: { $reason }
error-config = { $path }: { $reason }
error-locale-malformed = «{ $tag }» ليس وسم لغة صالحًا (أمثلة: ar، hi، zh، pt-BR)
error-locale-unknown = «{ $tag }» ليست لغة يعرفها l10n (أمثلة: ar، hi، zh، pt-BR)
error-no-targets = لم تُحدَّد لغات هدف: استخدم --to (مثلًا --to ar,hi,zh) أو حدِّد اللغات الهدف (targets) في l10n.toml
error-unknown-backend = واجهة خلفية غير معروفة «{ $name }»؛ الواجهات الخلفية المعروفة: { $known }
error-memory = { $path }: لا يمكن استخدام ذاكرة الترجمة: { $reason }
error-memory-locked = { $path }: ذاكرة الترجمة مقفلة من قِبل عملية أخرى وظلّت مقفلة؛ أعد المحاولة بعد انتهاء تلك العملية
error-memory-foreign = { $path }: هذا الملف ليس ذاكرة ترجمة خاصة بـ l10n (ملف غريب أو تالف)؛ وقد تُرك دون تعديل
error-memory-too-new = { $path }: إصدار مخطط هذه الذاكرة هو { $found }، وهو أحدث مما يفهمه هذا الإصدار من l10n ({ $supported })؛ حدِّث l10n
error-write = { $path }: تعذّرت الكتابة: { $reason }
error-engine = المحرّك { $engine }: { $reason }

## translate

translate-edition-written = { $locale }: تمت كتابة { $path }
translate-edition-withheld = { $locale }: لم تُكتب النسخة: { $missing ->
        [zero] لا توجد مقاطع غير مترجمة
        [one] يوجد مقطع واحد غير مترجم
        [two] يوجد مقطعان غير مترجمين
        [few] توجد { $missing } مقاطع غير مترجمة
        [many] يوجد { $missing } مقطعًا غير مترجم
       *[other] يوجد { $missing } مقطع غير مترجم
    } (استخدم --allow-partial لكتابتها مع تمييز الجمل التي بقيت بالإنجليزية)
translate-missing-segment = { $path }:{ $line }: غير مترجم إلى { $locale }: { $source }
translate-needs-review = { $path }:{ $line }: يحتاج إلى مراجعة في { $locale } ({ $reason }): { $source }
translate-engine-stopped = { $locale }: { $reason }
translate-interrupted = قُوطع التنفيذ: كل الترجمات التي وصلت حتى الآن محفوظة في الذاكرة؛ شغّل الأمر نفسه مرة أخرى للمتابعة

## memory

memory-imported = { $path }: { $count ->
        [zero] لم تُستورد أي ترجمة
        [one] استُوردت ترجمة واحدة
        [two] استُوردت ترجمتان
        [few] استُوردت { $count } ترجمات
        [many] استُوردت { $count } ترجمةً
       *[other] استُوردت { $count } ترجمة
    }
memory-import-unchanged = { $path }: استُورد من قبل، ولم يتغيّر شيء
memory-stats-header = اللغة	المصدر	الحالة	المدخلات
memory-stats-empty = الذاكرة فارغة
memory-import-no-source = { $path }: لا توجد أي وحدة فيها صيغة باللغة المصدر { $locale }

## check

check-severity-error = خطأ
check-severity-warning = تحذير
check-missing-file = ملف مفقود في { $locale }: { $file }
check-missing-message = الرسالة «{ $id }» مفقودة
check-missing-term = المصطلح «{ $id }» مفقود
check-missing-attribute = السمة «{ $attribute }» في «{ $id }» مفقودة
check-obsolete-message = «{ $id }» غير موجود في اللغة المرجعية { $reference }: لقد أصبح متقادمًا
check-obsolete-attribute = السمة «{ $attribute }» في «{ $id }» غير موجودة في اللغة المرجعية
check-syntax-error = خطأ في البنية: { $reason }
check-duplicate-id = «{ $id }» معرَّف مرتين
check-unknown-variable = «{ $id }» يستخدم المتغيّر ${ $variable }، وهو غير موجود في المرجع
check-unused-variable = «{ $id }» لا يستخدم المتغيّر ${ $variable } الموجود في المرجع
check-unknown-reference = «{ $id }» يشير إلى «{ $target }»، وهو غير موجود
check-no-default-variant = «{ $id }» يحتوي على تعبير اختيار بلا بديل افتراضي
check-empty-value = قيمة «{ $id }» فارغة
check-summary = { $locale }: الرسائل: { $messages }، المفقودة: { $missing }، { $errors ->
        [zero] لا أخطاء
        [one] خطأ واحد
        [two] خطآن
        [few] { $errors } أخطاء
        [many] { $errors } خطأً
       *[other] { $errors } خطأ
    }، { $warnings ->
        [zero] لا تحذيرات
        [one] تحذير واحد
        [two] تحذيران
        [few] { $warnings } تحذيرات
        [many] { $warnings } تحذيرًا
       *[other] { $warnings } تحذير
    }
check-no-locales = { $path }: لم يُعثر على مجلدات لغات (يُتوقَّع مجلد لكل لغة، مثل en-US/ و ar/)
check-clean = لم يُعثر على أي مشكلات

## helper plan

error-no-project = لا يوجد مشروع هنا (لا ملف l10n.toml في هذا المجلد أو ما فوقه): شغّل «l10n init» لبدء مشروع، أو سمِّ المستندات واللغات (--to)
error-no-documents = { $path }: لا مستندات: سمِّها في سطر الأوامر، أو أدرجها في documents في هذا الملف
plan-locale-summary = { $path } ← { $locale }: { $segments ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $segments } مقاطع
        [many] { $segments } مقطعًا
       *[other] { $segments } مقطع
    } — { $backend ->
        [memory] { $memory } من الذاكرة
        [human] { $memory } من الذاكرة
       *[other] { $memory } من الذاكرة، { $engine } من { $backend }
    }، { $missing } ناقصة
plan-requests = { $count ->
        [zero] لم يُرسَل شيء إلى { $backend }: كانت الذاكرة تحوي كل شيء
        [one] أُرسل طلب واحد إلى { $backend }
        [two] أُرسل طلبان إلى { $backend }
        [few] أُرسلت { $count } طلبات إلى { $backend }
        [many] أُرسل { $count } طلبًا إلى { $backend }
       *[other] أُرسل { $count } طلب إلى { $backend }
    }
plan-terms-summary = { $locale }: المسرد: { $expected ->
        [zero] لا مصطلحات متوقَّعة
        [one] مصطلح واحد متوقَّع
        [two] مصطلحان متوقَّعان
        [few] { $expected } مصطلحات متوقَّعة
        [many] { $expected } مصطلحًا متوقَّعًا
       *[other] { $expected } مصطلح متوقَّع
    }، { $found } موجودة، { $repaired } مُصلَحة، { $failing } مخالفة
plan-pseudo-notice = هذه الطبعات مترجمة ترجمة زائفة (نص بحروف معدَّلة وممدود لفحص التخطيط)، وليست مترجمة: اختر محركًا حقيقيًا بـ --backend deepl أو google أو azure أو libretranslate أو openai، أو اضبط backend في l10n.toml
plan-dry-run-locale = { $locale }: { $segments ->
        [zero] لا جمل جديدة
        [one] جملة جديدة واحدة
        [two] جملتان جديدتان
        [few] { $segments } جمل جديدة
        [many] { $segments } جملة جديدة
       *[other] { $segments } جملة جديدة
    } ({ $chars } حرفًا) ستُرسَل إلى { $backend }، و{ $memory } من الذاكرة ({ $documents ->
        [zero] لا مستندات
        [one] مستند واحد
        [two] مستندان
        [few] { $documents } مستندات
        [many] { $documents } مستندًا
       *[other] { $documents } مستند
    })
plan-progress-finished = { $locale }: { $done }/{ $total } مقطعًا في { $seconds } ث

## helper check
check-missing-plural = «{ $id }» ليس فيه صيغة لفئات الجمع { $categories } في { $locale }
check-plural-default-only = «{ $id }» يختار حسب عدد، لكن صيغته الافتراضية وحدها تخدم فئات الجمع { $categories } في { $locale }
check-missing-value = «{ $id }» احتفظ بسماته لكنه فقد قيمته
check-missing-term-reference = «{ $id }» يُسقط المصطلح { $target } الذي يستخدمه المرجع
check-missing-message-reference = «{ $id }» يُسقط الإحالة إلى { $target } التي يستخدمها المرجع
check-obsolete-file = { $file } غير موجود في اللغة المرجعية: الملف كله متقادم في { $locale }
error-locale-unsupported = «{ $tag }» غير مدعومة: يكتب l10n الصينية بالحروف المبسطة فقط (zh، zh-Hans). اللغات التي لها قواعد طباعة وتقسيم جمل خاصة بها: { $supported }؛ وتحصل اللغات الأخرى على القواعد العامة
error-locale-same-as-source = «{ $tag }» هي لغة المصدر: لا شيء يُترجم إليها (يُسمح بمتغير إقليمي مثل en-GB)
error-locale-suggest = ؛ هل تقصد «{ $tag }»؟
io-not-found = لا يوجد ملف أو مجلد بهذا الاسم
io-permission-denied = الإذن مرفوض
io-already-exists = موجود بالفعل
io-storage-full = القرص ممتلئ
io-read-only = نظام الملفات للقراءة فقط
io-is-a-directory = هذا مجلد وليس ملفًا
io-not-a-directory = جزء من المسار ليس مجلدًا
io-directory-not-empty = المجلد ليس فارغًا
io-invalid-data = البيانات غير صالحة
io-unexpected-eof = ينتهي الملف قبل أوانه
io-timed-out = انتهت مهلة العملية
io-connection-refused = رُفض الاتصال
io-interrupted = توقفت العملية
io-out-of-memory = نفدت الذاكرة
io-file-too-large = الملف كبير جدًا
io-busy = الملف أو الجهاز مشغول
io-invalid-filename = اسم الملف غير صالح
clap-usage = الاستخدام: { $usage }
clap-options = الخيارات
clap-arguments = الوسائط
clap-commands = الأوامر
clap-placeholder-command = أمر
clap-print-help = عرض المساعدة
clap-print-version = عرض الإصدار
clap-unknown-argument = وسيط غير متوقع «{ $arg }»
clap-unknown-command = أمر غير معروف «{ $name }»
clap-invalid-value = قيمة غير صالحة «{ $value }» للخيار { $arg }
clap-missing-argument = وسيط مطلوب مفقود: { $arg }
clap-invalid = سطر الأوامر غير صالح ({ $detail })
clap-valid-values = ؛ القيم الممكنة: { $values }
clap-did-you-mean = ؛ هل تقصد «{ $suggestion }»؟
clap-try-help = لمزيد من المعلومات، جرّب «--help».
clap-heading = { $heading }:
clap-help-command = عرض هذه الرسالة أو مساعدة الأوامر الفرعية المذكورة
clap-help-path = عرض مساعدة الأوامر الفرعية المذكورة
clap-default = [الافتراضي: { $value }]
clap-possible-values = [القيم الممكنة: { $values }]
clap-possible-values-heading = القيم الممكنة
clap-possible-value = - { $value }: { $help }
error-empty-folder = { $path }: مجلد لا يحوي مستندات للترجمة (يؤخذ المجلد كله، أو كما يحدد `[layout] include`/`exclude` في l10n.toml)
translate-not-extracted = { $path }:{ $line }: لم يُستخرج، فبقي بلغة المصدر في { $locale } (يُحسب ناقصًا): { $source }
segment-not-extracted = { $path }:{ $line }: لم يُستخرج، فيبقى بلغة المصدر (يُحسب ناقصًا): { $what }
