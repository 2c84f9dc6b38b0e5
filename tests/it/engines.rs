//! Every engine against a local server that checks the real API's request shape (method, path,
//! headers, field names, language codes, batch limits) and answers as the real API does,
//! faults included: 429 with Retry-After, 500, a timeout, malformed JSON, fewer translations
//! than texts, dropped placeholders, `<script>` in an answer, DeepL's 456, a 403 that echoes
//! the key. Nothing here reaches the network.

use crate::common::*;
use crate::http_server::{Request, Response, TestServer};
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

pub const KEY: &str = "test-key-5ecret:fx";

pub const ARTICLE: &str = "# Rare earths in Kyiv\n\nChina makes **most** of the world's magnets. Read the [report](https://example.org/r) today.\n\nNeodymium goes into `motors` and wind turbines.\n\nThe deal was signed on 30 April 2025.\n";

/// How an engine's requests look and how its answers are built.
#[derive(Clone, Copy)]
pub struct Wire {
    pub name: &'static str,
    pub key_env: &'static str,
    pub max_texts: usize,
    /// The request-shape check: `Err` names what is wrong.
    pub check: fn(&Request) -> Result<(), String>,
    /// The target language and the texts sent.
    pub texts: fn(&Request) -> (String, Vec<String>),
    /// The answer for these translated texts.
    pub answer: fn(&Request, Vec<String>) -> Value,
}

fn expect(ok: bool, what: &str) -> Result<(), String> {
    if ok { Ok(()) } else { Err(what.to_string()) }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

pub const DEEPL: Wire = Wire {
    name: "deepl",
    key_env: "DEEPL_AUTH_KEY",
    max_texts: 50,
    check: |r| {
        let b = r.json();
        expect(r.method == "POST" && r.path() == "/v2/translate", "POST /v2/translate")?;
        expect(
            r.header("authorization") == Some(&format!("DeepL-Auth-Key {KEY}")),
            "DeepL-Auth-Key header",
        )?;
        expect(r.header("content-type") == Some("application/json"), "JSON body")?;
        expect(b["source_lang"] == "EN", "source_lang EN")?;
        let target = b["target_lang"].as_str().unwrap_or("");
        expect(
            ["AR", "HI", "ZH-HANS"].contains(&target),
            "target_lang AR, HI or ZH-HANS",
        )?;
        let texts = b["text"].as_array().map_or(0, |a| a.len());
        expect((1..=50).contains(&texts), "1 to 50 texts")?;
        expect(r.body.len() <= 128 * 1024, "at most 128 KiB")?;
        if target == "HI" {
            // Text-only language: no tag handling, no glossary, no XML in the texts.
            expect(
                b.get("tag_handling").is_none() && b.get("glossary_id").is_none(),
                "no tag handling for HI",
            )?;
            expect(!strings(&b["text"]).iter().any(|t| t.contains('<')), "no tags for HI")?;
        } else {
            expect(b["tag_handling"] == "xml", "tag_handling xml")?;
        }
        Ok(())
    },
    texts: |r| {
        let b = r.json();
        (b["target_lang"].as_str().unwrap_or("").into(), strings(&b["text"]))
    },
    answer: |_, texts| json!({"translations": texts.iter().map(|t| json!({"detected_source_language": "EN", "text": t})).collect::<Vec<_>>()}),
};

pub const GOOGLE: Wire = Wire {
    name: "google",
    key_env: "GOOGLE_API_KEY",
    max_texts: 128,
    check: |r| {
        let b = r.json();
        expect(
            r.method == "POST" && r.path() == "/language/translate/v2",
            "POST /language/translate/v2",
        )?;
        expect(r.header("x-goog-api-key") == Some(KEY), "X-goog-api-key header")?;
        expect(!r.target.contains(KEY), "no key in the URL")?;
        expect(b["source"] == "en" && b["format"] == "html", "source en, format html")?;
        expect(
            ["ar", "hi", "zh-CN"].contains(&b["target"].as_str().unwrap_or("")),
            "target ar, hi or zh-CN",
        )?;
        expect(
            (1..=128).contains(&b["q"].as_array().map_or(0, |a| a.len())),
            "q: 1 to 128 texts",
        )?;
        Ok(())
    },
    texts: |r| {
        let b = r.json();
        (b["target"].as_str().unwrap_or("").into(), strings(&b["q"]))
    },
    answer: |_, texts| json!({"data": {"translations": texts.iter().map(|t| json!({"translatedText": t})).collect::<Vec<_>>()}}),
};

pub const AZURE: Wire = Wire {
    name: "azure",
    key_env: "AZURE_TRANSLATOR_KEY",
    max_texts: 1000,
    check: |r| {
        expect(r.method == "POST" && r.path() == "/translate", "POST /translate")?;
        expect(r.query("api-version") == ["3.0"], "api-version=3.0")?;
        expect(
            r.query("from") == ["en"] && r.query("textType") == ["html"],
            "from=en, textType=html",
        )?;
        let to = r.query("to");
        expect(
            to.len() == 1 && ["ar", "hi", "zh-Hans"].contains(&to[0].as_str()),
            "to ar, hi or zh-Hans",
        )?;
        expect(
            r.header("ocp-apim-subscription-key") == Some(KEY),
            "Ocp-Apim-Subscription-Key",
        )?;
        expect(
            r.header("ocp-apim-subscription-region") == Some("westeurope"),
            "region header",
        )?;
        let items = r.json();
        let items = items.as_array().ok_or("an array body")?;
        expect(items.iter().all(|i| i["Text"].is_string()), "[{\"Text\": …}]")?;
        Ok(())
    },
    texts: |r| {
        let texts = r
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["Text"].as_str().unwrap().to_string())
            .collect();
        (r.query("to")[0].clone(), texts)
    },
    answer: |r, texts| {
        let to = r.query("to")[0].clone();
        texts
            .iter()
            .map(|t| json!({"translations": [{"text": t, "to": to}]}))
            .collect()
    },
};

