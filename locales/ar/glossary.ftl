# Terminology: the glossary's findings after a translation, and `l10n glossary`.
# $concept is a concept id from the term base, $term a term in the target language.

translate-term-missing = { $path }:{ $line }: { $locale }: مصطلح المسرد { $concept } غير مُلتزَم به (المتوقَّع «{ $term }»)
translate-term-forbidden = { $path }:{ $line }: { $locale }: مصطلح محظور «{ $term }» ({ $concept })
glossary-converted = { $path }: { $count ->
        [zero] لم يُكتب أي مفهوم
        [one] كُتب مفهوم واحد
        [two] كُتب مفهومان
        [few] كُتبت { $count } مفاهيم
        [many] كُتب { $count } مفهومًا
       *[other] كُتب { $count } مفهوم
    }
