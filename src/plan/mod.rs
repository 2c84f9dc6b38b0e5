//! The Plan: for every (document, locale, segment), the translation that would be published and
//! why. It is the one home of the reuse rule (fingerprints with the glossary, states, pseudo):
//! `translate` executes it, `--dry-run` prints it, `status` and `check` count it, `export` and
//! the hand-off to translators export its missing part, and `memory gc` keeps what it uses.
//!
//! The plan reads the memory and never writes it. Distinct sentences are looked up once per
//! locale across all documents ([`Sentence`]); each segment's decision is then derived from its
//! sentence, with the translation's placeholders rebound to that segment's own source bytes
//! (two look-alike sentences keep their own links).

mod decide;
pub mod document;
mod rebind;
pub mod report;

pub use decide::{Found, Status, classify, look_up};
pub use document::{LineIndex, Loaded, load, load_one};
pub use rebind::rebind;

use crate::backend::Context;
use crate::error::Result;
use crate::glossary::enforce::Terminology;
use crate::glossary::matcher::TermMatch;
use crate::lang::Locale;
use crate::memory::Memory;
use crate::model::{Segment, Text, Translation};
use crate::project::Project;
use std::collections::HashMap;

/// One distinct source sentence for one target language, wherever it occurs.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Its memory key ([`Text::memory_key`]).
    pub key: String,
    /// Its source where it first occurs (placeholders as written there).
    pub source: Text,
    /// Glossary concepts found in it.
    pub matches: Vec<TermMatch>,
    /// The fingerprint a machine translation of it must carry to be current (the engine's,
    /// with the glossary entries that guide it); `None` without an engine.
    pub fingerprint: Option<String>,
    pub context: Context,
    /// The sentences around its first occurrence, stored with its translation as context.
    pub previous: Option<Text>,
    pub next: Option<Text>,
    /// Its key in the memory and in leases ([`crate::memory::source_hash`]).
    pub hash: [u8; 16],
    /// The document it first occurs in (an index into [`Plan::documents`]).
    pub document: usize,
    /// What the memory gives it, and whether the engine must translate it.
    pub found: Found,
}

/// The plan of one target language: its distinct sentences.
#[derive(Debug, Clone)]
pub struct LocalePlan {
    pub target: Locale,
    pub sentences: Vec<Sentence>,
}

impl LocalePlan {
    /// The sentence of segment `k` of document `d` (see [`Plan::sentence_of`]).
    pub fn sentence_at(&self, plan: &Plan, d: usize, k: usize) -> Option<&Sentence> {
        plan.sentence_of(d, k).map(|i| &self.sentences[i])
    }

    /// The sentences the engine must translate, in document order.
    pub fn misses(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences.iter().enumerate().filter(|(_, s)| s.found.send)
    }
}

/// What would be published for one segment, and why.
#[derive(Debug, Clone)]
pub struct Decision {
    pub line: usize,
    pub status: Status,
    /// The translation the edition would carry (this segment's own placeholders); `None` when
    /// missing or not publishable.
    pub translation: Option<Translation>,
    /// Why it needs review.
    pub reason: Option<String>,
}

/// The plan of a run.
pub struct Plan {
    pub source: Locale,
    pub documents: Vec<Loaded>,
    /// One per target of the project, in order.
    pub locales: Vec<LocalePlan>,
    /// Per document, per segment: the index of its sentence, the same in every locale (each
    /// locale's sentences are the documents' distinct sentences in order of first occurrence);
    /// `None` for segments without words. Keys are computed once per segment, not per use.
    sentences: Vec<Vec<Option<usize>>>,
}

impl Plan {
    /// Loads the project's documents and looks every distinct sentence up once per locale.
    pub fn build(project: &Project, memory: &Memory) -> Result<Plan> {
        Plan::for_documents(project, memory, document::load(project)?)
    }

    /// The plan of documents already loaded.
    pub fn for_documents(project: &Project, memory: &Memory, documents: Vec<Loaded>) -> Result<Plan> {
        let terminology = Terminology::new(&project.glossary, &project.source);
        let distinct = Distinct::of(&documents);
        let mut locales = Vec::with_capacity(project.targets.len());
        for target in &project.targets {
            locales.push(locale_plan(
                project,
                &terminology,
                memory,
                &documents,
                &distinct,
                target,
            )?);
        }
        Ok(Plan {
            source: project.source.clone(),
            documents,
            locales,
            sentences: distinct.of_segment,
        })
    }

