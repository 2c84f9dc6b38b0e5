//! Building the units of an export: every translatable segment of a document with its stable
//! id, the memory's current best translation and state, the reviewer's context (heading,
//! neighbouring sentences, engine, QA and glossary findings), the glossary entries it uses,
//! and memory candidates with their scores.

use super::{Candidate, ExportFile, ExportUnit, GlossEntry, unit_id};
use crate::error::Result;
use crate::glossary::enforce::Terminology;
use crate::glossary::verify::Violation;
use crate::lang::Locale;
use crate::memory::Memory;
use crate::model::{Document, Origin, State, Text, UnitKind};
use crate::plan::{Decision, Status};
use std::collections::HashSet;

/// Which segments to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Include {
    /// Only segments the memory has no translation for.
    Untranslated,
    /// Those, and segments with only machine work (the default: everything no person has seen).
    Machine,
    /// Every translatable segment.
    All,
}

/// A translatable segment of a document as import and export see it.
#[derive(Debug, Clone)]
pub struct KnownSegment {
    pub id: String,
    pub key: String,
    pub source: Text,
    /// The text of the heading the segment sits under.
    pub heading: Option<String>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// The segments of `doc` that have words, with their unit ids.
pub fn known_segments(doc: &Document) -> Vec<KnownSegment> {
    let mut flat: Vec<(&Text, Option<String>)> = Vec::new();
    let mut heading: Option<String> = None;
    for unit in &doc.units {
        if matches!(unit.kind, UnitKind::Title | UnitKind::Heading) {
            let text: Vec<String> = unit.segments.iter().map(|s| s.source.plain_text()).collect();
            heading = Some(text.join(" ").trim().to_string());
        }
        for s in &unit.segments {
            flat.push((&s.source, heading.clone()));
        }
    }
    let keys: Vec<String> = flat.iter().map(|(t, _)| t.memory_key()).collect();
    let mut out = Vec::new();
    for (i, (text, heading)) in flat.iter().enumerate() {
        if !text.has_words() {
            continue;
        }
        let previous = i.checked_sub(1).map(|j| keys[j].as_str());
        let next = keys.get(i + 1).map(String::as_str);
        out.push(KnownSegment {
            id: unit_id(&keys[i], previous, next),
            key: keys[i].clone(),
            source: (*text).clone(),
            heading: heading.clone(),
            previous: i.checked_sub(1).map(|j| as_written(flat[j].0)),
            next: flat.get(i + 1).map(|(t, _)| as_written(t)),
        });
    }
    out
}

/// Everything an export of one document needs besides the document.
pub struct Exporter<'a> {
    pub memory: &'a Memory,
    pub terminology: &'a Terminology<'a>,
    pub source: &'a Locale,
    pub include: Include,
}

