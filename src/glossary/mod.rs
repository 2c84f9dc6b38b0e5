//! Terminology: term bases (TBX-Basic and CSV/TSV), what each concept requires in each
//! language, and the policy that enforces it.
//!
//! A [`Glossary`] is a list of [`Concept`]s; each has terms per language with a status
//! (preferred, admitted, deprecated = forbidden) and a [`Policy`]:
//! - `protect`: the source term becomes a placeholder before an engine sees it, and the
//!   preferred target form is put back after (right for proper names);
//! - `guide`: the entry goes to the engine (DeepL glossary, LLM prompt) and is verified after;
//! - `check`: only verified after.
//!
//! Loading is all or nothing: a malformed file, an empty term, two preferred terms for one
//! language or an unknown language is an error with its position, and nothing is loaded.

pub mod csv;
pub mod enforce;
pub mod matcher;
pub mod tbx;
pub mod verify;

use crate::error::{Error, Result};
use crate::lang::Locale;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a concept is; it decides the default policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Element,
    Term,
    Place,
    Organization,
    Person,
    Other,
}

impl Subject {
    pub fn parse(s: &str) -> Subject {
        match s.trim().to_ascii_lowercase().as_str() {
            "element" => Subject::Element,
            "term" => Subject::Term,
            "place" | "geography" => Subject::Place,
            "organization" | "organisation" => Subject::Organization,
            "person" => Subject::Person,
            _ => Subject::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Element => "element",
            Subject::Term => "term",
            Subject::Place => "place",
            Subject::Organization => "organization",
            Subject::Person => "person",
            Subject::Other => "other",
        }
    }

    /// Names are protected (an engine must not touch them); vocabulary guides the engine,
    /// which needs to inflect and place it, and is verified afterwards.
    pub fn default_policy(self) -> Policy {
        match self {
            Subject::Place | Subject::Organization | Subject::Person => Policy::Protect,
            Subject::Element | Subject::Term | Subject::Other => Policy::Guide,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Policy {
    Protect,
    Guide,
    Check,
}

impl Policy {
    pub fn parse(s: &str) -> Option<Policy> {
        match s.trim().to_ascii_lowercase().as_str() {
            "protect" => Some(Policy::Protect),
            "guide" => Some(Policy::Guide),
            "check" => Some(Policy::Check),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Protect => "protect",
            Policy::Guide => "guide",
            Policy::Check => "check",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Preferred,
    Admitted,
    /// Forbidden in that language's text.
    Deprecated,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub status: Status,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub id: String,
    pub subject: Subject,
    pub policy: Policy,
    pub note: Option<String>,
    /// Keep the source form in every language (a brand written in Latin script).
    pub do_not_translate: bool,
    /// Terms per canonical language tag, preferred first.
    pub terms: BTreeMap<String, Vec<Term>>,
}

impl Concept {
    pub fn terms_in(&self, locale: &Locale) -> &[Term] {
        self.terms.get(locale.tag()).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The form to use in `target` (the source's own form for do-not-translate concepts
    /// without a target term).
    pub fn preferred<'a>(&'a self, source: &Locale, target: &Locale) -> Option<&'a Term> {
        let own = self.terms_in(target).iter().find(|t| t.status == Status::Preferred);
        match own {
            None if self.do_not_translate => self.terms_in(source).iter().find(|t| t.status == Status::Preferred),
            other => other,
        }
    }

    /// Forms that may appear in `target` (preferred and admitted).
    pub fn allowed<'a>(&'a self, source: &Locale, target: &Locale) -> Vec<&'a Term> {
        let mut out: Vec<&Term> = self
            .terms_in(target)
            .iter()
            .filter(|t| t.status != Status::Deprecated)
            .collect();
        if self.do_not_translate {
            out.extend(self.terms_in(source).iter().filter(|t| t.status != Status::Deprecated));
        }
        out
    }

    pub fn forbidden(&self, locale: &Locale) -> impl Iterator<Item = &Term> {
        self.terms_in(locale).iter().filter(|t| t.status == Status::Deprecated)
    }
}

/// A loaded term base.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
}

/// Where a concept being built came from, for the checks every format shares.
pub(crate) struct Origin<'a> {
    pub path: &'a Path,
    pub line: usize,
}

impl Glossary {
    /// Loads and merges term bases, by extension: `.tbx`, `.csv`, `.tsv`.
    pub fn load(paths: &[PathBuf]) -> Result<Glossary> {
        let mut glossary = Glossary::default();
        for path in paths {
            let text = crate::format::read_source(path)?;
            let loaded = match path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("tbx") | Some("xml") => tbx::read(&text, path)?,
                Some("csv") => csv::read(&text, path, b',')?,
                Some("tsv") => csv::read(&text, path, b'\t')?,
                _ => {
                    return Err(Error::Config {
                        path: path.clone(),
                        message: "unknown term base format (known: .tbx, .csv, .tsv)".into(),
                    });
                }
            };
            glossary.concepts.extend(loaded.concepts);
        }
        Ok(glossary)
    }

