//! The data side of segmentation: abbreviation lists per language (`segment/rules/<lang>.txt`),
//! each abbreviation in the class that says how it behaves at a possible sentence break.
//!
//! A list file has sections; every line of a section is one entry, `#` starts a comment:
//!
//! | section | entries | a period after one ends the sentence… |
//! |---|---|---|
//! | `[title]` | titles before names, `vs.`, `e.g.` | never |
//! | `[number]` | `approx.`, `No.`, `Vol.`, `p.`, months | only before a capitalised word that is not a number (`Vol. II`, `p. A1` are numbers) |
//! | `[proper]` | `St.`, `Jr.` (initialisms like `U.S.` behave so without a list) | only before a typical sentence opener (`The`, `It`, …) |
//! | `[time]` | `a.m.`, `p.m.` | before a capitalised word, unless it is listed in `[time-continues]` (`Eastern`, `GMT`, `Monday`) |
//! | `[ends]` | `Inc.`, `Ltd.`, `Co.`, `etc.` | before any capitalised word, never before lowercase or a number |
//!
//! `[time-continues]` lists the words that continue a time of day, `[words]` the short words
//! of Hindi and Arabic that do end sentences although they are one syllable long (the
//! segmenter takes any other one-syllable word with a period there for an abbreviation).
//!
//! An entry written in lowercase also matches with a capital first letter (`approx.` covers
//! `Approx.` at the start of a sentence); one written with a capital does not match in
//! lowercase (`No.` is the number sign, `no.` is the word).

use std::collections::{HashMap, HashSet};

/// How an abbreviation behaves when a period after it could end the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Always followed by more of its sentence (`Dr.`, `Gen.`, `vs.`).
    Title,
    /// Followed by a number or a lowercase word inside its sentence (`approx. 40`, `No. 5`).
    Number,
    /// Ends a sentence as often as it precedes a name (`St. Mary's` / `Baker St. Her`).
    Proper,
    /// A time of day: a time zone, a day or a month after it continues the sentence.
    Time,
    /// Ends a sentence before a capitalised word; inside one before anything else (`Inc.`).
    Ends,
}

impl Class {
    /// The class a list section (`[number]` → `number`) stands for.
    fn of_section(name: &str) -> Option<Class> {
        match name {
            "title" => Some(Class::Title),
            "number" => Some(Class::Number),
            "proper" => Some(Class::Proper),
            "time" => Some(Class::Time),
            "ends" => Some(Class::Ends),
            _ => None,
        }
    }
}

/// The name in a section header line: `[number]` → `number`.
fn header(line: &str) -> Option<&str> {
    line.strip_prefix('[').and_then(|l| l.strip_suffix(']'))
}

/// One language's abbreviation classes and the words that continue a time of day.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    classes: HashMap<String, Class>,
    time_continues: HashSet<String>,
    /// Short words that do end sentences, so the one-syllable rule leaves them alone.
    words: HashSet<String>,
}

impl Rules {
    /// The built-in lists of `language`, with the project's `extra` (from `l10n.toml`): each
    /// entry an abbreviation of [`Class::Title`], until a `[number]`, `[proper]` or `[ends]`
    /// line switches the class (anything else is taken as it is written).
    pub fn new(language: &str, extra: &[String]) -> Rules {
        let mut rules = Rules::default();
        rules.read(builtin(language));
        let mut class = Class::Title;
        for entry in extra {
            match header(entry).and_then(Class::of_section) {
                Some(next) => class = next,
                None => {
                    rules.classes.insert(entry.clone(), class);
                }
            }
        }
        rules
    }

    fn read(&mut self, list: &str) {
        let mut section: Option<Class> = Some(Class::Title);
        let mut words = false;
        for line in list.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = header(line) {
                section = Class::of_section(name);
                assert!(
                    section.is_some() || matches!(name, "time-continues" | "words"),
                    "segment/rules: unknown section [{name}]"
                );
                words = name == "words";
                continue;
            }
            match section {
                Some(class) => {
                    self.classes.insert(line.to_string(), class);
                }
                None if words => {
                    self.words.insert(line.to_string());
                }
                None => {
                    self.time_continues.insert(line.to_string());
                }
            }
        }
    }

    /// The class of `token` (a word with its final period), if it is a listed abbreviation.
    pub fn class(&self, token: &str) -> Option<Class> {
        if let Some(&class) = self.classes.get(token) {
            return Some(class);
        }
        // `Approx.` at the start of a sentence is the listed `approx.`; a capital letter
        // alone (`P. K. Sharma`) is an initial, not the listed `p.`.
        let mut chars = token.chars();
        let first = chars.next()?;
        if !first.is_uppercase() || token.chars().count() <= 2 {
            return None;
        }
        let lowered: String = first.to_lowercase().chain(chars).collect();
        self.classes.get(&lowered).copied()
    }

    /// Whether `word` (without a period) is a short word that can end a sentence (Hindi `है`).
    pub fn is_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Whether `word` after a time of day (`a.m.`) still belongs to its sentence.
    pub fn continues_time(&self, word: &str) -> bool {
        self.time_continues.contains(word)
    }
}

/// The built-in lists of one language.
fn builtin(language: &str) -> &'static str {
    match language {
        "en" => include_str!("rules/en.txt"),
        "hi" => include_str!("rules/hi.txt"),
        "ar" => include_str!("rules/ar.txt"),
        "zh" => include_str!("rules/zh.txt"),
        // Other languages: Latin abbreviations quoted in them still apply.
        _ => include_str!("rules/zh.txt"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_list_parses() {
        for language in ["en", "ar", "hi", "zh"] {
            let rules = Rules::new(language, &[]);
            assert!(
                rules.class("Dr.").is_some() || rules.class("डॉ.").is_some(),
                "{language}"
            );
        }
    }

    #[test]
    fn lowercase_entries_match_capitalised_but_not_the_reverse() {
        let rules = Rules::new("en", &["Bhd.".to_string()]);
        assert_eq!(rules.class("approx."), Some(Class::Number));
        assert_eq!(rules.class("Approx."), Some(Class::Number));
        assert_eq!(rules.class("No."), Some(Class::Number));
        assert_eq!(rules.class("no."), None);
        assert_eq!(rules.class("p."), Some(Class::Number));
        assert_eq!(rules.class("P."), None);
        assert_eq!(rules.class("Bhd."), Some(Class::Title));
        assert_eq!(rules.class("a.m."), Some(Class::Time));
        assert!(rules.continues_time("Eastern"));
        assert!(!rules.continues_time("Staff"));
    }
}
