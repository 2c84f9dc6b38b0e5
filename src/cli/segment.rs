//! `l10n segment`: prints the segments of a document as the pipeline sees them, one per line
//! with placeholders as `{1}`…`{/1}` and `{2/}`, or as JSON, to inspect and tune the rules.

#![deny(clippy::string_slice)]

use crate::config::Config;
use crate::error::Error;
use crate::format::{Format, html};
use crate::lang::Locale;
use crate::pipeline::load_document;
use crate::segment::Segmenter;
use crate::ui::Ui;
use std::io::{BufRead, BufReader, BufWriter, Write};
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
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if args.format == SegmentFormat::Lines && Format::from_path(&args.file)? == Format::Plain && !args.file.is_dir() {
        stream_plain(&args.file, &segmenter, &mut out)?;
        out.flush()?;
        return Ok(0);
    }
    let (_, doc) = load_document(&args.file, &segmenter)?;
    report_html_repairs(ui, std::slice::from_ref(&args.file), &segmenter);
    match args.format {
        SegmentFormat::Lines => {
            for seg in doc.segments() {
                writeln!(out, "{}", seg.source)?;
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
            serde_json::to_writer_pretty(&mut out, &rows)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// Prints the segments of a plain-text document block by block, as it reads it: a block
/// (lines up to a blank line) is a unit of the plain format and nothing crosses a blank line,
/// so memory holds one block, not the file, and output starts at once. Each block goes
/// through the format's own extraction; the file is refused as [`crate::format::read_source`]
/// refuses it (a NUL byte: binary; bytes that are not UTF-8; nothing but whitespace: empty),
/// with the line, after printing the blocks before the fault.
fn stream_plain(path: &Path, segmenter: &Segmenter, out: &mut impl Write) -> anyhow::Result<()> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut line, mut block) = (Vec::new(), String::new());
    let (mut line_no, mut units) = (0, 0);
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).map_err(read_error)? == 0 {
            break;
        }
        line_no += 1;
        if line.contains(&0) {
            return Err(Error::Binary {
                path: path.to_path_buf(),
                line: line_no,
            }
            .into());
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            return Err(not_utf8(path, line_no, &mut reader).into());
        };
        let text = if line_no == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if text.trim().is_empty() {
            units += print_block(&mut block, segmenter, out)?;
        } else {
            block.push_str(text);
        }
    }
    units += print_block(&mut block, segmenter, out)?;
    if units == 0 {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(())
}

/// Segments one block of a plain-text document, prints its segments and empties it; returns
/// how many units it held.
fn print_block(block: &mut String, segmenter: &Segmenter, out: &mut impl Write) -> std::io::Result<usize> {
    if block.is_empty() {
        return Ok(0);
    }
    let doc = Format::Plain.extract(std::mem::take(block), segmenter);
    for seg in doc.segments() {
        writeln!(out, "{}", seg.source)?;
    }
    *block = doc.source;
    block.clear();
    Ok(doc.units.len())
}

/// The error for a line that is not UTF-8, unless a NUL byte further on makes the file binary
/// (as reading it whole would say).
fn not_utf8(path: &Path, line_no: usize, reader: &mut impl BufRead) -> Error {
    let mut rest = Vec::new();
    let mut line = line_no;
    loop {
        rest.clear();
        match reader.read_until(b'\n', &mut rest) {
            Ok(0) | Err(_) => break,
            Ok(_) => line += 1,
        }
        if rest.contains(&0) {
            return Error::Binary {
                path: path.to_path_buf(),
                line,
            };
        }
    }
    Error::NotUtf8 {
        path: path.to_path_buf(),
        line: line_no,
    }
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
