//! Plain-text articles shaped like the seed article: a title line, heading lines, paragraphs
//! and `•` bullet items, separated by blank lines.
//!
//! A block is one unit. Its kind is read from its shape: the first block is the title, a
//! single short line without sentence-final punctuation is a heading, a line starting with a
//! bullet is a list item. Template variables such as `[YourSiteName]`, `{name}` or
//! `{{name}}` become placeholders, so no engine translates them.

#![deny(clippy::string_slice)]

use crate::model::{Part, Placeholder, PlaceholderKind, Unit, UnitKind};
use crate::segment::{Piece, Segmenter, segment_owned_pieces, segment_text};

const BULLETS: &[char] = &['•', '◦', '‣', '·', '-', '*', '–'];
const SENTENCE_FINAL: &[char] = &[
    '.', '!', '?', ':', ';', '。', '！', '？', '：', '；', '।', '॥', '؟', '…', '”', '"', '»', ')',
];
/// A heading is short: longer single lines without a final stop are paragraphs.
const MAX_HEADING_CHARS: usize = 150;

pub(super) fn extract(source: &str, segmenter: &Segmenter) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut block: Option<(usize, usize, usize)> = None; // (start, end, line count)
    let mut offset = 0;
    let mut first_block = true;
    for line in source.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some((start, end, lines)) = block.take() {
                push_block(source, start..end, lines, &mut first_block, segmenter, &mut units);
            }
            continue;
        }
        let content_end = line_start + line.trim_end_matches(['\n', '\r']).len();
        block = Some(match block {
            Some((start, _, lines)) => (start, content_end, lines + 1),
            None => (line_start, content_end, 1),
        });
    }
    if let Some((start, end, lines)) = block {
        push_block(source, start..end, lines, &mut first_block, segmenter, &mut units);
    }
    units
}

fn push_block(
    source: &str,
    range: std::ops::Range<usize>,
    lines: usize,
    first_block: &mut bool,
    segmenter: &Segmenter,
    units: &mut Vec<Unit>,
) {
    // boundary: `extract` cuts blocks at line starts and before a line's ASCII `\r`/`\n`.
    #[allow(clippy::string_slice)]
    let text = &source[range.clone()];
    let indent = text.len() - text.trim_start().len();
    let mut start = range.start + indent;
    let mut kind = UnitKind::Paragraph;
    let body = text.trim_start();
    let mut chars = body.chars();
    if let Some(first) = chars.next()
        && BULLETS.contains(&first)
        && chars.as_str().starts_with([' ', '\t'])
    {
        let after = chars.as_str();
        start += first.len_utf8() + (after.len() - after.trim_start().len());
        kind = UnitKind::ListItem;
    } else if lines == 1 {
        let trimmed = body.trim_end();
        let ends_sentence = trimmed.ends_with(SENTENCE_FINAL);
        if *first_block && !ends_sentence {
            kind = UnitKind::Title;
        } else if !ends_sentence && trimmed.chars().count() <= MAX_HEADING_CHARS {
            kind = UnitKind::Heading;
        }
    }
    *first_block = false;
    // Without a bracket there is no variable: the unit is its source text, with no pieces
    // to build (as `with_variables` would leave it: one piece of the whole text).
    let segments = match source.get(start..range.end) {
        Some(text) if !has_bracket(text) => segment_text(segmenter, text, start),
        _ => segment_owned_pieces(segmenter, pieces(source, start..range.end), source),
    };
    if segments.iter().any(|s| s.source.has_words()) {
        units.push(Unit {
            kind,
            segments,
            span: start..range.end,
        });
    }
}

/// The unit's text as pieces: plain runs, and placeholders for template variables.
// boundary: `push_block` starts the range after trimmed whitespace and a whole bullet
// character, and ends it where `extract` ended the block.
#[allow(clippy::string_slice)]
fn pieces(source: &str, range: std::ops::Range<usize>) -> Vec<Piece> {
    let whole = Piece {
        part: Part::Str(source[range.clone()].to_string()),
        span: range,
    };
    with_variables(vec![whole], source)
}

