//! The order of the stages, and nothing else: read → extract and segment → memory → backend
//! (only the misses) → store each result at once → merge → write the edition atomically.
//!
//! Every other module does one stage and can be tested alone; this module is the only one
//! that knows how they follow each other: one (document, language) here, its engine stage with
//! leases in `engine.rs`, and the workers that share a job's pairs in `workers.rs`.

use crate::backend::{Backend, Context};
use crate::error::{Error, Result};
use crate::format::{Format, SegmentOutput, read_source};
use crate::glossary::Glossary;
use crate::glossary::enforce::Terminology;
use crate::glossary::matcher::TermMatch;
use crate::glossary::verify::{Verifier, Violation};
use crate::lang::Locale;
use crate::memory::{Memory, Reuse};
use crate::model::{Document, Origin, Segment, State, Text, UnitKind};
use crate::render;
use crate::segment::Segmenter;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod engine;
mod workers;

pub use workers::run as run_workers;

/// What to translate, into what, with what.
pub struct Job {
    pub inputs: Vec<PathBuf>,
    pub source: Locale,
    pub targets: Vec<Locale>,
    pub backend: Backend,
    pub out_dir: PathBuf,
    /// Write editions even when segments are missing (the source left in place, marked).
    pub allow_partial: bool,
    /// Reuse machine translations made with another engine, model or glossary.
    pub reuse_stale: bool,
    pub abbreviations: Vec<String>,
    /// The term base (empty: no terminology enforced).
    pub glossary: Glossary,
    /// Typography, site name and the optional HTML page of each edition.
    pub edition: render::EditionSettings,
    /// Write the editions (`l10n check` does not: it keeps each segment's translation in
    /// [`LocaleReport::translations`] instead).
    pub write_editions: bool,
    /// Patterns a sentence break may never fall inside (`[segmentation.<lang>] no_break`).
    pub no_break: Vec<regex::Regex>,
}

/// A segment's translation as used for the edition, with its provenance (for `l10n check`).
#[derive(Debug, Clone)]
pub struct Translated {
    pub line: usize,
    pub source: Text,
    pub target: Text,
    pub state: State,
    pub origin: Origin,
}

/// A glossary term a translation does not honour.
#[derive(Debug, Clone, Serialize)]
pub struct TermFailure {
    pub line: usize,
    /// The concept's id in the term base.
    pub concept: String,
    /// `missing` (none of the allowed forms) or `forbidden` (a deprecated form appears).
    pub problem: &'static str,
    /// The expected preferred form, or the forbidden form found.
    pub term: String,
    pub source: String,
}

/// Terminology compliance of one edition.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TermSummary {
    /// Glossary concepts found in the source sentences (once per distinct sentence).
    pub expected: usize,
    /// Of those, honoured by the translation.
    pub found: usize,
    /// Machine translations that broke a term, were sent again with it protected, and passed.
    pub repaired: usize,
    pub failing: Vec<TermFailure>,
}

/// A segment with no translation after the run.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    pub line: usize,
    pub source: String,
}

/// A segment whose machine translation failed its checks and must be reviewed.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub line: usize,
    pub source: String,
    pub reason: String,
}

/// The result of one document into one language.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleReport {
    pub input: PathBuf,
    pub locale: String,
    pub segments: usize,
    /// Segments served by the memory.
    pub from_memory: usize,
    /// Segments translated by the engine in this run.
    pub from_engine: usize,
    /// Segments with nothing to translate (numbers, symbols), copied.
    pub copied: usize,
    pub missing: Vec<Missing>,
    pub needs_review: Vec<Review>,
    /// The edition written, if any.
    pub edition: Option<PathBuf>,
    /// Why the engine stopped early, if it did (its segments are then missing).
    pub engine_error: Option<String>,
    pub terms: TermSummary,
    /// Who translated the edition's segments (for its translation notice).
    pub provenance: render::chrome::Provenance,
    /// The standalone HTML page written, if asked for.
    pub page: Option<PathBuf>,
    /// Every translated segment, kept only when editions are not written.
    #[serde(skip)]
    pub translations: Vec<Translated>,
}

/// The result of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub backend: String,
    /// Requests sent to the engine (retries included).
    pub requests: u64,
    pub reports: Vec<LocaleReport>,
    /// The run was stopped (Ctrl-C): what was received is stored, the rest is missing.
    pub interrupted: bool,
}

impl Report {
    pub fn missing(&self) -> usize {
        self.reports.iter().map(|r| r.missing.len()).sum()
    }

