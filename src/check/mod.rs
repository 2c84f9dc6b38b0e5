//! `l10n check`: findings that stop a release with missing or broken strings.
//!
//! A check family lives in its own file and produces [`Finding`]s; this module holds the
//! finding type and the order of the families. Findings carry a Fluent message id and its
//! arguments, so they are shown in the user's language, and a stable `kind` for machines.

pub mod fluent;

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
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
}
