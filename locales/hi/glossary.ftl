# Terminology: the glossary's findings after a translation, and `l10n glossary`.
# $concept is a concept id from the term base, $term a term in the target language.

translate-term-missing = { $path }:{ $line }: { $locale }: शब्दावली का पद { $concept } नहीं माना गया (अपेक्षित “{ $term }”)
translate-term-forbidden = { $path }:{ $line }: { $locale }: वर्जित पद “{ $term }” ({ $concept })
glossary-converted = { $path }: { $count ->
        [one] { $count } अवधारणा लिखी गई
       *[other] { $count } अवधारणाएँ लिखी गईं
    }
