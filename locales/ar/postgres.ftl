error-memory-unreachable = { $url }: تعذّر الوصول إلى خادم الذاكرة ({ $attempts ->
    [zero] دون أي محاولة
    [one] بعد محاولة واحدة
    [two] بعد محاولتين
    [few] بعد { $attempts } محاولات
    [many] بعد { $attempts } محاولة
   *[other] بعد { $attempts } محاولة
}): { $reason }؛ ما خُزِّن من قبل محفوظ، أعد المحاولة حين يعود الخادم
memory-copied = من { $from } إلى { $to }: { $count ->
    [zero] لم يُنسخ أي إدخال
    [one] نُسخ إدخال واحد
    [two] نُسخ إدخالان
    [few] نُسخت { $count } إدخالات
    [many] نُسخ { $count } إدخالًا
   *[other] نُسخ { $count } إدخال
}
