//! Translation backends: what produces translations for the segments the memory lacks.
//!
//! An [`Engine`] does the minimum: map a batch of texts (in the canonical tagged form) to its
//! wire format and back. Everything shared is written once here: batching within the engine's
//! limits, requests in flight, retries with backoff, counting requests, and the integrity check
//! of every answer (one translation per text, every placeholder present once and well nested;
//! a failing text is retried alone once, then kept as `needs-review` with its placeholders
//! restored, never dropped and never trusted).

#![deny(clippy::string_slice)] // engine answers are outside text: char-boundary-safe only

mod azure;
mod deepl;
mod google;
pub mod http;
mod libretranslate;
pub mod limits;
pub mod markup;
mod openai;
mod progress;
mod pseudo;

pub use azure::Azure;
pub use deepl::DeepL;
pub use google::Google;
pub use libretranslate::LibreTranslate;
pub use openai::OpenAi;
pub use progress::{Progress, ProgressEvent, RequestLog, RequestLogger, with_progress};

/// `--verbose`: every engine request is told to `logger` (engine, status, characters, time;
/// never the key, the headers or the texts).
pub fn log_requests(logger: RequestLogger) {
    progress::set_request_logger(logger);
    http::set_verbose(true);
}
pub use pseudo::Pseudo;

use crate::error::{Error, Result};
use crate::lang::Locale;
use crate::model::{Part, PlaceholderKind, Text};
use std::collections::HashMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// The backends a user can name, for messages.
pub const KNOWN_BACKENDS: &[&str] = &[
    "pseudo",
    "memory",
    "deepl",
    "google",
    "azure",
    "libretranslate",
    "openai",
];

/// How much an engine takes per request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_texts: usize,
    /// Characters (Unicode scalar values) of tagged text per request.
    pub max_chars: usize,
    /// Requests in flight at once.
    pub concurrency: usize,
}

/// One request's worth of texts, with what an engine may use to translate them better.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub source: Locale,
    pub target: Locale,
    pub texts: Vec<Text>,
    /// Glossary entries that apply to these texts (policy `guide`): engines with glossary
    /// support (DeepL) or prompts (LLMs) use them; others ignore them.
    pub terms: Vec<TermHint>,
    /// The document's title, for engines that take context.
    pub title: Option<String>,
    /// Per text (same order as `texts`): the sentences around it, for engines that take context.
    pub context: Vec<Context>,
}

impl Batch {
    /// The batch of text `i` alone, with its context.
    pub fn single(&self, i: usize) -> Batch {
        Batch {
            texts: vec![self.texts[i].clone()],
            context: self.context.get(i).cloned().into_iter().collect(),
            ..self.clone()
        }
    }
}

/// A text to translate, with its glossary entries and neighbours.
#[derive(Debug, Clone, Default)]
pub struct Item {
    pub text: Text,
    pub terms: Vec<TermHint>,
    pub context: Context,
}

/// A glossary entry for an engine: this source term must be translated as this target term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermHint {
    pub source: String,
    pub target: String,
}

/// The neighbours of a sentence, as plain text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// How an engine call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    /// Worth retrying (429, 5xx, network): after `retry_after` if the engine said so.
    #[error("{message}")]
    Transient {
        message: String,
        retry_after: Option<Duration>,
    },
    /// The request never reached the server (no connection could be made): worth retrying,
    /// and not counted as a request sent.
    #[error("{message}")]
    Unreachable { message: String },
    /// Retrying cannot help (bad request, bad key).
    #[error("{message}")]
    Fatal { message: String },
    /// The engine must not be asked again in this run (quota exhausted): nothing more is sent.
    #[error("{message}")]
    Stop { message: String },
}

