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
//!
//! A file without `original` (the npm `xliff` library's js2xliff drops it when re-saving) is
//! matched unit by unit: by id and source, then by source, among the project's documents (one
//! given with `--document` is then the only candidate). A file-level rejection (unknown
//! document, wrong language) is reported once, with the number of units it covers.
//!
//! Units are checked as they are read from the stream and stored a chunk at a time, so a file
//! of any size is imported in bounded memory. A target tag with a region names the project's
//! language of the same language and script (`ar-SA` → `ar`, `zh-CN` → `zh-Hans`).

use super::code_set;
use super::export::KnownSegment;
use super::read::{Item, ReadSection, ReadUnit, XliffStream};
use crate::error::Result;
use crate::lang::Locale;
use crate::memory::{Memory, NewEntry, Reuse};
use crate::model::{Origin, State, Text};
use serde::Serialize;
use std::collections::HashMap;
use std::io::BufRead;

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
            Rejection::UnknownDocument { original } if original.is_empty() => ("xliff-reject-no-document", vec![]),
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
    /// Units this rejection covers: 1, or every unit of a file rejected as a whole (the first
    /// unit's id and line are given).
    pub units: usize,
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

/// Accepted units stored per memory transaction.
const CHUNK: usize = 4096;

/// An accepted unit, owning what a [`NewEntry`] borrows, waiting for its chunk to be stored.
struct Staged {
    source: Text,
    target: Text,
    state: State,
    target_locale: String,
    document: String,
}

/// What the `<file>` being read allows: its units are checked against a document into a
/// target language, or all rejected for one reason.
enum Verdict {
    /// `document`: `None` when the file does not say (no `original`): matched per unit.
    Accept {
        document: Option<usize>,
        target: Locale,
    },
    RejectAll(Rejection),
}

/// A project document's segments by id and by (whitespace-collapsed) source.
struct DocumentIndex {
    by_id: HashMap<String, usize>,
    by_source: HashMap<String, usize>,
}

/// The context of an import: the project's documents and languages.
pub struct Importer<'a> {
    documents: &'a [ProjectDocument],
    indexes: Vec<DocumentIndex>,
    source: &'a Locale,
    /// The project's target languages; empty: any.
    targets: &'a [Locale],
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a tag found in a file names a project language: the same language and script after
/// canonicalisation, whatever the region (`ar-SA` is `ar`, `zh-CN` is `zh-Hans`, `zh-TW` is not).
pub fn same_language(found: &Locale, project: &Locale) -> bool {
    found.language() == project.language() && found.script() == project.script()
}

