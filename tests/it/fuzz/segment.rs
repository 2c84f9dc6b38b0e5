//! Fuzz target: random mixed-script text through the segmenter, in process, for every source
//! language. The segmenter promises byte ranges of sentences that are non-empty, on character
//! boundaries, in order, without overlap, trimmed of whitespace, and that together with the
//! whitespace between them cover the whole text: nothing is dropped, nothing is doubled.

use super::{for_budget, rng, text};
use l10n::lang::Locale;
use l10n::segment::Segmenter;
use std::ops::Range;

/// The languages the segmenter has rules for, and one it does not (French falls back).
const LANGUAGES: &[&str] = &["en", "ar", "hi", "zh", "fr"];

/// Why `ranges` break the segmenter's promise for `text`, if they do.
fn broken_promise(text: &str, ranges: &[Range<usize>]) -> Option<String> {
    let mut covered = 0;
    for r in ranges {
        if r.start < covered || r.start >= r.end {
            return Some(format!(
                "range {r:?} overlaps, is out of order or empty (covered to {covered})"
            ));
        }
        let Some(gap) = text.get(covered..r.start) else {
            return Some(format!("range {r:?} starts inside a character"));
        };
        if !gap.trim().is_empty() {
            return Some(format!("text {gap:?} before {r:?} is in no sentence"));
        }
        let Some(sentence) = text.get(r.clone()) else {
            return Some(format!("range {r:?} is not on character boundaries"));
        };
        if sentence.trim() != sentence {
            return Some(format!("sentence {sentence:?} is not trimmed"));
        }
        covered = r.end;
    }
    match text.get(covered..) {
        Some(tail) if tail.trim().is_empty() => None,
        Some(tail) => Some(format!("text {tail:?} after the last sentence is in no sentence")),
        None => Some(format!("the last range ends inside a character at {covered}")),
    }
}

#[test]
fn segmenter_never_panics_and_its_sentences_cover_the_text() {
    let segmenters: Vec<(&str, Segmenter)> = LANGUAGES
        .iter()
        .map(|&lang| (lang, Segmenter::new(&Locale::parse(lang).unwrap(), &[])))
        .collect();
    let mut rng = rng("segment");
    let rounds = for_budget(2000, |_| {
        let input = text(&mut rng, 40);
        for (lang, segmenter) in &segmenters {
            let ranges = segmenter.sentences(&input);
            if let Some(why) = broken_promise(&input, &ranges) {
                panic!("{lang}: {why}\ninput: {input:?}\nranges: {ranges:?}");
            }
        }
    });
    println!("fuzz segment: {rounds} inputs × {} languages", LANGUAGES.len());
}

#[test]
fn the_promise_check_can_fail() {
    let text = "One. Two.";
    assert_eq!(broken_promise(text, &[0..4, 5..9]), None);
    assert!(
        broken_promise(text, std::slice::from_ref(&(0..4))).is_some(),
        "a dropped sentence"
    );
    assert!(broken_promise(text, &[0..4, 3..9]).is_some(), "an overlap");
    assert!(broken_promise(text, &[0..5, 5..9]).is_some(), "an untrimmed sentence");
    assert!(
        broken_promise("घ. x", std::slice::from_ref(&(0..1))).is_some(),
        "inside a character"
    );
}
