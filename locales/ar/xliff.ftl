# تصدير XLIFF واستيراده للمترجمين.

xliff-exported = { $path }: { $count ->
        [zero] لا وحدات للغة { $locale }
        [one] وحدة واحدة للغة { $locale }
        [two] وحدتان للغة { $locale }
        [few] { $count } وحدات للغة { $locale }
        [many] { $count } وحدة للغة { $locale }
       *[other] { $count } وحدة للغة { $locale }
    }
xliff-export-nothing = { $path }: لا شيء للتصدير إلى { $locale }
xliff-human-handoff = { $locale }: { $count ->
        [zero] لا تنقص الذاكرةَ أي جملة
        [one] تنقص الذاكرةَ جملة واحدة، وقد صُدّرت للمترجمين
        [two] تنقص الذاكرةَ جملتان، وقد صُدّرتا للمترجمين
        [few] تنقص الذاكرةَ { $count } جمل، وقد صُدّرت للمترجمين
        [many] تنقص الذاكرةَ { $count } جملة، وقد صُدّرت للمترجمين
       *[other] تنقص الذاكرةَ { $count } جملة، وقد صُدّرت للمترجمين
    }
xliff-import-summary = { $path }: مستورد { $imported }، بلا تغيير { $unchanged }، فارغ { $empty }، مرفوض { $rejected }
xliff-rejected = { $path }:{ $line }: رُفضت الوحدة { $unit }: { $reason }
xliff-reject-unknown-document = الملف يخص «{ $original }» وهو ليس من مستندات المشروع (حدده بالخيار --document)
xliff-reject-source-changed = عُدّل نصها المصدر فلم يعد يطابق الجملة التي صُدّرت لها
xliff-reject-unknown-segment = لا توجد في المستند جملة بهذا النص المصدر
xliff-reject-language = اللغة { $found } لا تطابق { $expected }
xliff-reject-codes = الرموز المضمّنة في الترجمة تختلف عن رموز المصدر ({ $detail })

## helper check
xliff-rejected-file = { $path }:{ $line }: رُفضت وحدات الملف كلها ({ $units }): { $reason }
xliff-reject-no-document = لا يذكر الملف المستند الذي ينتمي إليه (لا original) ولا يسرد المشروع أي مستند (حدده بالخيار --document)
