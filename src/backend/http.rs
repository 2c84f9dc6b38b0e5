//! What every HTTP engine shares: its settings from `[backends.NAME]`, the API key from the
//! environment, one client with a timeout and a rate limit, and the mapping of HTTP outcomes
//! to [`EngineError`]s (429, 529, 5xx and network errors are transient and honour
//! `Retry-After`; a quota status stops the engine for the rest of the run; any other 4xx fails
//! fast with the engine's own error text).
//!
//! The key never leaves this module except as a request header or body field: it is not in
//! `Debug` output, and every error text is scrubbed of it before it is returned.

use super::EngineError;
use super::limits::RateLimiter;
use crate::error::{Error, Result};
use serde_json::Value;
use std::sync::Mutex;
use std::time::Duration;

/// Settings keys every HTTP engine understands.
const COMMON_KEYS: &[&str] = &[
    "url",
    "api_key_env",
    "model",
    "concurrency",
    "requests_per_second",
    "chars_per_minute",
    "timeout_secs",
    "price_per_million_chars",
    "max_texts",
    "max_chars",
];

/// An engine's documented defaults.
#[derive(Debug, Clone)]
pub struct Defaults {
    pub url: &'static str,
    pub api_key_env: &'static str,
    /// Whether a request without a key makes sense (self-hosted servers).
    pub key_optional: bool,
    pub concurrency: usize,
    pub requests_per_second: f64,
    pub chars_per_minute: u64,
    pub timeout_secs: f64,
    pub price_per_million_chars: f64,
    /// The engine's own limits per request; settings may lower them, never raise them.
    pub max_texts: usize,
    pub max_chars: usize,
    /// Statuses that mean "no more today" (DeepL's 456): the engine stops for the run.
    pub stop_statuses: &'static [u16],
    /// Error codes in a JSON error body (`{"error": {"code": …}}`) that mean the same
    /// (Azure's 403001, free quota exceeded).
    pub stop_codes: &'static [i64],
    /// Engine-specific settings keys (`region`, `response_format`…).
    pub extra_keys: &'static [&'static str],
}

/// An engine's settings after defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    pub url: String,
    /// Whether `url` was given (DeepL picks its host from the key otherwise).
    pub url_given: bool,
    pub api_key_env: String,
    pub model: Option<String>,
    pub concurrency: usize,
    pub requests_per_second: f64,
    pub chars_per_minute: u64,
    pub timeout: Duration,
    pub price_per_million_chars: f64,
    pub max_texts: usize,
    pub max_chars: usize,
    /// The whole table, for engine-specific keys.
    pub table: toml::Table,
}

impl Settings {
    /// Reads `[backends.NAME]`; unknown keys and values of the wrong type are errors.
    pub fn from_table(engine: &str, table: &toml::Table, d: &Defaults) -> Result<Settings> {
        let bad = |key: &str, reason: &str| Error::BackendSetting {
            backend: engine.to_string(),
            key: key.to_string(),
            reason: reason.to_string(),
        };
        for key in table.keys() {
            if !COMMON_KEYS.contains(&key.as_str()) && !d.extra_keys.contains(&key.as_str()) {
                return Err(bad(key, "unknown setting"));
            }
        }
        let string = |key: &str| -> Result<Option<String>> {
            match table.get(key) {
                None => Ok(None),
                Some(toml::Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
                Some(_) => Err(bad(key, "expected a non-empty string")),
            }
        };
        let number = |key: &str| -> Result<Option<f64>> {
            match table.get(key) {
                None => Ok(None),
                Some(toml::Value::Integer(n)) if *n >= 0 => Ok(Some(*n as f64)),
                Some(toml::Value::Float(f)) if *f >= 0.0 && f.is_finite() => Ok(Some(*f)),
                Some(_) => Err(bad(key, "expected a number, 0 or more")),
            }
        };
        let count = |key: &str, default: usize, max: usize| -> Result<usize> {
            match number(key)? {
                None => Ok(default),
                Some(n) if n >= 1.0 && n.fract() == 0.0 => Ok((n as usize).min(max)),
                Some(_) => Err(bad(key, "expected a whole number, 1 or more")),
            }
        };
        let url = string("url")?;
        if let Some(u) = &url
            && !(u.starts_with("http://") || u.starts_with("https://"))
        {
            return Err(bad("url", "expected an http:// or https:// address"));
        }
        let timeout_secs = number("timeout_secs")?.unwrap_or(d.timeout_secs);
        if timeout_secs <= 0.0 {
            return Err(bad("timeout_secs", "expected a number of seconds above 0"));
        }
        Ok(Settings {
            url_given: url.is_some(),
            url: url
                .unwrap_or_else(|| d.url.to_string())
                .trim_end_matches('/')
                .to_string(),
            api_key_env: string("api_key_env")?.unwrap_or_else(|| d.api_key_env.to_string()),
            model: string("model")?,
            concurrency: count("concurrency", d.concurrency, 64)?,
            requests_per_second: number("requests_per_second")?.unwrap_or(d.requests_per_second),
            chars_per_minute: number("chars_per_minute")?.map_or(d.chars_per_minute, |n| n as u64),
            timeout: Duration::from_secs_f64(timeout_secs),
            price_per_million_chars: number("price_per_million_chars")?.unwrap_or(d.price_per_million_chars),
            max_texts: count("max_texts", d.max_texts, d.max_texts)?,
            max_chars: count("max_chars", d.max_chars, d.max_chars)?,
            table: table.clone(),
        })
    }

    /// An engine-specific string setting.
    /// What one request may carry and how many may be in flight, for batching.
    pub fn limits(&self) -> super::Limits {
        super::Limits {
            max_texts: self.max_texts,
            max_chars: self.max_chars,
            concurrency: self.concurrency,
        }
    }

    pub fn extra(&self, key: &str) -> Option<&str> {
        self.table.get(key).and_then(|v| v.as_str())
    }
}

/// An API key, kept out of `Debug` and error texts.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

/// Whether `--verbose` asked for a line per engine request.
static VERBOSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn set_verbose(on: bool) {
    VERBOSE.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn verbose() -> bool {
    VERBOSE.load(std::sync::atomic::Ordering::Relaxed)
}

/// One engine's connection: client, key, rate limit, and whether it has been stopped.
#[derive(Debug)]
pub struct HttpClient {
    engine: &'static str,
    client: reqwest::Client,
    key: Option<ApiKey>,
    key_env: String,
    key_optional: bool,
    limiter: RateLimiter,
    /// Requests in flight to this engine from the whole process (every worker of
    /// `translate --workers`), at most `concurrency`.
    in_flight: tokio::sync::Semaphore,
    stop_statuses: &'static [u16],
    stop_codes: &'static [i64],
    /// What the engine charges, for `--dry-run`'s estimate.
    price_per_million_chars: f64,
    /// Set when the engine said to stop (quota); every later call fails at once with it.
    stopped: Mutex<Option<String>>,
}

impl HttpClient {
    pub fn new(engine: &'static str, settings: &Settings, defaults: &Defaults) -> Result<HttpClient> {
        let client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("l10n/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::Engine {
                engine: engine.into(),
                message: e.to_string(),
            })?;
        let key = std::env::var(&settings.api_key_env)
            .ok()
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .map(ApiKey);
        Ok(HttpClient {
            engine,
            client,
            key,
            key_env: settings.api_key_env.clone(),
            key_optional: defaults.key_optional,
            limiter: RateLimiter::new(settings.requests_per_second, settings.chars_per_minute),
            in_flight: tokio::sync::Semaphore::new(settings.concurrency.max(1)),
            price_per_million_chars: settings.price_per_million_chars,
            stop_statuses: defaults.stop_statuses,
            stop_codes: defaults.stop_codes,
            stopped: Mutex::new(None),
        })
    }

    /// The configured price per million characters sent (0 when free).
    pub fn price_per_million_chars(&self) -> f64 {
        self.price_per_million_chars
    }

    pub fn key(&self) -> Option<&ApiKey> {
        self.key.as_ref()
    }

    /// The environment variable that must be set before anything is sent, if it is not.
    pub fn missing_key(&self) -> Option<String> {
        (self.key.is_none() && !self.key_optional).then(|| self.key_env.clone())
    }

    /// Sends `request` (built on [`HttpClient::request`]) after the rate limit allows
    /// `chars` characters, and returns the JSON answer of a 2xx response.
    pub async fn send_json(&self, request: reqwest::RequestBuilder, chars: usize) -> Result<Value, EngineError> {
        if let Some(var) = self.missing_key() {
            return Err(EngineError::Fatal {
                message: format!("the environment variable {var} with the API key is not set"),
            });
        }
        self.check_stopped()?;
        let _slot = self.in_flight.acquire().await.expect("the semaphore is never closed");
        self.limiter.acquire(chars).await;
        // The engine may have said stop while this request waited for its turn.
        self.check_stopped()?;
        let started = std::time::Instant::now();
        let response = request.send().await;
        if verbose() {
            // What was asked and how it went; never the key, the headers or the texts.
            let outcome = match &response {
                Ok(r) => r.status().as_u16().to_string(),
                Err(e) => self.scrub(&network_error(e)),
            };
            super::progress::log(super::progress::RequestLog {
                engine: self.engine,
                outcome,
                chars,
                millis: started.elapsed().as_millis() as u64,
            });
        }
        let response = match response {
            Ok(r) => r,
            Err(e) => {
                return Err(EngineError::Transient {
                    message: self.scrub(&network_error(&e)),
                    retry_after: None,
                });
            }
        };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = match response.bytes().await {
            Ok(b) => b,
            Err(e) => {
                return Err(EngineError::Transient {
                    message: self.scrub(&network_error(&e)),
                    retry_after: None,
                });
            }
        };
        if (200..300).contains(&status) {
            return serde_json::from_slice(&body).map_err(|e| EngineError::Transient {
                message: format!("the answer is not valid JSON ({e})"),
                retry_after: None,
            });
        }
        let text = self.scrub(&error_text(&body));
        let message = format!("HTTP {status}: {text}");
        let code = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|v| v["error"]["code"].as_i64());
        if self.stop_statuses.contains(&status) || code.is_some_and(|c| self.stop_codes.contains(&c)) {
            let message = format!("{message} (quota exhausted: {} stopped for this run)", self.engine);
            *self.stopped.lock().expect("not poisoned") = Some(message.clone());
            return Err(EngineError::Stop { message });
        }
        if status == 429 || status == 529 || status == 408 || status >= 500 {
            return Err(EngineError::Transient { message, retry_after });
        }
        Err(EngineError::Fatal { message })
    }