pub const LIBRETRANSLATE: Wire = Wire {
    name: "libretranslate",
    key_env: "LIBRETRANSLATE_API_KEY",
    max_texts: 25,
    check: |r| {
        let b = r.json();
        expect(r.method == "POST" && r.path() == "/translate", "POST /translate")?;
        expect(b["api_key"] == KEY, "api_key in the body")?;
        expect(b["source"] == "en" && b["format"] == "html", "source en, format html")?;
        expect(
            ["ar", "hi", "zh"].contains(&b["target"].as_str().unwrap_or("")),
            "target ar, hi or zh",
        )?;
        expect(b["q"].is_array(), "q as an array")?;
        Ok(())
    },
    texts: |r| {
        let b = r.json();
        (b["target"].as_str().unwrap_or("").into(), strings(&b["q"]))
    },
    answer: |_, texts| json!({ "translatedText": texts }),
};

pub const OPENAI: Wire = Wire {
    name: "openai",
    key_env: "OPENAI_API_KEY",
    max_texts: 20,
    check: |r| {
        let b = r.json();
        expect(
            r.method == "POST" && r.path() == "/v1/chat/completions",
            "POST /v1/chat/completions",
        )?;
        expect(
            r.header("authorization") == Some(&format!("Bearer {KEY}")),
            "Bearer key",
        )?;
        expect(
            b["model"] == "llama3.1:8b" && b["temperature"] == 0,
            "model and temperature 0",
        )?;
        expect(b["response_format"]["type"] == "json_schema", "response_format")?;
        let user: Value =
            serde_json::from_str(b["messages"][1]["content"].as_str().unwrap_or("")).map_err(|e| e.to_string())?;
        expect(
            user["document_title"].as_str().is_some_and(|t| !t.is_empty()),
            "the title as context",
        )?;
        expect(
            b["messages"][0]["content"].as_str().unwrap_or("").contains("Translate"),
            "a system prompt",
        )?;
        Ok(())
    },
    texts: |r| {
        let b = r.json();
        let user: Value = serde_json::from_str(b["messages"][1]["content"].as_str().unwrap()).unwrap();
        let target = user["target_language"].as_str().unwrap().to_string();
        (
            target,
            user["segments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s["text"].as_str().unwrap().to_string())
                .collect(),
        )
    },
    answer: |_, texts| {
        let translations: Vec<Value> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| json!({"id": (i + 1).to_string(), "text": t}))
            .collect();
        json!({
            "id": "chatcmpl-1", "object": "chat.completion", "model": "llama3.1:8b",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json!({"translations": translations}).to_string()}}]
        })
    },
};

pub const ALL: [Wire; 5] = [DEEPL, GOOGLE, AZURE, LIBRETRANSLATE, OPENAI];

/// The fake translation: the text kept as it is (markup and all), marked with the target.
pub fn fake(target: &str, text: &str) -> String {
    format!("⟨{target}⟩ {text}")
}

