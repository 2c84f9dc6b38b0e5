//! A project document as the plan sees it: read, checked, extracted with the project's one
//! segmenter, and indexed by line once so that every segment's line number is a binary search
//! (never a rescan of the text before it: that made `translate` quadratic in a document's size).

use crate::error::{Error, Result};
use crate::format::{ExtractOptions, Format, read_source};
use crate::model::{Document, Finding, FindingKind};
use crate::project::DocumentRef;
use crate::segment::Segmenter;
use std::path::Path;

/// The byte offsets where lines start; line numbers are 1-based.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line of a byte offset (an offset past the end is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        // `starts[0]` is 0, so at least one start is <= offset.
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The 1-based column (in characters) of a byte offset of `text`, the text indexed.
    pub fn column_of(&self, text: &str, offset: usize) -> usize {
        let start = self.starts[self.line_of(offset) - 1];
        let before = text.get(start..offset.min(text.len())).unwrap_or_default();
        before.chars().count() + 1
    }
}

/// An extractor's finding with its position.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    pub line: usize,
    pub column: usize,
    pub finding: &'a Finding,
}

/// One document, loaded.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub reference: DocumentRef,
    pub format: Format,
    pub doc: Document,
    pub lines: LineIndex,
}

impl Loaded {
    pub fn path(&self) -> &Path {
        &self.reference.path
    }

    /// The line a segment starts on.
    pub fn line(&self, segment: &crate::model::Segment) -> usize {
        self.lines.line_of(segment.span.start)
    }

    /// The extractor's findings of one kind, in source order, with their positions.
    pub fn findings(&self, kind: FindingKind) -> impl Iterator<Item = Located<'_>> {
        self.doc
            .findings
            .iter()
            .filter(move |f| f.kind == kind)
            .map(|f| Located {
                line: self.lines.line_of(f.at),
                column: self.lines.column_of(&self.doc.source, f.at),
                finding: f,
            })
    }
}

/// Reads, checks and extracts one document. A file that does not exist is reported as not
/// found (before its name is judged), a folder as a folder, an empty document as empty.
pub fn load_one(reference: &DocumentRef, segmenter: &Segmenter, options: &ExtractOptions) -> Result<Loaded> {
    let path = &reference.path;
    if let Err(source) = std::fs::metadata(path) {
        return Err(Error::Read {
            path: path.clone(),
            source,
        });
    }
    if path.is_dir() {
        return Err(Error::IsDirectory { path: path.clone() });
    }
    let format = Format::from_path(path)?;
    let text = read_source(path)?;
    crate::format::validate(format, &text, path)?;
    let doc = format.extract_with(text, segmenter, options);
    // A page whose only text could not be extracted is not empty: it is reported as missing.
    let not_extracted = doc.findings.iter().any(|f| f.kind == FindingKind::NotExtracted);
    if doc.units.is_empty() && !not_extracted {
        return Err(Error::Empty { path: path.clone() });
    }
    let lines = LineIndex::new(&doc.source);
    Ok(Loaded {
        reference: reference.clone(),
        format,
        doc,
        lines,
    })
}

/// The 1-based line of a byte offset, counted from the start (for one-off use; a document's
/// segments use its [`LineIndex`]).
pub fn line_of(text: &str, offset: usize) -> usize {
    LineIndex::new(text).line_of(offset)
}

/// Loads every document of the project, in order; the first bad one stops everything before
/// anything is sent or written.
pub fn load(project: &crate::project::Project) -> Result<Vec<Loaded>> {
    project
        .documents
        .iter()
        .map(|d| load_one(d, &project.segmenter, &project.extract))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_counting() {
        let text = "a\nbb\n\nccc\n";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 3 {
            let counted = 1 + text.as_bytes()[..offset.min(text.len())]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            assert_eq!(index.line_of(offset), counted, "offset {offset}");
        }
    }
}
