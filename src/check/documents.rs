//! Documents and their editions: for each document and target language of `l10n.toml`, what
//! the plan would put in the edition (with the memory alone), and everything wrong with it.
//!
//! The decisions are the plan's own ([`crate::plan`]), so the check sees exactly what
//! `l10n translate --backend memory` would write. On top of its missing segments and glossary
//! failures this adds: placeholder mismatches (a stored translation whose placeholders do not
//! fit the source), stale segments (no translation, but the memory has one of a similar older
//! source), translations below the required state, numbers, typography and length. Typography
//! is checked on the text the edition shows (after the locale's typography is applied).

use super::{Finding, LocaleSummary, Severity, numbers, text};
use crate::backend::Backend;
use crate::error::Result;
use crate::lang::Locale;
use crate::memory::{Memory, StoredEntry};
use crate::model::{Origin, State, Text};
use crate::pipeline::{self, LocaleReport, Output};
use crate::plan::Plan;
use crate::project::Project;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Two sources this similar (Dice coefficient of their words) are the same sentence, edited.
const STALE_SIMILARITY: f64 = 0.6;

/// Runs the document checks; findings and one summary per target language. `require`: the
/// state every segment's translation must reach.
pub fn check(project: &Project, require: State, memory: &Memory) -> Result<(Vec<Finding>, Vec<LocaleSummary>)> {
    let mut project = project.clone();
    project.backend = Backend::MemoryOnly;
    let plan = Plan::build(&project, memory)?;
    let report = pipeline::finish(&project, &plan, Output::Translations, |_| {}, &[])?;

    // The segments of each document by their readable form, to find a missing one's text.
    let segments: HashMap<PathBuf, HashMap<String, Text>> = plan
        .documents
        .iter()
        .map(|loaded| {
            let map = loaded
                .doc
                .segments()
                .map(|s| (s.source.to_string(), s.source.clone()))
                .collect();
            (loaded.path().to_path_buf(), map)
        })
        .collect();

    let source = project.source.tag();
    let mut findings: Vec<Finding> = report.repairs.iter().map(|r| repaired(r, source)).collect();
    let mut summaries: Vec<LocaleSummary> = Vec::new();
    let mut stored: HashMap<String, Vec<StoredEntry>> = HashMap::new();
    for r in &report.reports {
        if !stored.contains_key(&r.locale) {
            let entries = if r.missing.is_empty() {
                Vec::new()
            } else {
                memory.entries(Some(&r.locale), State::NeedsReview)?
            };
            stored.insert(r.locale.clone(), entries);
        }
        let before = findings.len();
        let mut summary = LocaleSummary {
            locale: r.locale.clone(),
            ..Default::default()
        };
        let checker = LocaleCheck {
            project: &project,
            require,
            report: r,
            language: Locale::parse(&r.locale).map(|l| l.language()).unwrap_or_default(),
            locale: Locale::parse(&r.locale).unwrap_or_default(),
        };
        checker.missing(&segments[&r.input], &stored[&r.locale], &mut summary, &mut findings);
        checker.translations(&mut summary, &mut findings);
        checker.terms(&mut findings);
        summary.messages = r.segments - r.copied;
        summary.finish();
        for f in &findings[before..] {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
        }
        match summaries.iter_mut().find(|s| s.locale == summary.locale) {
            Some(s) => s.add(&summary),
            None => summaries.push(summary),
        }
    }
    Ok((findings, summaries))
}

/// Markup the extractor repaired: a warning about the source (in the source language), once
/// per document, whatever the targets.
fn repaired(r: &pipeline::Repaired, source: &str) -> Finding {
    Finding {
        severity: Severity::Warning,
        kind: "markup-repaired",
        locale: source.to_string(),
        path: r.input.clone(),
        line: r.line,
        column: r.column,
        args: vec![("reason", r.reason.clone())],
    }
}

struct LocaleCheck<'a> {
    project: &'a Project,
    require: State,
    report: &'a LocaleReport,
    language: String,
    locale: Locale,
}

