# Project commands: init, status and the HTML status report.

init-exists = { $path } already exists; l10n init never overwrites a project file
init-ask-source = Source language of your documents
init-ask-targets = Target languages, comma-separated
init-ask-backend = Translation engine (pseudo, memory, human, deepl, google, azure, libretranslate, openai)
init-done = { $path }: project created; list your term bases under glossary in l10n.toml (files in glossary/ are used only when listed) and run l10n translate
status-line = { $path } { $locale }: { $complete }% complete — { $segments } segments: { $human } by people, { $machine } by machine, { $reviewed } reviewed, { $missing } missing ({ $words } words to translate), { $failing } glossary problems
report-title = Translation status
report-reviewed = reviewed
report-human = translated by people
report-machine = machine translation
report-needs-review = needs review
report-missing = missing
report-source = Source
report-locale-line = { $complete }% complete, { $missing } missing ({ $words } words), { $failing } glossary problems