    pub fn failing_terms(&self) -> usize {
        self.reports.iter().map(|r| r.terms.failing.len()).sum()
    }
}

/// Reads, checks and extracts one input document.
pub fn load_document(path: &Path, segmenter: &Segmenter) -> Result<(Format, Document)> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let format = Format::from_path(path)?;
    let text = read_source(path)?;
    crate::format::validate(format, &text, path)?;
    let doc = format.extract(text, segmenter);
    if doc.units.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((format, doc))
}

/// Runs the job with one worker. `on_locale` is told about each (document, language) as it
/// completes.
pub async fn run(job: &Job, memory: &mut Memory, on_locale: impl FnMut(&LocaleReport)) -> Result<Report> {
    workers::run(job, std::slice::from_mut(memory), on_locale).await
}

/// What one (document, language) has found so far, by memory key.
#[derive(Default)]
struct Gathered {
    found: HashMap<String, Text>,
    /// Why a translation needs review.
    reasons: HashMap<String, String>,
    /// Keys served by the memory (the rest came from the engine in this run).
    from_memory: std::collections::HashSet<String>,
    provenance: HashMap<String, (State, Origin)>,
}

/// What the pipeline knows of one distinct sentence for one target language.
struct Sentence {
    source: Text,
    /// Glossary concepts found in it.
    matches: Vec<TermMatch>,
    /// The fingerprint a machine translation of it must carry to be reused.
    fingerprint: Option<String>,
    context: Context,
    /// The sentences around it where it first occurs, stored with its translation as context.
    previous: Option<Text>,
    next: Option<Text>,
    /// Its key in the memory and in leases ([`crate::memory::segment_hash`]).
    hash: [u8; 16],
}

/// One document into one language.
struct LocaleRun<'a> {
    job: &'a Job,
    terminology: &'a Terminology<'a>,
    path: &'a Path,
    doc: &'a Document,
    target: &'a Locale,
    verifier: Verifier,
    /// Distinct sentences by memory key, in document order.
    sentences: Vec<(String, Sentence)>,
}

impl<'a> LocaleRun<'a> {
    fn new(
        job: &'a Job,
        terminology: &'a Terminology<'a>,
        path: &'a Path,
        doc: &'a Document,
        target: &'a Locale,
    ) -> Self {
        let segments: Vec<&Segment> = doc.segments().collect();
        let engine_fingerprint = job.backend.fingerprint();
        let mut seen = std::collections::HashSet::new();
        let mut sentences = Vec::new();
        for (i, seg) in segments.iter().enumerate() {
            let key = seg.source.memory_key();
            if !seg.source.has_words() || !seen.insert(key.clone()) {
                continue;
            }
            let matches = terminology.matches(&seg.source);
            let fingerprint =
                engine_fingerprint
                    .as_ref()
                    .map(|engine| match terminology.fingerprint(&matches, target) {
                        Some(terms) => format!("{engine}|terms:{terms}"),
                        None => engine.clone(),
                    });
            let around = |j: Option<usize>| j.and_then(|j| segments.get(j)).map(|s| s.source.clone());
            let (previous, next) = (around(i.checked_sub(1)), around(Some(i + 1)));
            let context = Context {
                previous: previous.as_ref().map(Text::plain_text),
                next: next.as_ref().map(Text::plain_text),
            };
            let hash = crate::memory::source_hash(job.source.tag(), &key);
            sentences.push((
                key,
                Sentence {
                    source: seg.source.clone(),
                    matches,
                    fingerprint,
                    context,
                    previous,
                    next,
                    hash,
                },
            ));
        }
        LocaleRun {
            job,
            terminology,
            path,
            doc,
            target,
            verifier: terminology.verifier(target),
            sentences,
        }
    }

    fn reuse(&self, sentence: &Sentence) -> Reuse {
        match (&sentence.fingerprint, self.job.reuse_stale) {
            (Some(f), false) => Reuse::Fingerprint(f.clone()),
            _ => Reuse::AnyMachine,
        }
    }

    /// The concepts a sentence's translation must honour, and what it breaks.
    fn violations(&self, sentence: &Sentence, translation: &Text) -> Vec<Violation> {
        let expected: Vec<usize> = sentence.matches.iter().map(|m| m.concept).collect();
        self.verifier.check(&translation.plain_text(), &expected)
    }

