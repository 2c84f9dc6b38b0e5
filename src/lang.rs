//! Locales: parsing the tags users type, and what the pipeline needs to know of a language.
//!
//! `zh` on the command line means Mandarin written in Simplified Chinese, `zh-Hans`; the
//! model only ever carries the canonical tag. Engine-specific codes (`ZH-HANS`, `zh-CN`) are
//! mapped inside each engine and never leak back here.

use std::fmt;
use std::str::FromStr;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// A language the pipeline reads or writes, in canonical BCP 47 form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Locale {
    tag: String,
    id: LanguageIdentifierKey,
}

/// `LanguageIdentifier` is not `Ord`; keep its string for ordering and the id for queries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct LanguageIdentifierKey(String);

/// Why a tag was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LocaleError {
    #[error("'{0}' is not a well-formed language tag")]
    Malformed(String),
    #[error("'{0}' is not a known language")]
    Unknown(String),
    /// A language l10n cannot write an edition in yet (Traditional Chinese).
    #[error("'{0}' is not supported as a target language")]
    Unsupported(String),
    /// The target is the source language itself (`--to en` for an English article).
    #[error("'{0}' is the source language")]
    SameAsSource(String),
}

/// Languages with their own typography, sentence rules and glossary forms; any other known
/// language gets the generic ones. Shown when a target is refused.
pub const TARGETS_WITH_RULES: &str = "ar, hi, zh (zh-Hans)";

/// English names users type for a tag (`--to arabic`), with the tag to suggest.
const NAMES: &[(&str, &str)] = &[
    ("arabic", "ar"),
    ("hindi", "hi"),
    ("chinese", "zh"),
    ("mandarin", "zh"),
    ("simplified", "zh"),
    ("english", "en"),
    ("french", "fr"),
    ("german", "de"),
    ("spanish", "es"),
    ("portuguese", "pt"),
    ("italian", "it"),
    ("russian", "ru"),
    ("japanese", "ja"),
    ("korean", "ko"),
    ("urdu", "ur"),
    ("persian", "fa"),
    ("farsi", "fa"),
    ("hebrew", "he"),
    ("turkish", "tr"),
    ("bengali", "bn"),
    ("indonesian", "id"),
    ("vietnamese", "vi"),
    ("dutch", "nl"),
    ("polish", "pl"),
    ("ukrainian", "uk"),
];

/// The tag for a language name typed where a tag belongs (`arabic` → `ar`), if it is one.
pub fn suggest(input: &str) -> Option<&'static str> {
    let wanted = input.trim().to_lowercase();
    NAMES.iter().find(|(name, _)| *name == wanted).map(|(_, tag)| *tag)
}

impl Locale {
    pub fn parse(input: &str) -> Result<Locale, LocaleError> {
        let trimmed = input.trim();
        let mut id: LanguageIdentifier = trimmed.parse().map_err(|_| LocaleError::Malformed(input.to_string()))?;
        if id.language.is_empty() {
            return Err(LocaleError::Malformed(input.to_string()));
        }
        // A language without likely subtags in CLDR is not one we can localize into.
        let mut maximized = id.clone();
        if !maximized.maximize() && maximized.script.is_none() {
            return Err(LocaleError::Unknown(input.to_string()));
        }
        // Chinese needs its script: plain `zh` (and mainland / Singapore regions) is Simplified.
        if id.language.as_str() == "zh" && id.script.is_none() {
            id.script = maximized.script;
            if matches!(id.region.as_ref().map(|r| r.as_str()), Some("CN") | Some("SG")) {
                id.region = None;
            }
        }
        let tag = id.to_string();
        Ok(Locale {
            id: LanguageIdentifierKey(tag.clone()),
            tag,
        })
    }

    /// The canonical tag (`ar`, `hi`, `zh-Hans`).
    pub fn tag(&self) -> &str {
        &self.tag
    }

    pub fn langid(&self) -> LanguageIdentifier {
        self.id.0.parse().expect("canonical tags parse")
    }

    /// The language subtag alone (`zh` for `zh-Hans`).
    pub fn language(&self) -> String {
        self.langid().language.as_str().to_string()
    }

