//! The consistency matrix of issue 15: scenarios × commands. Every command asks the one Plan,
//! so in every scenario
//! - the dry run's count equals the texts the next real run sends;
//! - `status` missing = `check` untranslated = units in `export --include untranslated` =
//!   units handed to translators (`translate --backend human`);
//! - after `memory gc` the next run sends nothing it did not send before gc;
//! - editions keep each sentence's own markup.
//!
//! The engine is a local LibreTranslate (`q`, `translatedText`) and DeepL (`text`,
//! `translations`) server on 127.0.0.1 that answers `⟨target⟩ text` and records every text.

use crate::common::*;
use crate::http_server::{Response, TestServer};
use serde_json::{Value, json};
use std::path::Path;
use std::process::Output;
use std::sync::{Arc, Mutex};

const ARTICLE: &str = "# Rare earths

Lynas signed the deal in May. Prices rose by ten percent.

See [the report](https://a.example/1). Traders were calm.

See [the report](https://b.example/2). Markets opened.

The talks were held at Gov. House in Perth. Officials agreed.
";

/// A `guide` term whose target form the echoing engine keeps, so glossary-guided machine work
/// (fingerprint `engine|terms:…`) is made and passes its checks.
const GLOSSARY: &str = "id,subject,policy,en,ar,hi,note\nc-lynas,organization,guide,Lynas,Lynas,Lynas,A miner\n";

/// Both wires, echoing; every text received is logged.
fn engine() -> (TestServer, Arc<Mutex<Vec<String>>>) {
    let log: Arc<Mutex<Vec<String>>> = Arc::default();
    let record = log.clone();
    let server = TestServer::start(move |r| {
        // DeepL's glossaries: none listed, any created.
        if r.path().contains("glossaries") {
            return match r.method.as_str() {
                "GET" => Response::json(200, &json!({ "glossaries": [] })),
                _ => Response::json(201, &json!({ "glossary_id": "g-1" })),
            };
        }
        let body = r.json();
        let (texts, target) = match (body["q"].as_array(), body["text"].as_array()) {
            (Some(q), _) => (q.clone(), body["target"].as_str().unwrap_or("").to_string()),
            (_, Some(t)) => (t.clone(), body["target_lang"].as_str().unwrap_or("").to_lowercase()),
            _ => return Response::json(400, &json!({"error": "bad request shape"})),
        };
        let texts: Vec<String> = texts.iter().map(|t| t.as_str().unwrap_or("").to_string()).collect();
        record.lock().unwrap().extend(texts.iter().cloned());
        let out: Vec<String> = texts.iter().map(|t| format!("⟨{target}⟩ {t}")).collect();
        if body["q"].is_array() {
            Response::json(200, &json!({ "translatedText": out }))
        } else {
            let translations: Vec<Value> = out.iter().map(|t| json!({"text": t})).collect();
            Response::json(200, &json!({ "translations": translations }))
        }
    });
    (server, log)
}

fn project(url: &str, backend: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.md"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("glossary.csv"), GLOSSARY).unwrap();
    write_config(dir.path(), url, backend);
    dir
}

fn write_config(dir: &Path, url: &str, backend: &str) {
    let config = format!(
        "source = \"en\"\ntargets = [\"ar\", \"hi\"]\ndocuments = [\"article.md\"]\nbackend = \"{backend}\"\n\
         glossary = [\"glossary.csv\"]\n[memory]\npath = \"m.sqlite\"\n\
         [segmentation.en]\nno_break = [\"Gov\\\\. [A-Z]\"]\n\
         [backends.libretranslate]\nurl = \"{url}\"\nrequests_per_second = 0\n\
         [backends.deepl]\nurl = \"{url}\"\nrequests_per_second = 0\n"
    );
    std::fs::write(dir.join("l10n.toml"), config).unwrap();
}

fn run(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("NO_COLOR", "1")
        .env("DEEPL_AUTH_KEY", "test-key:fx")
        .output()
        .expect("the binary runs")
}

fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)))
}

/// The number of `<unit ` elements in the XLIFF files under `dir`.
fn units_in(dir: &Path) -> usize {
    let Ok(locales) = std::fs::read_dir(dir) else { return 0 };
    let mut n = 0;
    for locale in locales.flatten() {
        for file in std::fs::read_dir(locale.path()).unwrap().flatten() {
            n += std::fs::read_to_string(file.path()).unwrap().matches("<unit ").count();
        }
    }
    n
}

