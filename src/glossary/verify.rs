//! Verifying terminology in a translation, with normalisation that understands the scripts:
//! - everything: Unicode NFC, case folding, zero-width joiners dropped;
//! - Arabic: diacritics (tashkeel) and tatweel removed, alef variants unified, alef maqsura and
//!   ta marbuta unified; matched as a substring, so attached prefixes (و ف ب ك ل ال and their
//!   combinations) are allowed, and a term written with the article also matches its stem
//!   (للصين contains صين of الصين);
//! - Hindi: nukta optional (ज़ = ज), chandrabindu = anusvara; postpositions are separate words;
//! - Chinese: substring, no word boundaries.
//!
//! Forbidden forms (deprecated terms of the target language, and those of the source language,
//! which must not leak untranslated) are caught anywhere in the text.

#![deny(clippy::string_slice)]

use super::Glossary;
use crate::lang::Locale;
use unicode_normalization::UnicodeNormalization;

/// Why a segment fails a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// The source has the term; the translation has none of its allowed forms.
    Missing { concept: usize },
    /// A forbidden form appears in the translation.
    Forbidden { concept: usize, term: String },
}

impl Violation {
    pub fn concept(&self) -> usize {
        match self {
            Violation::Missing { concept } | Violation::Forbidden { concept, .. } => *concept,
        }
    }
}

/// Normalised allowed and forbidden forms per concept, for one language pair.
pub struct Verifier {
    allowed: Vec<Vec<String>>,
    forbidden: Vec<(usize, String, String)>,
    script: String,
}

impl Verifier {
    pub fn new(glossary: &Glossary, source: &Locale, target: &Locale) -> Verifier {
        let script = target.script();
        let mut allowed = Vec::with_capacity(glossary.concepts.len());
        let mut forbidden = Vec::new();
        for (i, concept) in glossary.concepts.iter().enumerate() {
            let mut forms = Vec::new();
            for term in concept.allowed(source, target) {
                let n = normalize(&term.text, &script);
                if script == "Arab"
                    && let Some(stem) = n.strip_prefix("ال")
                    && stem.chars().count() >= 3
                {
                    forms.push(stem.to_string());
                }
                forms.push(n);
            }
            allowed.push(forms);
            for term in concept.forbidden(target).chain(if source != target {
                concept.forbidden(source).collect::<Vec<_>>()
            } else {
                Vec::new()
            }) {
                forbidden.push((i, normalize(&term.text, &script), term.text.clone()));
            }
        }
        Verifier {
            allowed,
            forbidden,
            script,
        }
    }

    /// The violations of `translation`, given the concepts its source contains.
    pub fn check(&self, translation: &str, expected: &[usize]) -> Vec<Violation> {
        // Nothing to look for: no need to normalise the text (most sentences, and every
        // sentence when there is no term base).
        if self.forbidden.is_empty() && expected.iter().all(|&c| self.allowed[c].is_empty()) {
            return Vec::new();
        }
        let text = normalize(translation, &self.script);
        let mut out = Vec::new();
        let mut seen = Vec::new();
        for &concept in expected {
            if seen.contains(&concept) {
                continue;
            }
            seen.push(concept);
            let forms = &self.allowed[concept];
            // A concept without a form in the target language cannot be verified.
            if !forms.is_empty() && !forms.iter().any(|f| text.contains(f.as_str())) {
                out.push(Violation::Missing { concept });
            }
        }
        for (concept, normalized, original) in &self.forbidden {
            if !normalized.is_empty() && contains_word(&text, normalized) {
                out.push(Violation::Forbidden {
                    concept: *concept,
                    term: original.clone(),
                });
            }
        }
        out
    }
}

/// Latin-script forbidden forms need word boundaries ("Kiev" must not match "Kievan"); other
/// scripts are matched as substrings.
fn contains_word(text: &str, needle: &str) -> bool {
    if !needle.is_ascii() {
        return text.contains(needle);
    }
    text.match_indices(needle).any(|(i, m)| {
        // boundary: `i` and `i + m.len()` are the ends of a match found by `match_indices`.
        #[allow(clippy::string_slice)]
        let (before, after) = (text[..i].chars().next_back(), text[i + m.len()..].chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The comparison form of `s` in a text of `script`.
pub fn normalize(s: &str, script: &str) -> String {
    let lowered: String = s
        .nfc()
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'))
        .collect();
    let spaced = collapse_spaces(&lowered);
    match script {
        "Arab" => spaced
            .chars()
            .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
            .map(|c| match c {
                'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
                'ى' => 'ي',
                'ة' => 'ه',
                c => c,
            })
            .collect(),
        "Deva" => spaced
            .nfd()
            .filter(|&c| c != '\u{093C}')
            .map(|c| if c == '\u{0901}' { '\u{0902}' } else { c })
            .nfc()
            .collect(),
        _ => spaced,
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn glossary() -> Glossary {
        crate::glossary::csv::read(
            "id,subject,en,ar,hi,zh-Hans\nkyiv,place,Kyiv | ~Kiev,كييف,कीव,基辅 | ~基輔\nchina,place,China,الصين,चीन,中国\nzhy,place,Zhytomyr,جيتومير,ज़ायटोमीर,日托米尔\n",
            Path::new("g.csv"),
            b',',
        )
        .unwrap()
    }

    fn check(target: &str, text: &str, expected: &[usize]) -> Vec<Violation> {
        Verifier::new(
            &glossary(),
            &Locale::parse("en").unwrap(),
            &Locale::parse(target).unwrap(),
        )
        .check(text, expected)
    }

    #[test]
    fn arabic_prefixes_diacritics_and_the_article() {
        assert!(check("ar", "وصلوا إلى كييفَ أمس", &[0]).is_empty());
        assert!(check("ar", "وفي كييف", &[0]).is_empty());
        assert!(check("ar", "صادرات للصين", &[1]).is_empty());
        assert!(check("ar", "بالصّين", &[1]).is_empty());
        assert_eq!(
            check("ar", "وصلوا إلى موسكو", &[0]),
            vec![Violation::Missing { concept: 0 }]
        );
    }

    #[test]
    fn hindi_nukta_is_optional_and_chinese_is_substring() {
        assert!(check("hi", "जायटोमीर में", &[2]).is_empty());
        assert!(check("zh-Hans", "他们在基辅签署", &[0]).is_empty());
        assert_eq!(
            check("zh-Hans", "他们在基輔签署", &[0]),
            vec![
                Violation::Missing { concept: 0 },
                Violation::Forbidden {
                    concept: 0,
                    term: "基輔".into()
                }
            ]
        );
    }

    #[test]
    fn latin_forbidden_forms_leak_into_any_edition() {
        assert_eq!(
            check("ar", "كييف (Kiev)", &[0]),
            vec![Violation::Forbidden {
                concept: 0,
                term: "Kiev".into()
            }]
        );
        assert!(check("ar", "كييف Kievan", &[0]).is_empty());
    }
}