    pub fn is_rtl(&self) -> bool {
        self.langid().character_direction() == CharacterDirection::RTL
    }

    /// `rtl` or `ltr`, for HTML's `dir`.
    pub fn direction(&self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The writing system, from the tag or CLDR's likely subtags (`Arab`, `Deva`, `Hans`, `Latn`).
    pub fn script(&self) -> String {
        let mut id = self.langid();
        if id.script.is_none() {
            id.maximize();
        }
        id.script
            .map(|s| s.as_str().to_string())
            .unwrap_or_else(|| "Latn".into())
    }

    /// What goes between two sentences of a paragraph: nothing in Chinese and Japanese.
    pub fn sentence_joiner(&self) -> &'static str {
        match self.language().as_str() {
            "zh" | "ja" => "",
            _ => " ",
        }
    }
}

impl Default for Locale {
    /// English, the default source language.
    fn default() -> Self {
        Locale::parse("en").expect("en is a language")
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl FromStr for Locale {
    type Err = LocaleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::parse(s)
    }
}

/// Parses a comma-separated target list (`ar,hi,zh`), keeping the order and dropping repeats.
/// Traditional Chinese is refused: the Chinese typography, segmentation rules and glossary
/// forms are Simplified, and an edition in mixed scripts is worse than none.
pub fn parse_list(input: &str) -> Result<Vec<Locale>, LocaleError> {
    let mut out: Vec<Locale> = Vec::new();
    for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let locale = Locale::parse(tag)?;
        if locale.language() == "zh" && locale.script() == "Hant" {
            return Err(LocaleError::Unsupported(tag.to_string()));
        }
        if !out.contains(&locale) {
            out.push(locale);
        }
    }
    if out.is_empty() {
        return Err(LocaleError::Malformed(input.to_string()));
    }
    Ok(out)
}

/// [`parse_list`] for targets of a `source`: the source language itself is refused (an
/// English edition of an English article), a regional variant of it is not (`en` → `en-GB`).
pub fn parse_targets(input: &str, source: &Locale) -> Result<Vec<Locale>, LocaleError> {
    let targets = parse_list(input)?;
    if let Some(same) = targets.iter().find(|t| *t == source || t.tag() == source.language()) {
        return Err(LocaleError::SameAsSource(same.tag().to_string()));
    }
    Ok(targets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zh_means_simplified() {
        assert_eq!(Locale::parse("zh").unwrap().tag(), "zh-Hans");
        assert_eq!(Locale::parse("zh-CN").unwrap().tag(), "zh-Hans");
        assert_eq!(Locale::parse("zh-Hant").unwrap().tag(), "zh-Hant");
        assert_eq!(Locale::parse("zh-TW").unwrap().tag(), "zh-Hant-TW");
    }

    #[test]
    fn direction_and_script() {
        let ar = Locale::parse("ar").unwrap();
        assert!(ar.is_rtl());
        assert_eq!(ar.script(), "Arab");
        let hi = Locale::parse("hi").unwrap();
        assert!(!hi.is_rtl());
        assert_eq!(hi.script(), "Deva");
        assert_eq!(Locale::parse("zh").unwrap().sentence_joiner(), "");
    }

    #[test]
    fn bad_tags_are_named() {
        assert_eq!(Locale::parse("a$b").unwrap_err(), LocaleError::Malformed("a$b".into()));
        assert!(matches!(Locale::parse("qqq"), Err(LocaleError::Unknown(_))));
        assert_eq!(parse_list("ar, hi,ar,zh").unwrap().len(), 3);
        assert_eq!(suggest("Arabic"), Some("ar"));
        assert_eq!(parse_list("ar,zh-TW"), Err(LocaleError::Unsupported("zh-TW".into())));
        assert!(matches!(parse_list("zh-Hant"), Err(LocaleError::Unsupported(_))));
        let en = Locale::parse("en").unwrap();
        assert_eq!(parse_targets("ar,en", &en), Err(LocaleError::SameAsSource("en".into())));
        assert_eq!(parse_targets("en-GB", &en).unwrap()[0].tag(), "en-GB");
    }
}
