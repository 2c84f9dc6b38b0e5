//! Engines stopping: DeepL's 456 (quota) stops at once and keeps what came back, a 403 fails
//! fast without the key in any message, a missing key stops before anything is sent, Ctrl-C
//! keeps every batch received and exits 130. Also: DeepL's glossaries, Hindi without tag
//! handling, batch limits on the seed article, `--backend-url` and `--dry-run`.

use crate::common::*;
use crate::engines::*;
use crate::http_server::{Response, TestServer};
use l10n::backend::{Batch, DeepL, Engine, TermHint};
use l10n::lang::Locale;
use l10n::model::Text;
use serde_json::json;
use std::time::{Duration, Instant};

#[test]
fn deepl_456_stops_the_engine_at_once_and_keeps_what_came_back() {
    let dir = project_with_seed();
    // 85 segments: two batches per language; the second request says the quota is gone.
    let server = engine_server(DEEPL, |r| {
        (r.index >= 1).then(|| Response::json(456, &json!({"message": "Quota exceeded"})))
    });
    std::fs::write(
        dir.path().join("l10n.toml"),
        format!("[backends.deepl]\nurl = \"{}\"\nconcurrency = 1\n", server.url),
    )
    .unwrap();
    let o = run_engine(
        dir.path(),
        DEEPL,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "deepl",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("456") && err.contains("quota"), "{err}");
    // One good request, one 456, and not one request after it (no retries, no other language).
    assert_eq!(server.requests().len(), 2, "{err}");
    let conn = rusqlite::Connection::open(dir.path().join("m.sqlite")).unwrap();
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM translation", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 50, "the first batch is kept");
}

#[test]
fn a_refused_key_fails_fast_and_never_shows_the_key() {
    // The server echoes the key back in its error text, as some proxies do.
    let server = TestServer::start(|_| Response::json(403, &json!({"message": format!("Invalid key {KEY}")})));
    let dir = project(GOOGLE, &server.url, "");
    let o = run_engine(
        dir.path(),
        GOOGLE,
        &["translate", "article.md", "--to", "ar", "--memory", "m.sqlite"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("HTTP 403") && err.contains("Invalid key"), "{err}");
    assert!(!err.contains(KEY) && !stdout(&o).contains(KEY), "{err}");
    assert_eq!(server.requests().len(), 1, "a 403 is not retried");
}

#[test]
fn a_missing_key_stops_before_anything_is_sent() {
    let server = engine_server(DEEPL, |_| None);
    let dir = project(DEEPL, &server.url, "");
    let o = std::process::Command::new(BIN)
        .args(["translate", "article.md", "--to", "ar", "--memory", "m.sqlite"])
        .current_dir(dir.path())
        .env("LC_ALL", "en_US.UTF-8")
        .env_remove("DEEPL_AUTH_KEY")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("DEEPL_AUTH_KEY"), "{}", stderr(&o));
    assert!(server.requests().is_empty());
    assert!(!dir.path().join("out").exists());
}

