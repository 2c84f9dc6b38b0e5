//! The order of the stages, and nothing else: read → extract and segment → memory → backend
//! (only the misses) → store each result at once → merge → write the edition atomically.
//!
//! Every other module does one stage and can be tested alone; this is the only file that
//! knows how they follow each other.

use crate::backend::{Backend, Context, Item, Outcome};
use crate::error::{Error, Result};
use crate::format::{Format, SegmentOutput, read_source};
use crate::lang::Locale;
use crate::memory::{Memory, NewEntry, Reuse};
use crate::model::{Document, Origin, State, Text};
use crate::render;
use crate::segment::Segmenter;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    /// Patterns a sentence break may never fall inside (`[segmentation.<lang>] no_break`).
    pub no_break: Vec<regex::Regex>,
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
    if format == Format::Html {
        crate::format::html::check_charset(&text).map_err(|(line, column, message)| Error::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        })?;
    }
    let doc = format.extract(text, segmenter);
    if doc.units.is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((format, doc))
}

/// Runs the job. `on_locale` is told about each (document, language) as it completes.
pub async fn run(job: &Job, memory: &mut Memory, mut on_locale: impl FnMut(&LocaleReport)) -> Result<Report> {
    let segmenter = Segmenter::new(&job.source, &job.abbreviations).with_no_break(job.no_break.clone());
    // Read every input first: a bad file stops the run before anything is sent or written.
    let mut documents = Vec::new();
    for path in &job.inputs {
        let (format, doc) = load_document(path, &segmenter)?;
        documents.push((path, format, doc));
    }
    let reuse = match (job.reuse_stale, job.backend.fingerprint()) {
        (false, Some(fingerprint)) => Reuse::Fingerprint(fingerprint),
        _ => Reuse::AnyMachine,
    };
    let mut report = Report {
        backend: job.backend.name().to_string(),
        ..Report::default()
    };
    for (path, format, doc) in &documents {
        for target in &job.targets {
            let (locale_report, requests, interrupted) =
                translate_one(job, memory, &reuse, path, *format, doc, target).await?;
            report.requests += requests;
            on_locale(&locale_report);
            report.reports.push(locale_report);
            if interrupted {
                report.interrupted = true;
                return Ok(report);
            }
        }
    }
    Ok(report)
}