    /// Writes the term base in the format of `path`'s extension.
    pub fn to_format(&self, path: &Path) -> Result<String> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("tbx") => Ok(tbx::write(self)),
            Some("csv") => Ok(csv::write(self, b',')),
            Some("tsv") => Ok(csv::write(self, b'\t')),
            _ => Err(Error::Config {
                path: path.to_path_buf(),
                message: "unknown term base format (known: .tbx, .csv, .tsv)".into(),
            }),
        }
    }

    /// Every language the term base has terms in.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self.concepts.iter().flat_map(|c| c.terms.keys().cloned()).collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Checks a concept's terms and canonicalises its language tags; the shared rules of all
/// term-base formats.
pub(crate) fn validate(mut concept: Concept, origin: &Origin<'_>) -> Result<Concept> {
    let parse_error = |message: String| Error::Parse {
        path: origin.path.to_path_buf(),
        line: origin.line,
        column: 1,
        message,
    };
    let mut canonical: BTreeMap<String, Vec<Term>> = BTreeMap::new();
    for (lang, terms) in std::mem::take(&mut concept.terms) {
        let locale = Locale::parse(&lang).map_err(|e| parse_error(format!("concept {}: {e}", concept.id)))?;
        canonical.entry(locale.tag().to_string()).or_default().extend(terms);
    }
    for (lang, terms) in &mut canonical {
        for term in terms.iter_mut() {
            term.text = term.text.trim().to_string();
            if term.text.is_empty() {
                return Err(parse_error(format!("concept {}: an empty term in {lang}", concept.id)));
            }
        }
        let preferred: Vec<&str> = terms
            .iter()
            .filter(|t| t.status == Status::Preferred)
            .map(|t| t.text.as_str())
            .collect();
        if preferred.len() > 1 {
            return Err(parse_error(format!(
                "concept {}: two preferred terms in {lang} ({}); mark all but one admitted",
                concept.id,
                preferred.join(", ")
            )));
        }
        // Without an explicit preferred term the first admitted one serves.
        if preferred.is_empty()
            && let Some(first) = terms.iter_mut().find(|t| t.status == Status::Admitted)
        {
            first.status = Status::Preferred;
        }
        terms.sort_by_key(|t| t.status);
    }
    concept.terms = canonical;
    Ok(concept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_projects_term_base_loads_and_converts() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossary/rare-earths.tbx");
        let g = Glossary::load(&[path]).unwrap();
        assert!(g.concepts.len() >= 40, "{}", g.concepts.len());
        assert_eq!(g.languages(), vec!["ar", "en", "hi", "zh-Hans"]);
        let elements = g.concepts.iter().filter(|c| c.subject == Subject::Element).count();
        assert_eq!(elements, 17);
        let dir = tempfile::tempdir().unwrap();
        for ext in ["csv", "tsv", "tbx"] {
            let out = dir.path().join(format!("g.{ext}"));
            std::fs::write(&out, g.to_format(&out).unwrap()).unwrap();
            let again = Glossary::load(&[out]).unwrap();
            // The spreadsheet form has no per-term notes; everything else survives.
            let ids = |g: &Glossary| {
                g.concepts
                    .iter()
                    .map(|c| {
                        let terms: Vec<(String, String, Status)> = c
                            .terms
                            .iter()
                            .flat_map(|(l, ts)| ts.iter().map(move |t| (l.clone(), t.text.clone(), t.status)))
                            .collect();
                        (c.id.clone(), c.policy, c.subject, terms)
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(ids(&again), ids(&g), "{ext}");
        }
    }
}
