//! The corpus of real documents no one here wrote (`../shared/corpus`: news and blog pages,
//! Rust blog posts, Hugo documentation pages), through the real binary: every document
//! translates, article prose is not left in English, front-matter titles are translated,
//! shortcodes are kept, and an identity merge gives back every document byte for byte.
//!
//! The translation and the main figures come from the corpus' own `measure.py` (python3).
//! For Markdown it measures code as prose in three places (`<pre>`/`<code>` inside HTML
//! blocks, the configuration inside `{{< code-toggle >}}`, reference-link destinations);
//! `tests/fixtures/markdown/corpus/prose.py` measures the same editions with measure.py's own
//! rules plus those three exclusions, for the whole page and for the Markdown outside HTML
//! blocks (the text of HTML blocks is the HTML extractor's).
//!
//! Without the corpus the tests say so and pass, except on CI (`CI=true`), where it must be.

use crate::common::*;
use l10n::format::{Format, SegmentOutput, read_source};
use l10n::lang::Locale;
use l10n::segment::Segmenter;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The most article prose a format may leave in English, in percent.
const MAX_LEFT: f64 = 0.5;

fn corpus() -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.join("measure.py").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "the corpus is missing at {} (CI must have it)",
        dir.display()
    );
    eprintln!("corpus test skipped: no corpus at {}", dir.display());
    None
}

/// Runs measure.py on one part of the corpus (`html` or `markdown`); returns its JSON report
/// and the folder holding the editions.
fn measure(corpus: &Path, part: &str) -> (Value, tempfile::TempDir) {
    let work = tempfile::tempdir().unwrap();
    let only = work.path().join("corpus");
    std::fs::create_dir_all(&only).unwrap();
    link_dir(&corpus.join(part), &only.join(part));
    let out = work.path().join("out");
    let o = Command::new("python3")
        .arg(corpus.join("measure.py"))
        .arg(BIN)
        .arg(&only)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "measure.py failed: {}", stderr(&o));
    let report: Value = serde_json::from_slice(&o.stdout).expect("measure.py prints JSON");
    (report[part].clone(), work)
}

#[cfg(unix)]
fn link_dir(from: &Path, to: &Path) {
    std::os::unix::fs::symlink(from, to).unwrap();
}

#[cfg(not(unix))]
fn link_dir(from: &Path, to: &Path) {
    for entry in walk_files(from) {
        let target = to.join(entry.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, target).unwrap();
    }
}

/// `prose.py`'s figures for the Markdown editions in `out`.
fn markdown_prose(corpus: &Path, out: &Path) -> Value {
    let o = Command::new("python3")
        .arg(repo().join("tests/fixtures/markdown/corpus/prose.py"))
        .arg(corpus.join("measure.py"))
        .arg(corpus)
        .arg(out.join("out"))
        .output()
        .expect("python3 runs");
    assert!(o.status.success(), "prose.py failed: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("prose.py prints JSON")
}

/// "n/m" → (n, m)
fn fraction(v: &Value) -> (u64, u64) {
    let s = v.as_str().unwrap_or_default();
    let (a, b) = s.split_once('/').unwrap_or(("0", "0"));
    (a.parse().unwrap_or(0), b.parse().unwrap_or(0))
}

/// measure.py's and prose.py's reports on the Markdown part, made once for both tests.
fn markdown_reports(corpus: &Path) -> &'static (Value, Value) {
    static REPORTS: std::sync::OnceLock<(Value, Value)> = std::sync::OnceLock::new();
    REPORTS.get_or_init(|| {
        let (report, work) = measure(corpus, "markdown");
        let prose = markdown_prose(corpus, work.path());
        eprintln!("measure.py markdown: {report}\nprose.py: {prose}");
        (report, prose)
    })
}