async fn translate_one(
    job: &Job,
    memory: &mut Memory,
    reuse: &Reuse,
    path: &Path,
    format: Format,
    doc: &Document,
    target: &Locale,
) -> Result<(LocaleReport, u64, bool)> {
    let source_tag = job.source.tag().to_string();
    let target_tag = target.tag().to_string();
    let segments: Vec<&crate::model::Segment> = doc.segments().collect();
    let mut report = LocaleReport {
        input: path.to_path_buf(),
        locale: target_tag.clone(),
        segments: segments.len(),
        from_memory: 0,
        from_engine: 0,
        copied: 0,
        missing: Vec::new(),
        needs_review: Vec::new(),
        edition: None,
        engine_error: None,
    };

    // 1. The memory, once per distinct sentence.
    let mut found: HashMap<String, Text> = HashMap::new();
    let mut review_reasons: HashMap<String, String> = HashMap::new();
    let mut misses: Vec<Text> = Vec::new();
    let mut missed_keys: std::collections::HashSet<String> = std::collections::HashSet::new();
    for seg in &segments {
        let key = seg.source.memory_key();
        if !seg.source.has_words() || found.contains_key(&key) || missed_keys.contains(&key) {
            continue;
        }
        match memory.lookup(&source_tag, &target_tag, &seg.source, reuse)? {
            Some(t) => {
                if t.state == State::NeedsReview {
                    review_reasons.insert(key.clone(), "stored as needs-review".into());
                }
                found.insert(key, t.target);
            }
            None => {
                missed_keys.insert(key);
                misses.push(seg.source.clone());
            }
        }
    }
    let from_memory: std::collections::HashSet<String> = found.keys().cloned().collect();

    // 2. The engine, for the misses only; every result is stored the moment it arrives.
    let mut requests = 0;
    let mut interrupted = false;
    if !misses.is_empty() && !matches!(job.backend, Backend::MemoryOnly) {
        let origin = Origin::Machine {
            engine: job.backend.name().into(),
            model: job.backend.model(),
        };
        let fingerprint = job.backend.fingerprint().unwrap_or_default();
        let document = path.display().to_string();
        let store = |delivered: Vec<(usize, Outcome)>,
                     found: &mut HashMap<String, Text>,
                     reasons: &mut HashMap<String, String>,
                     memory: &mut Memory|
         -> Result<()> {
            let mut entries = Vec::with_capacity(delivered.len());
            for (i, outcome) in &delivered {
                let (text, state) = match outcome {
                    Outcome::Translated(t) => (t, State::Translated),
                    Outcome::NeedsReview { text, reason } => {
                        reasons.insert(misses[*i].memory_key(), reason.clone());
                        (text, State::NeedsReview)
                    }
                };
                entries.push(NewEntry {
                    source_locale: &source_tag,
                    target_locale: &target_tag,
                    source: &misses[*i],
                    target: text,
                    origin: &origin,
                    state,
                    fingerprint: &fingerprint,
                    document: Some(&document),
                });
            }
            memory.store(&entries)?;
            for (i, outcome) in delivered {
                let text = match outcome {
                    Outcome::Translated(t) => t,
                    Outcome::NeedsReview { text, .. } => text,
                };
                found.insert(misses[i].memory_key(), text);
            }
            Ok(())
        };
        // Each sentence to send, with its neighbours in the document.
        let mut context_of: HashMap<String, Context> = HashMap::new();
        for (i, seg) in segments.iter().enumerate() {
            let key = seg.source.memory_key();
            if missed_keys.contains(&key) && !context_of.contains_key(&key) {
                let around = |j: Option<usize>| j.and_then(|j| segments.get(j)).map(|s| s.source.plain_text());
                context_of.insert(
                    key,
                    Context {
                        previous: around(i.checked_sub(1)),
                        next: around(Some(i + 1)),
                    },
                );
            }
        }
        let items: Vec<Item> = misses
            .iter()
            .map(|text| Item {
                text: text.clone(),
                terms: Vec::new(),
                context: context_of.remove(&text.memory_key()).unwrap_or_default(),
            })
            .collect();
        let title = doc.title();
        let run = job
            .backend
            .translate_all(&job.source, target, title.as_deref(), &items, |delivered| {
                store(delivered, &mut found, &mut review_reasons, memory)
            });
        tokio::select! {
            result = run => {
                match result {
                    Ok(n) => requests = n,
                    // An engine that fails for good leaves its segments missing; what it
                    // delivered before is stored and used.
                    Err(e @ Error::Engine { .. }) => report.engine_error = Some(e.to_string()),
                    Err(e) => return Err(e),
                }
            }
            _ = tokio::signal::ctrl_c() => interrupted = true,
        }
    }

    // 3. Merge: every segment gets its translation, a copy, or is missing.
    let mut outputs = Vec::with_capacity(segments.len());
    for seg in &segments {
        let key = seg.source.memory_key();
        if !seg.source.has_words() {
            report.copied += 1;
            outputs.push(SegmentOutput::Translated(&seg.source));
            continue;
        }
        match found.get(&key) {
            Some(t) => {
                if from_memory.contains(&key) {
                    report.from_memory += 1;
                } else {
                    report.from_engine += 1;
                }
                if let Some(reason) = review_reasons.get(&key) {
                    report.needs_review.push(Review {
                        line: line_of(&doc.source, seg.span.start),
                        source: seg.source.to_string(),
                        reason: reason.clone(),
                    });
                }
                outputs.push(SegmentOutput::Translated(t));
            }
            None => {
                report.missing.push(Missing {
                    line: line_of(&doc.source, seg.span.start),
                    source: seg.source.to_string(),
                });
                outputs.push(SegmentOutput::Untranslated);
            }
        }
    }

    // 4. Write the edition: complete, or partial only when asked, never half-written.
    if report.missing.is_empty() || job.allow_partial {
        let name = path
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("document"));
        let out_path = job.out_dir.join(&target_tag).join(name);
        let content = format.merge(doc, &outputs, target);
        render::write_atomic(&out_path, content.as_bytes())?;
        report.edition = Some(out_path);
    }
    Ok((report, requests, interrupted))
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}