/// A machine-translation engine.
pub trait Engine: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    fn model(&self) -> Option<String> {
        None
    }
    /// Everything besides the input that shapes this engine's output. A change makes earlier
    /// machine translations stale.
    fn fingerprint(&self) -> String;
    fn limits(&self) -> Limits;
    /// Translates each text of the batch, answering in the tagged form, in order.
    fn translate(&self, batch: &Batch) -> impl Future<Output = Result<Vec<String>, EngineError>> + Send;
}

/// The backend chosen for a run.
#[derive(Clone)]
pub enum Backend {
    /// No engine: only what the memory already has.
    MemoryOnly,
    Pseudo(Arc<Pseudo>),
    DeepL(Arc<DeepL>),
    Google(Arc<Google>),
    Azure(Arc<Azure>),
    LibreTranslate(Arc<LibreTranslate>),
    OpenAi(Arc<OpenAi>),
}

/// `$body` with `$e` bound to the engine of every variant but `MemoryOnly` (which gives `$none`).
/// A new engine adds its variant here once.
macro_rules! with_engine {
    ($backend:expr, $none:expr, $e:ident => $body:expr) => {
        match $backend {
            Backend::MemoryOnly => $none,
            Backend::Pseudo($e) => $body,
            Backend::DeepL($e) => $body,
            Backend::Google($e) => $body,
            Backend::Azure($e) => $body,
            Backend::LibreTranslate($e) => $body,
            Backend::OpenAi($e) => $body,
        }
    };
}

/// The HTTP side of every HTTP engine; `None` for the others.
macro_rules! with_http {
    ($backend:expr, $e:ident => $body:expr) => {
        match $backend {
            Backend::MemoryOnly | Backend::Pseudo(_) => None,
            Backend::DeepL($e) => Some($body),
            Backend::Google($e) => Some($body),
            Backend::Azure($e) => Some($body),
            Backend::LibreTranslate($e) => Some($body),
            Backend::OpenAi($e) => Some($body),
        }
    };
}

/// What a text came back as.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Translated(Text),
    /// The engine's answer failed the integrity check twice; this is it, repaired.
    NeedsReview {
        text: Text,
        reason: String,
    },
}

impl Backend {
    /// The backend named `name`, configured from `settings` (the `[backends.NAME]` table).
    pub fn from_name(name: &str, settings: &toml::Table) -> Result<Backend> {
        match name {
            "memory" => Ok(Backend::MemoryOnly),
            "pseudo" => Ok(Backend::Pseudo(Arc::new(Pseudo::from_settings(settings)))),
            "deepl" => Ok(Backend::DeepL(Arc::new(DeepL::from_settings(settings)?))),
            "google" => Ok(Backend::Google(Arc::new(Google::from_settings(settings)?))),
            "azure" => Ok(Backend::Azure(Arc::new(Azure::from_settings(settings)?))),
            "libretranslate" => Ok(Backend::LibreTranslate(Arc::new(LibreTranslate::from_settings(
                settings,
            )?))),
            "openai" => Ok(Backend::OpenAi(Arc::new(OpenAi::from_settings(settings)?))),
            other => Err(Error::UnknownBackend {
                name: other.to_string(),
                known: KNOWN_BACKENDS.join(", "),
            }),
        }
    }

    pub fn name(&self) -> &'static str {
        with_engine!(self, "memory", e => e.name())
    }

    pub fn model(&self) -> Option<String> {
        with_engine!(self, None, e => e.model())
    }

    /// The fingerprint machine translations must carry to be reused; `None` without an engine.
    pub fn fingerprint(&self) -> Option<String> {
        with_engine!(self, None, e => Some(e.fingerprint()))
    }

    /// The environment variable holding the API key, when the engine needs one and it is not
    /// set: checked before a run so that nothing is half-done for want of a key.
    pub fn missing_key(&self) -> Option<String> {
        with_http!(self, e => e.http().missing_key()).flatten()
    }

    /// The configured price per million characters sent (for `--dry-run`); 0 when free.
    pub fn price_per_million_chars(&self) -> f64 {
        with_http!(self, e => e.http().price_per_million_chars()).unwrap_or(0.0)
    }

    /// The batching limits (texts and characters per request, requests in flight).
    pub fn limits(&self) -> Limits {
        with_engine!(
            self,
            Limits {
                max_texts: 1,
                max_chars: 1,
                concurrency: 1,
            },
            e => e.limits()
        )
    }

    async fn call(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        with_engine!(
            self,
            Err(EngineError::Fatal {
                message: "the memory backend translates nothing".into(),
            }),
            e => e.translate(batch).await
        )
    }

    /// Translates `items` from `source` into `target`, calling `on_results` with each batch's
    /// outcomes (indexes into `items`) as soon as it arrives, so the caller can store them at
    /// once. Returns the number of requests made. Stops early, keeping what was delivered, when
    /// `on_results` fails or the engine fails for good.
    pub async fn translate_all<F>(
        &self,
        source: &Locale,
        target: &Locale,
        title: Option<&str>,
        items: &[Item],
        mut on_results: F,
    ) -> (u64, Result<()>)
    where
        F: FnMut(Vec<(usize, Outcome)>) -> Result<()>,
    {
        if items.is_empty() {
            return (0, Ok(()));
        }
        let limits = self.limits();
        progress::report(ProgressEvent::Started {
            target: target.tag().to_string(),
            total: items.len(),
        });
        let texts: Vec<&Text> = items.iter().map(|i| &i.text).collect();
        let batches = plan_batches(&texts, limits);
        let mut requests = 0u64;
        let mut pending = batches.into_iter();
        let mut running = tokio::task::JoinSet::new();
        let mut failure: Option<Error> = None;
        loop {
            while failure.is_none() && running.len() < limits.concurrency.max(1) {
                let Some(indexes) = pending.next() else { break };
                let mut terms: Vec<TermHint> = indexes.iter().flat_map(|&i| items[i].terms.iter().cloned()).collect();
                terms.sort();
                terms.dedup();
                let batch = Batch {
                    source: source.clone(),
                    target: target.clone(),
                    texts: indexes.iter().map(|&i| items[i].text.clone()).collect(),
                    terms,
                    title: title.map(str::to_string),
                    context: indexes.iter().map(|&i| items[i].context.clone()).collect(),
                };
                let backend = self.clone();
                running.spawn(async move {
                    let (result, calls) = backend.call_checked(&batch).await;
                    (indexes, result, calls)
                });
            }
            let Some(joined) = running.join_next().await else {
                break;
            };
            let (indexes, result, calls) = match joined {
                Ok(done) => done,
                Err(e) => {
                    let error = Error::Engine {
                        engine: self.name().into(),
                        message: e.to_string(),
                    };
                    return (requests, Err(error));
                }
            };
            requests += calls;
            match result {
                Ok(outcomes) => {
                    let delivered: Vec<(usize, Outcome)> = indexes.into_iter().zip(outcomes).collect();
                    let count = delivered.len();
                    match on_results(delivered) {
                        Ok(()) => progress::report(ProgressEvent::Advanced {
                            target: target.tag().to_string(),
                            done: count,
                        }),
                        Err(e) => {
                            failure.get_or_insert(e);
                        }
                    }
                }
                Err(e) => {
                    failure.get_or_insert(Error::Engine {
                        engine: self.name().into(),
                        message: e.to_string(),
                    });
                }
            }
        }
        progress::report(ProgressEvent::Finished {
            target: target.tag().to_string(),
        });
        // The requests count even when the engine failed: they were made (and maybe billed).
        match failure {
            Some(e) => (requests, Err(e)),
            None => (requests, Ok(())),
        }
    }

    /// One batch with retries and the integrity check; returns the outcomes and requests made.
    async fn call_checked(&self, batch: &Batch) -> (Result<Vec<Outcome>, EngineError>, u64) {
        let mut calls = 0;
        let answers = match self.call_with_retries(batch, &mut calls).await {
            Ok(a) => a,
            Err(e) => return (Err(e), calls),
        };
        if answers.len() != batch.texts.len() {
            // A short or long answer cannot be aligned: translate one by one instead.
            let mut outcomes = Vec::new();
            for (i, text) in batch.texts.iter().enumerate() {
                let single = batch.single(i);
                match self.call_with_retries(&single, &mut calls).await {
                    Ok(mut a) if a.len() == 1 => outcomes.push(check_or_repair(text, &a.remove(0), None)),
                    Ok(_) => outcomes.push(repair(text, "", "the engine did not answer this text")),
                    Err(e) => return (Err(e), calls),
                }
            }
            return (Ok(outcomes), calls);
        }
        let mut outcomes = Vec::with_capacity(answers.len());
        for (i, (text, answer)) in batch.texts.iter().zip(&answers).enumerate() {
            match check(text, answer) {
                Ok(t) => outcomes.push(Outcome::Translated(t)),
                Err(reason) => {
                    // Retry this text alone, once.
                    let single = batch.single(i);
                    let retried = match self.call_with_retries(&single, &mut calls).await {
                        Ok(mut a) => (a.len() == 1).then(|| a.remove(0)),
                        Err(stop @ EngineError::Stop { .. }) => return (Err(stop), calls),
                        Err(_) => None,
                    };
                    outcomes.push(match retried {
                        Some(again) => check_or_repair(text, &again, Some(reason)),
                        None => repair(text, answer, &reason),
                    });
                }
            }
        }
        (Ok(outcomes), calls)
    }

    async fn call_with_retries(&self, batch: &Batch, calls: &mut u64) -> Result<Vec<String>, EngineError> {
        const ATTEMPTS: u32 = 5;
        let mut delay = Duration::from_millis(500);
        for attempt in 1..=ATTEMPTS {
            *calls += 1;
            let result = match self.call(batch).await {
                Err(EngineError::Unreachable { message }) => {
                    // Nothing reached the server: not a request sent (nor billed).
                    *calls -= 1;
                    if attempt == ATTEMPTS {
                        return Err(EngineError::Unreachable { message });
                    }
                    Err(EngineError::Transient {
                        message,
                        retry_after: None,
                    })
                }
                other => other,
            };
            match result {
                Err(EngineError::Transient { retry_after, message }) => {
                    if attempt == ATTEMPTS {
                        return Err(EngineError::Transient { message, retry_after });
                    }
                    // Exponential backoff with jitter (half to all of the delay), so that
                    // requests that failed together do not come back together; the engine's
                    // Retry-After wins when it gives one.
                    tokio::time::sleep(retry_after.unwrap_or_else(|| jitter(delay))).await;
                    delay *= 2;
                }
                other => return other,
            }
        }
        unreachable!("the last attempt returns")
    }
}

/// A random duration between half of `delay` and all of it.
fn jitter(delay: Duration) -> Duration {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEED: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let n = SEED.fetch_add(nanos | 1, Ordering::Relaxed) ^ nanos;
    // One round of splitmix64 is plenty for spreading retries.
    let mut z = n.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let fraction = 0.5 + (z >> 11) as f64 / (1u64 << 53) as f64 / 2.0;
    delay.mul_f64(fraction)
}

/// Groups text indexes into batches within the engine's limits, in order.
fn plan_batches(texts: &[&Text], limits: Limits) -> Vec<Vec<usize>> {
    let mut batches: Vec<Vec<usize>> = Vec::new();
    let mut chars = 0;
    for (i, text) in texts.iter().enumerate() {
        let len = text.tagged().chars().count();
        let full = batches
            .last()
            .is_none_or(|b| b.len() >= limits.max_texts || (chars + len > limits.max_chars && !b.is_empty()));
        if full {
            batches.push(Vec::new());
            chars = 0;
        }
        batches.last_mut().expect("pushed").push(i);
        chars += len;
    }
    batches
}

/// Parses an answer and checks that every placeholder of the source is there exactly once.
fn check(source: &Text, answer: &str) -> Result<Text, String> {
    let parsed = Text::parse_tagged(answer, source).map_err(|e| e.to_string())?;
    let mut counts: HashMap<(u32, PlaceholderKind), i32> = HashMap::new();
    for p in source.placeholders() {
        *counts.entry((p.id, p.kind)).or_default() += 1;
    }
    for p in parsed.placeholders() {
        *counts.entry((p.id, p.kind)).or_default() -= 1;
    }
    if let Some(((id, _), n)) = counts.iter().find(|(_, n)| **n != 0) {
        return Err(if *n > 0 {
            format!("placeholder {id} is missing")
        } else {
            format!("placeholder {id} is duplicated")
        });
    }
    Ok(parsed)
}

