//! Workers sharing one memory: `translate --workers 4` in one process (SQLite), and four
//! processes on one PostgreSQL memory (`L10N_TEST_POSTGRES`), against a local LibreTranslate
//! server that counts every text it is sent. Every segment is sent exactly once in total;
//! when a worker is killed with SIGKILL its leases expire and the others take its segments
//! over, sending nothing twice beyond what it had in flight.

use crate::common::*;
use crate::http_server::{Response, TestServer};
use serde_json::json;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ARTICLES: usize = 50;
const TARGETS: [&str; 2] = ["ar", "zh"];

/// Sentence `k` of the shared pool: articles overlap by drawing from it.
fn sentence(k: usize) -> String {
    format!("Shipment {k} of rare earth concentrate left the port on schedule.")
}

/// The pool sentences article `i` uses: 8 in a row, 6 of them shared with the next article.
fn article_sentences(i: usize) -> Vec<usize> {
    (0..8).map(|j| i * 2 + j).collect()
}

/// Writes the 50 articles (two paragraphs each) into `dir`; returns their names.
fn write_articles(dir: &Path) -> Vec<String> {
    (0..ARTICLES)
        .map(|i| {
            let s: Vec<String> = article_sentences(i).into_iter().map(sentence).collect();
            let name = format!("article-{i:02}.txt");
            let text = format!("{}\n\n{}\n", s[..4].join(" "), s[4..].join(" "));
            std::fs::write(dir.join(&name), text).unwrap();
            name
        })
        .collect()
}

/// Every (target, text) the engine should be asked for once.
fn distinct_work() -> Vec<(String, String)> {
    let mut pool: Vec<usize> = (0..ARTICLES).flat_map(article_sentences).collect();
    pool.sort_unstable();
    pool.dedup();
    TARGETS
        .iter()
        .flat_map(|t| pool.iter().map(move |&k| (t.to_string(), sentence(k))))
        .collect()
}

/// One text the engine was sent, and by which worker (the URL path's first part).
#[derive(Clone)]
struct Sent {
    worker: String,
    target: String,
    text: String,
}

/// A LibreTranslate server (the real wire: POST /translate, `q` an array, `translatedText`)
/// that answers after `delay` and records every text with the worker that sent it.
fn counting_engine(delay: Duration) -> (TestServer, Arc<Mutex<Vec<Sent>>>) {
    let log: Arc<Mutex<Vec<Sent>>> = Arc::default();
    let record = log.clone();
    let server = TestServer::start(move |r| {
        let body = r.json();
        let (worker, endpoint) = r
            .path()
            .trim_start_matches('/')
            .split_once('/')
            .unwrap_or(("", r.path()));
        if r.method != "POST" || endpoint.trim_start_matches('/') != "translate" || !body["q"].is_array() {
            return Response::json(400, &json!({"error": "bad request shape"}));
        }
        let target = body["target"].as_str().unwrap_or("").to_string();
        let texts: Vec<String> = body["q"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap_or("").to_string())
            .collect();
        record.lock().unwrap().extend(texts.iter().map(|t| Sent {
            worker: worker.to_string(),
            target: target.clone(),
            text: t.clone(),
        }));
        let translated: Vec<String> = texts.iter().map(|t| format!("⟨{target}⟩ {t}")).collect();
        Response::json(200, &json!({ "translatedText": translated })).after(delay)
    });
    (server, log)
}

/// How many times each (target, text) was sent.
fn counts(log: &[Sent]) -> HashMap<(String, String), usize> {
    let mut counts = HashMap::new();
    for s in log {
        *counts.entry((s.target.clone(), s.text.clone())).or_insert(0) += 1;
    }
    counts
}

/// `l10n translate` for `articles` (in that order) with the counting engine under `worker`.
fn translate_command(dir: &Path, url: &str, worker: &str, memory: &str, out: &str, articles: &[String]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("translate")
        .args(articles)
        .args(["--to", &TARGETS.join(","), "--backend", "libretranslate"])
        .args([
            "--backend-url",
            &format!("{url}/{worker}"),
            "--memory",
            memory,
            "--out",
            out,
        ])
        .args(["--format", "json"])
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("L10N_LEASE_SECS", "2")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Every edition in `out` is complete: each sentence of each article, translated.
fn assert_editions_complete(dir: &Path, out: &str) {
    for i in 0..ARTICLES {
        for target in TARGETS {
            let path: PathBuf = dir
                .join(out)
                .join(if target == "zh" { "zh-Hans" } else { target })
                .join(format!("article-{i:02}.txt"));
            let edition = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // Arabic editions isolate Latin runs with bidi controls; the words are what counts.
            let edition: String = edition
                .chars()
                .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
                .collect();
            for k in article_sentences(i) {
                let want = format!("⟨{target}⟩ {}", sentence(k));
                assert!(
                    edition.contains(&want),
                    "{}: lacks {want:?} in {edition:?}",
                    path.display()
                );
            }
        }
    }
}

/// Articles in the order worker `w` of 4 takes them: each starts at another quarter.
fn rotated(articles: &[String], w: usize) -> Vec<String> {
    let mut a = articles.to_vec();
    a.rotate_left(w * ARTICLES / 4);
    a
}

#[test]
fn four_workers_in_one_process_send_every_segment_once() {
    let (server, log) = counting_engine(Duration::from_millis(30));
    let dir = tempfile::tempdir().unwrap();
    let articles = write_articles(dir.path());
    let mut command = translate_command(dir.path(), &server.url, "w", "m.sqlite", "out", &articles);
    let o = command.arg("--workers").arg("4").output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_editions_complete(dir.path(), "out");
    let counts = counts(&log.lock().unwrap());
    let work = distinct_work();
    assert_eq!(counts.len(), work.len(), "every segment sent");
    for key in &work {
        assert_eq!(counts.get(key), Some(&1), "{key:?} sent once");
    }
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["reports"].as_array().unwrap().len(), ARTICLES * TARGETS.len());
}

