# The chrome of an edition: what a reader sees around the article.

# The language's own name, as the language switcher shows it.
edition-language-self = English
edition-original = original
edition-switcher = Read this article in
edition-date = Published on { $date }
edition-site = { $site }
edition-notice-machine = Machine-translated by { $engine }, not reviewed by a person.
edition-notice-pseudo = Pseudo-localized to check the layout: not a translation.
edition-notice-machine-reviewed = Machine-translated by { $engine } and reviewed by a person.
edition-notice-human = Translated by people, not yet reviewed.
edition-notice-human-reviewed = Translated by people and reviewed.
edition-notice-mixed = Translated by people and by { $engine }: sentences by people: { $human } of { $total }.

# The tool, when it writes a page.
translate-page-written = { $locale }: wrote the page { $path }

## helper check
edition-switcher-heading = Read this article in:
