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
    /// The engine's other hosts (DeepL's free API): a key may go there as to `url`.
    pub other_official_urls: &'static [&'static str],
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
    /// Whether the API key may be sent to `url` (see [`url_trust`]).
    pub url_trusted: bool,
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
        let api_key_env = string("api_key_env")?;
        if let Some(var) = &api_key_env {
            check_secret_variable(&format!("[backends.{engine}] api_key_env"), var, d.api_key_env)?;
        }
        let (url, url_trusted) = url_trust(engine, string("url")?, d);
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
            url_trusted,
            url: url
                .unwrap_or_else(|| d.url.to_string())
                .trim_end_matches('/')
                .to_string(),
            api_key_env: api_key_env.unwrap_or_else(|| d.api_key_env.to_string()),
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

/// The environment variable that, when `1`, lets the project file's engine URLs receive the key.
pub const TRUST_PROJECT_URLS: &str = "L10N_TRUST_PROJECT_URLS";

/// The environment variable that gives an engine's URL (`L10N_DEEPL_URL`), trusted with its key.
pub fn url_variable(engine: &str) -> String {
    format!("L10N_{}_URL", engine.to_ascii_uppercase())
}

/// A secret variable named in the shared project file is read only when it is the engine's
/// documented one (`documented`) or starts with `L10N_`: a committed `l10n.toml` must not be
/// able to send `GITHUB_TOKEN` or a cloud key to whatever server it names.
pub fn check_secret_variable(setting: &str, var: &str, documented: &str) -> Result<()> {
    if var == documented || var.starts_with("L10N_") {
        return Ok(());
    }
    Err(Error::SecretVariableRefused {
        setting: setting.to_string(),
        var: var.to_string(),
        documented: documented.to_string(),
    })
}

/// The engine URL to use (the environment's `L10N_<ENGINE>_URL` before the project file's),
/// and whether the API key may go there: to the engine's own hosts, to this machine (a
/// loopback address: the key does not leave it), to a URL from the environment, or to any
/// URL when the user opts in with `L10N_TRUST_PROJECT_URLS=1`. A URL from the project file
/// alone is not enough: the file is shared and may come from a pull request.
fn url_trust(engine: &str, from_file: Option<String>, d: &Defaults) -> (Option<String>, bool) {
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    if let Some(url) = env(&url_variable(engine)) {
        return (Some(url), true);
    }
    let Some(url) = from_file else {
        return (None, true);
    };
    let host = url_host(&url);
    let official = std::iter::once(d.url)
        .chain(d.other_official_urls.iter().copied())
        .any(|u| url_host(u) == host && url.starts_with("https://"));
    let trusted = official || is_loopback(&host) || env(TRUST_PROJECT_URLS).as_deref() == Some("1");
    (Some(url), trusted)
}

/// The host of an `http(s)://` URL, lowercased, without user information or port.
fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    host.to_ascii_lowercase()
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
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
        if key.is_some() && !settings.url_trusted {
            return Err(Error::UntrustedEngineUrl {
                backend: engine.to_string(),
                url: settings.url.clone(),
                var: settings.api_key_env.clone(),
                url_var: url_variable(engine),
                opt_in: TRUST_PROJECT_URLS.to_string(),
            });
        }
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
            Err(e) if e.is_connect() => {
                return Err(EngineError::Unreachable {
                    message: self.scrub(&network_error(&e)),
                });
            }
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
        let text = error_text(&body, |t| self.scrub(t));
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
/// `error.message`, LibreTranslate `error`, else the body's start. `scrub` runs on the whole
/// text before it is put on one line and cut to 300 characters, so a key echoed near the cut
/// (or across a line break) cannot survive half-hidden.
fn error_text(body: &[u8], scrub: impl Fn(&str) -> String) -> String {
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
    let text = scrub(&text);
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(300).and_then(|(i, _)| one_line.get(..i)) {
        Some(head) => format!("{head}…"),
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
            other_official_urls: &["https://free.example.invalid"],
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
        let same = |t: &str| t.to_string();
        assert_eq!(error_text(br#"{"message":"Wrong endpoint"}"#, same), "Wrong endpoint");
        assert_eq!(error_text(br#"{"error":{"code":400,"message":"Bad"}}"#, same), "Bad");
        assert_eq!(error_text(br#"{"error":"Slow down"}"#, same), "Slow down");
        assert_eq!(error_text(b"<html>\n oops </html>", same), "<html> oops </html>");
        assert_eq!(error_text(b"", same), "(no error text)");
    }

    #[test]
    fn an_api_key_echoed_near_the_cut_is_scrubbed_before_truncation() {
        // #8: the key straddles the 300th character; cut first, then scrubbed, half of it
        // would survive.
        let key = "sk-SECRETKEY0123456789abcdef";
        let client_key = ApiKey(key.into());
        let scrub = |t: &str| t.replace(client_key.expose(), "[key]");
        for at in 280..300 {
            let body = format!("{}{key} rest", "x".repeat(at));
            let text = error_text(body.as_bytes(), scrub);
            assert!(!text.contains("SECRET") && !text.contains("sk-S"), "{at}: {text}");
            let prefix = key.get(..12).unwrap();
            assert!(!text.contains(prefix), "{at}: {text}");
        }
        // Scrubbed on the text as the engine sent it, then put on one line.
        let text = error_text(format!("bad key {key}\n").as_bytes(), scrub);
        assert_eq!(text, "bad key [key]");
    }

    #[test]
    fn a_project_file_cannot_send_secrets_elsewhere() {
        // #7: another variable than the engine's own or an L10N_ one is refused…
        let t: toml::Table = toml::from_str("api_key_env = \"GITHUB_TOKEN\"").unwrap();
        let e = Settings::from_table("x", &t, &defaults()).unwrap_err().to_string();
        assert!(
            e.contains("GITHUB_TOKEN") && e.contains("X_KEY") && e.contains("L10N_"),
            "{e}"
        );
        for ok in ["X_KEY", "L10N_X_KEY"] {
            let t: toml::Table = toml::from_str(&format!("api_key_env = \"{ok}\"")).unwrap();
            assert!(Settings::from_table("x", &t, &defaults()).is_ok(), "{ok}");
        }
        // …and the file's URL gets the key only on the engine's hosts or this machine.
        for (url, trusted) in [
            ("https://example.invalid/v2", true),
            ("https://free.example.invalid", true),
            ("http://example.invalid", false),
            ("https://evil.example", false),
            ("https://example.invalid.evil.example", false),
            ("https://example.invalid@evil.example", false),
            ("http://127.0.0.1:8080", true),
            ("http://localhost/x", true),
            ("http://[::1]:5000", true),
            ("http://127.0.0.1.evil.example", false),
        ] {
            let t: toml::Table = toml::from_str(&format!("url = \"{url}\"")).unwrap();
            let s = Settings::from_table("x", &t, &defaults()).unwrap();
            assert_eq!(s.url_trusted, trusted, "{url}");
        }
    }

    #[test]
    fn keys_stay_out_of_debug_output() {
        let key = ApiKey("secret-123".into());
        assert!(!format!("{key:?}").contains("secret"));
    }
}
