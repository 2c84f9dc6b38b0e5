//! Fuzz target: random engine answers through every engine's decoder. The wire-form decoders
//! (`backend::markup`) take random text in-process; each engine (DeepL, Google, Azure,
//! LibreTranslate, OpenAI) then takes random bodies from a local server on 127.0.0.1, shaped
//! like its answers or not at all. Nothing may panic: a clear error or a result, always.

use super::{for_budget, rng, text};
use crate::http_server::{Response, TestServer};
use l10n::backend::{Azure, Batch, DeepL, Engine, Google, LibreTranslate, OpenAi, markup};
use l10n::lang::Locale;
use l10n::model::{Placeholder, PlaceholderKind, Text};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Markup-like pieces engines send back, to reach the decoders' corners.
const MARKUP: &[&str] = &[
    "<span id=\"g1\">",
    "<span id=\"x2\">",
    "<span translate=\"no\" id='x2'>",
    "<span id=\"é1\">",
    "<span id=\"g\">",
    "<span id=g99999999999>",
    "</span>",
    "<span",
    "<span/>",
    "<g id=\"1\">",
    "</g>",
    "<x id=\"2\"/>",
    "{1}",
    "{/1}",
    "{2/}",
    "{",
    "}",
    "&amp;",
    "&#x4E2D;",
    "&#99999999;",
    "&#xD800;",
    "&",
    "&#",
    "&lt;",
    "研究&amp;开发部门",
];

/// Random text with markup pieces mixed in.
fn answer_text(rng: &mut fastrand::Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.usize(0..12) {
        if rng.bool() {
            s.push_str(MARKUP[rng.usize(..MARKUP.len())]);
        } else {
            s.push_str(&text(rng, 3));
        }
    }
    s
}

/// A source text with a pair and a standalone placeholder.
fn source(rng: &mut fastrand::Rng) -> Text {
    let ph = |id, kind, original: &str| Placeholder {
        id,
        kind,
        label: "x".into(),
        original: original.into(),
    };
    let mut t = Text::plain(text(rng, 4));
    t.push_placeholder(ph(1, PlaceholderKind::Open, "**"));
    t.push_str(&text(rng, 3));
    t.push_placeholder(ph(1, PlaceholderKind::Close, "**"));
    t.push_placeholder(ph(2, PlaceholderKind::Standalone, "`code`"));
    t
}

#[test]
fn wire_decoders_never_panic() {
    let mut rng = rng("engines-markup");
    let rounds = for_budget(2_000, |_| {
        let answer = answer_text(&mut rng);
        let src = source(&mut rng);
        for decoded in [
            markup::from_html(&answer),
            markup::from_xml(&answer),
            markup::from_tokens(&answer, &src),
        ] {
            // Whatever came back parses against the source or is refused; never a panic.
            let _ = Text::parse_tagged(&decoded, &src);
        }
        // Our own wire forms come back as they went.
        assert_eq!(markup::from_html(&markup::to_html(&src)), src.tagged());
        assert_eq!(markup::from_tokens(&markup::to_tokens(&src), &src), src.tagged());
    });
    eprintln!("wire decoders: {rounds} rounds");
}

/// A random body for an engine's answer with `n` texts: its own shape with random texts
/// most of the time, else any JSON or no JSON at all.
fn body(engine: &str, n: usize, rng: &mut fastrand::Rng) -> (u16, String) {
    let texts: Vec<String> = (0..rng.usize(0..=n + 1)).map(|_| answer_text(rng)).collect();
    let shaped = match engine {
        "deepl" => json!({"translations": texts.iter().map(|t| json!({"text": t})).collect::<Vec<_>>()}),
        "google" => {
            json!({"data": {"translations": texts.iter().map(|t| json!({"translatedText": t})).collect::<Vec<_>>()}})
        }
        "azure" => Value::Array(texts.iter().map(|t| json!({"translations": [{"text": t}]})).collect()),
        "libretranslate" => json!({"translatedText": texts}),
        _ => {
            let items: Vec<Value> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| json!({"id": (i + 1).to_string(), "text": t}))
                .collect();
            let content = json!({"translations": items}).to_string();
            json!({"choices": [{"message": {"content": content}}]})
        }
    };
    match rng.u8(..10) {
        0 => (200, text(rng, 20)),
        1 => (
            rng.choice([400u16, 403, 404, 429, 456, 500, 503]).unwrap(),
            answer_text(rng),
        ),
        2 => (
            200,
            json!({"translations": answer_text(rng), "data": [1, 2], "choices": {}}).to_string(),
        ),
        _ => (200, shaped.to_string()),
    }
}

#[test]
fn every_engine_takes_random_answers_without_panicking() {
    let seed = rng("engines-http").u64(..);
    let served = Arc::new(AtomicU64::new(0));
    let engines = ["deepl", "google", "azure", "libretranslate", "openai"];
    let counter = served.clone();
    let server = TestServer::start(move |r| {
        let i = counter.fetch_add(1, Ordering::Relaxed);
        let mut rng = fastrand::Rng::with_seed(seed ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let engine = engines
            .iter()
            .find(|e| r.path().contains(&format!("/{e}/")))
            .copied()
            .unwrap_or("deepl");
        let n = r.json()["q"]
            .as_array()
            .or(r.json()["text"].as_array())
            .map_or(2, Vec::len);
        let (status, body) = body(engine, n, &mut rng);
        Response::raw(status, &body)
    });
    let table = |engine: &str, extra: &str| -> toml::Table {
        let settings = "timeout_secs = 5\nrequests_per_second = 10000\napi_key_env = \"L10N_FUZZ_ENGINE_KEY\"";
        toml::from_str(&format!("url = \"{}/{engine}\"\n{settings}\n{extra}", server.url)).unwrap()
    };
    // A variable of this test's own (the engines' usual ones would reach other tests' children).
    // SAFETY: set before any engine reads it; no other test reads this name.
    unsafe { std::env::set_var("L10N_FUZZ_ENGINE_KEY", "fuzz-key") };
    let deepl = DeepL::from_settings(&table("deepl", "")).unwrap();
    let google = Google::from_settings(&table("google", "")).unwrap();
    let azure = Azure::from_settings(&table("azure", "region = \"westeurope\"")).unwrap();
    let libre = LibreTranslate::from_settings(&table("libretranslate", "")).unwrap();
    let openai = OpenAi::from_settings(&table("openai", "model = \"m\"")).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut rng = rng("engines-batches");
    let mut decoded = 0;
    let rounds = for_budget(50, |i| {
        let target = ["ar", "hi", "zh"][rng.usize(..3)];
        let batch = Batch {
            source: Locale::parse("en").unwrap(),
            target: Locale::parse(target).unwrap(),
            texts: (0..rng.usize(1..4)).map(|_| source(&mut rng)).collect(),
            ..Batch::default()
        };
        let outcome = runtime.block_on(async {
            match i % 5 {
                0 => deepl.translate(&batch).await,
                1 => google.translate(&batch).await,
                2 => azure.translate(&batch).await,
                3 => libre.translate(&batch).await,
                _ => openai.translate(&batch).await,
            }
        });
        match outcome {
            Ok(_) => decoded += 1,
            Err(e) => {
                assert!(!e.to_string().is_empty(), "an error says what went wrong");
                assert!(!e.to_string().contains("fuzz-key"), "{e}");
            }
        }
    });
    eprintln!(
        "engines: {rounds} rounds, {} answers, {decoded} decoded",
        served.load(Ordering::Relaxed)
    );
    assert!(
        decoded > rounds / 4,
        "the answers reached the decoders: {decoded} of {rounds}"
    );
}
