# The l10n command line: every message a user reads.
# Variables: $path is a file path, $line and $column are 1-based numbers,
# $reason is a technical explanation (often in English, from the system).

## Errors (the run stops, exit status 2)

error-prefix = error:
error-read = { $path }: cannot read the file: { $reason }
error-is-directory = { $path }: is a folder, not a file
error-not-utf8 = { $path }:{ $line }: the file is not UTF-8 text; convert it to UTF-8 and try again
error-binary = { $path }:{ $line }: this is a binary file, not a text document
error-empty = { $path }: the file is empty: there is nothing to translate
error-unknown-format = { $path }: unknown document format; l10n reads .txt, .md, .markdown, .html, .htm and .ftl files
error-parse = { $path }:{ $line }:{ $column }: { $reason }
error-config = { $path }: { $reason }
error-locale-malformed = “{ $tag }” is not a valid language tag (examples: ar, hi, zh, pt-BR)
error-locale-unknown = “{ $tag }” is not a language l10n knows (examples: ar, hi, zh, pt-BR)
error-no-targets = no target languages: give --to (for example --to ar,hi,zh) or set targets in l10n.toml
error-unknown-backend = unknown backend “{ $name }”; known backends: { $known }
error-memory = { $path }: the translation memory cannot be used: { $reason }
error-memory-locked = { $path }: the translation memory is locked by another process and stayed locked; try again when it has finished
error-memory-foreign = { $path }: this file is not an l10n translation memory (a foreign or damaged file); it was left untouched
error-memory-too-new = { $path }: this memory has schema version { $found }, newer than this l10n understands ({ $supported }); upgrade l10n
error-write = { $path }: cannot write: { $reason }
error-engine = engine { $engine }: { $reason }

## translate

translate-edition-written = { $locale }: wrote { $path }
translate-edition-withheld = { $locale }: edition not written: { $missing ->
        [one] one segment is
       *[other] { $missing } segments are
    } untranslated (use --allow-partial to write it with the English sentences marked)
translate-missing-segment = { $path }:{ $line }: untranslated in { $locale }: { $source }
translate-needs-review = { $path }:{ $line }: needs review in { $locale } ({ $reason }): { $source }
translate-engine-stopped = { $locale }: { $reason }
translate-interrupted = interrupted: every translation received so far is kept in the memory; run the same command again to continue

## memory

memory-imported = { $path }: { $count ->
        [one] one translation imported
       *[other] { $count } translations imported
    }
memory-import-unchanged = { $path }: already imported, nothing changed
memory-stats-header = locale	origin	state	entries
memory-stats-empty = the memory is empty
memory-import-no-source = { $path }: no unit has a variant in the source language { $locale }

## check

check-severity-error = error
check-severity-warning = warning
check-missing-file = file missing in { $locale }: { $file }
check-missing-message = message “{ $id }” is missing
check-missing-term = term “{ $id }” is missing
check-missing-attribute = attribute “{ $attribute }” of “{ $id }” is missing
check-obsolete-message = “{ $id }” is not in the reference locale { $reference }: it is obsolete
check-obsolete-attribute = attribute “{ $attribute }” of “{ $id }” is not in the reference locale
check-syntax-error = syntax error: { $reason }
check-duplicate-id = “{ $id }” is defined twice
check-unknown-variable = “{ $id }” uses the variable ${ $variable }, which the reference does not have
check-unused-variable = “{ $id }” does not use the variable ${ $variable } of the reference
check-unknown-reference = “{ $id }” refers to “{ $target }”, which does not exist
check-no-default-variant = “{ $id }” has a select expression without a default variant
check-empty-value = “{ $id }” has an empty value
check-summary = { $locale }: { $messages } messages, { $missing } missing, { $errors ->
        [one] one error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] one warning
       *[other] { $warnings } warnings
    }
check-no-locales = { $path }: no locale folders found (expected one folder per locale, such as en-US/ and ar/)
check-clean = no problems found

## helper plan

