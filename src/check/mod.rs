//! `l10n check`: findings that stop a release with missing or broken strings.
//!
//! A check family lives in its own file and produces [`Finding`]s; this module holds the
//! finding type and the order of the families. Findings carry a Fluent message id and its
//! arguments, so they are shown in the user's language, and a stable `kind` for machines.

pub mod documents;
pub mod fluent;
pub mod fluent_plurals;
pub mod fluent_references;
pub mod numbers;
pub mod output;
pub mod text;

use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable name of the problem (`missing-message`); also the message id's suffix.
    pub kind: &'static str,
    pub locale: String,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Arguments of the Fluent message `check-<kind>`.
    pub args: Vec<(&'static str, String)>,
}

impl Finding {
    pub fn message_id(&self) -> String {
        format!("check-{}", self.kind)
    }
}

/// Per-locale totals for the summary table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LocaleSummary {
    pub locale: String,
    pub messages: usize,
    pub missing: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Messages or segments present but not finished (below the required state).
    pub unfinished: usize,
    /// Words of the source still to translate (missing or unfinished).
    pub words: usize,
    /// Share of messages or segments present and finished, in percent (rounded down).
    pub completion: u32,
}

impl LocaleSummary {
    /// Adds another document's counts (the completion is recomputed).
    pub fn add(&mut self, other: &LocaleSummary) {
        self.messages += other.messages;
        self.missing += other.missing;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.unfinished += other.unfinished;
        self.words += other.words;
        self.finish();
    }

    /// Computes the completion from the counts.
    pub fn finish(&mut self) {
        let done = self.messages.saturating_sub(self.missing + self.unfinished);
        self.completion = (done * 100).checked_div(self.messages).map_or(100, |p| p as u32);
    }
}

/// Everything one check run found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    /// Version of this JSON shape.
    pub schema: u32,
    pub findings: Vec<Finding>,
    pub summaries: Vec<LocaleSummary>,
}

impl CheckReport {
    /// Findings in a stable order: by file, line, column, then kind.
    pub fn sort(&mut self) {
        self.findings.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.kind, &a.locale).cmp(&(&b.path, b.line, b.column, b.kind, &b.locale))
        });
    }

    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
}