    /// The index of the sentence of segment `k` of document `d` in every locale's sentences.
    pub fn sentence_of(&self, d: usize, k: usize) -> Option<usize> {
        self.sentences.get(d)?.get(k).copied().flatten()
    }

    /// The decision for every segment of document `d` in locale `l` (one per segment, in order;
    /// `Status::Copied` for segments without words).
    pub fn decisions(&self, d: usize, l: usize) -> Vec<Decision> {
        let loaded = &self.documents[d];
        let locale = &self.locales[l];
        loaded
            .doc
            .segments()
            .enumerate()
            .map(|(k, seg)| decide_segment(loaded, locale.sentence_at(self, d, k), seg))
            .collect()
    }
}

/// One segment's decision, from its sentence's.
fn decide_segment(loaded: &Loaded, sentence: Option<&Sentence>, seg: &Segment) -> Decision {
    let line = loaded.line(seg);
    let Some(sentence) = sentence else {
        return Decision {
            line,
            status: Status::Copied,
            translation: None,
            reason: None,
        };
    };
    let found = &sentence.found;
    let translation = found.translation.as_ref().and_then(|t| {
        let target = rebind(&t.target, &sentence.source, &seg.source)?;
        Some(Translation { target, ..t.clone() })
    });
    Decision {
        line,
        status: found.status,
        translation,
        reason: found.reason.clone(),
    }
}

/// The distinct sentences of a run's documents, found once for every locale.
struct Distinct {
    /// Per sentence, in order of first occurrence: its key, document and segment there.
    firsts: Vec<(String, usize, usize)>,
    /// Per document, per segment: its sentence.
    of_segment: Vec<Vec<Option<usize>>>,
}

impl Distinct {
    fn of(documents: &[Loaded]) -> Distinct {
        let mut distinct = Distinct {
            firsts: Vec::new(),
            of_segment: Vec::with_capacity(documents.len()),
        };
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (d, loaded) in documents.iter().enumerate() {
            let mut of_segment = Vec::new();
            for (k, seg) in loaded.doc.segments().enumerate() {
                if !seg.source.has_words() {
                    of_segment.push(None);
                    continue;
                }
                let key = seg.source.memory_key();
                let next = distinct.firsts.len();
                let i = *by_key.entry(key).or_insert_with_key(|key| {
                    distinct.firsts.push((key.clone(), d, k));
                    next
                });
                of_segment.push(Some(i));
            }
            distinct.of_segment.push(of_segment);
        }
        distinct
    }
}

/// Looks up the distinct sentences of every document for one target.
fn locale_plan(
    project: &Project,
    terminology: &Terminology<'_>,
    memory: &Memory,
    documents: &[Loaded],
    distinct: &Distinct,
    target: &Locale,
) -> Result<LocalePlan> {
    let engine = project.backend.fingerprint();
    let mut sentences: Vec<Sentence> = Vec::with_capacity(distinct.firsts.len());
    let mut segments: (usize, Vec<&Segment>) = (usize::MAX, Vec::new());
    for (key, d, i) in &distinct.firsts {
        let (d, i) = (*d, *i);
        if segments.0 != d {
            segments = (d, documents[d].doc.segments().collect());
        }
        let segments = &segments.1;
        let seg = segments[i];
        let matches = terminology.matches(&seg.source);
        // The fingerprint rule: glossary-guided machine work is current only for the same
        // engine and the same glossary entries.
        let fingerprint = engine
            .as_ref()
            .map(|e| match terminology.fingerprint(&matches, target) {
                Some(terms) => format!("{e}|terms:{terms}"),
                None => e.clone(),
            });
        let around = |j: Option<usize>| j.and_then(|j| segments.get(j)).map(|s| s.source.clone());
        let (previous, next) = (around(i.checked_sub(1)), around(Some(i + 1)));
        let context = Context {
            previous: previous.as_ref().map(Text::plain_text),
            next: next.as_ref().map(Text::plain_text),
        };
        let found = decide::look_up(project, memory, target, &seg.source, fingerprint.as_deref())?;
        sentences.push(Sentence {
            hash: crate::memory::source_hash(project.source.tag(), key),
            key: key.clone(),
            source: seg.source.clone(),
            matches,
            fingerprint,
            context,
            previous,
            next,
            document: d,
            found,
        });
    }
    Ok(LocalePlan {
        target: target.clone(),
        sentences,
    })
}
