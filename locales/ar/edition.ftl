# واجهة النسخة: ما يراه القارئ حول المقال.

edition-language-self = العربية
edition-original = الأصل
edition-switcher = اقرأ هذا المقال باللغة
edition-date = نُشر في { $date }
edition-site = { $site }
edition-notice-machine = ترجمة آلية بواسطة { $engine }، لم يراجعها أحد.
edition-notice-pseudo = نص مُحاكى لفحص التخطيط، وليس ترجمة.
edition-notice-machine-reviewed = ترجمة آلية بواسطة { $engine }، راجعها مترجم.
edition-notice-human = ترجمة بشرية، لم تُراجع بعد.
edition-notice-human-reviewed = ترجمة بشرية مُراجَعة.
edition-notice-mixed = ترجمة بشرية وآلية بواسطة { $engine }: الجمل المترجمة بشريًا: { $human } من { $total }.

# الأداة حين تكتب صفحة.
translate-page-written = { $locale }: تمت كتابة الصفحة { $path }

## helper check
edition-switcher-heading = اقرأ هذا المقال باللغة:
