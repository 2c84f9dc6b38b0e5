//! Translation-memory benchmarks at scale (divan): `cargo bench --bench memory`.
//!
//! A synthetic memory of 1,000,000 entries (`L10N_BENCH_ENTRIES` changes the count) is
//! generated once, deterministically, by [`generate`] below and cached under
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

use divan::Bencher;
use l10n::memory::{Memory, NewEntry, Reuse};
use l10n::model::{Origin, Placeholder, PlaceholderKind, State, Text};
use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

fn main() {
    divan::main();
    println!("benchmark process peak resident memory: {} MB", peak_rss_kb() / 1024);
}

fn entries() -> usize {
    std::env::var("L10N_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-memory");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A deterministic pseudo-random sequence (xorshift64*), so anyone regenerates the same data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A vocabulary of 20,000 pronounceable words; word i is drawn with Zipf-like frequency
/// (small indexes far more often), as in real text.
fn vocabulary() -> &'static Vec<String> {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        const ONSETS: &[&str] = &[
            "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "st", "tr", "pl", "gr", "ch",
        ];
        const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ea", "io", "ou"];
        let mut rng = Rng(0x5EED);
        (0..20_000)
            .map(|_| {
                let syllables = 1 + rng.below(3);
                (0..syllables)
                    .map(|_| format!("{}{}", ONSETS[rng.below(ONSETS.len())], VOWELS[rng.below(VOWELS.len())]))
                    .collect::<String>()
            })
            .collect()
    })
}

fn word(rng: &mut Rng) -> &'static str {
    let words = vocabulary();
    // Zipf-like: the square of a uniform draw favours small indexes.
    let u = rng.below(words.len() * words.len());
    let i = (u as f64).sqrt() as usize;
    &words[words.len() - 1 - i.min(words.len() - 1)]
}

/// Sentence `n` of the synthetic memory: 8 to 20 words, capitalised, one in four with a
/// link placeholder pair around a word, one in eight with a variable.
fn sentence(n: u64) -> Text {
    let mut rng = Rng(n.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let count = 8 + rng.below(13);
    let link_at = if rng.below(4) == 0 {
        Some(rng.below(count))
    } else {
        None
    };
    let mut text = Text::default();
    for i in 0..count {
        let mut w = word(&mut rng).to_string();
        if i == 0 {
            w[..1].make_ascii_uppercase();
        } else {
            text.push_str(" ");
        }
        if link_at == Some(i) {
            text.push_placeholder(placeholder(1, PlaceholderKind::Open));
            text.push_str(&w);
            text.push_placeholder(placeholder(1, PlaceholderKind::Close));
        } else {
            text.push_str(&w);
        }
    }
    if rng.below(8) == 0 {
        text.push_str(" for ");
        text.push_placeholder(placeholder(2, PlaceholderKind::Standalone));
    }
    text.push_str(".");
    text
}

fn placeholder(id: u32, kind: PlaceholderKind) -> Placeholder {
    Placeholder {
        id,
        kind,
        label: "x".into(),
        original: String::new(),
    }
}

/// The "translation" of a synthetic sentence: its words reversed, placeholders kept.
fn translation(source: &Text) -> Text {
    let mut t = source.clone();
    for part in &mut t.0 {
        if let l10n::model::Part::Str(s) = part {
            *s = s.chars().rev().collect();
        }
    }
    t
}

/// The cached memory of `entries()` synthetic sentences into Arabic (one in ten human and
/// reviewed, the rest machine), generated in transactions of 20,000 entries.
fn memory_path() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let n = entries();
        let path = dir().join(format!("memory-{n}.sqlite"));
        let done = dir().join(format!("memory-{n}.done"));
        if !done.exists() {
            let _ = std::fs::remove_file(&path);
            generate(&path, n);
            std::fs::write(&done, b"").unwrap();
        }
        path
    })
}

fn generate(path: &std::path::Path, n: usize) {
    let started = std::time::Instant::now();
    let mut memory = Memory::open(path).unwrap();
    let machine = Origin::Machine {
        engine: "pseudo".into(),
        model: None,
    };
    let human = Origin::Human {
        file: Some("synthetic.tmx".into()),
    };
    for chunk in (0..n as u64).collect::<Vec<_>>().chunks(20_000) {
        let texts: Vec<(Text, Text)> = chunk
            .iter()
            .map(|&i| {
                let s = sentence(i);
                let t = translation(&s);
                (s, t)
            })
            .collect();
        let batch: Vec<NewEntry<'_>> = texts
            .iter()
            .zip(chunk)
            .map(|((s, t), &i)| NewEntry {
                source_locale: "en",
                target_locale: "ar",
                source: s,
                target: t,
                origin: if i % 10 == 0 { &human } else { &machine },
                state: if i % 10 == 0 {
                    State::Reviewed
                } else {
                    State::Translated
                },
                fingerprint: "pseudo:1",
                document: None,
                previous: None,
                next: None,
                changed_at: None,
            })
            .collect();
        memory.store(&batch).unwrap();
    }
    eprintln!("generated {n} entries in {:.1} s", started.elapsed().as_secs_f64());
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
