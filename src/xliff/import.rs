//! Taking translators' work back: every unit is checked against the project's documents
//! before anything is stored, and a unit that fails is rejected with its reason, never stored
//! against another sentence.
//!
//! A unit is accepted when its document is one the project knows (the file's `original` is
//! only a name looked up among them), its id names a segment whose source is the unit's
//! source — or, when the context changed (a paragraph added next to it), its source is exactly
//! a segment's source —, its target language is the file's and the project's, and its target's
//! inline codes are the source's. Empty targets are skipped. Accepted units are stored as human
//! work with their state; the memory keeps the previous version.

use super::code_set;
use super::export::KnownSegment;
use super::read::ReadSection;
use crate::error::Result;
use crate::lang::Locale;
use crate::memory::{Memory, NewEntry, Reuse};
use crate::model::{Origin, State, Text};
use serde::Serialize;

/// A document of the project, as import matches units against it.
pub struct ProjectDocument {
    /// The name exports write in `original` (the path as the project lists it).
    pub name: String,
    pub segments: Vec<KnownSegment>,
}

/// Why a unit was not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Rejection {
    /// The file's `original` names no document of the project.
    UnknownDocument { original: String },
    /// The unit's id names a segment whose source differs: the source was edited.
    SourceChanged,
    /// Neither the id nor the source text match a segment of the document.
    UnknownSegment,
    /// The target language is not the file's or the project's.
    Language { found: String, expected: String },
    /// The target's inline codes differ from the source's (missing, extra or unbalanced).
    Codes { detail: String },
}

impl Rejection {
    /// The Fluent message id (in `locales/*/xliff.ftl`) and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Rejection::UnknownDocument { original } => {
                ("xliff-reject-unknown-document", vec![("original", original.clone())])
            }
            Rejection::SourceChanged => ("xliff-reject-source-changed", vec![]),
            Rejection::UnknownSegment => ("xliff-reject-unknown-segment", vec![]),
            Rejection::Language { found, expected } => (
                "xliff-reject-language",
                vec![("found", found.clone()), ("expected", expected.clone())],
            ),
            Rejection::Codes { detail } => ("xliff-reject-codes", vec![("detail", detail.clone())]),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    pub unit: String,
    pub line: usize,
    #[serde(flatten)]
    pub why: Rejection,
}

/// What importing one file did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    pub imported: usize,
    pub unchanged: usize,
    pub empty: usize,
    pub rejected: Vec<Rejected>,
}

/// The context of an import: the project's documents and languages.
pub struct Importer<'a> {
    pub documents: &'a [ProjectDocument],
    pub source: &'a Locale,
    /// The project's target languages; empty: any.
    pub targets: &'a [Locale],
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Importer<'_> {
    fn document(&self, original: Option<&str>) -> Option<&ProjectDocument> {
        let original = original?;
        if let Some(d) = self.documents.iter().find(|d| d.name == original) {
            return Some(d);
        }
        let base = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_string();
        let mut by_name = self.documents.iter().filter(|d| base(&d.name) == base(original));
        match (by_name.next(), by_name.next()) {
            (Some(d), None) => Some(d),
            _ => None,
        }
    }

    /// Checks and stores the units of one `<file>`; `file_name` is recorded as the origin.
    pub fn import_section(
        &self,
        memory: &mut Memory,
        section: &ReadSection,
        file_name: &str,
        summary: &mut ImportSummary,
    ) -> Result<()> {
        let reject_all = |summary: &mut ImportSummary, why: Rejection| {
            for u in &section.units {
                summary.rejected.push(Rejected {
                    unit: u.id.clone(),
                    line: u.line,
                    why: why.clone(),
                });
            }
        };
        let Some(doc) = self.document(section.original.as_deref()) else {
            reject_all(
                summary,
                Rejection::UnknownDocument {
                    original: section.original.clone().unwrap_or_default(),
                },
            );
            return Ok(());
        };
        let declared = section.target_lang.clone().unwrap_or_default();
        let target = match Locale::parse(&declared) {
            Ok(t) if self.targets.is_empty() || self.targets.contains(&t) => t,
            _ => {
                let expected: Vec<&str> = self.targets.iter().map(Locale::tag).collect();
                reject_all(
                    summary,
                    Rejection::Language {
                        found: declared.clone(),
                        expected: expected.join(", "),
                    },
                );
                return Ok(());
            }
        };
        if let Some(src) = &section.source_lang
            && Locale::parse(src).map(|l| l.language()).ok() != Some(self.source.language())
        {
            reject_all(
                summary,
                Rejection::Language {
                    found: src.clone(),
                    expected: self.source.tag().to_string(),
                },
            );
            return Ok(());
        }
        let origin = Origin::Human {
            file: Some(file_name.to_string()),
        };
        let mut accepted: Vec<(Text, Text, State)> = Vec::new();
        for unit in &section.units {
            let reject = |summary: &mut ImportSummary, why| {
                summary.rejected.push(Rejected {
                    unit: unit.id.clone(),
                    line: unit.line,
                    why,
                })
            };
            let wanted = collapse(&unit.source.tagged());
            let segment = match doc.segments.iter().find(|s| s.id == unit.id) {
                Some(s) if collapse(&s.source.tagged()) == wanted => s,
                Some(_) => {
                    reject(summary, Rejection::SourceChanged);
                    continue;
                }
                // The memory is keyed by the source text, so a sentence that occurs several
                // times gets the same translation wherever it is: any segment with this exact
                // source is the right one.
                None => match doc.segments.iter().find(|s| collapse(&s.source.tagged()) == wanted) {
                    Some(s) => s,
                    None => {
                        reject(summary, Rejection::UnknownSegment);
                        continue;
                    }
                },
            };
            let Some(raw_target) = unit.target.as_ref().filter(|t| !t.is_blank()) else {
                summary.empty += 1;
                continue;
            };
            if let Some(lang) = &unit.target_lang
                && Locale::parse(lang).ok().as_ref() != Some(&target)
            {
                reject(
                    summary,
                    Rejection::Language {
                        found: lang.clone(),
                        expected: target.tag().to_string(),
                    },
                );
                continue;
            }
            let parsed = match Text::parse_tagged(&raw_target.tagged(), &segment.source) {
                Ok(t) => t,
                Err(e) => {
                    reject(summary, Rejection::Codes { detail: e.reason });
                    continue;
                }
            };
            if code_set(&parsed) != code_set(&segment.source) {
                let detail = format!(
                    "{} code(s) in the source, {} in the target",
                    segment.source.placeholders().count(),
                    parsed.placeholders().count()
                );
                reject(summary, Rejection::Codes { detail });
                continue;
            }
            let state = unit.state.unwrap_or(State::NeedsReview);
            let current = memory.lookup(self.source.tag(), target.tag(), &segment.source, &Reuse::AnyMachine)?;
            if let Some(c) = current
                && c.target.tagged() == parsed.tagged()
                && c.state >= state
            {
                summary.unchanged += 1;
                continue;
            }
            accepted.push((segment.source.clone(), parsed, state));
        }
        let entries: Vec<NewEntry<'_>> = accepted
            .iter()
            .map(|(source, target_text, state)| NewEntry {
                source_locale: self.source.tag(),
                target_locale: target.tag(),
                source,
                target: target_text,
                origin: &origin,
                state: *state,
                fingerprint: "",
                document: Some(&doc.name),
                previous: None,
                next: None,
                changed_at: None,
            })
            .collect();
        memory.store(&entries)?;
        summary.imported += entries.len();
        Ok(())
    }
}
