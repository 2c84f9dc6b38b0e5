//! Translation-memory benchmarks at scale (divan): `cargo bench --bench memory`.
//!
//! A synthetic memory of 1,000,000 entries (`L10N_BENCH_ENTRIES` changes the count) is
//! generated once, deterministically, by `support/synthetic.rs` and cached under
//! `target/bench-memory/`; so is a TMX file with as many units. Then:
//!
//! - `exact_lookup`: `Memory::lookup` of a stored sentence (placeholders renumbered, hash,
//!   one indexed query).
//! - `fuzzy_top5`: `Memory::fuzzy` top 5 at the default 75 % threshold for a stored sentence
//!   with one word changed.
//! - `import_tmx`: `l10n memory import` of the whole TMX file into a fresh memory, by the
//!   release binary, with its peak resident memory (VmHWM) printed.
//!
//! At the end the benchmark process prints its own peak resident memory.

#[path = "support/synthetic.rs"]
mod synthetic;

use divan::Bencher;
use l10n::memory::{Memory, Reuse};
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use synthetic::*;

fn main() {
    divan::main();
    println!("benchmark process peak resident memory: {} MB", peak_rss_kb() / 1024);
}

/// The cached TMX file with the same `entries()` units.
fn tmx_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let n = entries();
        let path = dir().join(format!("memory-{n}.tmx"));
        if !path.exists() {
            let tmp = path.with_extension("tmx.tmp");
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
            out.write_all(l10n::format::tmx::write_header("en").as_bytes()).unwrap();
            let mut buf = String::new();
            for i in 0..n as u64 {
                let s = sentence(i);
                let t = translation(&s);
                buf.clear();
                let unit = l10n::format::tmx::WriteUnit {
                    source: &s,
                    target: &t,
                    target_lang: "ar",
                    props: vec![],
                    changed: None,
                    created: None,
                };
                l10n::format::tmx::write_unit("en", &unit, &mut buf);
                out.write_all(buf.as_bytes()).unwrap();
            }
            out.write_all(l10n::format::tmx::FOOTER.as_bytes()).unwrap();
            out.flush().unwrap();
            drop(out);
            std::fs::rename(&tmp, &path).unwrap();
        }
        path
    })
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

#[divan::bench(sample_count = 2000)]
fn exact_lookup(bencher: Bencher) {
    let memory = Memory::open(memory_path()).unwrap();
    let n = entries() as u64;
    let mut rng = Rng(42);
    let reuse = Reuse::Fingerprint("pseudo:1".into());
    bencher
        .with_inputs(|| sentence(rng.next() % n))
        .bench_local_refs(|source| {
            let found = memory.lookup("en", "ar", source, &reuse).unwrap();
            assert!(found.is_some());
        });
}

#[divan::bench(sample_count = 300)]
fn fuzzy_top5(bencher: Bencher) {
    let memory = Memory::open(memory_path()).unwrap();
    let n = entries() as u64;
    let mut rng = Rng(7);
    bencher
        .with_inputs(|| {
            // A stored sentence with one word replaced.
            let mut s = sentence(rng.next() % n);
            if let Some(l10n::model::Part::Str(first)) = s.0.first_mut() {
                let replacement = word(&mut rng);
                *first = match first.split_once(' ') {
                    Some((_, rest)) => format!("{replacement} {rest}"),
                    None => replacement.to_string(),
                };
            }
            s
        })
        .bench_local_refs(|source| {
            let found = memory.fuzzy("en", "ar", source, 5, 0.75).unwrap();
            divan::black_box(found);
        });
}

#[divan::bench(sample_count = 1, sample_size = 1)]
fn import_tmx(bencher: Bencher) {
    let tmx = tmx_path();
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/l10n");
    let status = std::process::Command::new("cargo")
        .args(["build", "--release", "--quiet", "--bin", "l10n"])
        .status()
        .unwrap();
    assert!(status.success());
    let target = dir().join("import.sqlite");
    bencher
        .with_inputs(|| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
            }
        })
        .bench_local_values(|()| {
            // The binary reports its own peak memory through /usr/bin/time when present.
            let output = std::process::Command::new("/usr/bin/time")
                .arg("-v")
                .arg(&bin)
                .args(["memory", "import", "--quiet", "--memory"])
                .arg(&target)
                .arg(tmx)
                .output()
                .or_else(|_| {
                    std::process::Command::new(&bin)
                        .args(["memory", "import", "--quiet", "--memory"])
                        .arg(&target)
                        .arg(tmx)
                        .output()
                })
                .unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let stderr = String::from_utf8_lossy(&output.stderr);
            if let Some(line) = stderr.lines().find(|l| l.contains("Maximum resident set size")) {
                eprintln!("import_tmx: {}", line.trim());
            }
        });
}
