# XLIFF export and import for human translators.
# $path is a file, $locale a language tag, $unit an XLIFF unit id.

xliff-exported = { $path }: { $count ->
        [one] one unit for { $locale }
       *[other] { $count } units for { $locale }
    }
xliff-export-nothing = { $path }: nothing to export for { $locale }
xliff-human-handoff = { $locale }: the memory lacks { $count ->
        [one] one sentence; it was exported for translators
       *[other] { $count } sentences; they were exported for translators
    }
xliff-import-summary = { $path }: { $imported } imported, { $unchanged } unchanged, { $empty } empty, { $rejected } rejected
xliff-rejected = { $path }:{ $line }: unit { $unit } rejected: { $reason }
xliff-reject-unknown-document = the file belongs to “{ $original }”, which is not one of the project's documents (give it with --document)
xliff-reject-source-changed = its source text was edited; it no longer matches the sentence it was exported for
xliff-reject-unknown-segment = no sentence of the document has this source text
xliff-reject-language = the language { $found } does not match { $expected }
xliff-reject-codes = the inline codes of the target differ from the source's ({ $detail })

## helper check
xliff-rejected-file = { $path }:{ $line }: all { $units } units of the file rejected: { $reason }
xliff-reject-no-document = the file does not say which document it belongs to (no original) and the project lists none (give it with --document)