impl LocaleCheck<'_> {
    fn finding(
        &self,
        severity: Severity,
        kind: &'static str,
        line: usize,
        args: Vec<(&'static str, String)>,
    ) -> Finding {
        Finding {
            severity,
            kind,
            locale: self.report.locale.clone(),
            path: self.report.input.clone(),
            line,
            column: 1,
            args,
        }
    }

    /// Missing segments: a translation that no longer fits, a stale one, or none at all.
    fn missing(
        &self,
        segments: &HashMap<String, Text>,
        stored: &[StoredEntry],
        summary: &mut LocaleSummary,
        out: &mut Vec<Finding>,
    ) {
        let by_key: HashMap<String, &StoredEntry> = stored.iter().map(|e| (e.source.tagged(), e)).collect();
        let mut seen = HashSet::new();
        for m in &self.report.missing {
            if !seen.insert((m.line, &m.source)) {
                continue;
            }
            summary.missing += 1;
            if m.not_extracted {
                out.push(self.finding(
                    Severity::Error,
                    "not-extracted",
                    m.line,
                    vec![("what", m.source.clone())],
                ));
                continue;
            }
            summary.words += words(&m.source);
            let text = segments.get(&m.source);
            let plain = text.map(Text::plain_text).unwrap_or_else(|| m.source.clone());
            let source_arg = ("source", plain.clone());
            if let Some(text) = text {
                let (renumbered, map) = text.renumbered();
                if let Some(entry) = by_key.get(&renumbered.tagged()) {
                    let original: HashMap<u32, String> = text
                        .placeholders()
                        .filter_map(|p| map.get(&p.id).map(|n| (*n, p.original.clone())))
                        .collect();
                    let name = |s: String| {
                        s.strip_prefix('#')
                            .and_then(|id| id.parse::<u32>().ok())
                            .and_then(|id| original.get(&id).cloned())
                            .unwrap_or(s)
                    };
                    let (lost, extra) = text::placeholder_mismatch(&entry.source, &entry.target).unwrap_or_default();
                    let list = |v: Vec<String>| v.into_iter().map(name).collect::<Vec<_>>().join(" ");
                    out.push(self.finding(
                        Severity::Error,
                        "placeholder-mismatch",
                        m.line,
                        vec![source_arg, ("lost", list(lost)), ("extra", list(extra))],
                    ));
                    continue;
                }
            }
            if let Some(old) = most_similar(&plain, stored) {
                out.push(self.finding(
                    Severity::Error,
                    "stale-segment",
                    m.line,
                    vec![source_arg, ("previous", old)],
                ));
                continue;
            }
            out.push(self.finding(Severity::Error, "untranslated-segment", m.line, vec![source_arg]));
        }
    }

    /// Every translation the edition would use: state, placeholders, numbers, typography, length.
    fn translations(&self, summary: &mut LocaleSummary, out: &mut Vec<Finding>) {
        for t in &self.report.translations {
            let source = t.source.plain_text();
            // The edition's text: typography applied, as readers get it.
            let shown = self.project.edition.typography.apply(&self.locale, &t.target);
            let target = shown.plain_text();
            let source_arg = ("source", source.clone());
            if t.state < self.require {
                summary.words += words(&source);
                summary.unfinished += 1;
                let origin = match &t.origin {
                    Origin::Machine { engine, .. } => engine.clone(),
                    Origin::Human { file } => file.clone().unwrap_or_default(),
                };
                out.push(self.finding(
                    Severity::Error,
                    "below-required-state",
                    t.line,
                    vec![
                        source_arg.clone(),
                        ("state", t.state.as_str().into()),
                        ("required", self.require.as_str().into()),
                        ("origin", origin),
                    ],
                ));
            }
            if let Some((lost, extra)) = text::placeholder_mismatch(&t.source, &t.target) {
                out.push(self.finding(
                    Severity::Error,
                    "placeholder-mismatch",
                    t.line,
                    vec![source_arg.clone(), ("lost", lost.join(" ")), ("extra", extra.join(" "))],
                ));
            }
            let missing = numbers::missing_in_target(&source, &target);
            if !missing.is_empty() {
                let list: Vec<String> = missing.into_iter().map(|n| n.written).collect();
                out.push(self.finding(
                    Severity::Error,
                    "number-mismatch",
                    t.line,
                    vec![("numbers", list.join(", ")), ("target", target.clone())],
                ));
            }
            // One warning per rule and sentence, however many characters break it.
            let mut by_rule: Vec<(&str, String, String)> = Vec::new();
            for issue in self.project.edition.typography.check(&self.locale, &target) {
                match by_rule.iter_mut().find(|(kind, ..)| *kind == issue.kind) {
                    Some((_, found, expected)) => {
                        if !found.split(' ').any(|f| f == issue.found) {
                            found.push(' ');
                            found.push_str(&issue.found);
                            expected.push(' ');
                            expected.push_str(&issue.expected);
                        }
                    }
                    None => by_rule.push((issue.kind, issue.found, issue.expected)),
                }
            }
            for (_, found, expected) in by_rule {
                out.push(self.finding(
                    Severity::Warning,
                    "typography",
                    t.line,
                    vec![("found", found), ("expected", expected), ("target", target.clone())],
                ));
            }
            if let Some(ratio) = text::length_outlier(&self.language, &source, &target) {
                out.push(self.finding(
                    Severity::Warning,
                    "length-outlier",
                    t.line,
                    vec![
                        ("ratio", format!("{ratio:.2}")),
                        ("low", format!("{:.2}", text::band(&self.language).0)),
                        ("high", format!("{:.2}", text::band(&self.language).1)),
                        ("target", target.clone()),
                    ],
                ));
            }
        }
    }

    /// Glossary failures, as the pipeline found them.
    fn terms(&self, out: &mut Vec<Finding>) {
        for f in &self.report.terms.failing {
            let kind = if f.problem == "forbidden" {
                "term-forbidden"
            } else {
                "term-missing"
            };
            out.push(self.finding(
                Severity::Error,
                kind,
                f.line,
                vec![("term", f.term.clone()), ("concept", f.concept.clone())],
            ));
        }
    }
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The source of the stored translation most like `source`, if similar enough.
fn most_similar(source: &str, stored: &[StoredEntry]) -> Option<String> {
    let wanted = word_set(source);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, String)> = None;
    for e in stored {
        let plain = e.source.plain_text();
        let have = word_set(&plain);
        let shared = wanted.intersection(&have).count();
        let score = 2.0 * shared as f64 / (wanted.len() + have.len()) as f64;
        if score >= STALE_SIMILARITY && best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, plain));
        }
    }
    best.map(|(_, s)| s)
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The documents of the project narrowed to `paths` (all of them when `paths` is empty).
pub fn narrow(documents: Vec<PathBuf>, paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        return documents;
    }
    let same = |a: &Path, b: &Path| match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    paths
        .iter()
        .map(|p| {
            documents
                .iter()
                .find(|d| same(d, p))
                .cloned()
                .unwrap_or_else(|| p.clone())
        })
        .collect()
}
