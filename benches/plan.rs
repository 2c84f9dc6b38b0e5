//! The Plan's benchmark (issue 15): `cargo bench --bench plan`.
//!
//! - `engine`: N generated articles (20 paragraphs of 3 sentences each, drawn from a shared
//!   pool so most sentences repeat across articles) into ar, hi and zh-Hans through the `deepl`
//!   engine, against a local server that takes 50 ms per request and allows 20 requests a
//!   second (429 beyond). Reports the requests sent against the bound
//!   ceil(unique new sentences per locale / batch limit) + 3, summed over the locales, and the
//!   wall time against what the rate limit allows (requests / 20 s).
//! - `cached`: the same run again, everything from the memory (no request); then once more
//!   stage by stage (plan, engine, reports and editions), to show where the time goes.
//! - `linear`: a 100 KB and a 1 MB document of distinct sentences through `pseudo`: the second
//!   should take about ten times the first (within 1.5×), not a hundred.
//!
//! The default is a quick try (100 articles); the full size is
//! `L10N_BENCH_ARTICLES=1000 cargo bench --bench plan`. A plain program rather than divan: each
//! figure is one run of seconds, not a sampled microbenchmark.

#[path = "../tests/it/http_server.rs"]
#[allow(dead_code)]
mod http_server;

use http_server::{Response, TestServer};
use l10n::backend::Backend;
use l10n::lang::{Locale, parse_list};
use l10n::memory::Memory;
use l10n::pipeline::run;
use l10n::plan::Plan;
use l10n::project::Project;
use serde_json::json;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const PARAGRAPHS: usize = 20;
const PER_PARAGRAPH: usize = 3;
const RATE: usize = 20;

/// Requests that reached the server: answered, and refused with 429.
#[derive(Default)]
struct Stats {
    answered: usize,
    refused: usize,
}

fn server(latency: Duration, per_second: usize) -> (TestServer, &'static Mutex<Stats>) {
    let stats: &'static Mutex<Stats> = Box::leak(Box::default());
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
            if w.len() > per_second {
                stats.lock().unwrap().refused += 1;
                return Response::json(429, &json!({"message": "Too many requests"})).header("Retry-After", "1");
            }
            stats.lock().unwrap().answered += 1;
        }
        let texts: Vec<serde_json::Value> = r.json()["text"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|t| json!({"text": format!("T {}", t.as_str().unwrap_or(""))}))
                    .collect()
            })
            .unwrap_or_default();
        Response::json(200, &json!({ "translations": texts })).after(latency)
    });
    (server, stats)
}

/// A sentence of the shared pool.
fn sentence(k: usize) -> String {
    const WORDS: [&str; 8] = [
        "magnets", "prices", "exports", "mines", "refiners", "buyers", "rules", "ports",
    ];
    format!(
        "Report {k} says that {} and {} changed in the quarter.",
        WORDS[k % 8],
        WORDS[(k / 8) % 8]
    )
}

/// `n` articles whose sentences come from a pool of `pool` (a fixed pseudo-random draw).
fn articles(dir: &Path, n: usize, pool: usize) -> Vec<PathBuf> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % pool as u64) as usize
    };
    (0..n)
        .map(|a| {
            let mut text = format!("Article {a}\n\n");
            for _ in 0..PARAGRAPHS {
                let sentences: Vec<String> = (0..PER_PARAGRAPH).map(|_| sentence(next())).collect();
                text.push_str(&sentences.join(" "));
                text.push_str("\n\n");
            }
            let path = dir.join(format!("article-{a}.txt"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn engine_and_cached(n: usize) {
    let (server, stats) = server(Duration::from_millis(50), RATE);
    let dir = tempfile::tempdir().unwrap();
    let docs = articles(dir.path(), n, n * 2);
    let settings: toml::Table =
        toml::from_str(&format!("url = \"{}\"\nrequests_per_second = {RATE}\n", server.url)).unwrap();
    let backend = Backend::from_name("deepl", &settings).unwrap();
    let limit = backend.limits().max_texts;
    let targets = parse_list("ar,hi,zh").unwrap();
    let project = Project::new(
        docs,
        Locale::parse("en").unwrap(),
        targets,
        backend,
        dir.path().join("out"),
    );
    let mut memory = Memory::open(&dir.path().join("m.sqlite")).unwrap();
    let plan = Plan::build(&project, &memory).unwrap();
    let bound: usize = plan
        .locales
        .iter()
        .map(|l| l.misses().count().div_ceil(limit) + 3)
        .sum();
    let unique: Vec<usize> = plan.locales.iter().map(|l| l.misses().count()).collect();
    drop(plan);
    let rt = runtime();
    let started = Instant::now();
    let report = rt.block_on(run(&project, &mut memory, |_| {})).unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.missing(), 0, "every segment translated");
    let s = stats.lock().unwrap();
    let sent = s.answered + s.refused;
    let allowed = Duration::from_secs_f64(sent as f64 / RATE as f64);
    println!(
        "engine: {n} articles, unique new sentences per locale {unique:?}, batch limit {limit}: \
         {sent} requests reached the server ({} refused; the run counted {}), bound {bound}; \
         {:.2} s, the rate limit allows {:.2} s ({:+.0}%)",
        s.refused,
        report.requests,
        elapsed.as_secs_f64(),
        allowed.as_secs_f64(),
        (elapsed.as_secs_f64() / allowed.as_secs_f64() - 1.0) * 100.0
    );
    drop(s);
    let started = Instant::now();
    let report = rt.block_on(run(&project, &mut memory, |_| {})).unwrap();
    println!(
        "cached: {n} articles again in {:.2} s, {} requests",
        started.elapsed().as_secs_f64(),
        report.requests
    );
    phases(&rt, &project, &mut memory);
}

/// A cached run's stages one by one: plan, engine (nothing to send), editions. Not inlined,
/// so that `valgrind --tool=callgrind --toggle-collect='*phases*'` profiles just this.
#[inline(never)]
fn phases(rt: &tokio::runtime::Runtime, project: &Project, memory: &mut Memory) {
    let t = Instant::now();
    let plan = std::cell::RefCell::new(Plan::build(project, memory).unwrap());
    let planned = t.elapsed();
    let fill = l10n::pipeline::engine::fill(project, &plan, std::slice::from_mut(memory), &|_, _| {});
    let engine = rt.block_on(fill).unwrap();
    let filled = t.elapsed();
    let plan = plan.into_inner();
    l10n::pipeline::finish(project, &plan, l10n::pipeline::Output::Editions, |_| {}, &engine.errors).unwrap();
    let finished = t.elapsed();
    println!(
        "cached stages: plan {:.2} s, engine {:.2} s, reports and editions {:.2} s",
        planned.as_secs_f64(),
        (filled - planned).as_secs_f64(),
        (finished - filled).as_secs_f64()
    );
}

/// Seconds to translate one document of about `bytes` bytes with `pseudo` (fresh memory).
fn translate_size(dir: &Path, bytes: usize) -> f64 {
    let mut text = String::from("A long document\n\n");
    let mut k = 0;
    while text.len() < bytes {
        let paragraph: Vec<String> = (0..5).map(|i| sentence(1_000_000 + k * 5 + i)).collect();
        text.push_str(&paragraph.join(" "));
        text.push_str("\n\n");
        k += 1;
    }
    let path = dir.join(format!("long-{bytes}.txt"));
    std::fs::write(&path, text).unwrap();
    let backend = Backend::from_name("pseudo", &toml::Table::new()).unwrap();
    let targets = parse_list("ar").unwrap();
    let project = Project::new(
        vec![path],
        Locale::parse("en").unwrap(),
        targets,
        backend,
        dir.join("out"),
    );
    let mut memory = Memory::in_memory().unwrap();
    let started = Instant::now();
    runtime().block_on(run(&project, &mut memory, |_| {})).unwrap();
    started.elapsed().as_secs_f64()
}

/// Each size translated five times into a fresh memory: the median, so that one slow run on
/// a shared machine does not decide (the small run takes only tens of milliseconds).
fn linear() {
    let dir = tempfile::tempdir().unwrap();
    let median = |bytes: usize| {
        let mut times: Vec<f64> = (0..5).map(|_| translate_size(dir.path(), bytes)).collect();
        times.sort_by(f64::total_cmp);
        times[2]
    };
    let small = median(100_000);
    let large = median(1_000_000);
    println!(
        "linear: 100 KB in {small:.3} s, 1 MB in {large:.3} s (medians of 5): {:.2}× ten times the small one",
        large / (10.0 * small)
    );
}

fn main() {
    // SAFETY: set before any other thread exists.
    unsafe { std::env::set_var("DEEPL_AUTH_KEY", "bench-key") };
    let n = std::env::var("L10N_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    engine_and_cached(n);
    linear();
}
