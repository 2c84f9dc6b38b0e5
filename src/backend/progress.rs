//! Progress of a run, per target language, for whoever wants to show it.
//!
//! The command line wraps the pipeline in [`with_progress`]; `translate_all` reports through
//! the observer of the task it runs in, so the stages in between need not carry it, and a run
//! without an observer (tests, benchmarks, the library) reports to nobody.

use std::future::Future;
use std::sync::Arc;

/// What happened, for one target language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressEvent {
    /// `total` segments are about to go to the engine.
    Started { target: String, total: usize },
    /// `done` more segments came back and are stored.
    Advanced { target: String, done: usize },
    /// The engine is done with this language (finished, stopped or failed).
    Finished { target: String },
}

/// One engine request, for `--verbose`: never the key, the headers or the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestLog {
    pub engine: &'static str,
    /// The HTTP status, or the network error.
    pub outcome: String,
    pub chars: usize,
    pub millis: u64,
}

/// Where request logs go.
pub type RequestLogger = Arc<dyn Fn(RequestLog) + Send + Sync>;

static LOGGER: std::sync::OnceLock<RequestLogger> = std::sync::OnceLock::new();

/// Sets where `--verbose` request lines go (once per process).
pub fn set_request_logger(logger: RequestLogger) {
    let _ = LOGGER.set(logger);
}

pub(super) fn log(entry: RequestLog) {
    if let Some(logger) = LOGGER.get() {
        logger(entry);
    }
}

/// An observer of progress events.
pub type Progress = Arc<dyn Fn(ProgressEvent) + Send + Sync>;

tokio::task_local! {
    static OBSERVER: Progress;
}

/// Runs `future` with `observer` told about every batch.
pub async fn with_progress<F: Future>(observer: Progress, future: F) -> F::Output {
    OBSERVER.scope(observer, future).await
}

/// Tells the current observer, if any.
pub(super) fn report(event: ProgressEvent) {
    let _ = OBSERVER.try_with(|observer| observer(event));
}
