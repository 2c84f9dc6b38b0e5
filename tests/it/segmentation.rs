//! The segmentation corpus (`tests/fixtures/segmentation/*.jsonl`): every case an input and
//! its expected sentences. Cases the rules were tuned on (`"holdout": false`) must all pass.
//! Held-out cases (`"holdout": true`, written by someone who never saw the rules, and never
//! looked at while tuning them) measure whether the rules generalize: the test prints the
//! figure and fails below the bar of 98 % (`HOLDOUT_FLOOR`).
//!
//! History of the held-out measurements (each set measured once, before anyone looked at it):
//! - the first set, written with the rules: 85/89 = 95.5 %;
//! - set `-h` (135 cases written by someone who never saw the rules): 132/135 = 97.8 %. Its
//!   misses (`King Jr. Day`, `Pvt. Ltd. ने`, `Rs. 500`) were fixed as rule classes (name
//!   suffixes behave like `St.`; a short Latin word with a period before Devanagari or Han
//!   is an abbreviation; currency abbreviations lead into numbers), after which it became
//!   tuned cases, like the first set;
//! - set `-k` (135 more cases, written the same way, after those fixes): 135/135 = 100 %. It
//!   stays held out: nothing was changed for it.

use crate::common::*;
use l10n::lang::Locale;
use l10n::segment::Segmenter;
use serde::Deserialize;

/// The bar for held-out cases, in percent.
const HOLDOUT_FLOOR: f64 = 98.0;

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    sentences: Vec<String>,
    holdout: bool,
    #[allow(dead_code)]
    why: String,
}

fn cases(lang: &str) -> Vec<Case> {
    let path = repo().join(format!("tests/fixtures/segmentation/{lang}.jsonl"));
    std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1)))
        .collect()
}

fn split(segmenter: &Segmenter, text: &str) -> Vec<String> {
    segmenter
        .sentences(text)
        .into_iter()
        .map(|r| text[r].to_string())
        .collect()
}

/// Runs one language; returns (tuned failures, holdout passed, holdout total).
fn run(lang: &str) -> (Vec<String>, usize, usize) {
    let segmenter = Segmenter::new(&Locale::parse(lang).unwrap(), &[]);
    let mut failures = Vec::new();
    let (mut passed, mut total) = (0, 0);
    for case in cases(lang) {
        let got = split(&segmenter, &case.text);
        let ok = got == case.sentences;
        if case.holdout {
            total += 1;
            passed += usize::from(ok);
            if !ok {
                eprintln!(
                    "holdout miss {}: expected {:?}\n  got {:?}",
                    case.id, case.sentences, got
                );
            }
        } else if !ok {
            failures.push(format!("{}: expected {:?}\n  got {:?}", case.id, case.sentences, got));
        }
    }
    (failures, passed, total)
}

#[test]
fn corpus_is_large_enough() {
    let counts: Vec<usize> = ["en", "ar", "hi", "zh"].iter().map(|l| cases(l).len()).collect();
    assert!(counts[0] >= 100 && counts[1..].iter().all(|&n| n >= 30), "{counts:?}");
    assert!(counts.iter().sum::<usize>() >= 200);
}

#[test]
fn every_tuned_case_passes_and_holdout_keeps_its_accuracy() {
    let mut failures = Vec::new();
    let (mut passed, mut total) = (0, 0);
    for lang in ["en", "ar", "hi", "zh"] {
        let (f, p, t) = run(lang);
        println!("segmentation holdout {lang}: {p}/{t}");
        failures.extend(f);
        passed += p;
        total += t;
    }
    assert!(
        failures.is_empty(),
        "{} tuned cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    match holdout_accuracy(passed, total) {
        None => println!("segmentation holdout: the corpus has no held-out cases, nothing to measure"),
        Some(accuracy) => {
            println!("segmentation holdout accuracy: {passed}/{total} = {accuracy:.1} %");
            assert!(
                accuracy >= HOLDOUT_FLOOR,
                "holdout accuracy {accuracy:.1} % ({passed}/{total}) is below {HOLDOUT_FLOOR} %"
            );
        }
    }
}

/// Accuracy in percent, or `None` when there is nothing to measure.
fn holdout_accuracy(passed: usize, total: usize) -> Option<f64> {
    (total > 0).then(|| 100.0 * passed as f64 / total as f64)
}

