//! `l10n segment`: prints the segments of a document as the pipeline sees them, one per line
//! with placeholders as `{1}`…`{/1}` and `{2/}`, or as JSON, to inspect and tune the rules.

#![deny(clippy::string_slice)]

use crate::config::Config;
use crate::format::{Format, html};
use crate::lang::Locale;
use crate::pipeline::load_document;
use crate::segment::Segmenter;
use crate::ui::Ui;
use std::path::{Path, PathBuf};

/// Tells the user what the HTML extractor repaired in each input (tags never closed), with
/// positions; unreadable files are left for the pipeline to refuse.
pub(super) fn report_html_repairs(ui: &Ui, files: &[PathBuf], segmenter: &Segmenter) {
    for path in files {
        if Format::from_path(path).ok() != Some(Format::Html) {
            continue;
        }
        let Ok(text) = crate::format::read_source(path) else {
            continue;
        };
        for r in html::repairs(&text, segmenter) {
            eprintln!("{}", repaired(ui, path, &r));
        }
    }
}

fn repaired(ui: &Ui, path: &Path, r: &html::Repair) -> String {
    ui.msg(
        "html-repaired",
        &[
            ("path", path.into()),
            ("line", r.line.into()),
            ("column", r.column.into()),
            ("reason", r.reason.as_str().into()),
        ],
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SegmentFormat {
    /// One segment per line (`text` is accepted as another name)
    #[value(alias = "text")]
    Lines,
    /// A JSON array with each segment's unit kind, line and tagged form
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Language of the document (default: from l10n.toml, else en)
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    #[arg(long, value_enum, default_value_t = SegmentFormat::Lines)]
    pub format: SegmentFormat,
}

pub fn run(args: Args, ui: &Ui) -> anyhow::Result<u8> {
    let config = Config::discover(None, Some(&args.file))?;
    let locale = Locale::parse(args.lang.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
    let language = locale.language();
    let segmenter =
        Segmenter::new(&locale, &config.abbreviations(&language)).with_no_break(config.no_break(&language)?);
    let (_, doc) = load_document(&args.file, &segmenter)?;
    report_html_repairs(ui, std::slice::from_ref(&args.file), &segmenter);
    match args.format {
        SegmentFormat::Lines => {
            for seg in doc.segments() {
                println!("{}", seg.source);
            }
        }
        SegmentFormat::Json => {
            // Units and their segments come in document order: count lines as we go instead
            // of from the start of the file for every segment.
            let mut lines = LineCounter::new(&doc.source);
            let rows: Vec<_> = doc
                .units
                .iter()
                .flat_map(|u| u.segments.iter().map(move |s| (u, s)))
                .map(|(u, s)| {
                    serde_json::json!({
                        "unit": u.kind,
                        "line": lines.line_of(s.span.start),
                        "text": s.source.to_string(),
                        "tagged": s.source.tagged(),
                    })
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
    }
    Ok(0)
}

/// Line numbers of increasing byte offsets, counting only the newlines since the last one
/// (an offset before the last starts again from the top).
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.text[self.offset..offset].iter().filter(|&&b| b == b'\n').count();
        self.offset = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::LineCounter;
    use crate::pipeline::line_of;

    #[test]
    fn line_counter_agrees_with_counting_from_the_start() {
        let text = "a\nbb\n\nccc\nd";
        let mut counter = LineCounter::new(text);
        for offset in [0, 1, 2, 4, 5, 6, 7, 10, 12, 3, 0, 11, 100] {
            assert_eq!(counter.line_of(offset), line_of(text, offset), "offset {offset}");
        }
    }
}