/// A server for `wire` whose answers go through `fault` first (`None`: answer normally).
pub fn engine_server(wire: Wire, fault: impl Fn(&Request) -> Option<Response> + Send + Sync + 'static) -> TestServer {
    TestServer::start(move |r| fault(r).unwrap_or_else(|| answer(wire, r, |_| {})))
}

/// A server for `wire` whose good answers are changed by `tamper` before they go out.
pub fn tampered_server(wire: Wire, tamper: impl Fn(&mut Value) + Send + Sync + 'static) -> TestServer {
    TestServer::start(move |r| answer(wire, r, &tamper))
}

/// The real API's answer to `r` (400 when the request's shape is wrong).
fn answer(wire: Wire, r: &Request, tamper: impl Fn(&mut Value)) -> Response {
    if let Err(what) = (wire.check)(r) {
        return Response::json(
            400,
            &json!({"message": format!("test server: bad request shape: {what}")}),
        );
    }
    let (target, texts) = (wire.texts)(r);
    assert!(texts.len() <= wire.max_texts);
    let mut body = (wire.answer)(r, texts.iter().map(|t| fake(&target, t)).collect());
    tamper(&mut body);
    Response::json(200, &body)
}

/// A project with the test article and `[backends.NAME]` pointing at `url`.
pub fn project(wire: Wire, url: &str, extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.md"), ARTICLE).unwrap();
    let settings = match wire.name {
        "azure" => "region = \"westeurope\"\n",
        "openai" => "model = \"llama3.1:8b\"\n",
        _ => "",
    };
    std::fs::write(
        dir.path().join("l10n.toml"),
        format!(
            "backend = \"{}\"\n[backends.{}]\nurl = \"{url}\"\n{settings}{extra}",
            wire.name, wire.name
        ),
    )
    .unwrap();
    dir
}

/// Runs `l10n` with the engine's key in the environment.
pub fn run_engine(dir: &Path, wire: Wire, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env(wire.key_env, KEY)
        .output()
        .unwrap()
}

pub fn translate_json(dir: &Path, wire: Wire, to: &str) -> Output {
    run_engine(
        dir,
        wire,
        &[
            "translate",
            "article.md",
            "--to",
            to,
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    )
}

#[test]
fn every_engine_speaks_its_protocol_and_writes_editions() {
    for wire in ALL {
        let server = engine_server(wire, |_| None);
        let dir = project(wire, &server.url, "");
        let o = translate_json(dir.path(), wire, "ar,hi,zh");
        assert_eq!(o.status.code(), Some(0), "{}: {}", wire.name, stderr(&o));
        let requests = server.requests();
        assert!(requests.len() >= 3, "{}: one request per language at least", wire.name);
        for r in &requests {
            (wire.check)(r).unwrap_or_else(|e| panic!("{}: {e}", wire.name));
        }
        for locale in ["ar", "hi", "zh-Hans"] {
            let edition = std::fs::read_to_string(dir.path().join("out").join(locale).join("article.md"))
                .unwrap()
                .replace(['\u{2068}', '\u{2069}'], ""); // without the Arabic edition's bidi isolation marks
            // Markup came back in place, around the translated words.
            assert!(edition.contains("**most**"), "{}: {edition}", wire.name);
            assert!(
                edition.contains("[report](https://example.org/r)"),
                "{}: {edition}",
                wire.name
            );
            assert!(edition.contains("`motors`"), "{}: {edition}", wire.name);
            assert!(edition.contains("⟨"), "{}: {edition}", wire.name);
        }
        // The key is nowhere in what was written.
        for file in ["m.sqlite", "out/ar/article.md"] {
            let bytes = std::fs::read(dir.path().join(file)).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(KEY),
                "{}: key in {file}",
                wire.name
            );
        }
        assert!(!stderr(&o).contains(KEY) && !stdout(&o).contains(KEY));
        // A second run is served by the memory: not one request more.
        let before = server.requests().len();
        let o = translate_json(dir.path(), wire, "ar,hi,zh");
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(
            server.requests().len(),
            before,
            "{}: the memory was not used",
            wire.name
        );
    }
}

