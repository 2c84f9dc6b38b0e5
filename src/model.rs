//! The one neutral data model every stage speaks.
//!
//! A [`Document`] is a list of [`Unit`]s (a title, a heading, a paragraph, a list item, a table
//! cell); a unit is a list of [`Segment`]s (sentences) separated by the original whitespace; a
//! segment's text is a [`Text`]: plain runs and inline [`Placeholder`]s. Formats convert to and
//! from this model and nothing past `format/` sees Markdown or HTML syntax: inline markup travels
//! as placeholders that remember their original bytes.
//!
//! [`Text`] has one canonical string form, [`Text::tagged`], used as the translation memory key
//! and as the wire form for engines that understand XML tags:
//! `Read <g id="1">the deal</g> at <x id="2"/>.` Literal `<` and `&` are escaped, so the
//! form is unambiguous and parses back with [`Text::parse_tagged`].

#![deny(clippy::string_slice)]

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// How a placeholder sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceholderKind {
    /// Opens a span (`**`, `<a href=…>`); always closed by a [`PlaceholderKind::Close`] with the same id.
    Open,
    /// Closes the span opened with the same id.
    Close,
    /// Stands alone (inline code, a line break, a variable such as `[YourSiteName]`).
    Standalone,
}

/// An inline piece of markup that a translator or engine must keep but never sees as syntax.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placeholder {
    /// Number unique within its segment; an open and its close share it.
    pub id: u32,
    pub kind: PlaceholderKind,
    /// What it is, for people: `b`, `i`, `link`, `code`, `br`, `var`, `html`…
    pub label: String,
    /// The exact source bytes it replaces (`**`, `](https://…)`, `` `x` ``).
    pub original: String,
}

/// One piece of segment text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Part {
    Str(String),
    Placeholder(Placeholder),
}

/// A run of text with inline placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text(pub Vec<Part>);

/// A parse error of the tagged form (an engine or a file returned something malformed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("malformed tagged text at byte {offset}: {reason}")]
pub struct TaggedError {
    pub offset: usize,
    pub reason: String,
}

