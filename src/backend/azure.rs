//! Microsoft Azure Translator v3: `POST /translate?api-version=3.0&from=…&to=…&textType=html`
//! with `Ocp-Apim-Subscription-Key` (and `Ocp-Apim-Subscription-Region` when `region` is set),
//! a body of `[{"Text": …}]` (at most 1,000 elements and 50,000 characters), `zh-Hans` for
//! Simplified Chinese, placeholders as `class="notranslate"` spans (see `markup`).

use super::http::{Defaults, HttpClient, Settings};
use super::{Batch, Engine, EngineError, Limits, markup};
use crate::error::Result;
use crate::lang::Locale;
use serde_json::{Value, json};

pub const DEFAULTS: Defaults = Defaults {
    url: "https://api.cognitive.microsofttranslator.com",
    other_official_urls: &[],
    api_key_env: "AZURE_TRANSLATOR_KEY",
    key_optional: false,
    concurrency: 4,
    requests_per_second: 10.0,
    // S1: 40 million characters an hour, spread evenly.
    chars_per_minute: 666_666,
    timeout_secs: 30.0,
    price_per_million_chars: 10.0,
    max_texts: 1000,
    // 50,000 characters a request, counted with the span markup.
    max_chars: 40_000,
    stop_statuses: &[],
    // 403001: the free tier's quota is used up; nothing more goes through this period.
    stop_codes: &[403001],
    extra_keys: &["region"],
};

#[derive(Debug)]
pub struct Azure {
    http: HttpClient,
    settings: Settings,
}

impl Azure {
    pub fn from_settings(table: &toml::Table) -> Result<Azure> {
        let settings = Settings::from_table("azure", table, &DEFAULTS)?;
        Ok(Azure {
            http: HttpClient::new("azure", &settings, &DEFAULTS)?,
            settings,
        })
    }

    pub fn http(&self) -> &HttpClient {
        &self.http
    }
}

/// Azure's code: `zh-Hans` / `zh-Hant`, else the language.
pub fn code(locale: &Locale) -> String {
    match locale.language().as_str() {
        "zh" if locale.script() == "Hant" => "zh-Hant".into(),
        "zh" => "zh-Hans".into(),
        other => other.into(),
    }
}

impl Engine for Azure {
    fn name(&self) -> &'static str {
        "azure"
    }

    fn fingerprint(&self) -> String {
        "azure:v3:html".into()
    }

    fn limits(&self) -> Limits {
        self.settings.limits()
    }

    async fn translate(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        let texts: Vec<String> = batch.texts.iter().map(markup::to_html).collect();
        let body: Value = texts.iter().map(|t| json!({ "Text": t })).collect();
        let chars = texts.iter().map(|t| t.chars().count()).sum();
        // Language codes are letters and hyphens: nothing to percent-encode.
        let url = format!(
            "{}/translate?api-version=3.0&from={}&to={}&textType=html",
            self.settings.url,
            code(&batch.source),
            code(&batch.target)
        );
        let mut request = self.http.post(&url, &body);
        if let Some(k) = self.http.key() {
            request = request.header("Ocp-Apim-Subscription-Key", k.expose());
        }
        if let Some(region) = self.settings.extra("region") {
            request = request.header("Ocp-Apim-Subscription-Region", region);
        }
        let answer = self.http.send_json(request, chars).await?;
        let items = answer.as_array().ok_or_else(|| EngineError::Transient {
            message: "the answer is not an array".into(),
            retry_after: None,
        })?;
        Ok(items
            .iter()
            .map(|item| markup::from_html(item["translations"][0]["text"].as_str().unwrap_or_default()))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        let c = |t: &str| code(&Locale::parse(t).unwrap());
        assert_eq!(c("zh"), "zh-Hans");
        assert_eq!(c("ar"), "ar");
    }
}
