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
pub use crate::plan::report::{LocaleReport, Missing, Report, Review, TermFailure, TermSummary, Translated};

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
/// `on_locale` hears of each, in order, once its files are written; a file that cannot be
/// written stops the telling there and is the run's error.
pub fn finish(
    project: &Project,
    plan: &Plan,
    output: Output,
    mut on_locale: impl FnMut(&LocaleReport),
    engine_errors: &[Option<String>],
) -> Result<Report> {
    let terminology = Terminology::new(&project.glossary, &project.source);
    let mut finishing = edition::Finishing::default();
    let writer = edition::Writer::new();
    let mut reports = Vec::new();
    for d in 0..plan.documents.len() {
        for (l, locale) in plan.locales.iter().enumerate() {
            let keep = output == Output::Translations;
            let (mut report, decisions) = plan::report::assemble(plan, &terminology, d, l, keep);
            report.engine_error = engine_errors.get(l).cloned().flatten();
            let complete = report.missing.is_empty() || project.allow_partial;
            if output == Output::Editions && complete {
                let rendered = edition::render(
                    project,
                    &plan.documents[d],
                    &locale.target,
                    &decisions,
                    &report.provenance,
                    &mut finishing,
                )?;
                let written = rendered.written();
                writer.write(reports.len(), rendered);
                report.edition = Some(written.edition);
                report.page = written.page;
            }
            reports.push(report);
        }
    }
    let failed = writer.finish();
    let told = failed.as_ref().map_or(reports.len(), |(tag, _)| *tag);
    reports.iter().take(told).for_each(&mut on_locale);
    if let Some((_, e)) = failed {
        return Err(e);
    }
    Ok(Report {
        backend: project.backend.name().to_string(),
        requests: 0,
        reports,
        interrupted: false,
        pseudo: matches!(project.backend, crate::backend::Backend::Pseudo(_)),
    })
}