impl Text {
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![Part::Str(s.into())])
    }

    /// Appends a string, merging it with a preceding string part.
    pub fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(Part::Str(last)) = self.0.last_mut() {
            last.push_str(s);
        } else {
            self.0.push(Part::Str(s.to_string()));
        }
    }

    pub fn push_placeholder(&mut self, p: Placeholder) {
        self.0.push(Part::Placeholder(p));
    }

    pub fn placeholders(&self) -> impl Iterator<Item = &Placeholder> {
        self.0.iter().filter_map(|p| match p {
            Part::Placeholder(ph) => Some(ph),
            Part::Str(_) => None,
        })
    }

    /// The text without its placeholders, as a reader or a word counter sees it.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for part in &self.0 {
            if let Part::Str(s) = part {
                out.push_str(s);
            }
        }
        out
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|p| match p {
            Part::Str(s) => s.trim().is_empty(),
            Part::Placeholder(_) => true,
        })
    }

    /// Whether there is anything a translator could translate (letters, not only digits,
    /// punctuation and placeholders).
    pub fn has_words(&self) -> bool {
        self.0
            .iter()
            .any(|p| matches!(p, Part::Str(s) if s.chars().any(char::is_alphabetic)))
    }

    /// The canonical tagged form: `<g id="N">…</g>` for pairs, `<x id="N"/>` for standalone
    /// placeholders, `&lt;` / `&amp;` for literal `<` and `&`.
    pub fn tagged(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for part in &self.0 {
            // Writing to a String cannot fail.
            let _ = match part {
                Part::Str(s) => {
                    escape_into(s, &mut out);
                    Ok(())
                }
                Part::Placeholder(p) => match p.kind {
                    PlaceholderKind::Open => write!(out, "<g id=\"{}\">", p.id),
                    PlaceholderKind::Close => write!(out, "</g>"),
                    PlaceholderKind::Standalone => write!(out, "<x id=\"{}\"/>", p.id),
                },
            };
        }
        out
    }

    /// The memory key: the tagged form with surrounding whitespace trimmed and placeholders
    /// renumbered in order of appearance, so that differences that cannot change a translation
    /// do not miss the memory.
    pub fn memory_key(&self) -> String {
        self.renumbered().0.tagged().trim().to_string()
    }

    /// The text with placeholders numbered 1, 2, … in order of appearance, and the map from
    /// old ids to new ones.
    pub fn renumbered(&self) -> (Text, HashMap<u32, u32>) {
        let mut map = HashMap::new();
        for p in self.placeholders() {
            let next = map.len() as u32 + 1;
            map.entry(p.id).or_insert(next);
        }
        (self.map_ids(&map), map)
    }

    /// The text with placeholder ids replaced through `map` (ids not in it are kept).
    pub fn map_ids(&self, map: &HashMap<u32, u32>) -> Text {
        Text(
            self.0
                .iter()
                .map(|part| match part {
                    Part::Placeholder(p) => Part::Placeholder(Placeholder {
                        id: map.get(&p.id).copied().unwrap_or(p.id),
                        ..p.clone()
                    }),
                    Part::Str(s) => Part::Str(s.clone()),
                })
                .collect(),
        )
    }

    /// Parses the tagged form, taking each placeholder's label and original bytes from
    /// `source` (the segment the text translates). Unknown ids, unbalanced pairs and stray
    /// markup are errors: an engine's output can never invent markup.
    pub fn parse_tagged(tagged: &str, source: &Text) -> Result<Text, TaggedError> {
        let lookup = |id: u32, kind: PlaceholderKind, offset: usize| {
            source
                .placeholders()
                .find(|p| p.id == id && p.kind == kind)
                .cloned()
                .ok_or_else(|| TaggedError {
                    offset,
                    reason: format!("placeholder {id} is not in the source"),
                })
        };
        let mut out = Text::default();
        let mut open: Vec<u32> = Vec::new();
        let mut rest = tagged;
        let mut offset = 0;
        while let Some(pos) = rest.find(['<', '&']) {
            // boundary: `pos` is where `find` found an ASCII `<` or `&`.
            #[allow(clippy::string_slice)]
            let (before, tail) = (&rest[..pos], &rest[pos..]);
            out.push_str(before);
            let at = offset + pos;
            let consumed = if let Some(t) = tail.strip_prefix("&lt;") {
                out.push_str("<");
                tail.len() - t.len()
            } else if let Some(t) = tail.strip_prefix("&gt;") {
                out.push_str(">");
                tail.len() - t.len()
            } else if let Some(t) = tail.strip_prefix("&amp;") {
                out.push_str("&");
                tail.len() - t.len()
            } else if let Some(t) = tail.strip_prefix("&quot;") {
                out.push_str("\"");
                tail.len() - t.len()
            } else if tail.starts_with('&') {
                out.push_str("&");
                1
            } else if let Some(t) = tail.strip_prefix("</g>") {
                let id = open.pop().ok_or_else(|| TaggedError {
                    offset: at,
                    reason: "closing tag without an opening one".into(),
                })?;
                out.push_placeholder(lookup(id, PlaceholderKind::Close, at)?);
                tail.len() - t.len()
            } else {
                let end = tail.find('>').ok_or_else(|| TaggedError {
                    offset: at,
                    reason: "unterminated tag".into(),
                })?;
                // boundary: `tail` starts with the ASCII `<`; `end` is where `find` found `>`.
                #[allow(clippy::string_slice)]
                let tag = &tail[1..end];
                let (name, standalone) = match tag.strip_suffix('/') {
                    Some(t) => (t.trim(), true),
                    None => (tag.trim(), false),
                };
                let id = parse_id(name).ok_or_else(|| TaggedError {
                    offset: at,
                    reason: format!("unexpected markup <{tag}>"),
                })?;
                match (name.starts_with("x "), standalone) {
                    (true, true) => out.push_placeholder(lookup(id, PlaceholderKind::Standalone, at)?),
                    (false, false) if name.starts_with("g ") => {
                        out.push_placeholder(lookup(id, PlaceholderKind::Open, at)?);
                        open.push(id);
                    }
                    _ => {
                        return Err(TaggedError {
                            offset: at,
                            reason: format!("unexpected markup <{tag}>"),
                        });
                    }
                }
                end + 1
            };
            // boundary: `consumed` is the length of a prefix stripped by `strip_prefix`, of the
            // ASCII `&`, or of a tag up to and including the ASCII `>` found by `find`.
            #[allow(clippy::string_slice)]
            let next = &tail[consumed..];
            rest = next;
            offset = at + consumed;
        }
        out.push_str(rest);
        if let Some(id) = open.pop() {
            return Err(TaggedError {
                offset: tagged.len(),
                reason: format!("placeholder {id} is opened but never closed"),
            });
        }
        Ok(out)
    }
}