#[test]
fn markdown_pages_translate_whole() {
    let Some(corpus) = corpus() else { return };
    let files = walk_files(&corpus.join("markdown"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .count() as u64;
    let (report, prose) = markdown_reports(&corpus);
    assert_eq!(report["documents"], files, "{report}");
    assert_eq!(report["failed"], Value::Array(vec![]), "documents refused: {report}");
    let (titled, titles) = fraction(&report["titles_translated"]);
    assert!(
        titles > 50 && titled == titles,
        "front-matter titles translated: {report}"
    );
    let (kept, shortcodes) = fraction(&report["shortcodes_kept"]);
    assert!(shortcodes > 50 && kept == shortcodes, "shortcodes kept: {report}");
    let left = prose["markdown_only"]["left_percent"].as_f64().unwrap();
    assert!(prose["markdown_only"]["runs"].as_u64().unwrap() > 10_000, "{prose}");
    assert!(
        left <= MAX_LEFT,
        "{left} % of the Markdown prose left in English: {prose}"
    );
}

/// Depends on the HTML extractor: HTML pages, and the HTML blocks of Markdown pages.
#[test]
fn html_pages_and_html_inside_markdown_translate_whole() {
    let Some(corpus) = corpus() else { return };
    let (report, _work) = measure(&corpus, "html");
    eprintln!("measure.py html: {report}");
    assert_eq!(report["failed"], Value::Array(vec![]), "documents refused: {report}");
    assert!(report["documents"].as_u64().unwrap() >= 50, "{report}");
    let html_left = report["left_percent"].as_f64().unwrap();
    let (_, prose) = markdown_reports(&corpus);
    let page_left = prose["page"]["left_percent"].as_f64().unwrap();
    assert!(
        html_left <= MAX_LEFT && page_left <= MAX_LEFT,
        "article prose left in English: HTML pages {html_left} %, Markdown pages with their HTML blocks {page_left} % ({prose})"
    );
}

/// Extracts and merges every document of `part` with nothing translated; returns how many
/// documents gave back their bytes, and the first that did not with its line.
fn identity_merges(corpus: &Path, part: &str) -> (usize, Option<String>) {
    let en = Locale::parse("en").unwrap();
    let segmenter = Segmenter::new(&en, &[]);
    let mut same = 0;
    for path in walk_files(&corpus.join(part)) {
        let Ok(format) = Format::from_path(&path) else { continue };
        let text = read_source(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = format.extract(text.clone(), &segmenter);
        let outputs: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
        let merged = format.merge(&doc, &outputs, &en);
        if merged != text {
            let at = merged.bytes().zip(text.bytes()).take_while(|(a, b)| a == b).count();
            let line = 1 + text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            return (
                same,
                Some(format!(
                    "{}: the identity merge differs from line {line}",
                    path.display()
                )),
            );
        }
        same += 1;
    }
    (same, None)
}

#[test]
fn identity_merge_gives_back_every_markdown_document() {
    let Some(corpus) = corpus() else { return };
    let (same, differs) = identity_merges(&corpus, "markdown");
    assert_eq!(differs, None);
    assert_eq!(same, 61);
}

/// Depends on the HTML format's merge (which sets the edition's language).
#[test]
fn identity_merge_gives_back_every_html_document() {
    let Some(corpus) = corpus() else { return };
    let (same, differs) = identity_merges(&corpus, "html");
    assert_eq!(differs, None);
    assert!(same >= 100, "{same}");
}

/// Editions of a Rust blog post and a Hugo page with shortcodes, in ar, hi and zh-Hans, with
/// the pseudo engine, compared with `tests/fixtures/editions/corpus-markdown/`
/// (`L10N_BLESS=1` rewrites them). The inputs are copies kept there, so this runs without the
/// corpus.
#[test]
fn golden_editions_of_corpus_markdown_pages() {
    let fixtures = repo().join("tests/fixtures/editions/corpus-markdown");
    let dir = tempfile::tempdir().unwrap();
    for name in ["rust-blog__Rustup-1.24.3", "hugo-docs__shortcodes__x"] {
        let file = format!("{name}.md");
        std::fs::copy(fixtures.join(&file), dir.path().join(&file)).unwrap();
        let o = l10n(
            dir.path(),
            &[
                "translate",
                &file,
                "--to",
                "ar,hi,zh",
                "--backend",
                "pseudo",
                "--memory",
                "m.sqlite",
                "--out",
                "out",
                "-q",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let source = std::fs::read_to_string(fixtures.join(&file)).unwrap();
        for locale in ["ar", "hi", "zh-Hans"] {
            let edition = std::fs::read_to_string(dir.path().join("out").join(locale).join(&file))
                .unwrap_or_else(|e| panic!("{locale} edition of {file}: {e}"));
            // What must hold whatever the engine writes.
            for code in [
                "{{< new-in 0.141.0 />}}",
                "{{< x user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}",
                "```",
            ] {
                assert_eq!(
                    source.matches(code).count(),
                    edition.matches(code).count(),
                    "{code} in {locale} {file}"
                );
            }
            assert!(!edition.contains("{{\\<"), "an escaped shortcode in {locale} {file}");
            let golden = fixtures.join(format!("{name}.{locale}.md"));
            if std::env::var_os("L10N_BLESS").is_some() {
                std::fs::write(&golden, &edition).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&golden)
                .unwrap_or_else(|e| panic!("{}: {e} (run with L10N_BLESS=1 to create it)", golden.display()));
            assert!(
                expected == edition,
                "{} differs from the edition written; run with L10N_BLESS=1 if the change is deliberate",
                golden.display()
            );
        }
    }
}
