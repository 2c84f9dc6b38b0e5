//! The synthetic translation memory the memory benchmarks share: `L10N_BENCH_ENTRIES`
//! sentences (default 1,000,000), generated once, deterministically, and cached under
//! `target/bench-memory/`.

#![allow(dead_code)]

use l10n::memory::{Memory, NewEntry};
use l10n::model::{Origin, Placeholder, PlaceholderKind, State, Text};
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn entries() -> usize {
    std::env::var("L10N_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

pub fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-memory");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A deterministic pseudo-random sequence (xorshift64*), so anyone regenerates the same data.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A vocabulary of 20,000 pronounceable words; word i is drawn with Zipf-like frequency
/// (small indexes far more often), as in real text.
pub fn vocabulary() -> &'static Vec<String> {
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

pub fn word(rng: &mut Rng) -> &'static str {
    let words = vocabulary();
    // Zipf-like: the square of a uniform draw favours small indexes.
    let u = rng.below(words.len() * words.len());
    let i = (u as f64).sqrt() as usize;
    &words[words.len() - 1 - i.min(words.len() - 1)]
}

/// Sentence `n` of the synthetic memory: 8 to 20 words, capitalised, one in four with a
/// link placeholder pair around a word, one in eight with a variable.
pub fn sentence(n: u64) -> Text {
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

pub fn placeholder(id: u32, kind: PlaceholderKind) -> Placeholder {
    Placeholder {
        id,
        kind,
        label: "x".into(),
        original: String::new(),
    }
}

/// The "translation" of a synthetic sentence: its words reversed, placeholders kept.
pub fn translation(source: &Text) -> Text {
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
pub fn memory_path() -> &'static PathBuf {
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

pub fn generate(path: &std::path::Path, n: usize) {
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