fn parse_id(tag: &str) -> Option<u32> {
    let rest = tag.strip_prefix("g ").or_else(|| tag.strip_prefix("x "))?;
    let rest = rest.trim().strip_prefix("id=")?;
    let rest = rest.trim_matches(|c| c == '"' || c == '\'');
    rest.parse().ok()
}

fn escape_into(s: &str, out: &mut String) {
    let mut copied = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'&' => "&amp;",
            b'>' => "&gt;",
            _ => continue,
        };
        // `copied` and `i` are at ASCII bytes or the ends: character boundaries.
        out.push_str(s.get(copied..i).unwrap_or_default());
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(s.get(copied..).unwrap_or_default());
}

impl fmt::Display for Text {
    /// The readable form used in listings: placeholders as `{1}`…`{/1}` and `{2}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for part in &self.0 {
            match part {
                Part::Str(s) => f.write_str(s)?,
                Part::Placeholder(p) => match p.kind {
                    PlaceholderKind::Open => write!(f, "{{{}}}", p.id)?,
                    PlaceholderKind::Close => write!(f, "{{/{}}}", p.id)?,
                    PlaceholderKind::Standalone => write!(f, "{{{}/}}", p.id)?,
                },
            }
        }
        Ok(())
    }
}

/// A sentence: the unit of translation, memory and review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub source: Text,
    /// Where the segment's bytes are in the source file. A segment whose translation equals its
    /// source is written back as these bytes, so unchanged text stays byte-identical.
    pub span: Range<usize>,
}

/// What a unit is, so that editions, checks and reviewers know its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    Quote,
    Attribute,
    Message,
}

/// A block of the document: the segments and the whitespace between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub kind: UnitKind,
    pub segments: Vec<Segment>,
    /// The source bytes of the whole unit content (segments and the gaps between them).
    pub span: Range<usize>,
}

/// A source document in the neutral model, with its original bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The original file content; formats splice translations into it.
    pub source: String,
    pub units: Vec<Unit>,
    /// What the extractor noticed and the user must hear of, in source order.
    pub findings: Vec<Finding>,
}

/// Something an extractor noticed in the source: markup it repaired, or text it found and
/// could not place in a unit. Every command reports these from the one extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in [`Document::source`].
    pub at: usize,
    pub kind: FindingKind,
    /// What it is, in English words of the format (`<b> is never closed`, a key's name).
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// Markup repaired (an element never closed, a stray end tag): its text is extracted and
    /// translated; the source should be fixed.
    Repaired,
    /// Text left in the source language because the extractor cannot place a translation
    /// there: counted as missing in every language.
    NotExtracted,
}

impl Document {
    pub fn segments(&self) -> impl Iterator<Item = &Segment> {
        self.units.iter().flat_map(|u| u.segments.iter())
    }

