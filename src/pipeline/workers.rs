//! Runs a job's (document, language) pairs on one or more workers. Each worker has its own
//! memory connection and takes the next pair from a shared queue; workers wait for the engine
//! at the same time, and leases keep them from sending the same segment twice (see
//! [`crate::memory::lease`]). Several machines running the same command against one
//! PostgreSQL memory share segments the same way.

use super::{Job, LocaleReport, LocaleRun, Report, load_document};
use crate::error::{Error, Result};
use crate::format::Format;
use crate::glossary::enforce::Terminology;
use crate::memory::Memory;
use crate::model::Document;
use crate::segment::Segmenter;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::path::PathBuf;

/// What the workers share: the documents, the queue of what is left, what is done.
struct Shared<'a, F> {
    job: &'a Job,
    terminology: Terminology<'a>,
    documents: Vec<(PathBuf, Format, Document)>,
    /// (document, target) pairs not yet taken.
    queue: RefCell<VecDeque<(usize, usize)>>,
    done: RefCell<Vec<((usize, usize), LocaleReport)>>,
    requests: Cell<u64>,
    interrupted: Cell<bool>,
    on_locale: RefCell<F>,
}

/// Runs the job with one worker per memory connection in `memories` (at least one).
pub async fn run(job: &Job, memories: &mut [Memory], on_locale: impl FnMut(&LocaleReport)) -> Result<Report> {
    let segmenter = Segmenter::new(&job.source, &job.abbreviations).with_no_break(job.no_break.clone());
    // Read every input first: a bad file stops the run before anything is sent or written.
    let mut documents = Vec::new();
    for path in &job.inputs {
        let (format, doc) = load_document(path, &segmenter)?;
        documents.push((path.clone(), format, doc));
    }
    let queue = (0..documents.len())
        .flat_map(|d| (0..job.targets.len()).map(move |t| (d, t)))
        .collect();
    let shared = Shared {
        job,
        terminology: Terminology::new(&job.glossary, &job.source),
        documents,
        queue: RefCell::new(queue),
        done: RefCell::new(Vec::new()),
        requests: Cell::new(0),
        interrupted: Cell::new(false),
        on_locale: RefCell::new(on_locale),
    };
    futures_util::future::try_join_all(memories.iter_mut().map(|memory| work(&shared, memory))).await?;
    let mut done = shared.done.into_inner();
    done.sort_by_key(|(pair, _)| *pair);
    Ok(Report {
        backend: job.backend.name().to_string(),
        requests: shared.requests.get(),
        reports: done.into_iter().map(|(_, r)| r).collect(),
        interrupted: shared.interrupted.get(),
    })
}

/// One worker: takes pairs from the queue until it is empty or the run is interrupted.
async fn work<F: FnMut(&LocaleReport)>(shared: &Shared<'_, F>, memory: &mut Memory) -> Result<(), Error> {
    while !shared.interrupted.get() {
        let Some((d, t)) = shared.queue.borrow_mut().pop_front() else {
            break;
        };
        let (path, format, doc) = &shared.documents[d];
        let run = LocaleRun::new(shared.job, &shared.terminology, path, doc, &shared.job.targets[t]);
        let (report, requests, interrupted) = run.translate(memory, *format).await?;
        shared.requests.set(shared.requests.get() + requests);
        (shared.on_locale.borrow_mut())(&report);
        shared.done.borrow_mut().push(((d, t), report));
        if interrupted {
            shared.interrupted.set(true);
        }
    }
    Ok(())
}