/// Turns template variables inside text pieces into standalone placeholders. Adjacent text
/// pieces that are exactly their source bytes are joined first, so a variable split across
/// parser events is still found; placeholders get ids after those already in `pieces`.
pub(super) fn with_variables(pieces: Vec<Piece>, source: &str) -> Vec<Piece> {
    // One piece without a bracket (most units) has nothing to join and no variable.
    if let [
        Piece {
            part: Part::Str(text), ..
        },
    ] = pieces.as_slice()
        && !has_bracket(text)
    {
        return pieces;
    }
    let mut next_id = 1 + pieces
        .iter()
        .filter_map(|p| match &p.part {
            Part::Placeholder(ph) => Some(ph.id),
            Part::Str(_) => None,
        })
        .max()
        .unwrap_or(0);
    let exact = |p: &Piece| matches!(&p.part, Part::Str(s) if source.get(p.span.clone()) == Some(s.as_str()));
    let mut joined: Vec<Piece> = Vec::new();
    for piece in pieces {
        if let Some(last) = joined.last_mut()
            && exact(last)
            && exact(&piece)
            && last.span.end == piece.span.start
        {
            last.span.end = piece.span.end;
            // boundary: both spans are exact (`source.get` succeeded), so the joined span
            // starts and ends on boundaries of theirs.
            #[allow(clippy::string_slice)]
            let joined_text = source[last.span.clone()].to_string();
            last.part = Part::Str(joined_text);
            continue;
        }
        joined.push(piece);
    }
    let mut out = Vec::new();
    for piece in joined {
        let Part::Str(text) = &piece.part else {
            out.push(piece);
            continue;
        };
        let found = if exact(&piece) { variables(text) } else { Vec::new() };
        if found.is_empty() {
            out.push(piece);
            continue;
        }
        let base = piece.span.start;
        let mut last = 0;
        // boundary: `variables` gives ranges that start on an ASCII `[`/`{` and end after an
        // ASCII `]`/`}`; `last` is 0 or such an end.
        #[allow(clippy::string_slice)]
        for (start, end) in found {
            if start > last {
                out.push(Piece {
                    part: Part::Str(text[last..start].to_string()),
                    span: base + last..base + start,
                });
            }
            out.push(Piece {
                part: Part::Placeholder(Placeholder {
                    id: next_id,
                    kind: PlaceholderKind::Standalone,
                    label: "var".into(),
                    original: text[start..end].to_string(),
                }),
                span: base + start..base + end,
            });
            next_id += 1;
            last = end;
        }
        if last < text.len() {
            // boundary: `last` is the end of a variable, after an ASCII `]`/`}`.
            #[allow(clippy::string_slice)]
            out.push(Piece {
                part: Part::Str(text[last..].to_string()),
                span: base + last..piece.span.end,
            });
        }
    }
    out
}

/// Whether `text` has a `[` or a `{`, which every variable starts with. Most text has
/// neither; this test of 16 bytes at a time (branch-free, so it vectorises) is far cheaper
/// than the loop of [`variables`].
fn has_bracket(text: &str) -> bool {
    let bracket = |b: u8| (b == b'[') | (b == b'{');
    let blocks = text.as_bytes().chunks_exact(16);
    let tail = blocks.remainder();
    tail.iter().any(|&b| bracket(b))
        || blocks
            .into_iter()
            .any(|block| block.iter().fold(0u8, |any, &b| any | u8::from(bracket(b))) != 0)
}

/// Byte ranges of template variables: `[Name]`, `{name}`, `{{name}}` with an identifier inside.
// boundary: slices are cut only where `bytes[i]` is an ASCII `[`/`{`, so `inner_start` (after
// one or two of them) is a boundary; `len` comes from `find`, and the closers are ASCII.
#[allow(clippy::string_slice)]
fn variables(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    if !has_bracket(text) {
        return out;
    }
    let mut i = 0;
    while i < bytes.len() {
        let (open, close, width) = match bytes[i] {
            b'[' => ("[", "]", 1),
            b'{' if bytes.get(i + 1) == Some(&b'{') => ("{{", "}}", 2),
            b'{' => ("{", "}", 1),
            _ => {
                i += 1;
                continue;
            }
        };
        let inner_start = i + open.len();
        if let Some(len) = text[inner_start..].find(close) {
            let inner = text[inner_start..inner_start + len].trim();
            let is_ident = inner
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            if is_ident {
                let end = inner_start + len + close.len();
                out.push((i, end));
                i = end;
                continue;
            }
        }
        i += width;
    }
    out
}

/// Plain text has no markup, but a translation must not break the layout: line breaks become
/// spaces and control characters are dropped.
pub(super) fn escape(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Locale;

    #[test]
    fn shapes_of_the_seed_article() {
        let src = "Big Title\n\nIntro: A New Chapter\n\nFirst sentence. Second at [YourSiteName].\n\n  • Item one: details.\n";
        let seg = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        let units = extract(src, &seg);
        let kinds: Vec<_> = units.iter().map(|u| u.kind).collect();
        assert_eq!(
            kinds,
            vec![
                UnitKind::Title,
                UnitKind::Heading,
                UnitKind::Paragraph,
                UnitKind::ListItem
            ]
        );
        assert_eq!(units[2].segments.len(), 2);
        assert_eq!(units[2].segments[1].source.placeholders().count(), 1);
        assert_eq!(src.get(units[3].span.clone()), Some("Item one: details."));
    }

    #[test]
    fn escape_keeps_layout() {
        assert_eq!(escape("a\nb\u{7}c"), "a bc");
    }
}
