//! Finding glossary terms in source text: one Aho-Corasick automaton over all terms
//! (leftmost-longest, so "Washington, D.C." wins over "Washington"), run on case-folded text
//! with an offset map back to the original bytes.
//!
//! Matching is case-insensitive except for acronyms (all capitals: "US" must not match "us"),
//! treats hyphens and runs of spaces as one space ("rare-earth" = "rare earth"), requires word
//! boundaries in scripts that have them (not in Chinese or Japanese), and tolerates an English
//! plural or possessive after the term ("rare earths", "China's"); the reported range is the
//! term itself, without that ending.

#![deny(clippy::string_slice)]

use super::{Glossary, Status};
use crate::lang::Locale;
use crate::model::{Part, Text};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;

/// A term found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermMatch {
    /// Index of the concept in the glossary.
    pub concept: usize,
    /// Index of the `Part::Str` in the text.
    pub part: usize,
    /// Byte range of the term in that part's string.
    pub range: Range<usize>,
}

pub struct Matcher {
    automaton: Option<AhoCorasick>,
    /// Per pattern: the concept and whether it must match case-sensitively (the original form).
    patterns: Vec<(usize, Option<String>)>,
    word_boundaries: bool,
}

impl Matcher {
    /// A matcher for the `source` language's preferred and admitted terms.
    pub fn new(glossary: &Glossary, source: &Locale) -> Matcher {
        let mut folded = Vec::new();
        let mut patterns = Vec::new();
        for (i, concept) in glossary.concepts.iter().enumerate() {
            for term in concept
                .terms_in(source)
                .iter()
                .filter(|t| t.status != Status::Deprecated)
            {
                let (f, _) = fold(&term.text);
                if f.trim().is_empty() {
                    continue;
                }
                let exact = is_acronym(&term.text).then(|| term.text.clone());
                folded.push(f);
                patterns.push((i, exact));
            }
        }
        let automaton = (!folded.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&folded)
                .expect("glossary patterns build")
        });
        let word_boundaries = !matches!(
            source.script().as_str(),
            "Hans" | "Hant" | "Jpan" | "Thai" | "Khmr" | "Laoo" | "Mymr"
        );
        Matcher {
            automaton,
            patterns,
            word_boundaries,
        }
    }

    /// The terms in one string, as (concept, byte range).
    pub fn find_in_str(&self, s: &str) -> Vec<(usize, Range<usize>)> {
        let Some(ac) = &self.automaton else { return Vec::new() };
        let (folded, map) = fold(s);
        let mut out = Vec::new();
        for m in ac.find_iter(&folded) {
            let (concept, exact) = &self.patterns[m.pattern().as_usize()];
            let start = map[m.start()];
            let end = map[m.end()];
            // boundary: every entry of `fold`'s map is a `char_indices` position of `s` or its length.
            #[allow(clippy::string_slice)]
            let found = &s[start..end];
            if exact.as_ref().is_some_and(|exact| found != exact) {
                continue;
            }
            if self.word_boundaries && !self.at_boundaries(s, start, end) {
                continue;
            }
            out.push((*concept, start..end));
        }
        out
    }

    fn at_boundaries(&self, s: &str, start: usize, end: usize) -> bool {
        // boundary: `start` and `end` come from `fold`'s map, `char_indices` positions of `s`
        // or its length.
        #[allow(clippy::string_slice)]
        let before = s[..start].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            return false;
        }
        // boundary: see `before`.
        #[allow(clippy::string_slice)]
        let rest = &s[end..];
        let after_suffix = ["'s", "’s", "es", "s", ""]
            .iter()
            .filter_map(|suffix| rest.strip_prefix(suffix))
            .find(|r| !r.chars().next().is_some_and(char::is_alphanumeric));
        after_suffix.is_some()
    }

    /// The terms in a text's plain runs (never across or inside placeholders).
    pub fn find(&self, text: &Text) -> Vec<TermMatch> {
        let mut out = Vec::new();
        for (part, p) in text.0.iter().enumerate() {
            if let Part::Str(s) = p {
                out.extend(
                    self.find_in_str(s)
                        .into_iter()
                        .map(|(concept, range)| TermMatch { concept, part, range }),
                );
            }
        }
        out
    }
}