    /// Takes sentence `i` from the memory if it is there.
    fn look_up(&self, memory: &Memory, i: usize, got: &mut Gathered) -> Result<bool> {
        let (key, sentence) = &self.sentences[i];
        let found = memory.lookup(
            self.job.source.tag(),
            self.target.tag(),
            &sentence.source,
            &self.reuse(sentence),
        )?;
        let Some(t) = found else { return Ok(false) };
        if t.state == State::NeedsReview {
            got.reasons.insert(key.clone(), "stored as needs-review".into());
        }
        got.from_memory.insert(key.clone());
        got.provenance.insert(key.clone(), (t.state, t.origin));
        got.found.insert(key.clone(), t.target);
        Ok(true)
    }

    async fn translate(self, memory: &mut Memory, format: Format) -> Result<(LocaleReport, u64, bool)> {
        let target_tag = self.target.tag().to_string();
        let mut report = LocaleReport {
            input: self.path.to_path_buf(),
            locale: target_tag.clone(),
            segments: self.doc.segments().count(),
            from_memory: 0,
            from_engine: 0,
            copied: 0,
            missing: Vec::new(),
            needs_review: Vec::new(),
            edition: None,
            engine_error: None,
            terms: TermSummary::default(),
            provenance: render::chrome::Provenance::default(),
            page: None,
            translations: Vec::new(),
        };

        // 1. The memory.
        let mut got = Gathered::default();
        let mut misses: Vec<usize> = Vec::new();
        for i in 0..self.sentences.len() {
            if !self.look_up(memory, i, &mut got)? {
                misses.push(i);
            }
        }

        // 2. The engine, for the misses only (see engine.rs).
        let (requests, interrupted) = if misses.is_empty() || matches!(self.job.backend, Backend::MemoryOnly) {
            (0, false)
        } else {
            self.fill_from_engine(memory, misses, &mut got, &mut report).await?
        };
        let Gathered {
            found,
            reasons,
            from_memory,
            provenance,
        } = got;

        // 3. Merge: every segment gets its translation, a copy, or is missing.
        let by_key: HashMap<&str, &Sentence> = self.sentences.iter().map(|(k, s)| (k.as_str(), s)).collect();
        let mut outputs = Vec::with_capacity(report.segments);
        let mut counted = std::collections::HashSet::new();
        for seg in self.doc.segments() {
            let key = seg.source.memory_key();
            if !seg.source.has_words() {
                report.copied += 1;
                outputs.push(SegmentOutput::Translated(&seg.source));
                continue;
            }
            let line = line_of(&self.doc.source, seg.span.start);
            match found.get(&key) {
                Some(t) => {
                    if let Some((state, origin)) = provenance.get(&key) {
                        let p = &mut report.provenance;
                        match origin {
                            Origin::Human { .. } => p.human += 1,
                            Origin::Machine { engine, .. } => {
                                p.machine += 1;
                                if !p.engines.contains(engine) {
                                    p.engines.push(engine.clone());
                                }
                            }
                        }
                        p.reviewed += usize::from(*state >= State::Reviewed);
                    }
                    if from_memory.contains(&key) {
                        report.from_memory += 1;
                    } else {
                        report.from_engine += 1;
                    }
                    if let Some(reason) = reasons.get(&key) {
                        report.needs_review.push(Review {
                            line,
                            source: seg.source.to_string(),
                            reason: reason.clone(),
                        });
                    }
                    if let Some(sentence) = by_key.get(key.as_str())
                        && counted.insert(key.clone())
                    {
                        self.tally_terms(sentence, t, line, &mut report.terms);
                    }
                    if !self.job.write_editions
                        && let Some((state, origin)) = provenance.get(&key)
                    {
                        report.translations.push(Translated {
                            line,
                            source: seg.source.clone(),
                            target: t.clone(),
                            state: *state,
                            origin: origin.clone(),
                        });
                    }
                    outputs.push(SegmentOutput::Translated(t));
                }
                None => {
                    report.missing.push(Missing {
                        line,
                        source: seg.source.to_string(),
                    });
                    outputs.push(SegmentOutput::Untranslated);
                }
            }
        }

        // 4. Write the edition: complete, or partial only when asked, never half-written.
        if self.job.write_editions && (report.missing.is_empty() || self.job.allow_partial) {
            let name = self
                .path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("document"));
            let out_path = self.job.out_dir.join(&target_tag).join(&name);
            // Typography, the site name and (in right-to-left text) isolation of flipping Latin
            // runs apply to translated text only; untouched source bytes stay as they are.
            let settings = &self.job.edition;
            // Per segment: whether it opens its unit, and whether the unit is an attribute value
            // (where no element can go: text isolation marks there, even in HTML).
            let first_in_unit: Vec<(bool, bool)> = self
                .doc
                .units
                .iter()
                .flat_map(|u| (0..u.segments.len()).map(move |k| (k == 0, u.kind == UnitKind::Attribute)))
                .collect();
            let finish = |isolate: render::Isolation| -> Vec<Option<Text>> {
                outputs
                    .iter()
                    .zip(self.doc.segments())
                    .zip(&first_in_unit)
                    .map(|((output, seg), &(first, attribute))| match output {
                        SegmentOutput::Translated(t) if **t == seg.source && settings.site_name.is_none() => {
                            Some((*t).clone())
                        }
                        SegmentOutput::Translated(t) if **t == seg.source => {
                            Some(settings.finish(&self.job.source, t, render::Isolation::None, first))
                        }
                        SegmentOutput::Translated(t) => {
                            let isolate = match isolate {
                                render::Isolation::Elements if attribute => render::Isolation::Controls,
                                other => other,
                            };
                            Some(settings.finish(self.target, t, isolate, first))
                        }
                        SegmentOutput::Untranslated => None,
                    })
                    .collect()
            };
            let finished = finish(match format {
                Format::Html => render::Isolation::Elements,
                _ => render::Isolation::Controls,
            });
            let finished_outputs: Vec<SegmentOutput<'_>> = finished
                .iter()
                .map(|t| {
                    t.as_ref()
                        .map_or(SegmentOutput::Untranslated, SegmentOutput::Translated)
                })
                .collect();
            let content = format.merge(self.doc, &finished_outputs, self.target);
            render::write_atomic(&out_path, content.as_bytes())?;
            report.edition = Some(out_path.clone());
            if settings.page {
                let page_path = render::page_path(&out_path);
                let page_dir = page_path.parent().unwrap_or(Path::new("."));
                let mut alternates = vec![render::page::Alternate {
                    locale: self.job.source.clone(),
                    href: render::relative_href(page_dir, self.path),
                    original: true,
                }];
                for t in &self.job.targets {
                    let other = render::page_path(&self.job.out_dir.join(t.tag()).join(&name));
                    alternates.push(render::page::Alternate {
                        locale: t.clone(),
                        href: render::relative_href(page_dir, &other),
                        original: false,
                    });
                }
                let texts = finish(render::Isolation::None);
                let html = render::page::Page {
                    doc: self.doc,
                    texts: &texts,
                    locale: self.target,
                    alternates: &alternates,
                    site_name: settings.site_name.as_deref(),
                    provenance: &report.provenance,
                    date: settings.date,
                    arabic_digits: settings.typography.digits == render::typography::Digits::Arabic,
                    format,
                    edition: &content,
                }
                .render();
                render::write_atomic(&page_path, html.as_bytes())?;
                report.page = Some(page_path);
            }
        }
        Ok((report, requests, interrupted))
    }

    /// Adds one segment's terminology to the compliance summary.
    fn tally_terms(&self, sentence: &Sentence, translation: &Text, line: usize, summary: &mut TermSummary) {
        let mut concepts: Vec<usize> = sentence.matches.iter().map(|m| m.concept).collect();
        concepts.sort_unstable();
        concepts.dedup();
        let violations = self.violations(sentence, translation);
        let glossary = self.terminology.glossary();
        for c in &concepts {
            // A concept without a form in this language cannot be expected.
            if glossary.concepts[*c].allowed(&self.job.source, self.target).is_empty() {
                continue;
            }
            summary.expected += 1;
            if !violations
                .iter()
                .any(|v| matches!(v, Violation::Missing { concept } if concept == c))
            {
                summary.found += 1;
            }
        }
        for v in violations {
            let concept = &glossary.concepts[v.concept()];
            let (problem, term) = match &v {
                Violation::Missing { .. } => (
                    "missing",
                    concept
                        .preferred(&self.job.source, self.target)
                        .map(|t| t.text.clone())
                        .unwrap_or_default(),
                ),
                Violation::Forbidden { term, .. } => ("forbidden", term.clone()),
            };
            summary.failing.push(TermFailure {
                line,
                concept: concept.id.clone(),
                problem,
                term,
                source: sentence.source.to_string(),
            });
        }
    }
}

/// A short English description of glossary violations, for the needs-review reason.
fn describe(terminology: &Terminology<'_>, violations: &[Violation]) -> String {
    let parts: Vec<String> = violations
        .iter()
        .map(|v| match v {
            Violation::Missing { concept } => {
                format!("glossary term {} missing", terminology.glossary().concepts[*concept].id)
            }
            Violation::Forbidden { term, .. } => format!("forbidden term “{term}”"),
        })
        .collect();
    parts.join(", ")
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
