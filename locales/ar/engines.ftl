# محركات الترجمة الآلية: الإعدادات والمفاتيح والتشغيل التجريبي والتقدم.

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }: { $reason }
error-missing-api-key = يحتاج المحرك { $backend } إلى مفتاح API: عيّن متغير البيئة { $var } (يمكن اختيار اسم آخر عبر api_key_env في [backends.{ $backend }])

translate-dry-run-locale = { $path } → { $locale }: { $segments ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $segments } مقاطع
        [many] { $segments } مقطعًا
       *[other] { $segments } مقطع
    } ({ $chars } حرفًا) ستُرسل إلى { $backend }، و{ $memory } من الذاكرة
translate-dry-run-total = المجموع { $segments ->
        [zero] لا مقاطع
        [one] مقطع واحد
        [two] مقطعان
        [few] { $segments } مقاطع
        [many] { $segments } مقطعًا
       *[other] { $segments } مقطع
    } و{ $chars } حرفًا إلى { $backend }: التكلفة التقديرية { $cost } بسعر { $price } لكل مليون حرف؛ لم يُرسل شيء
translate-progress = { $locale }: { $done }/{ $total } مقطعًا، { $rate } مقطع/ث، يتبقى نحو { $eta } ث
translate-engine-request = { $engine }: طلب من { $chars } حرفًا ← { $outcome } خلال { $millis } ملي ثانية
