# محركات الترجمة الآلية: الإعدادات والمفاتيح والتشغيل التجريبي والتقدم.

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }: { $reason }
error-missing-api-key = يحتاج المحرك { $backend } إلى مفتاح API: عيّن متغير البيئة { $var } (يمكن اختيار اسم آخر عبر api_key_env في [backends.{ $backend }])

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

## helper hardening
error-secret-variable-refused = ‎{ $setting } = "{ $var }"‎ مرفوض: ملف المشروع مشترك، لذا لا يجوز أن يسمّي إلا { $documented } أو متغيرًا يبدأ بـ L10N_ (انسخ السر إلى متغير كهذا: ‎L10N_{ $var }=…‎)
error-untrusted-engine-url = ‎[backends.{ $backend }] url = "{ $url }"‎ ليس خدمة { $backend } الرسمية ولا يأتي إلا من ملف المشروع، لذا لن يُرسل إليه المفتاح الموجود في { $var }: حدّد العنوان في البيئة (‎{ $url_var }=…‎) أو اسمح بعناوين ملف المشروع عبر ‎{ $opt_in }=1‎
