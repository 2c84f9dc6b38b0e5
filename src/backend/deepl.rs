//! DeepL: `POST /v2/translate` (api-free.deepl.com for keys ending in `:fx`, else
//! api.deepl.com) with `Authorization: DeepL-Auth-Key`, at most 50 texts and 128 KiB a request.
//!
//! Placeholders travel as the canonical XML tags with `tag_handling=xml` (`<g>` and `<x>` do
//! not split sentences; `<x>` content is ignored). Glossary entries become a DeepL glossary
//! (`POST /v3/glossaries`, TSV), named after a hash of its content so the same entries reuse
//! the same glossary across runs (looked up by name first), and are passed as `glossary_id`
//! with `source_lang`. Hindi is in DeepL's text-only group: no tag handling and no glossaries,
//! so there placeholders go as `{N}` tokens (see `markup`) and glossary terms are left to
//! the pipeline's own checks.

use super::http::{Defaults, HttpClient, Settings};
use super::{Batch, Engine, EngineError, Limits, markup};
use crate::error::Result;
use crate::lang::Locale;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// Targets DeepL serves text-only: no tag handling, no glossaries (its language table).
const TEXT_ONLY_TARGETS: &[&str] = &["HI"];

pub const DEFAULTS: Defaults = Defaults {
    url: "https://api.deepl.com",
    other_official_urls: &[FREE_URL],
    api_key_env: "DEEPL_AUTH_KEY",
    key_optional: false,
    concurrency: 4,
    requests_per_second: 10.0,
    chars_per_minute: 0,
    timeout_secs: 30.0,
    price_per_million_chars: 25.0,
    max_texts: 50,
    // 128 KiB of JSON: up to 3 bytes a character plus quoting leaves room at 30,000.
    max_chars: 30_000,
    stop_statuses: &[456],
    stop_codes: &[],
    extra_keys: &["formality"],
};

const FREE_URL: &str = "https://api-free.deepl.com";

#[derive(Debug)]
pub struct DeepL {
    http: HttpClient,
    settings: Settings,
    /// Glossary ids by name, created or found during this run.
    glossaries: tokio::sync::Mutex<HashMap<String, String>>,
}

impl DeepL {
    pub fn from_settings(table: &toml::Table) -> Result<DeepL> {
        let settings = Settings::from_table("deepl", table, &DEFAULTS)?;
        Ok(DeepL {
            http: HttpClient::new("deepl", &settings, &DEFAULTS)?,
            settings,
            glossaries: Default::default(),
        })
    }

    pub fn http(&self) -> &HttpClient {
        &self.http
    }

    fn base(&self) -> &str {
        match self.http.key() {
            Some(k) if !self.settings.url_given && k.expose().ends_with(":fx") => FREE_URL,
            _ => &self.settings.url,
        }
    }

    fn auth(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self.http.key() {
            Some(k) => request.header("Authorization", format!("DeepL-Auth-Key {}", k.expose())),
            None => request,
        }
    }

    /// The glossary id for `entries`, found by name or created.
    async fn glossary(&self, source: &str, target: &str, batch: &Batch) -> Result<String, EngineError> {
        // One entry per source term (DeepL refuses duplicates); tabs and newlines would break TSV.
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut entries = BTreeMap::new();
        for t in &batch.terms {
            entries.entry(clean(&t.source)).or_insert_with(|| clean(&t.target));
        }
        let tsv: String = entries.iter().map(|(s, t)| format!("{s}\t{t}\n")).collect();
        let dictionary_target = target.split('-').next().unwrap_or(target).to_ascii_lowercase();
        let source = source.to_ascii_lowercase();
        let hash = blake3::hash(format!("{source}\n{dictionary_target}\n{tsv}").as_bytes());
        let name = format!("l10n-{}", &hash.to_hex()[..16]);
        let mut known = self.glossaries.lock().await;
        if let Some(id) = known.get(&name) {
            return Ok(id.clone());
        }
        let listed = self
            .http
            .send_json(self.auth(self.http.get(&format!("{}/v3/glossaries", self.base()))), 0)
            .await?;
        let found = listed["glossaries"].as_array().and_then(|all| {
            all.iter()
                .find(|g| g["name"].as_str() == Some(&name))
                .and_then(|g| g["glossary_id"].as_str())
        });
        let id = match found {
            Some(id) => id.to_string(),
            None => {
                let body = json!({
                    "name": name,
                    "dictionaries": [{
                        "source_lang": source,
                        "target_lang": dictionary_target,
                        "entries": tsv,
                        "entries_format": "tsv",
                    }],
                });
                let url = format!("{}/v3/glossaries", self.base());
                let created = self
                    .http
                    .send_json(self.auth(self.http.post(&url, &body)), tsv.len())
                    .await?;
                created["glossary_id"]
                    .as_str()
                    .ok_or_else(|| EngineError::Transient {
                        message: "the glossary answer has no glossary_id".into(),
                        retry_after: None,
                    })?
                    .to_string()
            }
        };
        known.insert(name, id.clone());
        Ok(id)
    }
}