    /// The document's title: the first title or heading unit, as plain text.
    pub fn title(&self) -> Option<String> {
        self.units
            .iter()
            .find(|u| matches!(u.kind, UnitKind::Title | UnitKind::Heading))
            .map(|u| {
                u.segments
                    .iter()
                    .map(|s| s.source.plain_text())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    }
}

/// Who produced a translation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "origin", rename_all = "kebab-case")]
pub enum Origin {
    /// A machine-translation engine.
    Machine { engine: String, model: Option<String> },
    /// A person, through an imported file (XLIFF, TMX) or directly.
    Human { file: Option<String> },
}

impl Origin {
    pub fn is_human(&self) -> bool {
        matches!(self, Origin::Human { .. })
    }
}

/// How far a translation has come. Ordered: a later state is more trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    NeedsReview,
    Translated,
    Reviewed,
    Final,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::NeedsReview => "needs-review",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
            State::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        Some(match s {
            "needs-review" => State::NeedsReview,
            "translated" => State::Translated,
            "reviewed" => State::Reviewed,
            "final" => State::Final,
            _ => return None,
        })
    }
}

/// A translation of one segment, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub target: Text,
    pub origin: Origin,
    pub state: State,
    /// Seconds since the Unix epoch when it was stored or last changed.
    pub updated_at: i64,
}

/// The span of `inner` (a sub-slice of `outer`) within `outer`.
pub fn subspan(outer: &str, inner: &str) -> Range<usize> {
    let start = inner.as_ptr() as usize - outer.as_ptr() as usize;
    start..start + inner.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Text {
        let mut t = Text::default();
        t.push_str("Read ");
        t.push_placeholder(Placeholder {
            id: 4,
            kind: PlaceholderKind::Open,
            label: "b".into(),
            original: "**".into(),
        });
        t.push_str("a < b & c");
        t.push_placeholder(Placeholder {
            id: 4,
            kind: PlaceholderKind::Close,
            label: "b".into(),
            original: "**".into(),
        });
        t.push_str(" at ");
        t.push_placeholder(Placeholder {
            id: 7,
            kind: PlaceholderKind::Standalone,
            label: "var".into(),
            original: "[Site]".into(),
        });
        t
    }

    #[test]
    fn tagged_round_trips() {
        let t = sample();
        let tagged = t.tagged();
        assert_eq!(tagged, r#"Read <g id="4">a &lt; b &amp; c</g> at <x id="7"/>"#);
        assert_eq!(Text::parse_tagged(&tagged, &t).unwrap(), t);
    }

    #[test]
    fn memory_key_ignores_numbering_and_outer_space() {
        let t = sample();
        let mut shifted = Text::plain("  ");
        for part in &t.0 {
            match part {
                Part::Placeholder(p) => shifted.push_placeholder(Placeholder {
                    id: p.id + 10,
                    ..p.clone()
                }),
                Part::Str(s) => shifted.push_str(s),
            }
        }
        shifted.push_str("\n");
        assert_eq!(t.memory_key(), shifted.memory_key());
        assert_ne!(t.memory_key(), Text::plain("Read a < b & c at").memory_key());
    }

    #[test]
    fn parse_rejects_invented_or_broken_markup() {
        let t = sample();
        for bad in [
            r#"<script>alert(1)</script>"#,
            r#"<g id="9">x</g>"#,
            r#"<g id="4">never closed"#,
            r#"x</g>"#,
            r#"<x id="4"/>"#,
            r#"<img src=x onerror=alert(1)>"#,
        ] {
            assert!(Text::parse_tagged(bad, &t).is_err(), "{bad} was accepted");
        }
        // A bare ampersand from an engine is text, not an entity.
        let ok = Text::parse_tagged("R&D", &t).unwrap();
        assert_eq!(ok.plain_text(), "R&D");
    }
}
