//! Engine throughput and pipeline overhead against a local server: `cargo bench --bench engines`.
//!
//! - `paced`: 2,000 distinct segments into ar, hi and zh-Hans through the `deepl` engine, against
//!   a server that takes 100 ms per request and allows 20 requests a second (it answers 429
//!   to any request beyond 20 in the trailing second). Reports requests per second achieved
//!   (target: at least 90% of 20, never above) and the highest count in any one-second window.
//! - `overhead`: the same 6,000 segment translations against a server that answers at once with
//!   no limit: wall time per segment, an upper bound on the pipeline's own cost per segment
//!   (extraction, segmentation, lookups, batching, JSON, HTTP on loopback, checks, stores,
//!   merge, writes). Target: under 50 µs.
//!
//! A plain program rather than divan: each figure is one multi-second run, not a sampled
//! microbenchmark.

#[path = "../tests/it/http_server.rs"]
#[allow(dead_code)]
mod http_server;

use http_server::{Response, TestServer};
use l10n::backend::Backend;
use l10n::lang::{Locale, parse_list};
use l10n::memory::Memory;
use l10n::pipeline::run;
use l10n::project::Project;
use serde_json::json;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

const SEGMENTS: usize = 2000;

struct Stats {
    arrivals: Vec<Instant>,
    rejected: usize,
}

fn server(latency: Duration, per_second: usize) -> (TestServer, &'static Mutex<Stats>) {
    let stats: &'static Mutex<Stats> = Box::leak(Box::new(Mutex::new(Stats {
        arrivals: Vec::new(),
        rejected: 0,
    })));
    let window: Mutex<VecDeque<Instant>> = Mutex::new(VecDeque::new());
    let server = TestServer::start(move |r| {
        let now = Instant::now();
        {
            let mut w = window.lock().unwrap();
            while w
                .front()
                .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
            {
                w.pop_front();
            }
            w.push_back(now);
            let mut s = stats.lock().unwrap();
            s.arrivals.push(now);
            if per_second > 0 && w.len() > per_second {
                s.rejected += 1;
                return Response::json(429, &json!({"message": "Too many requests"})).header("Retry-After", "1");
            }
        }
        let texts: Vec<serde_json::Value> = r.json()["text"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| json!({"text": format!("T {}", t.as_str().unwrap())}))
            .collect();
        Response::json(200, &json!({ "translations": texts })).after(latency)
    });
    (server, stats)
}

fn article(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from("Magnets and the market\n\n");
    for p in 0..SEGMENTS / 10 {
        let sentences: Vec<String> = (0..10)
            .map(|s| format!("Paragraph {p} sentence {s} says that rare earth magnets matter for motors."))
            .collect();
        text.push_str(&sentences.join(" "));
        text.push_str("\n\n");
    }
    let path = dir.join("article.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn run_once(latency: Duration, per_second: usize, settings: &str) -> (Duration, &'static Mutex<Stats>, usize) {
    let (server, stats) = server(latency, per_second);
    let dir = tempfile::tempdir().unwrap();
    let table: toml::Table = toml::from_str(&format!("url = \"{}\"\n{settings}", server.url)).unwrap();
    let job = Project::new(
        vec![article(dir.path())],
        Locale::parse("en").unwrap(),
        parse_list("ar,hi,zh").unwrap(),
        Backend::from_name("deepl", &table).unwrap(),
        dir.path().join("out"),
    );
    let mut memory = Memory::open(&dir.path().join("m.sqlite")).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let started = Instant::now();
    let report = rt.block_on(run(&job, &mut memory, |_| {})).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.missing(), 0, "every segment translated");
    let translated: usize = report.reports.iter().map(|r| r.from_engine).sum();
    (elapsed, stats, translated)
}

fn main() {
    // SAFETY: set before any other thread exists.
    unsafe { std::env::set_var("DEEPL_AUTH_KEY", "bench-key") };

    let (elapsed, stats, translated) = run_once(
        Duration::from_millis(100),
        20,
        "requests_per_second = 20\nconcurrency = 4\n",
    );
    let stats = stats.lock().unwrap();
    let requests = stats.arrivals.len();
    let first = stats.arrivals[0];
    let last = *stats.arrivals.last().unwrap();
    let busiest = stats
        .arrivals
        .iter()
        .map(|t| {
            stats
                .arrivals
                .iter()
                .filter(|u| **u >= *t && u.duration_since(*t) < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap();
    let rate = (requests - 1) as f64 / last.duration_since(first).as_secs_f64();
    println!(
        "paced: {translated} segments, {requests} requests in {:.2} s; {rate:.2} requests/s between first and last \
         ({:.1}% of 20); busiest one-second window {busiest}; rejected {}",
        elapsed.as_secs_f64(),
        rate / 20.0 * 100.0,
        stats.rejected
    );
    drop(stats);

    let mut best = Duration::MAX;
    let mut segments = 0;
    for _ in 0..5 {
        let (elapsed, _, translated) = run_once(Duration::ZERO, 0, "requests_per_second = 0\nconcurrency = 4\n");
        best = best.min(elapsed);
        segments = translated;
    }
    println!(
        "overhead: {segments} segments in {:.1} ms (best of 5): {:.1} µs per segment",
        best.as_secs_f64() * 1000.0,
        best.as_secs_f64() * 1e6 / segments as f64
    );
}