/// DeepL's target code: `AR`, `HI`, `ZH-HANS`, `PT-BR`, `EN-US`.
pub fn target_code(locale: &Locale) -> String {
    let id = locale.langid();
    let language = id.language.as_str().to_ascii_uppercase();
    match language.as_str() {
        "ZH" => {
            let script = locale.script();
            if script == "Hant" { "ZH-HANT" } else { "ZH-HANS" }.into()
        }
        "EN" => match id.region.map(|r| r.as_str().to_string()).as_deref() {
            Some("GB") => "EN-GB".into(),
            _ => "EN-US".into(),
        },
        "PT" => match id.region.map(|r| r.as_str().to_string()).as_deref() {
            Some("PT") => "PT-PT".into(),
            _ => "PT-BR".into(),
        },
        _ => language,
    }
}

/// DeepL's source code: the language alone (`EN`).
pub fn source_code(locale: &Locale) -> String {
    locale.language().to_ascii_uppercase()
}

impl Engine for DeepL {
    fn name(&self) -> &'static str {
        "deepl"
    }

    fn fingerprint(&self) -> String {
        format!("deepl:v1:{}", self.settings.extra("formality").unwrap_or("default"))
    }

    fn limits(&self) -> Limits {
        self.settings.limits()
    }

    async fn translate(&self, batch: &Batch) -> Result<Vec<String>, EngineError> {
        let source = source_code(&batch.source);
        let target = target_code(&batch.target);
        let tags = !TEXT_ONLY_TARGETS.contains(&target.as_str());
        let texts: Vec<String> = batch
            .texts
            .iter()
            .map(|t| if tags { t.tagged() } else { markup::to_tokens(t) })
            .collect();
        let mut body = json!({
            "text": texts,
            "source_lang": source,
            "target_lang": target,
        });
        if tags {
            body["tag_handling"] = json!("xml");
            body["non_splitting_tags"] = json!(["g", "x"]);
            body["ignore_tags"] = json!(["x"]);
            if !batch.terms.is_empty() {
                body["glossary_id"] = json!(self.glossary(&source, &target, batch).await?);
            }
        }
        let mut context: Vec<String> = batch.title.iter().cloned().collect();
        if let [only] = batch.context.as_slice() {
            context.extend(only.previous.iter().chain(only.next.iter()).cloned());
        }
        if !context.is_empty() {
            body["context"] = json!(context.join("\n"));
        }
        if let Some(f) = self.settings.extra("formality") {
            body["formality"] = json!(f);
        }
        let chars = texts.iter().map(|t| t.chars().count()).sum();
        let url = format!("{}/v2/translate", self.base());
        let answer = self
            .http
            .send_json(self.auth(self.http.post(&url, &body)), chars)
            .await?;
        let translations = answer["translations"]
            .as_array()
            .ok_or_else(|| EngineError::Transient {
                message: "the answer has no translations array".into(),
                retry_after: None,
            })?;
        // Every answer is returned, too many or too few: the shared check counts them.
        let empty = crate::model::Text::default();
        Ok(translations
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let text = t["text"].as_str().unwrap_or_default();
                if tags {
                    markup::from_xml(text)
                } else {
                    markup::from_tokens(text, batch.texts.get(i).unwrap_or(&empty))
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes() {
        let code = |t: &str| target_code(&Locale::parse(t).unwrap());
        assert_eq!(code("ar"), "AR");
        assert_eq!(code("hi"), "HI");
        assert_eq!(code("zh"), "ZH-HANS");
        assert_eq!(code("zh-Hant"), "ZH-HANT");
        assert_eq!(code("pt"), "PT-BR");
        assert_eq!(source_code(&Locale::parse("en").unwrap()), "EN");
    }
}
