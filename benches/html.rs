//! HTML extraction plus identity merge throughput (the fixture article's body repeated to
//! about 1 MB), in bytes per second on one core.

use l10n::format::{Format, SegmentOutput};
use l10n::lang::Locale;
use l10n::segment::Segmenter;

fn main() {
    divan::main();
}

fn page() -> String {
    let html =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/html/article.html")).unwrap();
    let start = html.find("<article>").unwrap();
    let end = html.find("</article>").unwrap() + "</article>".len();
    let mut page = html[..start].to_string();
    while page.len() < 1_000_000 {
        page.push_str(&html[start..end]);
        page.push('\n');
    }
    page.push_str(&html[end..]);
    page
}

#[divan::bench]
fn extract_and_merge(bencher: divan::Bencher) {
    let page = page();
    let en = Locale::parse("en").unwrap();
    let segmenter = Segmenter::new(&en, &[]);
    bencher.counter(divan::counter::BytesCount::new(page.len())).bench(|| {
        let doc = Format::Html.extract(divan::black_box(page.clone()), &segmenter);
        let outputs: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
        Format::Html.merge(&doc, &outputs, &en).len()
    });
}
