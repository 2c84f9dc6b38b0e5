//! LibreTranslate (usually self-hosted): `POST /translate` with `q` as an array, `source`,
//! `target` (`zh` for Simplified Chinese, the model code every version accepts), `format:
//! html` and `api_key` in the body when one is set. Placeholders are `translate="no"` spans,
//! the only no-translate marker it honours (see `markup`). No glossary support in its API.

use super::http::{Defaults, HttpClient, Settings};
use super::{Batch, Engine, EngineError, Limits, markup};
use crate::error::Result;
use crate::lang::Locale;
use serde_json::json;

pub const DEFAULTS: Defaults = Defaults {
    url: "http://127.0.0.1:5000",
    other_official_urls: &["https://libretranslate.com"],
    api_key_env: "LIBRETRANSLATE_API_KEY",
    key_optional: true,
    concurrency: 2,
    // Self-hosted servers default to no limit; stay gentle with a small machine.
    requests_per_second: 5.0,
    chars_per_minute: 0,
    timeout_secs: 60.0,
    price_per_million_chars: 0.0,
    max_texts: 25,
    max_chars: 5_000,
    stop_statuses: &[],
    stop_codes: &[],
    extra_keys: &[],
};

#[derive(Debug)]
pub struct LibreTranslate {
    http: HttpClient,
    settings: Settings,
}

impl LibreTranslate {
    pub fn from_settings(table: &toml::Table) -> Result<LibreTranslate> {
        let settings = Settings::from_table("libretranslate", table, &DEFAULTS)?;
        Ok(LibreTranslate {
            http: HttpClient::new("libretranslate", &settings, &DEFAULTS)?,
            settings,
        })
    }

    pub fn http(&self) -> &HttpClient {
        &self.http
    }
}

/// LibreTranslate's code: `zh` (Simplified) / `zt` (Traditional), else the language.
pub fn code(locale: &Locale) -> String {
    match locale.language().as_str() {
        "zh" if locale.script() == "Hant" => "zt".into(),
        other => other.into(),
    }
}

impl Engine for LibreTranslate {
    fn name(&self) -> &'static str {
        "libretranslate"
    }

    fn fingerprint(&self) -> String {
        "libretranslate:v1:html".into()
    }

    fn limits(&self) -> Limits {
        self.settings.limits()
    }

    async fn translate(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        let q: Vec<String> = batch.texts.iter().map(markup::to_html).collect();
        let mut body = json!({
            "q": q,
            "source": code(&batch.source),
            "target": code(&batch.target),
            "format": "html",
        });
        if let Some(k) = self.http.key() {
            body["api_key"] = json!(k.expose());
        }
        let chars = q.iter().map(|t| t.chars().count()).sum();
        let url = format!("{}/translate", self.settings.url);
        let answer = self.http.send_json(self.http.post(&url, &body), chars).await?;
        let translations = answer["translatedText"]
            .as_array()
            .ok_or_else(|| EngineError::Transient {
                message: "the answer has no translatedText array".into(),
                retry_after: None,
            })?;
        Ok(translations
            .iter()
            .map(|t| markup::from_html(t.as_str().unwrap_or_default()))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        let c = |t: &str| code(&Locale::parse(t).unwrap());
        assert_eq!(c("zh"), "zh");
        assert_eq!(c("zh-Hant"), "zt");
        assert_eq!(c("hi"), "hi");
    }
}
