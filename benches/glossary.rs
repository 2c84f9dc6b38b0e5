//! Terminology benchmarks (divan): `cargo bench --bench glossary`.
//!
//! - `match_10k_terms`: source matching with a synthetic 10,000-concept term base over about
//!   1 MB of English news text (the seed article repeated), reported in bytes per second.
//! - `verify_10kb_edition`: checking a 10 KB Arabic edition against the project's term base
//!   for the concepts its source contains.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use l10n::glossary::matcher::Matcher;
use l10n::glossary::verify::Verifier;
use l10n::glossary::{Concept, Glossary, Policy, Status, Subject, Term};
use l10n::lang::Locale;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    divan::main();
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// 10,000 concepts of one to three pseudo-words each, plus the project's real ones.
fn big_glossary() -> Glossary {
    let mut g = Glossary::load(&[repo().join("glossary/rare-earths.tbx")]).unwrap();
    let syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe"];
    let mut seed: u64 = 42;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    while g.concepts.len() < 10_000 {
        let words = 1 + next() % 3;
        let term: Vec<String> = (0..words)
            .map(|_| {
                (0..2 + next() % 3)
                    .map(|_| syllables[next() % syllables.len()])
                    .collect()
            })
            .collect();
        let mut terms = BTreeMap::new();
        terms.insert(
            "en".to_string(),
            vec![Term {
                text: term.join(" "),
                status: Status::Preferred,
                note: None,
            }],
        );
        g.concepts.push(Concept {
            id: format!("s{}", g.concepts.len()),
            subject: Subject::Term,
            policy: Policy::Guide,
            note: None,
            do_not_translate: false,
            terms,
        });
    }
    g
}

#[divan::bench(sample_count = 20)]
fn match_10k_terms(bencher: Bencher) {
    let glossary = big_glossary();
    let matcher = Matcher::new(&glossary, &Locale::parse("en").unwrap());
    let article = std::fs::read_to_string(repo().join("examples/rare-earths/article.txt")).unwrap();
    let text = article.repeat(1_000_000 / article.len() + 1);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| black_box(matcher.find_in_str(black_box(&text)).len()));
}

#[divan::bench(sample_count = 100)]
fn verify_10kb_edition(bencher: Bencher) {
    let glossary = Glossary::load(&[repo().join("glossary/rare-earths.tbx")]).unwrap();
    let (en, ar) = (Locale::parse("en").unwrap(), Locale::parse("ar").unwrap());
    let verifier = Verifier::new(&glossary, &en, &ar);
    let tmx = std::fs::read_to_string(repo().join("examples/rare-earths/reference/ar.tmx")).unwrap();
    // The Arabic edition's text, about 10 KB, and every concept the source mentions.
    let arabic: String = tmx
        .lines()
        .filter(|l| l.contains("xml:lang=\"ar\""))
        .collect::<Vec<_>>()
        .join("\n");
    let edition: String = arabic.chars().take(10_000 / 2).collect();
    let matcher = Matcher::new(&glossary, &en);
    let source = std::fs::read_to_string(repo().join("examples/rare-earths/article.txt")).unwrap();
    let expected: Vec<usize> = matcher.find_in_str(&source).into_iter().map(|(c, _)| c).collect();
    bencher
        .counter(BytesCount::new(edition.len()))
        .bench(|| black_box(verifier.check(black_box(&edition), &expected).len()));
}
