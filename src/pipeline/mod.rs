//! The order of the stages, and nothing else: the plan (documents read and segmented, every
//! distinct sentence looked up once per locale) → the engine stage (the misses of all
//! documents, stored as they arrive) → per (document, language): the report and the edition,
//! each as soon as the sentences it uses are settled (while the engine still works on others).
//!
//! Every stage lives in its own module and can be tested alone: [`crate::plan`] decides what is
//! current, [`engine`] sends the misses (with leases, on one or more workers),
//! [`crate::plan::report`] counts, [`editions`] says when an edition is ready and
//! [`crate::render::edition`] writes it.

use crate::error::Result;
use crate::memory::Memory;
use crate::plan::Plan;
use crate::project::Project;
use editions::Editions;
use std::cell::RefCell;

pub mod editions;
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
/// `on_locale` is told about each (document, language), in order, once its edition is written.
pub async fn run_workers(
    project: &Project,
    memories: &mut [Memory],
    output: Output,
    on_locale: impl FnMut(&LocaleReport),
) -> Result<Report> {
    // 1. The plan: a bad document stops the run before anything is sent or written.
    let plan = RefCell::new(Plan::build(project, &memories[0])?);
    // 2. The engine, for the misses of all documents; 3. meanwhile, the reports and editions
    //    of what is settled.
    let editions = Editions::new(project, &plan.borrow(), output);
    let engine = async {
        let run = engine::fill(project, &plan, memories, &|l, settled| editions.settled(l, settled)).await;
        editions.engine_done();
        run
    };
    let (engine, early) = futures_util::future::join(engine, editions.while_engine_runs(&plan)).await;
    let engine = engine?;
    early?;
    // 3. The reports and editions left.
    let mut report = editions.finish(&plan.into_inner(), &engine.errors, on_locale)?;
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
    on_locale: impl FnMut(&LocaleReport),
    engine_errors: &[Option<String>],
) -> Result<Report> {
    Editions::new(project, plan, output).finish(plan, engine_errors, on_locale)
}
