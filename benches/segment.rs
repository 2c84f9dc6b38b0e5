//! Segmentation throughput on English news text (the seed article, repeated to about 1 MB),
//! in bytes per second on one core.

use l10n::lang::Locale;
use l10n::segment::Segmenter;

fn main() {
    divan::main();
}

fn news_text() -> String {
    let article =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/rare-earths/article.txt")).unwrap();
    let paragraphs: Vec<&str> = article.split("\n\n").collect();
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for p in &paragraphs {
            text.push_str(&p.replace('\n', " "));
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
