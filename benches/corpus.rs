//! Extract + identity merge throughput over the real corpus (`../shared/corpus`: 50 HTML pages
//! and 61 Markdown pages), per format: bytes per second and documents per second, on one
//! core. Without the corpus it says so and measures nothing.
//!
//! `cargo bench --bench corpus`

use l10n::format::{Format, SegmentOutput, read_source};
use l10n::lang::Locale;
use l10n::segment::Segmenter;
use std::path::{Path, PathBuf};

fn main() {
    divan::main();
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.file_name().is_some_and(|n| n != "expected.html") {
            out.push(path);
        }
    }
}

/// The corpus documents of one format, as the pipeline reads them.
fn documents(format: Format) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .filter(|p| Format::from_path(p).ok() == Some(format))
        .filter_map(|p| read_source(p).ok())
        .collect();
    if docs.is_empty() {
        eprintln!("no corpus at {}: nothing measured", root.display());
    }
    docs
}

fn run(bencher: divan::Bencher, format: Format, per_document: bool) {
    let docs = documents(format);
    let en = Locale::parse("en").unwrap();
    let segmenter = Segmenter::new(&en, &[]);
    let bytes: usize = docs.iter().map(String::len).sum();
    let bencher = if per_document {
        bencher.counter(divan::counter::ItemsCount::new(docs.len()))
    } else {
        bencher.counter(divan::counter::BytesCount::new(bytes))
    };
    bencher.bench(|| {
        let mut total = 0;
        for text in &docs {
            let doc = format.extract(divan::black_box(text.clone()), &segmenter);
            let outputs: Vec<_> = doc.segments().map(|s| SegmentOutput::Translated(&s.source)).collect();
            total += format.merge(&doc, &outputs, &en).len();
        }
        total
    });
}

#[divan::bench(sample_count = 10)]
fn markdown_bytes(bencher: divan::Bencher) {
    run(bencher, Format::Markdown, false);
}

#[divan::bench(sample_count = 10)]
fn markdown_documents(bencher: divan::Bencher) {
    run(bencher, Format::Markdown, true);
}

#[divan::bench(sample_count = 10)]
fn html_bytes(bencher: divan::Bencher) {
    run(bencher, Format::Html, false);
}

#[divan::bench(sample_count = 10)]
fn html_documents(bencher: divan::Bencher) {
    run(bencher, Format::Html, true);
}
