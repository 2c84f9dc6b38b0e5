//! Formats round-trip: extracting and merging back with identity translations reproduces the
//! input byte for byte.

use crate::common::*;
use l10n::format::{Format, SegmentOutput};
use l10n::lang::Locale;
use l10n::segment::Segmenter;

fn identity(path: &std::path::Path) -> (String, String, usize) {
    let en = Locale::parse("en").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let format = Format::from_path(path).unwrap();
    let doc = format.extract(text.clone(), &Segmenter::new(&en, &[]));
    let outputs: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
    let merged = format.merge(&doc, &outputs, &en);
    (text, merged, outputs.len())
}

#[test]
fn seed_article_round_trips() {
    let (text, merged, segments) = identity(&seed_article());
    assert_eq!(segments, 86);
    assert_eq!(merged, text);
}

#[test]
fn markdown_fixture_round_trips() {
    let (text, merged, segments) = identity(&repo().join("tests/fixtures/markdown/article.md"));
    assert!(segments > 20);
    assert_eq!(merged, text);
}

#[test]
fn every_placeholder_renders_its_original_bytes() {
    // Rendering the parts (not the byte-identity shortcut) gives the same bytes for text
    // that needs no escaping: placeholders carry exactly the markup they replaced.
    let en = Locale::parse("en").unwrap();
    let src = "Read **the deal** and [the text](https://x.org \"T\"), with `code` and ![a map](m.png).\n";
    let doc = Format::Markdown.extract(src.to_string(), &Segmenter::new(&en, &[]));
    let mut out = String::new();
    for seg in doc.segments() {
        Format::Markdown.render_text(&seg.source, &mut out);
    }
    assert_eq!(out, src.trim_end());
}
