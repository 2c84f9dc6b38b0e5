//! `l10n segment`: prints the segments of a document as the pipeline sees them, one per line
//! with placeholders as `{1}`…`{/1}` and `{2/}`, or as JSON, to inspect and tune the rules.

#![deny(clippy::string_slice)]

use crate::config::Config;
use crate::error::Error;
use crate::format::Format;
use crate::lang::Locale;
use crate::model::FindingKind;
use crate::segment::Segmenter;
use crate::ui::Ui;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{self, SyncSender};

/// Tells the user what an extractor repaired in a document, with positions.
pub(super) fn print_repairs(ui: &Ui, repairs: &[crate::pipeline::Repaired]) {
    for r in repairs {
        eprintln!(
            "{}",
            ui.msg(
                "html-repaired",
                &[
                    ("path", r.input.as_path().into()),
                    ("line", r.line.into()),
                    ("column", r.column.into()),
                    ("reason", r.reason.as_str().into()),
                ],
            )
        );
    }
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
    /// The document (plain text, Markdown, HTML or Fluent)
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
    let segmenter = config.segmenter(&locale)?;
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if args.format == SegmentFormat::Lines && Format::from_path(&args.file)? == Format::Plain && !args.file.is_dir() {
        stream_plain(&args.file, &segmenter, &mut out)?;
        out.flush()?;
        return Ok(0);
    }
    // Extracted as `translate` extracts it: the project's front-matter keys included.
    let reference = crate::project::DocumentRef::file(args.file.clone());
    let loaded = crate::plan::load_one(&reference, &segmenter, &config.markdown.extract_options())?;
    print_findings(ui, &loaded);
    let doc = loaded.doc;
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

/// What the extractor repaired, and the text it could not place (which stays English).
fn print_findings(ui: &Ui, loaded: &crate::plan::Loaded) {
    let repairs: Vec<_> = crate::plan::report::document_repairs(loaded).collect();
    print_repairs(ui, &repairs);
    let path = loaded.path();
    for f in loaded.findings(FindingKind::NotExtracted) {
        eprintln!(
            "{}",
            ui.msg(
                "segment-not-extracted",
                &[
                    ("path", path.into()),
                    ("line", f.line.into()),
                    ("what", f.finding.detail.as_str().into()),
                ],
            )
        );
    }
}

/// Bytes of blocks handed to a worker at once: large enough that handing over costs nothing,
/// small enough that memory stays a few MB whatever the file.
const CHUNK_BYTES: usize = 256 * 1024;

/// Prints the segments of a plain-text document as it reads it. A block (lines up to a blank
/// line) is a unit of the plain format and nothing crosses a blank line, so the reader cuts
/// the file at blank lines into chunks of whole blocks; workers (one per core) run the
/// format's own extraction on each, and this thread prints their segments in file order.
/// Channels are bounded: memory holds a few chunks (or the largest block), not the file.
/// The file is refused as [`crate::format::read_source`] refuses it (a NUL byte: binary;
/// bytes that are not UTF-8; nothing but whitespace: empty), with the line, after printing
/// the blocks before the fault.
fn stream_plain(path: &Path, segmenter: &Segmenter, out: &mut impl Write) -> anyhow::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<(usize, String)>(workers);
    let chunk_rx = Mutex::new(chunk_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, String, usize)>(workers);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let reader = scope.spawn(move || read_chunks(path, &chunk_tx));
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let chunk_rx = &chunk_rx;
            scope.spawn(move || {
                // The lock is held only to take the next chunk.
                while let Ok((seq, chunk)) = chunk_rx.lock().map_err(drop).and_then(|rx| rx.recv().map_err(drop)) {
                    let (printed, units) = segment_chunk(chunk, segmenter);
                    if done_tx.send((seq, printed, units)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Chunks come back in any order: keep the early ones until their turn.
        let (mut next, mut units) = (0, 0);
        let mut waiting = BTreeMap::new();
        let mut written = Ok(());
        for (seq, printed, n) in done_rx {
            waiting.insert(seq, (printed, n));
            while let Some((printed, n)) = waiting.remove(&next) {
                if written.is_ok() {
                    written = out.write_all(printed.as_bytes());
                }
                units += n;
                next += 1;
            }
        }
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reader of {} stopped", path.display()))?;
        written?;
        read?;
        if units == 0 {
            return Err(Error::Empty {
                path: path.to_path_buf(),
            }
            .into());
        }
        Ok(())
    })
}

/// Reads `path` line by line and sends it on in chunks of whole blocks, numbered in order.
fn read_chunks(path: &Path, chunks: &SyncSender<(usize, String)>) -> Result<(), Error> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let (mut line, mut chunk) = (Vec::new(), String::new());
    let (mut line_no, mut seq) = (0, 0);
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
            });
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            return Err(not_utf8(path, line_no, &mut reader));
        };
        let text = if line_no == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        let blank = text.trim().is_empty();
        chunk.push_str(text);
        if blank && chunk.len() >= CHUNK_BYTES {
            if chunks.send((seq, std::mem::take(&mut chunk))).is_err() {
                return Ok(());
            }
            seq += 1;
        }
    }
    if !chunk.is_empty() {
        let _ = chunks.send((seq, chunk));
    }
    Ok(())
}

/// The segments of a chunk of whole blocks, one per line, and how many units it held.
fn segment_chunk(chunk: String, segmenter: &Segmenter) -> (String, usize) {
    use std::fmt::Write as _;
    let doc = Format::Plain.extract(chunk, segmenter);
    let mut printed = String::with_capacity(doc.source.len());
    for seg in doc.segments() {
        // Writing to a String cannot fail.
        let _ = writeln!(printed, "{}", seg.source);
    }
    (printed, doc.units.len())
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
