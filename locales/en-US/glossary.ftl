# Terminology: the glossary's findings after a translation, and `l10n glossary`.
# $concept is a concept id from the term base, $term a term in the target language.

translate-term-missing = { $path }:{ $line }: { $locale }: glossary term { $concept } is not honoured (expected “{ $term }”)
translate-term-forbidden = { $path }:{ $line }: { $locale }: forbidden term “{ $term }” ({ $concept })
glossary-converted = { $path }: { $count ->
        [one] one concept written
       *[other] { $count } concepts written
    }
