//! The order of the stages, and nothing else: the plan (documents read and segmented, every
//! distinct sentence looked up once per locale) → the engine stage (the misses of all
//! documents, stored as they arrive) → per (document, language): the report and the edition.
//!
//! Every stage lives in its own module and can be tested alone: [`crate::plan`] decides what is
//! current, [`engine`] sends the misses (with leases, on one or more workers),
//! [`crate::plan::report`] counts, [`crate::render::edition`] writes.

use crate::error::Result;
use crate::glossary::enforce::Terminology;
use crate::memory::Memory;
use crate::plan::{self, Plan};
use crate::project::Project;
use crate::render::edition;

pub mod engine;

pub use crate::plan::document::line_of;
pub use crate::plan::report::{LocaleReport, Missing, Repaired, Report, Review, TermFailure, TermSummary, Translated};

/// What a run does besides translating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Write the editions (`translate`).
    Editions,
    /// Write nothing; keep each segment's translation in the report (`check`).
    Translations,
}

/// Runs the project with one worker (one memory connection).
pub async fn run(project: &Project, memory: &mut Memory, on_locale: impl FnMut(&LocaleReport)) -> Result<Report> {
    run_workers(project, std::slice::from_mut(memory), Output::Editions, on_locale).await
}

/// Runs the project with one worker per memory connection in `memories` (at least one).
/// `on_locale` is told about each (document, language) as its edition is written.
pub async fn run_workers(
    project: &Project,
    memories: &mut [Memory],
    output: Output,
    on_locale: impl FnMut(&LocaleReport),
) -> Result<Report> {
    // 1. The plan: a bad document stops the run before anything is sent or written.
    let mut plan = Plan::build(project, &memories[0])?;
    // 2. The engine, for the misses of all documents.
    let engine = engine::fill(project, &mut plan, memories).await?;
    // 3. Reports and editions.
    let mut report = finish(project, &plan, output, on_locale, &engine.errors)?;
    report.requests = engine.requests;
    report.interrupted = engine.interrupted;
    Ok(report)
}

/// Reports (and, for `Output::Editions`, editions) of every (document, language) of a plan.
pub fn finish(
    project: &Project,
    plan: &Plan,
    output: Output,
    mut on_locale: impl FnMut(&LocaleReport),
    engine_errors: &[Option<String>],
) -> Result<Report> {
    let terminology = Terminology::new(&project.glossary, &project.source);
    let mut reports = Vec::new();
    for d in 0..plan.documents.len() {
        for (l, locale) in plan.locales.iter().enumerate() {
            let keep = output == Output::Translations;
            let (mut report, decisions) = plan::report::assemble(plan, &terminology, d, l, keep);
            report.engine_error = engine_errors.get(l).cloned().flatten();
            let complete = report.missing.is_empty() || project.allow_partial;
            if output == Output::Editions && complete {
                let written = edition::write(
                    project,
                    &plan.documents[d],
                    &locale.target,
                    &decisions,
                    &report.provenance,
                )?;
                report.edition = Some(written.edition);
                report.page = written.page;
            }
            on_locale(&report);
            reports.push(report);
        }
    }
    Ok(Report {
        backend: project.backend.name().to_string(),
        requests: 0,
        reports,
        repairs: plan::report::repairs(plan),
        interrupted: false,
        pseudo: matches!(project.backend, crate::backend::Backend::Pseudo(_)),
    })
}
