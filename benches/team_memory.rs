//! Lookups per second from 8 concurrent clients against one memory, PostgreSQL and SQLite:
//! `cargo bench --bench team_memory` (a plain program: divan measures one thread at a time).
//!
//! The memory is the synthetic one of `support/synthetic.rs` (`L10N_BENCH_ENTRIES`, default
//! 1,000,000 entries, cached under `target/bench-memory/`). For PostgreSQL, set
//! `L10N_BENCH_POSTGRES` to a server URL (`.ci/postgres start DIR` prints one): the entries are
//! copied once into the schema `bench_<entries>` (kept for later runs). Each client opens its
//! own connection and looks up stored sentences drawn at random (one in ten absent, as in a
//! newsroom's run) for `L10N_BENCH_SECS` seconds (default 10) after a one-second warm-up.

#[path = "support/synthetic.rs"]
mod synthetic;

use l10n::memory::{Memory, Reuse};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};
use synthetic::*;

const CLIENTS: usize = 8;

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let n = entries();
    let seconds: f64 = std::env::var("L10N_BENCH_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    let sqlite = memory_path().clone();
    println!("{n} entries, {CLIENTS} clients, {seconds} s per store");
    let rate = measure(&sqlite, n, seconds);
    println!("sqlite      {rate:>10.0} lookups/s");
    match std::env::var("L10N_BENCH_POSTGRES") {
        Ok(url) => {
            let pg = postgres_memory(&url, &sqlite, n);
            let rate = measure(&pg, n, seconds);
            println!("postgresql  {rate:>10.0} lookups/s");
        }
        Err(_) => println!("postgresql  skipped: set L10N_BENCH_POSTGRES to a server URL"),
    }
}

/// The server's memory in schema `bench_<n>`, filled from the SQLite one unless it already is.
fn postgres_memory(url: &str, sqlite: &Path, n: usize) -> PathBuf {
    let schema = format!("bench_{n}");
    let mut admin = postgres::Client::connect(url, postgres::NoTls).expect("connect to L10N_BENCH_POSTGRES");
    admin
        .batch_execute(&format!(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public; CREATE SCHEMA IF NOT EXISTS {schema}"
        ))
        .unwrap();
    let separator = if url.contains('?') { '&' } else { '?' };
    let located = PathBuf::from(format!("{url}{separator}options=-c%20search_path%3D{schema}%2Cpublic"));
    let mut memory = Memory::open(&located).unwrap();
    let stored: i64 = memory.summary().unwrap().entries;
    if stored < n as i64 {
        let started = Instant::now();
        let from = Memory::open(sqlite).unwrap();
        let copied = l10n::memory::copy::copy(&from, &mut memory).unwrap();
        eprintln!(
            "copied {copied} entries to PostgreSQL in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    located
}

/// Total lookups per second of `CLIENTS` threads, each with its own connection.
fn measure(location: &Path, n: usize, seconds: f64) -> f64 {
    let counting = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let total = Arc::new(AtomicU64::new(0));
    let ready = Arc::new(Barrier::new(CLIENTS + 1));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (location, counting, stop, total, ready) = (
                location.to_path_buf(),
                counting.clone(),
                stop.clone(),
                total.clone(),
                ready.clone(),
            );
            std::thread::spawn(move || {
                let memory = Memory::open(&location).unwrap();
                let mut rng = Rng(0xC11E47 + c as u64);
                // Sentences are drawn before the clock starts: only lookups are measured.
                let queries: Vec<_> = (0..2_000)
                    .map(|_| {
                        let i = rng.below(n) as u64;
                        if rng.below(10) == 0 {
                            sentence(i + n as u64)
                        } else {
                            sentence(i)
                        }
                    })
                    .collect();
                let reuse = Reuse::Fingerprint("pseudo:1".into());
                ready.wait();
                let mut done = 0u64;
                for q in queries.iter().cycle() {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    memory.lookup("en", "ar", q, &reuse).unwrap();
                    if counting.load(Ordering::Relaxed) {
                        done += 1;
                    }
                }
                total.fetch_add(done, Ordering::Relaxed);
            })
        })
        .collect();
    ready.wait();
    std::thread::sleep(Duration::from_secs(1));
    counting.store(true, Ordering::Relaxed);
    let started = Instant::now();
    std::thread::sleep(Duration::from_secs_f64(seconds));
    stop.store(true, Ordering::Relaxed);
    let elapsed = started.elapsed().as_secs_f64();
    for c in clients {
        c.join().unwrap();
    }
    total.load(Ordering::Relaxed) as f64 / elapsed
}