error-no-project = there is no project here (no l10n.toml in this folder or above): run “l10n init” to start one, or name the documents and the languages (--to)
error-no-documents = { $path }: no documents: name them on the command line, or list them as documents in this file
plan-locale-summary = { $path } → { $locale }: { $segments ->
        [one] one segment
       *[other] { $segments } segments
    } — { $backend ->
        [memory] { $memory } from memory
        [human] { $memory } from memory
       *[other] { $memory } from memory, { $engine } from { $backend }
    }, { $missing } missing
plan-requests = { $count ->
        [0] nothing sent to { $backend }: the memory had everything
        [one] one request sent to { $backend }
       *[other] { $count } requests sent to { $backend }
    }
plan-terms-summary = { $locale }: glossary: { $expected ->
        [one] one term expected
       *[other] { $expected } terms expected
    }, { $found } found, { $repaired } repaired, { $failing } failing
plan-pseudo-notice = these editions are pseudo-localized (accented, padded text for checking layouts), not translated: choose a real engine with --backend deepl, google, azure, libretranslate or openai, or set backend in l10n.toml
plan-dry-run-locale = { $locale }: { $segments ->
        [one] one new sentence
       *[other] { $segments } new sentences
    } ({ $chars } characters) would go to { $backend }, { $memory } from memory ({ $documents ->
        [one] one document
       *[other] { $documents } documents
    })
plan-progress-finished = { $locale }: { $done }/{ $total } segments in { $seconds } s

## helper check
check-missing-plural = “{ $id }” has no variant for the plural categories { $categories } of { $locale }
check-plural-default-only = “{ $id }” selects on a number but only its default variant serves the plural categories { $categories } of { $locale }
check-missing-value = “{ $id }” keeps its attributes but has lost its value
check-missing-term-reference = “{ $id }” drops the term { $target } that the reference uses
check-missing-message-reference = “{ $id }” drops the reference to { $target } that the reference uses
check-obsolete-file = { $file } is not in the reference locale: the whole file is obsolete in { $locale }
error-locale-unsupported = “{ $tag }” is not supported: l10n writes Chinese in Simplified characters only (zh, zh-Hans). Languages with their own typography and sentence rules: { $supported }; other languages get the generic rules
error-locale-same-as-source = “{ $tag }” is the source language: there is nothing to translate into it (a regional variant such as en-GB is allowed)
error-locale-suggest = ; did you mean “{ $tag }”?
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it already exists
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is not a folder
io-directory-not-empty = the folder is not empty
io-invalid-data = the data is not valid
io-unexpected-eof = the file ends too early
io-timed-out = the operation timed out
io-connection-refused = the connection was refused
io-interrupted = interrupted
io-out-of-memory = out of memory
io-file-too-large = the file is too large
io-busy = the file or device is busy
io-invalid-filename = the file name is not valid
clap-usage = Usage: { $usage }
clap-options = Options
clap-arguments = Arguments
clap-commands = Commands
clap-placeholder-command = COMMAND
clap-print-help = Print help
clap-print-version = Print version
clap-unknown-argument = unexpected argument “{ $arg }”
clap-unknown-command = unknown command “{ $name }”
clap-invalid-value = invalid value “{ $value }” for { $arg }
clap-missing-argument = a required argument is missing: { $arg }
clap-invalid = the command line is not valid ({ $detail })
clap-valid-values = ; possible values: { $values }
clap-did-you-mean = ; did you mean “{ $suggestion }”?
clap-try-help = For more information, try “--help”.
clap-heading = { $heading }:
clap-help-command = Print this message or the help of the given subcommand(s)
clap-help-path = Print help for the subcommand(s)
clap-default = [default: { $value }]
clap-possible-values = [possible values: { $values }]
clap-possible-values-heading = Possible values
clap-possible-value = - { $value }: { $help }
error-empty-folder = { $path }: a folder with no documents to translate (a folder is taken whole, or as `[layout] include`/`exclude` in l10n.toml say)
translate-not-extracted = { $path }:{ $line }: not extracted, left in the source language in { $locale } (counted as missing): { $source }
segment-not-extracted = { $path }:{ $line }: not extracted, it stays in the source language (counted as missing): { $what }