fn check_or_repair(source: &Text, answer: &str, earlier: Option<String>) -> Outcome {
    match check(source, answer) {
        Ok(t) => Outcome::Translated(t),
        Err(reason) => repair(source, answer, &earlier.unwrap_or(reason)),
    }
}

/// Keeps an answer that failed the check, as text only, with the source's placeholders put
/// back at the end so nothing of the original markup is lost; a reviewer must look at it.
fn repair(source: &Text, answer: &str, reason: &str) -> Outcome {
    let mut text = Text::default();
    let mut in_tag = false;
    let mut plain = String::new();
    for c in answer.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    text.push_str(plain.trim());
    for part in &source.0 {
        if let Part::Placeholder(p) = part
            && (p.kind != PlaceholderKind::Standalone || !text.placeholders().any(|q| q.id == p.id))
        {
            text.push_placeholder(p.clone());
        }
    }
    Outcome::NeedsReview {
        text,
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Placeholder;

    fn src() -> Text {
        let mut t = Text::plain("Visit ");
        t.push_placeholder(Placeholder {
            id: 1,
            kind: PlaceholderKind::Standalone,
            label: "var".into(),
            original: "[S]".into(),
        });
        t.push_str(" now.");
        t
    }

    #[test]
    fn integrity_catches_dropped_duplicated_and_invented_markup() {
        assert!(check(&src(), "Besuche <x id=\"1\"/> jetzt.").is_ok());
        assert_eq!(check(&src(), "Besuche jetzt.").unwrap_err(), "placeholder 1 is missing");
        assert_eq!(
            check(&src(), "<x id=\"1\"/><x id=\"1\"/>").unwrap_err(),
            "placeholder 1 is duplicated"
        );
        assert!(check(&src(), "<script>x</script>").is_err());
    }

    #[test]
    fn repair_keeps_placeholders_and_shows_markup_as_nothing_but_text() {
        let Outcome::NeedsReview { text, .. } = repair(&src(), "Besuche <script>alert(1)</script> jetzt", "x") else {
            panic!()
        };
        assert_eq!(text.placeholders().count(), 1);
        assert!(!text.tagged().contains("<script>"));
    }

    #[test]
    fn jitter_stays_between_half_and_all() {
        for _ in 0..100 {
            let d = jitter(Duration::from_millis(1000));
            assert!(
                d >= Duration::from_millis(500) && d <= Duration::from_millis(1000),
                "{d:?}"
            );
        }
    }

    #[test]
    fn batches_respect_limits() {
        let texts: Vec<Text> = (0..7).map(|i| Text::plain("x".repeat(i * 10 + 1))).collect();
        let refs: Vec<&Text> = texts.iter().collect();
        let b = plan_batches(
            &refs,
            Limits {
                max_texts: 3,
                max_chars: 60,
                concurrency: 1,
            },
        );
        // 3 texts at most; 31 + 41 > 60 chars; a text longer than the limit still goes, alone.
        assert_eq!(b, vec![vec![0, 1, 2], vec![3], vec![4], vec![5], vec![6]]);
    }
}