fn is_acronym(term: &str) -> bool {
    let letters: Vec<char> = term.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

/// Case-folds `s` for matching, and maps every folded byte offset (and the end) back to the
/// offset in `s` of the character it came from.
pub fn fold(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    let mut last_space = false;
    for (i, c) in s.char_indices() {
        let spacey = c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–');
        if spacey {
            if !last_space {
                out.push(' ');
                map.push(i);
            }
            last_space = true;
            continue;
        }
        last_space = false;
        // Most text is ASCII: one byte in, one byte out.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            map.push(i);
            continue;
        }
        let c = if c == '’' { '\'' } else { c };
        for lower in c.to_lowercase() {
            let before = out.len();
            out.push(lower);
            map.extend(std::iter::repeat_n(i, out.len() - before));
        }
    }
    map.push(s.len());
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{Concept, Policy, Subject, Term};
    use std::collections::BTreeMap;

    fn glossary(terms: &[(&str, &[&str])]) -> Glossary {
        Glossary {
            concepts: terms
                .iter()
                .map(|(id, en)| {
                    let mut t = BTreeMap::new();
                    t.insert(
                        "en".to_string(),
                        en.iter()
                            .enumerate()
                            .map(|(i, s)| Term {
                                text: s.to_string(),
                                status: if i == 0 { Status::Preferred } else { Status::Admitted },
                                note: None,
                            })
                            .collect(),
                    );
                    Concept {
                        id: id.to_string(),
                        subject: Subject::Place,
                        policy: Policy::Protect,
                        note: None,
                        do_not_translate: false,
                        terms: t,
                    }
                })
                .collect(),
        }
    }

    fn found(g: &Glossary, text: &str) -> Vec<(String, String)> {
        let m = Matcher::new(g, &Locale::parse("en").unwrap());
        m.find_in_str(text)
            .into_iter()
            .map(|(c, r)| {
                (
                    g.concepts[c].id.clone(),
                    text.get(r).expect("a match on char boundaries").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn longest_whole_word_case_insensitive_with_plurals_and_possessives() {
        let g = glossary(&[
            ("wash", &["Washington"]),
            ("dc", &["Washington, D.C."]),
            ("china", &["China"]),
            ("ree", &["rare earth elements", "rare earths"]),
            ("us", &["United States", "US", "U.S."]),
        ]);
        assert_eq!(
            found(
                &g,
                "In Washington, D.C., China’s rare-earth  elements and RARE EARTHS met the U.S. and us."
            ),
            vec![
                ("dc".into(), "Washington, D.C.".into()),
                ("china".into(), "China".into()),
                ("ree".into(), "rare-earth  elements".into()),
                ("ree".into(), "RARE EARTHS".into()),
                ("us".into(), "U.S.".into()),
            ]
        );
        assert!(found(&g, "Chinaware and Washingtonian").is_empty());
    }

    #[test]
    fn chinese_has_no_word_boundaries() {
        let mut g = glossary(&[]);
        let mut t = BTreeMap::new();
        t.insert(
            "zh-Hans".to_string(),
            vec![Term {
                text: "稀土".into(),
                status: Status::Preferred,
                note: None,
            }],
        );
        g.concepts.push(Concept {
            id: "ree".into(),
            subject: Subject::Term,
            policy: Policy::Guide,
            note: None,
            do_not_translate: false,
            terms: t,
        });
        let m = Matcher::new(&g, &Locale::parse("zh").unwrap());
        assert_eq!(m.find_in_str("中国控制稀土生产。").len(), 1);
    }
}