    fn check_stopped(&self) -> Result<(), EngineError> {
        match self.stopped.lock().expect("not poisoned").clone() {
            Some(message) => Err(EngineError::Stop { message }),
            None => Ok(()),
        }
    }

    /// A POST to `url` with a JSON body.
    pub fn post(&self, url: &str, body: &Value) -> reqwest::RequestBuilder {
        self.client.post(url).json(body)
    }

    pub fn get(&self, url: &str) -> reqwest::RequestBuilder {
        self.client.get(url)
    }

    /// `text` with the key replaced, wherever an engine or a library may have echoed it.
    fn scrub(&self, text: &str) -> String {
        match &self.key {
            Some(k) if k.0.len() >= 4 => text.replace(&k.0, "[key]"),
            _ => text.to_string(),
        }
    }
}

/// A network error without its URL (which never holds a key here, but stays out anyway).
fn network_error(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "network error"
    };
    let mut detail = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        detail = s.to_string();
        source = s.source();
    }
    if detail.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {detail}")
    }
}

/// The engine's own error text from an error body: DeepL `message`, Google/Azure/OpenAI
/// `error.message`, LibreTranslate `error`, else the body's start.
fn error_text(body: &[u8]) -> String {
    let text = match serde_json::from_slice::<Value>(body) {
        Ok(v) => {
            let pick = |v: &Value| v.as_str().map(str::to_string);
            pick(&v["message"])
                .map(|m| match pick(&v["detail"]) {
                    Some(d) => format!("{m}: {d}"),
                    None => m,
                })
                .or_else(|| pick(&v["error"]["message"]))
                .or_else(|| pick(&v["error"]))
                .or_else(|| pick(&v["detail"]))
                .unwrap_or_else(|| v.to_string())
        }
        Err(_) => String::from_utf8_lossy(body).trim().to_string(),
    };
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None if one_line.is_empty() => "(no error text)".into(),
        None => one_line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Defaults {
        Defaults {
            url: "https://example.invalid/",
            api_key_env: "X_KEY",
            key_optional: false,
            concurrency: 2,
            requests_per_second: 5.0,
            chars_per_minute: 0,
            timeout_secs: 30.0,
            price_per_million_chars: 20.0,
            max_texts: 50,
            max_chars: 1000,
            stop_statuses: &[],
            stop_codes: &[],
            extra_keys: &["region"],
        }
    }

    #[test]
    fn settings_take_defaults_and_refuse_typos() {
        let s = Settings::from_table("x", &toml::Table::new(), &defaults()).unwrap();
        assert_eq!(s.url, "https://example.invalid");
        assert!(!s.url_given);
        assert_eq!(s.max_texts, 50);
        let t: toml::Table = toml::from_str("concurency = 3").unwrap();
        let e = Settings::from_table("x", &t, &defaults()).unwrap_err().to_string();
        assert!(e.contains("concurency"), "{e}");
        // Limits can be lowered, not raised past the engine's own.
        let t: toml::Table = toml::from_str("max_texts = 500\nmax_chars = 10\nregion = \"westeurope\"").unwrap();
        let s = Settings::from_table("x", &t, &defaults()).unwrap();
        assert_eq!((s.max_texts, s.max_chars), (50, 10));
        assert_eq!(s.extra("region"), Some("westeurope"));
        let t: toml::Table = toml::from_str("url = \"ftp://x\"").unwrap();
        assert!(Settings::from_table("x", &t, &defaults()).is_err());
    }

    #[test]
    fn error_texts_come_from_each_engines_shape() {
        assert_eq!(error_text(br#"{"message":"Wrong endpoint"}"#), "Wrong endpoint");
        assert_eq!(error_text(br#"{"error":{"code":400,"message":"Bad"}}"#), "Bad");
        assert_eq!(error_text(br#"{"error":"Slow down"}"#), "Slow down");
        assert_eq!(error_text(b"<html>\n oops </html>"), "<html> oops </html>");
        assert_eq!(error_text(b""), "(no error text)");
    }

    #[test]
    fn keys_stay_out_of_debug_output() {
        let key = ApiKey("secret-123".into());
        assert!(!format!("{key:?}").contains("secret"));
    }
}