#[test]
fn backend_url_on_the_command_line_wins_and_limits_shape_the_batches() {
    let server = engine_server(LIBRETRANSLATE, |_| None);
    let dir = project_with_seed();
    std::fs::write(
        dir.path().join("l10n.toml"),
        "[backends.libretranslate]\nurl = \"http://127.0.0.1:9\"\nmax_texts = 7\n",
    )
    .unwrap();
    let o = run_engine(
        dir.path(),
        LIBRETRANSLATE,
        &[
            "translate",
            "article.txt",
            "--to",
            "hi",
            "--backend",
            "libretranslate",
            "--backend-url",
            &server.url,
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let requests = server.requests();
    assert!(requests.len() >= 85 / 7, "{}", requests.len());
    assert!(requests.iter().all(|r| r.json()["q"].as_array().unwrap().len() <= 7));
}

#[test]
fn deepl_uses_its_batch_limit_and_text_only_hindi() {
    let server = engine_server(DEEPL, |_| None);
    let dir = project_with_seed();
    std::fs::write(
        dir.path().join("l10n.toml"),
        format!("[backends.deepl]\nurl = \"{}\"\n", server.url),
    )
    .unwrap();
    let o = run_engine(
        dir.path(),
        DEEPL,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,hi",
            "--backend",
            "deepl",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let requests = server.requests();
    let sizes: Vec<usize> = requests
        .iter()
        .map(|r| r.json()["text"].as_array().unwrap().len())
        .collect();
    assert!(sizes.iter().all(|&n| n <= 50), "{sizes:?}");
    assert_eq!(sizes.iter().sum::<usize>(), 2 * 85, "{sizes:?}");
    // The check of the request shape (no tags for HI) passed for every request, or the run failed.
}

#[test]
fn deepl_glossaries_are_created_once_and_reused_by_name() {
    let server = TestServer::start(|r| match (r.method.as_str(), r.path()) {
        ("GET", "/v3/glossaries") => Response::json(
            200,
            &json!({"glossaries": [{"glossary_id": "old-1", "name": "someone-else"}]}),
        ),
        ("POST", "/v3/glossaries") => {
            let b = r.json();
            let d = &b["dictionaries"][0];
            let ok = d["source_lang"] == "en"
                && d["target_lang"] == "zh"
                && d["entries_format"] == "tsv"
                && d["entries"] == "rare earths\t稀土\n"
                && b["name"].as_str().unwrap().starts_with("l10n-");
            if ok {
                Response::json(201, &json!({"glossary_id": "g-42", "name": b["name"], "ready": true}))
            } else {
                Response::json(400, &json!({"message": "bad glossary"}))
            }
        }
        ("POST", "/v2/translate") => {
            let b = r.json();
            if b["glossary_id"] != "g-42" || b["source_lang"] != "EN" || b["target_lang"] != "ZH-HANS" {
                return Response::json(400, &json!({"message": "glossary not used"}));
            }
            Response::json(200, &json!({"translations": [{"text": "稀土很重要。"}]}))
        }
        _ => Response::json(404, &json!({"message": "not found"})),
    });
    // A variable of this test's own (a project file may only name L10N_ ones besides the
    // engine's): no other test reads it, and std serialises environment access.
    // SAFETY: set once, before the engine reads it; nothing else reads this name.
    unsafe { std::env::set_var("L10N_TEST_GLOSSARY_KEY", "glossary-test-key") };
    let table: toml::Table = toml::from_str(&format!(
        "url = \"{}\"\napi_key_env = \"L10N_TEST_GLOSSARY_KEY\"",
        server.url
    ))
    .unwrap();
    let engine = DeepL::from_settings(&table).unwrap();
    let batch = Batch {
        source: Locale::parse("en").unwrap(),
        target: Locale::parse("zh").unwrap(),
        texts: vec![Text::plain("Rare earths matter.")],
        terms: vec![TermHint {
            source: "rare earths".into(),
            target: "稀土".into(),
        }],
        ..Batch::default()
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for _ in 0..2 {
        let out = rt.block_on(engine.translate(&batch)).unwrap();
        assert_eq!(out, vec!["稀土很重要。".to_string()]);
    }
    let calls: Vec<String> = server
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path()))
        .collect();
    assert_eq!(
        calls,
        [
            "GET /v3/glossaries",
            "POST /v3/glossaries",
            "POST /v2/translate",
            "POST /v2/translate"
        ],
        "the glossary is made once and reused"
    );
}

#[test]
fn dry_run_counts_what_would_be_sent_and_its_cost() {
    let server = engine_server(DEEPL, |_| None);
    let dir = project(DEEPL, &server.url, "price_per_million_chars = 20000\n");
    let dry = |dir: &std::path::Path| {
        let o = run_engine(
            dir,
            DEEPL,
            &[
                "translate",
                "article.md",
                "--to",
                "ar,hi",
                "--memory",
                "m.sqlite",
                "--dry-run",
                "--format",
                "json",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()
    };
    let before = dry(dir.path());
    assert!(server.requests().is_empty(), "a dry run sends nothing");
    assert_eq!(before["locales"][0]["segments"], 5);
    let chars = before["chars"].as_u64().unwrap();
    assert!(chars > 100, "{before}");
    let cost = before["cost"].as_f64().unwrap();
    assert!((cost - chars as f64 * 0.02).abs() < 1e-6, "{before}");
    assert!(!dir.path().join("out").exists());
    // After a real run into Arabic only Hindi is left.
    let o = translate_json(dir.path(), DEEPL, "ar");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = dry(dir.path());
    assert_eq!(after["locales"][0]["segments"], 0);
    assert_eq!(after["locales"][0]["from_memory"], 5);
    assert_eq!(after["locales"][1]["segments"], 5);
}

#[test]
fn ctrl_c_keeps_what_was_received_and_exits_130() {
    // A slow engine: one request at a time, 400 ms each, 10 texts a request.
    let slow = engine_server(OPENAI, |_| {
        std::thread::sleep(Duration::from_millis(400));
        None
    });
    let dir = project_with_seed();
    std::fs::write(
        dir.path().join("l10n.toml"),
        format!(
            "[backends.openai]\nurl = \"{}\"\nmodel = \"llama3.1:8b\"\nconcurrency = 1\nmax_texts = 10\n",
            slow.url
        ),
    )
    .unwrap();
    let child = std::process::Command::new(BIN)
        .args([
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "openai",
            "--memory",
            "m.sqlite",
        ])
        .current_dir(dir.path())
        .env("LC_ALL", "en_US.UTF-8")
        .env("OPENAI_API_KEY", KEY)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while slow.requests().len() < 3 {
        assert!(Instant::now() < deadline, "the run never got going");
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let sent = slow.requests().len();
    assert!(sent < 27, "the run finished before it was interrupted");
    let conn = rusqlite::Connection::open(dir.path().join("m.sqlite")).unwrap();
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM translation", [], |r| r.get(0))
        .unwrap();
    // Every answered request's ten texts are kept (the last one may have been cut off).
    assert!(kept >= 10 * (sent as i64 - 1), "kept {kept} of {sent} requests");
    drop(conn);
    // Running again continues where it stopped: only what is left goes out.
    let before = slow.requests().len();
    let o = run_engine(
        dir.path(),
        OPENAI,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,hi,zh",
            "--backend",
            "openai",
            "--memory",
            "m.sqlite",
            "--format",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let again = slow.requests().len() - before;
    assert!(
        again <= 27 - (kept as usize / 10),
        "sent {again} more after keeping {kept}"
    );
}

#[test]
fn azure_quota_exhausted_stops_the_engine_at_once() {
    let dir = project_with_seed();
    // The first answer is good; then Azure says the free quota is used up (403, code 403001).
    let server = engine_server(AZURE, |r| {
        (r.index >= 1).then(|| {
            Response::json(
                403,
                &json!({"error": {"code": 403001, "message": "Free quota exceeded."}}),
            )
        })
    });
    std::fs::write(
        dir.path().join("l10n.toml"),
        format!(
            "[backends.azure]\nurl = \"{}\"\nregion = \"westeurope\"\nconcurrency = 1\nmax_texts = 40\n",
            server.url
        ),
    )
    .unwrap();
    let o = run_engine(
        dir.path(),
        AZURE,
        &[
            "translate",
            "article.txt",
            "--to",
            "ar,hi",
            "--backend",
            "azure",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("quota exhausted: azure stopped"), "{}", stderr(&o));
    assert_eq!(
        server.requests().len(),
        2,
        "no retry and no other language after the quota answer"
    );
}

#[test]
fn verbose_logs_each_request_without_the_key() {
    let server = engine_server(GOOGLE, |_| None);
    let dir = project(GOOGLE, &server.url, "");
    let o = run_engine(
        dir.path(),
        GOOGLE,
        &[
            "--verbose",
            "translate",
            "article.md",
            "--to",
            "ar",
            "--memory",
            "m.sqlite",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("google: request of") && err.contains("→ 200"), "{err}");
    assert!(!err.contains(KEY), "the key leaked: {err}");
}