#[test]
fn holdout_accuracy_of_an_empty_set_is_none_and_the_floor_bites() {
    assert_eq!(holdout_accuracy(0, 0), None);
    assert_eq!(holdout_accuracy(49, 50), Some(98.0));
    assert!(holdout_accuracy(87, 89).unwrap() < HOLDOUT_FLOOR);
}

#[test]
fn segment_command_prints_the_corpus_sentences() {
    // Through the real binary: one Arabic, one Hindi, one Chinese and one English case.
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ar", "hi", "zh"] {
        let case = cases(lang)
            .into_iter()
            .find(|c| !c.holdout && c.sentences.len() > 1)
            .unwrap();
        std::fs::write(dir.path().join("case.txt"), format!("{}\n", case.text)).unwrap();
        let o = l10n(
            dir.path(),
            &["segment", "case.txt", "--lang", lang, "--format", "lines"],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        let got: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
        assert_eq!(got, case.sentences, "{}", case.id);
    }
}

#[test]
fn a_project_adds_abbreviations_by_class_in_l10n_toml() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "See Exh. 3 for the data. Kestrel Hldgs. in March said yes. It was bought by Kestrel Hldgs. The deal closed. The Dist. Court ruled.\n";
    std::fs::write(d.join("case.txt"), text).unwrap();
    let segments = || -> Vec<String> {
        let o = l10n(d, &["segment", "case.txt", "--lang", "en", "--format", "lines"]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o).lines().map(str::to_string).collect()
    };
    // Unknown to the built-in lists, each of the three breaks the text wrongly.
    let plain = segments();
    assert!(plain.contains(&"See Exh.".to_string()), "{plain:?}");
    assert!(plain.contains(&"The Dist.".to_string()), "{plain:?}");
    std::fs::write(
        d.join("l10n.toml"),
        "[segmentation.en]\nabbreviations = [\"Dist.\"]\nnumber = [\"Exh.\"]\nends = [\"Hldgs.\"]\n",
    )
    .unwrap();
    assert_eq!(
        segments(),
        [
            "See Exh. 3 for the data.",
            "Kestrel Hldgs. in March said yes.",
            "It was bought by Kestrel Hldgs.",
            "The deal closed.",
            "The Dist. Court ruled.",
        ]
    );
}

/// Peak resident memory (VmHWM, KiB) of `l10n segment FILE`, read from `/proc` while it runs
/// (the high-water mark only grows, so the last reading before the exit is the peak of all but
/// the last moments), with the number of lines it printed.
#[cfg(target_os = "linux")]
fn segment_peak_kib(dir: &std::path::Path, file: &str) -> (u64, usize) {
    use std::io::Read;
    let mut child = std::process::Command::new(BIN)
        .args(["segment", "--lang", "en", file])
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        out.read_to_string(&mut text).unwrap();
        text.lines().count()
    });
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Some(kib) = std::fs::read_to_string(&status_path).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak = peak.max(kib);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    (peak, reader.join().unwrap())
}

/// `l10n segment FILE.txt` streams: its memory is bounded by the largest paragraph, not the
/// file. A file six times larger must not raise the peak by more than a few MB (reading the
/// whole file would hold at least the extra 5 MB of text, and its segments besides).
#[cfg(target_os = "linux")]
#[test]
fn segment_streams_plain_text_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(seed_article()).unwrap();
    let paragraphs: Vec<String> = article.split("\n\n").map(|p| p.replace('\n', " ")).collect();
    let write = |name: &str, bytes: usize| {
        let mut text = String::new();
        let mut copies = 0;
        while copies == 0 || text.len() < bytes {
            for p in &paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
            copies += 1;
        }
        std::fs::write(dir.path().join(name), text).unwrap();
        copies
    };
    write("one.txt", 0);
    let per_copy = segments(dir.path(), "one.txt").len();
    let small_copies = write("small.txt", 1_000_000);
    let big_copies = write("big.txt", 6_000_000);
    let (small_peak, small_lines) = segment_peak_kib(dir.path(), "small.txt");
    let (big_peak, big_lines) = segment_peak_kib(dir.path(), "big.txt");
    println!("segment peak: 1 MB file {small_peak} KiB, 6 MB file {big_peak} KiB");
    // Every copy of the article gives all its segments.
    assert_eq!(small_lines, small_copies * per_copy);
    assert_eq!(big_lines, big_copies * per_copy);
    assert!(small_peak > 0, "no reading of the child's memory");
    assert!(
        big_peak < small_peak + 4 * 1024,
        "peak memory grows with the file: {small_peak} KiB for 1 MB, {big_peak} KiB for 6 MB"
    );
}