impl Exporter<'_> {
    /// The export of `doc` (named `original`) into `target`; `None` when no segment qualifies.
    /// `decisions` are the plan's for `doc` in `target` (one per segment): what the plan would
    /// publish is the unit's target, and what it lacks is untranslated (pseudo text never is
    /// a target).
    pub fn build(
        &self,
        original: &str,
        doc: &Document,
        target: &Locale,
        decisions: &[Decision],
    ) -> Result<Option<ExportFile>> {
        let verifier = self.terminology.verifier(target);
        let glossary = self.terminology.glossary();
        let mut units = Vec::new();
        let published = decisions
            .iter()
            .filter(|d| d.status != Status::Copied)
            .map(|d| d.translation.clone());
        for (seg, best) in known_segments(doc).into_iter().zip(published) {
            let wanted = match (&best, self.include) {
                (_, Include::All) | (None, _) => true,
                (Some(t), Include::Machine) => !t.origin.is_human(),
                (Some(_), Include::Untranslated) => false,
            };
            if !wanted {
                continue;
            }
            let matches = self.terminology.matches(&seg.source);
            let mut notes: Vec<(&'static str, String)> = Vec::new();
            if let Some(h) = &seg.heading {
                notes.push(("heading", h.clone()));
            }
            if let Some(p) = &seg.previous {
                notes.push(("previous", p.clone()));
            }
            if let Some(n) = &seg.next {
                notes.push(("next", n.clone()));
            }
            if let Some(t) = &best {
                notes.push(("engine", describe_origin(&t.origin)));
                if t.state == State::NeedsReview {
                    notes.push((
                        "qa",
                        "the draft was marked needs-review by the pipeline's checks".into(),
                    ));
                }
                let expected: Vec<usize> = matches.iter().map(|m| m.concept).collect();
                for v in verifier.check(&t.target.plain_text(), &expected) {
                    let concept = &glossary.concepts[v.concept()];
                    notes.push((
                        "glossary",
                        match v {
                            Violation::Missing { .. } => format!(
                                "term {} missing: expected “{}”",
                                concept.id,
                                concept
                                    .preferred(self.source, target)
                                    .map(|t| t.text.as_str())
                                    .unwrap_or("")
                            ),
                            Violation::Forbidden { term, .. } => {
                                format!("forbidden term “{term}” ({})", concept.id)
                            }
                        },
                    ));
                }
            }
            let mut entries: Vec<GlossEntry> = Vec::new();
            let mut seen = HashSet::new();
            for m in &matches {
                if !seen.insert(m.concept) {
                    continue;
                }
                let concept = &glossary.concepts[m.concept];
                let source_form = match seg.source.0.get(m.part) {
                    Some(crate::model::Part::Str(s)) => s[m.range.clone()].to_string(),
                    _ => continue,
                };
                entries.push(GlossEntry {
                    source: source_form,
                    target: concept.preferred(self.source, target).map(|t| t.text.clone()),
                    definition: concept.note.clone(),
                });
            }
            units.push(ExportUnit {
                id: seg.id,
                candidates: self.candidates(&seg.source, &seg.key, target)?,
                target: best.map(|t| (t.target, t.origin, t.state)),
                source: seg.source,
                notes,
                glossary: entries,
            });
        }
        if units.is_empty() {
            return Ok(None);
        }
        Ok(Some(ExportFile {
            original: original.to_string(),
            source_lang: self.source.tag().to_string(),
            target_lang: target.tag().to_string(),
            units,
        }))
    }

    /// Memory entries whose source resembles this one: pre-selected by the segment's longest
    /// word, scored by word overlap (Dice), the best three at 50 % or more.
    /// Fuzzy matches from the memory (75% and up, the best three), never the sentence itself.
    /// First the alternatives of this very sentence that human work kept aside (a lower-state
    /// translation that met a better one: see `memory::merge_human`), for the translator to
    /// weigh.
    fn candidates(&self, source: &Text, key: &str, target: &Locale) -> Result<Vec<Candidate>> {
        let alternatives = self.memory.versions(self.source.tag(), target.tag(), source, false)?;
        let keyed = crate::memory::placeholder_skeleton(key);
        let alternatives = alternatives.into_iter().map(|v| Candidate {
            score: 100,
            source: keyed.clone(),
            target: v.target,
            origin: Origin::Human { file: v.file },
        });
        let matches = self.memory.fuzzy(self.source.tag(), target.tag(), source, 4, 0.75)?;
        Ok(alternatives
            .chain(
                matches
                    .into_iter()
                    .filter(|m| m.source.memory_key() != key)
                    .take(3)
                    .map(|m| Candidate {
                        score: (m.score * 100.0).round() as u8,
                        source: m.source,
                        target: m.target,
                        origin: m.origin,
                    }),
            )
            .collect())
    }
}

/// A neighbouring sentence as the reader of the document sees it, markup included.
fn as_written(text: &Text) -> String {
    let mut out = String::new();
    for part in &text.0 {
        match part {
            crate::model::Part::Str(s) => out.push_str(s),
            crate::model::Part::Placeholder(p) => out.push_str(&p.original),
        }
    }
    out.trim().to_string()
}

/// Appends `s` escaped for XML text content, each character XML cannot carry written by
/// `code` instead of being dropped.
pub(super) fn split_xml_chars(s: &str, out: &mut String, mut code: impl FnMut(char, &mut String)) {
    let mut rest = s;
    while let Some((at, c)) = rest.char_indices().find(|(_, c)| !crate::xml::is_xml_char(*c)) {
        let (before, after) = rest.split_at(at);
        out.push_str(&crate::xml::escape(before));
        code(c, out);
        rest = after.get(c.len_utf8()..).unwrap_or("");
    }
    out.push_str(&crate::xml::escape(rest));
}

fn describe_origin(origin: &Origin) -> String {
    match origin {
        Origin::Machine { engine, model: Some(m) } => format!("machine translation by {engine} ({m})"),
        Origin::Machine { engine, model: None } => format!("machine translation by {engine}"),
        Origin::Human { file: Some(f) } => format!("human translation from {f}"),
        Origin::Human { file: None } => "human translation".into(),
    }
}
