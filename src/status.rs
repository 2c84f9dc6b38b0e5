//! What the memory holds for a project's documents: per document and language, segments and
//! words by origin and state, what is missing, and glossary compliance. Read-only: it sends
//! nothing and writes nothing.

use crate::error::Result;
use crate::glossary::Glossary;
use crate::glossary::enforce::Terminology;
use crate::lang::Locale;
use crate::memory::{Memory, Reuse};
use crate::model::{Origin, State, Text};
use crate::pipeline::{line_of, load_document};
use crate::segment::Segmenter;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Counts for one document in one language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    pub segments: usize,
    pub words: usize,
    /// Segments by where their best translation came from.
    pub machine: usize,
    pub human: usize,
    /// Of the translated segments, those reviewed or final.
    pub reviewed: usize,
    pub needs_review: usize,
    pub missing: usize,
    /// Words still to translate.
    pub missing_words: usize,
    pub terms_expected: usize,
    pub terms_failing: usize,
    /// Completion in percent of segments.
    pub complete: f64,
}

/// One segment, side by side with its translations (for the report).
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub line: usize,
    pub source: String,
    /// Per locale, in the order of `DocumentStatus::locales`: the translation, if any.
    pub targets: Vec<Option<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentStatus {
    pub path: PathBuf,
    pub locales: Vec<LocaleStatus>,
    pub rows: Vec<Row>,
}

/// Counts the words of a text: whitespace-separated tokens, or characters in scripts written
/// without spaces.
pub fn words(text: &Text, locale: &Locale) -> usize {
    let plain = text.plain_text();
    match locale.script().as_str() {
        "Hans" | "Hant" | "Jpan" => plain.chars().filter(|c| c.is_alphanumeric()).count(),
        _ => plain
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count(),
    }
}

pub fn status(
    documents: &[PathBuf],
    source: &Locale,
    targets: &[Locale],
    memory: &Memory,
    glossary: &Glossary,
    segmenter: &Segmenter,
) -> Result<Vec<DocumentStatus>> {
    let terminology = Terminology::new(glossary, source);
    let mut out = Vec::new();
    for path in documents {
        out.push(document_status(path, source, targets, memory, &terminology, segmenter)?);
    }
    Ok(out)
}

fn document_status(
    path: &Path,
    source: &Locale,
    targets: &[Locale],
    memory: &Memory,
    terminology: &Terminology<'_>,
    segmenter: &Segmenter,
) -> Result<DocumentStatus> {
    let (_, doc) = load_document(path, segmenter)?;
    let segments: Vec<_> = doc.segments().filter(|s| s.source.has_words()).collect();
    let mut rows: Vec<Row> = segments
        .iter()
        .map(|s| Row {
            line: line_of(&doc.source, s.span.start),
            source: s.source.plain_text(),
            targets: Vec::new(),
        })
        .collect();
    let mut locales = Vec::new();
    for target in targets {
        let verifier = terminology.verifier(target);
        let mut st = LocaleStatus {
            locale: target.tag().to_string(),
            ..LocaleStatus::default()
        };
        for (seg, row) in segments.iter().zip(rows.iter_mut()) {
            st.segments += 1;
            let w = words(&seg.source, source);
            st.words += w;
            let matches = terminology.matches(&seg.source);
            let expected: Vec<usize> = matches.iter().map(|m| m.concept).collect();
            st.terms_expected += expected.len();
            match memory.lookup(source.tag(), target.tag(), &seg.source, &Reuse::AnyMachine)? {
                Some(t) => {
                    match t.origin {
                        Origin::Human { .. } => st.human += 1,
                        Origin::Machine { .. } => st.machine += 1,
                    }
                    match t.state {
                        State::Reviewed | State::Final => st.reviewed += 1,
                        State::NeedsReview => st.needs_review += 1,
                        State::Translated => {}
                    }
                    st.terms_failing += verifier.check(&t.target.plain_text(), &expected).len();
                    row.targets.push(Some(t.target.plain_text()));
                }
                None => {
                    st.missing += 1;
                    st.missing_words += w;
                    row.targets.push(None);
                }
            }
        }
        st.complete = if st.segments == 0 {
            100.0
        } else {
            100.0 * (st.segments - st.missing) as f64 / st.segments as f64
        };
        locales.push(st);
    }
    Ok(DocumentStatus {
        path: path.to_path_buf(),
        locales,
        rows,
    })
}
