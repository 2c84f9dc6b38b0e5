//! Google Cloud Translation v2 (Basic): `POST /language/translate/v2` with the API key in the
//! `X-goog-api-key` header (never in the URL), `q` as an array of at most 128 texts, `source`,
//! `target` (`zh-CN` for Simplified Chinese) and `format: html`, placeholders as
//! `<span translate="no">` (see `markup`).

use super::http::{Defaults, HttpClient, Settings};
use super::{Batch, Engine, EngineError, Limits, markup};
use crate::error::Result;
use crate::lang::Locale;
use serde_json::json;

pub const DEFAULTS: Defaults = Defaults {
    url: "https://translation.googleapis.com",
    other_official_urls: &[],
    api_key_env: "GOOGLE_API_KEY",
    key_optional: false,
    concurrency: 4,
    requests_per_second: 10.0,
    // The project default: 6,000,000 characters a minute.
    chars_per_minute: 6_000_000,
    timeout_secs: 30.0,
    price_per_million_chars: 20.0,
    max_texts: 128,
    // 100K bytes a request: room for three-byte characters and the span markup.
    max_chars: 25_000,
    stop_statuses: &[],
    stop_codes: &[],
    extra_keys: &[],
};

#[derive(Debug)]
pub struct Google {
    http: HttpClient,
    settings: Settings,
}

impl Google {
    pub fn from_settings(table: &toml::Table) -> Result<Google> {
        let settings = Settings::from_table("google", table, &DEFAULTS)?;
        Ok(Google {
            http: HttpClient::new("google", &settings, &DEFAULTS)?,
            settings,
        })
    }

    pub fn http(&self) -> &HttpClient {
        &self.http
    }
}

/// Google's code: `zh-CN` for Simplified Chinese, `zh-TW` for Traditional, else the language.
pub fn code(locale: &Locale) -> String {
    match locale.language().as_str() {
        "zh" if locale.script() == "Hant" => "zh-TW".into(),
        "zh" => "zh-CN".into(),
        other => other.into(),
    }
}

impl Engine for Google {
    fn name(&self) -> &'static str {
        "google"
    }

    fn fingerprint(&self) -> String {
        "google:v2:nmt:html".into()
    }

    fn limits(&self) -> Limits {
        self.settings.limits()
    }

    async fn translate(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        let q: Vec<String> = batch.texts.iter().map(markup::to_html).collect();
        let body = json!({
            "q": q,
            "source": code(&batch.source),
            "target": code(&batch.target),
            "format": "html",
        });
        let chars = q.iter().map(|t| t.chars().count()).sum();
        let url = format!("{}/language/translate/v2", self.settings.url);
        let mut request = self.http.post(&url, &body);
        if let Some(k) = self.http.key() {
            request = request.header("X-goog-api-key", k.expose());
        }
        let answer = self.http.send_json(request, chars).await?;
        let translations = answer["data"]["translations"]
            .as_array()
            .ok_or_else(|| EngineError::Transient {
                message: "the answer has no data.translations array".into(),
                retry_after: None,
            })?;
        Ok(translations
            .iter()
            .map(|t| markup::from_html(t["translatedText"].as_str().unwrap_or_default()))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        let c = |t: &str| code(&Locale::parse(t).unwrap());
        assert_eq!(c("zh"), "zh-CN");
        assert_eq!(c("zh-Hant"), "zh-TW");
        assert_eq!(c("ar"), "ar");
        assert_eq!(c("hi"), "hi");
    }
}