#[test]
fn transient_failures_are_retried_and_honour_retry_after() {
    for wire in ALL {
        // 429 with Retry-After, a 500, malformed JSON, then a request that outlives the timeout.
        let server = engine_server(wire, |r| match r.index {
            0 => Some(Response::json(429, &json!({"message": "Too many requests"})).header("Retry-After", "1")),
            1 => Some(Response::json(500, &json!({"message": "Internal error"}))),
            2 => Some(Response::raw(200, "{\"translations\": [")),
            3 => Some(Response::json(200, &json!({})).after(Duration::from_secs(3))),
            _ => None,
        });
        let dir = project(wire, &server.url, "timeout_secs = 1\n");
        let started = std::time::Instant::now();
        let o = translate_json(dir.path(), wire, "ar");
        assert_eq!(o.status.code(), Some(0), "{}: {}", wire.name, stderr(&o));
        let requests = server.requests();
        assert_eq!(requests.len(), 5, "{}: four failures, then the answer", wire.name);
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "Retry-After was not honoured"
        );
        let report = report(&o);
        assert_eq!(report["reports"][0]["missing"].as_array().unwrap().len(), 0);
        assert!(report["reports"][0]["from_engine"].as_u64().unwrap() > 0);
    }
}

#[test]
fn short_answers_broken_placeholders_and_markup_are_caught() {
    for wire in ALL {
        // The first batch comes back one translation short; every answer for the sentence with
        // **most** loses its tags, and every answer for the Neodymium sentence carries a script.
        let seen = std::sync::atomic::AtomicBool::new(false);
        let server = tampered_server(wire, move |v| {
            let first = !seen.swap(true, std::sync::atomic::Ordering::SeqCst);
            tamper(wire, v, first);
        });
        let dir = project(wire, &server.url, "");
        let o = translate_json(dir.path(), wire, "zh");
        assert_eq!(o.status.code(), Some(0), "{}: {}", wire.name, stderr(&o));
        let report = report(&o);
        let review = report["reports"][0]["needs_review"].as_array().unwrap().clone();
        let reasons: Vec<String> = review
            .iter()
            .map(|r| r["source"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(review.len(), 2, "{}: {reasons:?}", wire.name);
        assert!(reasons.iter().any(|s| s.contains("most")), "{}: {reasons:?}", wire.name);
        assert!(
            reasons.iter().any(|s| s.contains("Neodymium")),
            "{}: {reasons:?}",
            wire.name
        );
        let edition = std::fs::read_to_string(dir.path().join("out/zh-Hans/article.md")).unwrap();
        assert!(
            !edition.contains("<script>"),
            "{}: markup injected: {edition}",
            wire.name
        );
        // The placeholders of the broken answer were put back, not lost.
        assert!(
            edition.contains("**most**") || edition.contains("****"),
            "{}: {edition}",
            wire.name
        );
        // Single retries were made for the broken texts (and for the short batch).
        assert!(server.requests().len() >= 4, "{}", wire.name);
    }
}

/// Breaks an answer the ways engines do.
fn tamper(wire: Wire, v: &mut Value, first: bool) {
    let edit = |t: &str| -> String {
        if t.contains("most") {
            // Drop every tag (XML, HTML and token forms).
            let mut out = String::new();
            let mut in_tag = false;
            for c in t.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out.replace("{1}", "").replace("{/1}", "")
        } else if t.contains("Neodymium") {
            format!("{t}<script>alert(1)</script>")
        } else {
            t.to_string()
        }
    };
    match wire.name {
        "deepl" => {
            let a = v["translations"].as_array_mut().unwrap();
            for t in a.iter_mut() {
                t["text"] = json!(edit(t["text"].as_str().unwrap()));
            }
            if first && a.len() > 1 {
                a.pop();
            }
        }
        "google" => {
            let a = v["data"]["translations"].as_array_mut().unwrap();
            for t in a.iter_mut() {
                t["translatedText"] = json!(edit(t["translatedText"].as_str().unwrap()));
            }
            if first && a.len() > 1 {
                a.pop();
            }
        }
        "azure" => {
            let a = v.as_array_mut().unwrap();
            for t in a.iter_mut() {
                t["translations"][0]["text"] = json!(edit(t["translations"][0]["text"].as_str().unwrap()));
            }
            if first && a.len() > 1 {
                a.pop();
            }
        }
        "libretranslate" => {
            let a = v["translatedText"].as_array_mut().unwrap();
            for t in a.iter_mut() {
                *t = json!(edit(t.as_str().unwrap()));
            }
            if first && a.len() > 1 {
                a.pop();
            }
        }
        "openai" => {
            let content = v["choices"][0]["message"]["content"].as_str().unwrap().to_string();
            let mut inner: Value = serde_json::from_str(&content).unwrap();
            let a = inner["translations"].as_array_mut().unwrap();
            for t in a.iter_mut() {
                t["text"] = json!(edit(t["text"].as_str().unwrap()));
            }
            if first && a.len() > 1 {
                a.pop();
            }
            v["choices"][0]["message"]["content"] = json!(inner.to_string());
        }
        _ => unreachable!(),
    }
}
