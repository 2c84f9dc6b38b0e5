## l10n check: documents and editions, and the summary table

check-untranslated-segment = no translation: “{ $source }”
check-stale-segment = no translation of the current text: “{ $source }”; the memory only has one of an earlier version: “{ $previous }”
check-placeholder-mismatch = the translation of “{ $source }” does not keep its placeholders (lost: { $lost }; added: { $extra })
check-below-required-state = the translation of “{ $source }” is { $state } ({ $origin }); { $required } is required
check-number-mismatch = the translation does not state { $numbers }: “{ $target }”
check-typography = “{ $found }” where this language writes “{ $expected }”: “{ $target }”
check-length-outlier = the translation is { $ratio } times the length of the source, outside the expected { $low }–{ $high }: “{ $target }”
check-term-missing = glossary term { $concept } missing: expected “{ $term }”
check-term-forbidden = forbidden term “{ $term }” (glossary { $concept })

check-column-locale = locale
check-column-messages = strings
check-column-missing = missing
check-column-errors = errors
check-column-warnings = warnings
check-column-words = words to translate
check-column-completion = complete
check-not-extracted = not extracted, it stays in the source language: { $what }
check-markup-repaired = { $reason }; the extractor repaired it (the tag is kept as it is), fix the source
