//! What the memory holds for a project's documents: per document and language, segments and
//! words by origin and state, what is missing, and glossary compliance. Read-only: it sends
//! nothing and writes nothing.

use crate::error::Result;
use crate::glossary::enforce::Terminology;
use crate::lang::Locale;
use crate::memory::Memory;
use crate::model::{FindingKind, Origin, State, Text};
use crate::plan::{Plan, Status};
use crate::project::Project;
use serde::Serialize;
use std::path::PathBuf;

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

/// The status of every document of the project in every target language, counted from the
/// plan with the memory alone (what `translate --backend memory` would publish).
pub fn status(project: &Project, memory: &Memory) -> Result<Vec<DocumentStatus>> {
    let mut project = project.clone();
    project.backend = crate::backend::Backend::MemoryOnly;
    let plan = Plan::build(&project, memory)?;
    let terminology = Terminology::new(&project.glossary, &project.source);
    Ok((0..plan.documents.len())
        .map(|d| document_status(&plan, &terminology, d))
        .collect())
}

fn document_status(plan: &Plan, terminology: &Terminology<'_>, d: usize) -> DocumentStatus {
    let loaded = &plan.documents[d];
    // With their index in the document, which names their sentence in the plan.
    let segments: Vec<_> = loaded
        .doc
        .segments()
        .enumerate()
        .filter(|(_, s)| s.source.has_words())
        .collect();
    let mut rows: Vec<Row> = segments
        .iter()
        .map(|(_, s)| Row {
            line: loaded.line(s),
            source: s.source.plain_text(),
            targets: Vec::new(),
        })
        .collect();
    let mut locales = Vec::new();
    for (l, locale) in plan.locales.iter().enumerate() {
        let verifier = terminology.verifier(&locale.target);
        let mut st = LocaleStatus {
            locale: locale.target.tag().to_string(),
            ..LocaleStatus::default()
        };
        let decisions = plan.decisions(d, l).into_iter().filter(|d| d.status != Status::Copied);
        for ((&(k, seg), row), decision) in segments.iter().zip(rows.iter_mut()).zip(decisions) {
            st.segments += 1;
            let w = words(&seg.source, &plan.source);
            st.words += w;
            let expected: Vec<usize> = locale
                .sentence_at(plan, d, k)
                .map(|s| s.matches.iter().map(|m| m.concept).collect())
                .unwrap_or_default();
            st.terms_expected += expected.len();
            st.needs_review += usize::from(decision.status == Status::NeedsReview);
            match &decision.translation {
                Some(t) => {
                    match t.origin {
                        Origin::Human { .. } => st.human += 1,
                        Origin::Machine { .. } => st.machine += 1,
                    }
                    st.reviewed += usize::from(matches!(t.state, State::Reviewed | State::Final));
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
        // Text the extractor could not place stays English: missing in every language.
        // (Its words are not counted: the extractor could not read them.)
        let not_extracted = loaded.findings(FindingKind::NotExtracted).count();
        st.segments += not_extracted;
        st.missing += not_extracted;
        st.complete = if st.segments == 0 {
            100.0
        } else {
            100.0 * (st.segments - st.missing) as f64 / st.segments as f64
        };
        locales.push(st);
    }
    DocumentStatus {
        path: loaded.path().to_path_buf(),
        locales,
        rows,
    }
}