#[test]
fn four_processes_on_one_postgres_memory_send_every_segment_once() {
    let Some(url) = crate::postgres::server() else {
        return;
    };
    let pg = crate::postgres::fresh_schema_url(&url);
    let (server, log) = counting_engine(Duration::from_millis(30));
    let dir = tempfile::tempdir().unwrap();
    let articles = write_articles(dir.path());
    let workers: Vec<Child> = (0..4)
        .map(|w| {
            translate_command(
                dir.path(),
                &server.url,
                &format!("w{w}"),
                &pg,
                &format!("out{w}"),
                &rotated(&articles, w),
            )
            .spawn()
            .unwrap()
        })
        .collect();
    for (w, child) in workers.into_iter().enumerate() {
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "worker {w}: {}", stderr(&o));
        assert_editions_complete(dir.path(), &format!("out{w}"));
    }
    let log = log.lock().unwrap();
    let counts = counts(&log);
    for key in distinct_work() {
        assert_eq!(counts.get(&key), Some(&1), "{key:?} sent once in total");
    }
    let senders: std::collections::HashSet<&str> = log.iter().map(|s| s.worker.as_str()).collect();
    assert!(
        senders.len() > 1,
        "the work was shared, not done by one worker: {senders:?}"
    );
}

#[test]
fn a_killed_workers_leases_expire_and_are_taken_over() {
    let Some(url) = crate::postgres::server() else {
        return;
    };
    let pg = crate::postgres::fresh_schema_url(&url);
    // Slow answers: the victim is killed while its first request is in flight.
    let (server, log) = counting_engine(Duration::from_millis(400));
    let dir = tempfile::tempdir().unwrap();
    let articles = write_articles(dir.path());
    let spawn = |w: usize| {
        translate_command(
            dir.path(),
            &server.url,
            &format!("w{w}"),
            &pg,
            &format!("out{w}"),
            &rotated(&articles, w),
        )
        .spawn()
        .unwrap()
    };
    let mut victim = spawn(0);
    let started = Instant::now();
    while !log.lock().unwrap().iter().any(|s| s.worker == "w0") {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the victim never sent anything"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // The others start while the victim holds its leases; then it dies without a word.
    let others: Vec<Child> = (1..4).map(spawn).collect();
    std::thread::sleep(Duration::from_millis(100));
    victim.kill().unwrap();
    victim.wait().unwrap();
    let in_flight: Vec<(String, String)> = log
        .lock()
        .unwrap()
        .iter()
        .filter(|s| s.worker == "w0")
        .map(|s| (s.target.clone(), s.text.clone()))
        .collect();
    assert!(!in_flight.is_empty());

    for (w, child) in others.into_iter().enumerate() {
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "worker {}: {}", w + 1, stderr(&o));
        assert_editions_complete(dir.path(), &format!("out{}", w + 1));
    }
    // The victim, run again, finds everything in the memory.
    let before = log.lock().unwrap().len();
    let o = spawn(0).wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_editions_complete(dir.path(), "out0");
    assert_eq!(log.lock().unwrap().len(), before, "nothing left to send");

    let log = log.lock().unwrap();
    let counts = counts(&log);
    for key in distinct_work() {
        let sent = counts.get(&key).copied().unwrap_or(0);
        if in_flight.contains(&key) {
            // Lost with the victim, then taken over by exactly one other worker.
            assert_eq!(sent, 2, "{key:?}: in flight when the victim died, sent again once");
            assert!(
                log.iter()
                    .any(|s| s.worker != "w0" && (s.target.clone(), s.text.clone()) == key)
            );
        } else {
            assert_eq!(sent, 1, "{key:?} sent once in total");
        }
    }
}

#[test]
fn workers_share_the_engines_concurrency_limit() {
    // `concurrency = 1` is a promise to the engine's operator (a small Ollama box): four
    // workers together still send one request at a time.
    let in_flight = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let most = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (now, peak) = (in_flight.clone(), most.clone());
    let server = TestServer::start(move |r| {
        use std::sync::atomic::Ordering::SeqCst;
        let running = now.fetch_add(1, SeqCst) + 1;
        peak.fetch_max(running, SeqCst);
        std::thread::sleep(Duration::from_millis(20));
        let body = r.json();
        let target = body["target"].as_str().unwrap_or("").to_string();
        let texts: Vec<String> = body["q"]
            .as_array()
            .map(|q| {
                q.iter()
                    .map(|t| format!("⟨{target}⟩ {}", t.as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default();
        now.fetch_sub(1, SeqCst);
        Response::json(200, &json!({ "translatedText": texts }))
    });
    let dir = tempfile::tempdir().unwrap();
    let articles = write_articles(dir.path());
    std::fs::write(
        dir.path().join("l10n.toml"),
        // Small batches: the engine stage batches across documents, so 12 articles would
        // otherwise fit in a few requests.
        "[backends.libretranslate]\nconcurrency = 1\nrequests_per_second = 0\nmax_texts = 5\n",
    )
    .unwrap();
    let o = translate_command(dir.path(), &server.url, "w", "m.sqlite", "out", &articles[..12])
        .args(["--workers", "4"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(server.requests().len() > 4, "enough requests to overlap");
    assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 1, "requests at once");
}
