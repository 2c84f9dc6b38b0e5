## الذاكرة: البحث والتنظيف والإحصاءات والتصدير

memory-lookup-exact = مطابقة تامة: { $target }  ({ $origin }، { $state })
memory-lookup-fuzzy = { $score }٪: { $source } ← { $target }  ({ $origin }، { $state })
memory-lookup-none = لا شيء في الذاكرة لهذه الجملة إلى { $locale }، ولا حتى جملة مشابهة
memory-gc-removed = { $count ->
        [zero] لم تُحذف أي ترجمة آلية قديمة أقدم من { $days } يومًا
        [one] حُذفت ترجمة آلية قديمة واحدة أقدم من { $days } يومًا
        [two] حُذفت ترجمتان آليتان قديمتان أقدم من { $days } يومًا
        [few] حُذفت { $count } ترجمات آلية قديمة أقدم من { $days } يومًا
        [many] حُذفت { $count } ترجمة آلية قديمة أقدم من { $days } يومًا
       *[other] حُذفت { $count } ترجمة آلية قديمة أقدم من { $days } يومًا
    }
memory-stats-summary = { $path }: { $count ->
        [zero] لا مدخلات
        [one] مدخل واحد
        [two] مدخلان
        [few] { $count } مدخلات
        [many] { $count } مدخلًا
       *[other] { $count } مدخل
    }، { $size }، إصدار المخطط { $version }
memory-exported = { $path }: { $count ->
        [zero] لم تُكتب أي وحدة ترجمة
        [one] كُتبت وحدة ترجمة واحدة
        [two] كُتبت وحدتا ترجمة
        [few] كُتبت { $count } وحدات ترجمة
        [many] كُتبت { $count } وحدة ترجمة
       *[other] كُتبت { $count } وحدة ترجمة
    }

## helper hardening
memory-lookup-version = { $kind ->
        [alternative] بديل
       *[other] نسخة سابقة
    }: { $target }  ({ $state }، { $file })
memory-conflict = { $path }: أُبقيت الترجمة ذات الحالة { $kept_state } إلى { $locale } للجملة «{ $source }»: «{ $kept }»؛ أما الترجمة المعروضة ذات الحالة { $offered_state }، «{ $offered }»، فقد حُفظت بديلًا (يعرضها memory lookup)
