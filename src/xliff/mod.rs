//! XLIFF for human review: export what translators need (XLIFF 2.0 with the Glossary and
//! Translation Candidates modules, or XLIFF 1.2), and import what they send back.
//!
//! The writers ([`v2`], [`v12`]) take [`ExportUnit`]s that [`export`] builds from a document,
//! the memory and the glossary; [`read`] turns any XLIFF 2.x or 1.2 file (also re-saved by
//! other tools) into [`ReadUnit`]s that [`import`] checks against the project's documents
//! before anything is stored. Nothing here ever uses a path found inside a file to open or
//! write anything: `original` is only a name to look up.

#![deny(clippy::string_slice)]

pub mod export;
pub mod import;
pub mod read;
pub mod v12;
pub mod v2;

use crate::model::{Origin, Part, Placeholder, PlaceholderKind, State, Text};

/// Which XLIFF to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V2,
    V12,
}

/// A fuzzy match offered to the translator (XLIFF 2 `<mtc:match>`, 1.2 `<alt-trans>`).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Similarity of the candidate's source to the unit's source, 0–100.
    pub score: u8,
    pub source: Text,
    pub target: Text,
    pub origin: Origin,
}

/// A glossary entry that applies to the unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossEntry {
    pub source: String,
    pub target: Option<String>,
    pub definition: Option<String>,
}

/// One segment as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportUnit {
    pub id: String,
    pub source: Text,
    /// The current best translation, if any.
    pub target: Option<(Text, Origin, State)>,
    /// Notes for the reviewer, by category (`heading`, `previous`, `next`, `engine`, `qa`).
    pub notes: Vec<(&'static str, String)>,
    pub glossary: Vec<GlossEntry>,
    pub candidates: Vec<Candidate>,
}

/// One document into one language, as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    /// The document's name (its path as the project lists it); never a path to write to.
    pub original: String,
    pub source_lang: String,
    pub target_lang: String,
    pub units: Vec<ExportUnit>,
}

/// The stable id of a segment: a digest of its memory key and its neighbours' keys, so it does
/// not depend on the segment's position and survives paragraphs added elsewhere.
pub fn unit_id(key: &str, previous: Option<&str>, next: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    for part in [Some(key), previous, next] {
        h.update(part.unwrap_or("\u{0}none").as_bytes());
        h.update(&[0xff]);
    }
    let hex = h.finalize().to_hex();
    // boundary: a hex digest is 64 ASCII digits.
    #[allow(clippy::string_slice)]
    let short = &hex[..16];
    format!("u{short}")
}

/// The close placeholder matching an open one in `text` (its original markup for `dispEnd`).
pub(crate) fn closing_of<'t>(text: &'t Text, open: &Placeholder) -> Option<&'t Placeholder> {
    text.placeholders()
        .find(|p| p.id == open.id && p.kind == PlaceholderKind::Close)
}

/// The inline-code skeleton of a text, for comparing source and target codes: each
/// placeholder's kind and id, sorted.
pub(crate) fn code_set(text: &Text) -> Vec<(u8, u32)> {
    let mut codes: Vec<(u8, u32)> = text
        .0
        .iter()
        .filter_map(|p| match p {
            Part::Placeholder(ph) => Some((ph.kind as u8, ph.id)),
            Part::Str(_) => None,
        })
        .collect();
    codes.sort_unstable();
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_ids_depend_on_text_and_context_not_position() {
        let a = unit_id("Hello.", Some("Before."), Some("After."));
        assert_eq!(a, unit_id("Hello.", Some("Before."), Some("After.")));
        assert_ne!(a, unit_id("Hello!", Some("Before."), Some("After.")));
        assert_ne!(a, unit_id("Hello.", None, Some("After.")));
        assert!(a.starts_with('u') && a.len() == 17);
    }
}