/// Missing as status, check, export and the hand-off count it: all must agree.
fn missing_everywhere(dir: &Path) -> usize {
    let status = json_of(&run(dir, &["status", "--format", "json"]));
    let status_missing: u64 = status
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            d["locales"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["missing"].as_u64().unwrap())
        })
        .sum();
    let check = json_of(&run(dir, &["check", "--format", "json"]));
    let untranslated = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            ["untranslated-segment", "stale-segment", "placeholder-mismatch"].contains(&f["kind"].as_str().unwrap())
        })
        .count();
    let check_missing: u64 = check["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["missing"].as_u64().unwrap())
        .sum();
    let _ = std::fs::remove_dir_all(dir.join("x"));
    let o = run(dir, &["export", "--include", "untranslated", "-o", "x"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let exported = units_in(&dir.join("x"));
    let _ = std::fs::remove_dir_all(dir.join("h"));
    let o = run(dir, &["translate", "--backend", "human", "--out", "h"]);
    assert!(
        o.status.code() == Some(0) || o.status.code() == Some(1),
        "{}",
        stderr(&o)
    );
    let handed = units_in(&dir.join("h/xliff"));
    let counts = (
        status_missing as usize,
        check_missing as usize,
        untranslated,
        exported,
        handed,
    );
    assert!(
        counts.0 == counts.1 && counts.1 == counts.2 && counts.2 == counts.3 && counts.3 == counts.4,
        "status, check summary, check findings, export, hand-off: {counts:?}"
    );
    counts.0
}

/// The dry run's count, then a real run: returns (counted, sent).
fn dry_then_real(dir: &Path, log: &Arc<Mutex<Vec<String>>>) -> (u64, usize) {
    let dry = json_of(&run(dir, &["translate", "--dry-run", "--format", "json"]));
    let before = log.lock().unwrap().len();
    let o = run(dir, &["translate", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stderr(&o), stdout(&o));
    (dry["segments"].as_u64().unwrap(), log.lock().unwrap().len() - before)
}

/// The checks every scenario ends with, once the project is in its state.
fn assert_consistent(dir: &Path, log: &Arc<Mutex<Vec<String>>>) {
    missing_everywhere(dir);
    let (counted, sent) = dry_then_real(dir, log);
    assert_eq!(counted as usize, sent, "the dry run counts what the real run sends");
    assert_eq!(missing_everywhere(dir), 0, "complete after the run");
    // gc never removes what the plan uses: nothing new to send afterwards.
    let o = run(dir, &["memory", "gc", "--older-than", "0"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(dry_then_real(dir, log), (0, 0), "after gc");
    // Each sentence keeps its own link, in every edition.
    for locale in ["ar", "hi"] {
        let edition = std::fs::read_to_string(dir.join("out").join(locale).join("article.md")).unwrap();
        // Without the bidi isolation marks of right-to-left editions.
        let edition: String = edition
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect();
        assert_eq!(edition.matches("https://a.example/1").count(), 1, "{edition}");
        assert_eq!(edition.matches("https://b.example/2").count(), 1, "{edition}");
        // The project's no_break rule: one sentence, translated whole.
        assert!(
            edition.contains(&format!("⟨{locale}⟩ The talks were held at Gov. House in Perth.")),
            "{edition}"
        );
    }
}

#[test]
fn engine_with_glossary() {
    let (server, log) = engine();
    let dir = project(&server.url, "libretranslate");
    // 9 segments (8 distinct sentences: the look-alikes share one) in 2 languages.
    assert_eq!(missing_everywhere(dir.path()), 2 * 9);
    assert_consistent(dir.path(), &log);
}

#[test]
fn after_a_pseudo_run() {
    let (server, log) = engine();
    let dir = project(&server.url, "libretranslate");
    let o = run(dir.path(), &["translate", "--backend", "pseudo"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("pseudo-localized"), "{}", stderr(&o));
    // Pseudo text is not a translation: nothing counts as done, all is handed off.
    assert_eq!(missing_everywhere(dir.path()), 2 * 9);
    let o = run(dir.path(), &["translate", "--backend", "memory"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the memory backend does not publish pseudo text"
    );
    assert_consistent(dir.path(), &log);
}

#[test]
fn engine_changed_and_source_edited() {
    let (server, log) = engine();
    let dir = project(&server.url, "libretranslate");
    assert_consistent(dir.path(), &log);
    // Another engine: its machine work is stale for the new one, which translates everything.
    write_config(dir.path(), &server.url, "deepl");
    let (counted, sent) = dry_then_real(dir.path(), &log);
    assert_eq!(
        (counted, sent),
        (2 * 8, 2 * 8),
        "each distinct sentence once per language"
    );
    assert_consistent(dir.path(), &log);
    // One sentence edited: it alone is missing and sent.
    let edited = ARTICLE.replace("Traders were calm.", "Traders were nervous.");
    std::fs::write(dir.path().join("article.md"), edited).unwrap();
    assert_eq!(missing_everywhere(dir.path()), 2);
    assert_consistent(dir.path(), &log);
}

#[test]
fn part_imported_from_a_translator() {
    let (server, log) = engine();
    let dir = project(&server.url, "libretranslate");
    let o = run(
        dir.path(),
        &["export", "--include", "untranslated", "-t", "ar", "-o", "x"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let path = dir.path().join("x/ar/article.md.xlf");
    let xlf = std::fs::read_to_string(&path).unwrap();
    // The translator translates the heading (the first unit).
    let done = xlf.replacen(
        "Rare earths</source>",
        "Rare earths</source><target>المعادن النادرة</target>",
        1,
    );
    assert_ne!(done, xlf, "{xlf}");
    std::fs::write(&path, done).unwrap();
    let o = run(dir.path(), &["import", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(missing_everywhere(dir.path()), 2 * 9 - 1);
    assert_consistent(dir.path(), &log);
    let edition = std::fs::read_to_string(dir.path().join("out/ar/article.md")).unwrap();
    assert!(edition.contains("المعادن النادرة"), "{edition}");
}