impl<'a> Importer<'a> {
    pub fn new(documents: &'a [ProjectDocument], source: &'a Locale, targets: &'a [Locale]) -> Importer<'a> {
        let indexes = documents
            .iter()
            .map(|d| {
                let mut index = DocumentIndex {
                    by_id: HashMap::new(),
                    by_source: HashMap::new(),
                };
                for (i, s) in d.segments.iter().enumerate() {
                    index.by_id.entry(s.id.clone()).or_insert(i);
                    index.by_source.entry(collapse(&s.source.tagged())).or_insert(i);
                }
                index
            })
            .collect();
        Importer {
            documents,
            indexes,
            source,
            targets,
        }
    }

    fn document(&self, original: &str) -> Option<usize> {
        if let Some(i) = self.documents.iter().position(|d| d.name == original) {
            return Some(i);
        }
        let base = |s: &str| s.rsplit(['/', '\\']).next().unwrap_or(s).to_string();
        let mut by_name = (0..self.documents.len()).filter(|&i| base(&self.documents[i].name) == base(original));
        match (by_name.next(), by_name.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    }

    /// The project target a declared tag names (any language when the project lists none).
    fn target_for(&self, declared: &str) -> Option<Locale> {
        let found = Locale::parse(declared).ok()?;
        if self.targets.is_empty() {
            return Some(found);
        }
        self.targets.iter().find(|t| same_language(&found, t)).cloned()
    }

    /// Decides what a `<file>` allows, from its `original` and languages.
    fn verdict(&self, section: &ReadSection) -> Verdict {
        let document = match section.original.as_deref().filter(|o| !o.is_empty()) {
            Some(original) => match self.document(original) {
                Some(i) => Some(i),
                None => {
                    return Verdict::RejectAll(Rejection::UnknownDocument {
                        original: original.to_string(),
                    });
                }
            },
            None if self.documents.is_empty() => {
                return Verdict::RejectAll(Rejection::UnknownDocument {
                    original: String::new(),
                });
            }
            None if self.documents.len() == 1 => Some(0),
            None => None,
        };
        let declared = section.target_lang.clone().unwrap_or_default();
        let Some(target) = self.target_for(&declared) else {
            let expected: Vec<&str> = self.targets.iter().map(Locale::tag).collect();
            return Verdict::RejectAll(Rejection::Language {
                found: declared,
                expected: expected.join(", "),
            });
        };
        if let Some(src) = &section.source_lang
            && Locale::parse(src).map(|l| l.language()).ok() != Some(self.source.language())
        {
            return Verdict::RejectAll(Rejection::Language {
                found: src.clone(),
                expected: self.source.tag().to_string(),
            });
        }
        Verdict::Accept { document, target }
    }

    /// Checks one unit; `Ok(None)` when it was counted (empty) or rejected.
    /// Checks one unit of a file whose verdict is to accept, `doc` its document if the file says.
    fn check(
        &self,
        doc: Option<usize>,
        target: &Locale,
        unit: &ReadUnit,
        summary: &mut ImportSummary,
    ) -> Result<Option<Staged>> {
        let reject = |summary: &mut ImportSummary, why| {
            summary.rejected.push(Rejected {
                unit: unit.id.clone(),
                line: unit.line,
                units: 1,
                why,
            })
        };
        let wanted = collapse(&unit.source.tagged());
        let Some(doc) = doc.or_else(|| self.document_of(&unit.id, &wanted)) else {
            reject(summary, Rejection::UnknownSegment);
            return Ok(None);
        };
        let (segments, index) = (&self.documents[doc].segments, &self.indexes[doc]);
        let segment = match index.by_id.get(&unit.id).map(|&i| &segments[i]) {
            Some(s) if collapse(&s.source.tagged()) == wanted => s,
            Some(_) => {
                reject(summary, Rejection::SourceChanged);
                return Ok(None);
            }
            // The memory is keyed by the source text, so a sentence that occurs several
            // times gets the same translation wherever it is: any segment with this exact
            // source is the right one.
            None => match index.by_source.get(&wanted) {
                Some(&i) => &segments[i],
                None => {
                    reject(summary, Rejection::UnknownSegment);
                    return Ok(None);
                }
            },
        };
        let Some(raw_target) = unit.target.as_ref().filter(|t| !t.is_blank()) else {
            summary.empty += 1;
            return Ok(None);
        };
        if let Some(lang) = &unit.target_lang
            && !Locale::parse(lang).is_ok_and(|l| same_language(&l, target))
        {
            reject(
                summary,
                Rejection::Language {
                    found: lang.clone(),
                    expected: target.tag().to_string(),
                },
            );
            return Ok(None);
        }
        let parsed = match Text::parse_tagged(&raw_target.tagged(), &segment.source) {
            Ok(t) => t,
            Err(e) => {
                reject(summary, Rejection::Codes { detail: e.reason });
                return Ok(None);
            }
        };
        if code_set(&parsed) != code_set(&segment.source) {
            let detail = differing_markup(&segment.source, &parsed);
            reject(summary, Rejection::Codes { detail });
            return Ok(None);
        }
        let state = unit.state.unwrap_or(State::NeedsReview);
        Ok(Some(Staged {
            source: segment.source.clone(),
            target: parsed,
            state,
            target_locale: target.tag().to_string(),
            document: self.documents[doc].name.clone(),
        }))
    }

    /// Reads a whole XLIFF stream, checking each unit as it is read and storing the accepted
    /// ones a chunk at a time; `file_name` is recorded as their origin. Memory stays bounded by
    /// one chunk (and the list of rejections), whatever the file's size.
    pub fn import_stream<R: BufRead>(
        &self,
        memory: &mut Memory,
        stream: &mut XliffStream<R>,
        file_name: &str,
    ) -> Result<ImportSummary> {
        let origin = Origin::Human {
            file: Some(file_name.to_string()),
        };
        let mut summary = ImportSummary::default();
        let mut verdict = Verdict::RejectAll(Rejection::UnknownDocument {
            original: String::new(),
        });
        let mut file_rejection: Option<usize> = None;
        let mut staged: Vec<Staged> = Vec::new();
        let mut pending: HashMap<(String, String), usize> = HashMap::new();
        while let Some(item) = stream.next_item()? {
            match item {
                Item::File(section) => {
                    verdict = self.verdict(&section);
                    file_rejection = None;
                }
                Item::Unit(unit) => {
                    let (doc, target) = match &verdict {
                        Verdict::Accept { document, target } => (*document, target),
                        // One report for the file, counting its units.
                        Verdict::RejectAll(why) => {
                            if let Some(i) = file_rejection {
                                summary.rejected[i].units += 1;
                            } else {
                                file_rejection = Some(summary.rejected.len());
                                summary.rejected.push(Rejected {
                                    unit: unit.id.clone(),
                                    line: unit.line,
                                    units: 1,
                                    why: why.clone(),
                                });
                            }
                            continue;
                        }
                    };
                    let Some(s) = self.check(doc, target, &unit, &mut summary)? else {
                        continue;
                    };
                    // A unit repeated in the file (the same sentence in several places) is
                    // compared with its staged copy, since the memory does not hold it yet.
                    let key = (s.target_locale.clone(), s.source.tagged());
                    if let Some(&i) = pending.get(&key) {
                        if staged[i].target.tagged() == s.target.tagged() && staged[i].state >= s.state {
                            summary.unchanged += 1;
                        } else {
                            staged[i] = s;
                        }
                        continue;
                    }
                    let current = memory.lookup(self.source.tag(), &s.target_locale, &s.source, &Reuse::AnyMachine)?;
                    if let Some(c) = current
                        && c.target.tagged() == s.target.tagged()
                        && c.state >= s.state
                    {
                        summary.unchanged += 1;
                        continue;
                    }
                    pending.insert(key, staged.len());
                    staged.push(s);
                    if staged.len() >= CHUNK {
                        summary.imported += self.store(memory, &origin, &mut staged)?;
                        pending.clear();
                    }
                }
            }
        }
        summary.imported += self.store(memory, &origin, &mut staged)?;
        Ok(summary)
    }

    /// For a file that does not name its document: the document with a segment of this id
    /// and source, else one with this source.
    fn document_of(&self, id: &str, wanted: &str) -> Option<usize> {
        let docs = 0..self.documents.len();
        docs.clone()
            .find(|&d| {
                self.indexes[d]
                    .by_id
                    .get(id)
                    .is_some_and(|&i| collapse(&self.documents[d].segments[i].source.tagged()) == wanted)
            })
            .or_else(|| {
                docs.into_iter()
                    .find(|&d| self.indexes[d].by_source.contains_key(wanted))
            })
    }

    fn store(&self, memory: &mut Memory, origin: &Origin, staged: &mut Vec<Staged>) -> Result<usize> {
        if staged.is_empty() {
            return Ok(0);
        }
        let entries: Vec<NewEntry<'_>> = staged
            .iter()
            .map(|s| NewEntry {
                source_locale: self.source.tag(),
                target_locale: &s.target_locale,
                source: &s.source,
                target: &s.target,
                origin,
                state: s.state,
                fingerprint: "",
                document: Some(&s.document),
                previous: None,
                next: None,
                changed_at: None,
            })
            .collect();
        memory.store(&entries)?;
        let stored = entries.len();
        drop(entries);
        staged.clear();
        Ok(stored)
    }
}

/// The source's markup the target does not keep, and the target's the source lacks, as the
/// source writes it (`**bold**`, `` `code` ``): what a translator has to look for.
fn differing_markup(source: &Text, target: &Text) -> String {
    let (wanted, found) = (code_set(source), code_set(target));
    let mut shown: Vec<String> = Vec::new();
    for (kind, id) in wanted
        .iter()
        .filter(|c| !found.contains(c))
        .chain(found.iter().filter(|c| !wanted.contains(c)))
    {
        let text = if wanted.contains(&(*kind, *id)) { source } else { target };
        let span = markup_span(text, *id);
        if !shown.contains(&span) {
            shown.push(span);
        }
    }
    shown.join(", ")
}

/// Placeholder `id` of `text` as written: an open/close pair with the text between them.
fn markup_span(text: &Text, id: u32) -> String {
    use crate::model::Part;
    let mut out = String::new();
    let mut inside = false;
    for part in &text.0 {
        match part {
            Part::Placeholder(p) if p.id == id => {
                out.push_str(&p.original);
                if p.kind != crate::model::PlaceholderKind::Open {
                    break;
                }
                inside = true;
            }
            Part::Placeholder(p) if inside => out.push_str(&p.original),
            Part::Str(s) if inside => out.push_str(s),
            _ => {}
        }
    }
    out
}
