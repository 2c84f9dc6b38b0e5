//! Segmentation speed.
//!
//! - `cargo bench --bench segment`: the rules in process on English news text (the seed
//!   article, repeated to about 1 MB), in bytes per second on one core (divan), and a 600 KB
//!   Markdown paragraph with a link (the placeholder path, linear in the paragraph).
//! - `L10N_SEGMENT_COMPARE=1 cargo bench --bench segment`: the whole `l10n segment FILE`
//!   process against an ICU4X-only baseline process (read the file, ICU4X's sentence
//!   segmenter over it, one trimmed sentence per line, as `l10n segment` prints them) on the
//!   same ~20 MB plain-text file (`L10N_SEGMENT_MB` changes the size), both writing to
//!   /dev/null: wall time, MB/s and peak resident memory of each, median of three runs.

use l10n::lang::Locale;
use l10n::segment::Segmenter;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    if let Ok(path) = std::env::var("L10N_SEGMENT_ICU_ONLY") {
        icu_only(Path::new(&path));
    } else if std::env::var_os("L10N_SEGMENT_COMPARE").is_some() {
        compare();
    } else {
        divan::main();
    }
}

fn article_paragraphs() -> Vec<String> {
    let article =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rare-earths/article.txt")).unwrap();
    article.split("\n\n").map(|p| p.replace('\n', " ")).collect()
}

fn news_text() -> String {
    let paragraphs = article_paragraphs();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for p in &paragraphs {
            text.push_str(p);
            text.push(' ');
        }
    }
    text
}

#[divan::bench]
fn english_news(bencher: divan::Bencher) {
    let text = news_text();
    let segmenter = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| segmenter.sentences(divan::black_box(&text)).len());
}

/// One Markdown paragraph of about 600 KB with a link at its start: its text is one piece cut
/// at every sentence (it once copied the rest of the piece at every cut: 5 s for 2.4 MB).
#[divan::bench]
fn long_paragraph_with_a_link(bencher: divan::Bencher) {
    let mut text = String::from("See [the report](https://a.example/1).");
    for i in 0..20_000 {
        text.push_str(&format!(" Sentence number {i} is here."));
    }
    text.push('\n');
    let segmenter = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
    bencher.counter(divan::counter::BytesCount::new(text.len())).bench(|| {
        l10n::format::Format::Markdown
            .extract(divan::black_box(text.clone()), &segmenter)
            .units
            .len()
    });
}

/// The baseline: what ICU4X's sentence segmenter alone does with the file, as a process.
fn icu_only(path: &Path) {
    use icu_segmenter::SentenceSegmenter;
    use icu_segmenter::options::SentenceBreakInvariantOptions;
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let segmenter = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
    let mut last = 0;
    for brk in segmenter.segment_str(&text).skip(1) {
        let sentence = text.get(last..brk).unwrap_or_default().trim();
        if !sentence.is_empty() {
            writeln!(out, "{sentence}").unwrap();
        }
        last = brk;
    }
    out.flush().unwrap();
}

/// A plain-text news file of about `L10N_SEGMENT_MB` MB (default 20): the seed article's
/// paragraphs, separated by blank lines, over and over.
fn big_file() -> PathBuf {
    let mb: usize = std::env::var("L10N_SEGMENT_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-segment");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("news-{mb}mb.txt"));
    if !path.exists() {
        let paragraphs = article_paragraphs();
        let mut text = String::new();
        while text.len() < mb * 1_000_000 {
            for p in &paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
        }
        std::fs::write(&path, text).unwrap();
    }
    path
}

/// Runs `command` with its output to /dev/null; returns seconds and peak resident KiB.
// The child is waited for with `wait4`, which also gives its own peak memory.
#[allow(clippy::zombie_processes)]
fn run(command: &mut Command) -> (f64, i64) {
    let start = Instant::now();
    let child = command.stdout(Stdio::null()).spawn().unwrap();
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, once; `status` and `usage` are valid for writes.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    assert!(pid > 0 && status == 0, "{command:?} failed (status {status})");
    (seconds, usage.ru_maxrss)
}

fn compare() {
    let file = big_file();
    let mb = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
    let me = std::env::current_exe().unwrap();
    println!("file: {} ({mb:.1} MB)", file.display());
    for (name, make) in [
        (
            "ICU4X only",
            Box::new(|| {
                let mut c = Command::new(&me);
                c.env("L10N_SEGMENT_ICU_ONLY", &file);
                c
            }) as Box<dyn Fn() -> Command>,
        ),
        (
            "l10n segment",
            Box::new(|| {
                let mut c = Command::new(env!("CARGO_BIN_EXE_l10n"));
                c.args(["segment", "--lang", "en"]).arg(&file);
                c
            }),
        ),
    ] {
        let mut runs: Vec<(f64, i64)> = (0..3).map(|_| run(&mut make())).collect();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        let (seconds, _) = runs[1];
        let peak = runs.iter().map(|r| r.1).max().unwrap_or(0);
        println!(
            "{name:>14}: {seconds:.2} s, {:.1} MB/s, peak {:.1} MB resident (median of 3)",
            mb / seconds,
            peak as f64 / 1024.0
        );
    }
}
