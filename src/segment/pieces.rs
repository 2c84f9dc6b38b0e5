//! Segmenting unit content that carries inline placeholders: the breaker sees only the text,
//! placeholders go back on the right side of each break, and a break inside a placeholder
//! pair (a link or bold span crossing a period, a code span) is refused.

use super::Segmenter;
use crate::model::{Part, Segment, Text};
use std::ops::Range;

/// A piece of unit content as a format extracted it: a part and where its bytes are.
#[derive(Debug, Clone)]
pub struct Piece {
    pub part: Part,
    /// The source bytes this piece came from.
    pub span: Range<usize>,
}

impl Piece {
    /// Whether the piece's text is exactly its source bytes, so offsets inside it map 1:1.
    fn exact(&self, source: &str) -> bool {
        matches!(&self.part, Part::Str(s) if source.get(self.span.clone()) == Some(s.as_str()))
    }
}

/// Builds the segments of one unit from its pieces: finds sentence breaks in the text between
/// placeholders, keeps placeholder pairs whole, trims whitespace at segment edges and records
/// each segment's source span.
pub fn segment_pieces(segmenter: &Segmenter, pieces: &[Piece], source: &str) -> Vec<Segment> {
    plain_segments(segmenter, pieces, source)
        .unwrap_or_else(|| segment_owned_pieces(segmenter, pieces.to_vec(), source))
}

/// [`segment_pieces`] for a caller that no longer needs its pieces: they move into the
/// segments instead of being copied.
pub fn segment_owned_pieces(segmenter: &Segmenter, pieces: Vec<Piece>, source: &str) -> Vec<Segment> {
    if let Some(segments) = plain_segments(segmenter, &pieces, source) {
        return segments;
    }
    // The text the breaker sees, and for each text piece where its bytes start in it, which
    // piece it is and the pair depth before it (breaks inside a pair are refused).
    let mut flat = String::new();
    let mut runs: Vec<(usize, usize, u32)> = Vec::new();
    let mut depth = 0u32;
    for (i, piece) in pieces.iter().enumerate() {
        match &piece.part {
            Part::Str(s) => {
                if !s.is_empty() {
                    runs.push((flat.len(), i, depth));
                    flat.push_str(s);
                }
            }
            Part::Placeholder(p) => match p.kind {
                crate::model::PlaceholderKind::Open => depth += 1,
                crate::model::PlaceholderKind::Close => depth = depth.saturating_sub(1),
                crate::model::PlaceholderKind::Standalone => {}
            },
        }
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (piece, offset) where a new sentence starts
    for range in segmenter.sentences(&flat).into_iter().skip(1) {
        let run = runs.partition_point(|r| r.0 <= range.start) - 1;
        let (run_start, piece, depth) = runs[run];
        if depth == 0 {
            cuts.push((piece, range.start - run_start));
        }
    }

    // Split the piece list at the cuts: each piece once, at all of its cuts (cutting the rest
    // again at every cut copied it again: quadratic in the sentences of a long piece).
    let mut groups: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut cut_iter = cuts.into_iter().peekable();
    for (i, piece) in pieces.into_iter().enumerate() {
        let mut offsets = Vec::new();
        while let Some((_, off)) = cut_iter.next_if(|&(ci, _)| ci == i) {
            offsets.push(off);
        }
        for (k, part) in split_piece(piece, &offsets, source).into_iter().enumerate() {
            if k > 0 {
                groups.push(Vec::new());
            }
            if let Some(part) = part {
                groups.last_mut().expect("one group").push(part);
            }
        }
    }
    // Opening placeholders that ended a group belong to the start of the next one.
    for g in 0..groups.len().saturating_sub(1) {
        while let Some(last) = groups[g].last() {
            let is_open = matches!(&last.part, Part::Placeholder(p) if p.kind == crate::model::PlaceholderKind::Open);
            let is_space = matches!(&last.part, Part::Str(s) if s.trim().is_empty());
            if is_open || is_space {
                let moved = groups[g].pop().expect("last exists");
                groups[g + 1].insert(0, moved);
            } else {
                break;
            }
        }
    }
    groups.into_iter().filter_map(|g| build_segment(g, source)).collect()
}

/// The segments of a unit that is one piece of text, exactly its source bytes, without
/// placeholders: the segmenter's sentences themselves. (The general path gives the same: it
/// cuts at each sentence's start, and trimming the space between sentences leaves the
/// sentence.) Most units of plain text and many of other formats are such text, and cutting
/// and copying the pieces cost more than finding the sentences. `None` for other units.
fn plain_segments(segmenter: &Segmenter, pieces: &[Piece], source: &str) -> Option<Vec<Segment>> {
    let [piece] = pieces else { return None };
    let Part::Str(s) = &piece.part else { return None };
    if !piece.exact(source) {
        return None;
    }
    Some(segment_text(segmenter, s, piece.span.start))
}

/// The segments of `text`, which has no placeholders and is the source bytes from `base`
/// on: a format that knows this of a unit need not build its pieces (see [`plain_segments`]).
pub fn segment_text(segmenter: &Segmenter, text: &str, base: usize) -> Vec<Segment> {
    let sentences = segmenter.sentences(text);
    let mut segments = Vec::with_capacity(sentences.len());
    segments.extend(sentences.into_iter().filter_map(|r| {
        let sentence = text.get(r.clone())?;
        Some(Segment {
            source: Text::plain(sentence),
            span: base + r.start..base + r.end,
        })
    }));
    segments
}

/// `piece` cut at `offsets` (increasing byte offsets into its text): `offsets.len() + 1` parts,
/// `None` for an empty one. A placeholder is not cut (it is the last part), nor is text at an
/// offset that is not a character boundary (the text goes on in the next part). Cuts come from
/// sentence starts, which are character boundaries of the flat text, and a piece starts at a
/// boundary of it too. Each byte is copied once.
fn split_piece(piece: Piece, offsets: &[usize], source: &str) -> Vec<Option<Piece>> {
    let mut parts: Vec<Option<Piece>> = Vec::with_capacity(offsets.len() + 1);
    if offsets.is_empty() {
        let empty = matches!(&piece.part, Part::Str(s) if s.is_empty());
        parts.push((!empty).then_some(piece));
        return parts;
    }
    let Part::Str(s) = &piece.part else {
        parts.resize_with(offsets.len(), || None);
        parts.push(Some(piece));
        return parts;
    };
    // An exact piece's offsets are source offsets; another piece's text all maps to its span,
    // and every part after the first to the span's end.
    let exact = piece.exact(source);
    let span_at = |offset: usize| {
        if exact {
            piece.span.start + offset
        } else if offset == 0 {
            piece.span.start
        } else {
            piece.span.end
        }
    };
    let part = |from: usize, to: usize| {
        let text = s.get(from..to).filter(|t| !t.is_empty())?;
        Some(Piece {
            part: Part::Str(text.to_string()),
            span: span_at(from)..if exact { span_at(to) } else { piece.span.end },
        })
    };
    let mut from = 0;
    for &offset in offsets {
        if offset >= from && offset <= s.len() && s.is_char_boundary(offset) {
            parts.push(part(from, offset));
            from = offset;
        } else {
            parts.push(None);
        }
    }
    parts.push(part(from, s.len()));
    parts
}

/// Trims whitespace at the edges and records the span; `None` when nothing but space is left.
fn build_segment(mut pieces: Vec<Piece>, source: &str) -> Option<Segment> {
    // Trim leading whitespace.
    while let Some(first) = pieces.first_mut() {
        let exact = first.exact(source);
        match &mut first.part {
            Part::Str(s) => {
                let trimmed = s.trim_start();
                if trimmed.is_empty() {
                    pieces.remove(0);
                    continue;
                }
                // `trimmed` is a suffix of `s`, so `cut` is a character boundary.
                let cut = s.len() - trimmed.len();
                if exact {
                    first.span.start += cut;
                }
                s.drain(..cut);
                break;
            }
            Part::Placeholder(_) => break,
        }
    }
    while let Some(last) = pieces.last_mut() {
        let exact = last.exact(source);
        match &mut last.part {
            Part::Str(s) => {
                let trimmed = s.trim_end();
                if trimmed.is_empty() {
                    pieces.pop();
                    continue;
                }
                let kept = trimmed.len();
                if exact {
                    last.span.end -= s.len() - kept;
                }
                s.truncate(kept);
                break;
            }
            Part::Placeholder(_) => break,
        }
    }
    let first = pieces.first()?;
    let span = first.span.start..pieces.last().expect("non-empty").span.end;
    let mut text = Text::default();
    for p in pieces {
        match p.part {
            // As `Text::push_str`, moving the string instead of copying it when it starts a run.
            Part::Str(s) => match text.0.last_mut() {
                Some(Part::Str(last)) => last.push_str(&s),
                _ if s.is_empty() => {}
                _ => text.0.push(Part::Str(s)),
            },
            Part::Placeholder(ph) => text.push_placeholder(ph),
        }
    }
    Some(Segment { source: text, span })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Placeholder, PlaceholderKind};

    fn text(s: &str, span: Range<usize>) -> Piece {
        Piece {
            part: Part::Str(s.to_string()),
            span,
        }
    }

    fn shown(parts: &[Option<Piece>]) -> Vec<Option<(String, Range<usize>)>> {
        parts
            .iter()
            .map(|p| {
                p.as_ref().map(|p| match &p.part {
                    Part::Str(s) => (s.clone(), p.span.clone()),
                    Part::Placeholder(ph) => (format!("<{}>", ph.label), p.span.clone()),
                })
            })
            .collect()
    }

    #[test]
    fn a_piece_is_cut_at_all_its_offsets_at_once() {
        let source = "xx One. Two. Three.";
        let parts = split_piece(text("One. Two. Three.", 3..19), &[5, 10], source);
        let want = |s: &str, r: Range<usize>| Some((s.to_string(), r));
        assert_eq!(
            shown(&parts),
            vec![want("One. ", 3..8), want("Two. ", 8..13), want("Three.", 13..19)]
        );
        // Text that is not its source bytes (an entity decoded): the first part keeps the
        // span, the others sit at its end.
        let parts = split_piece(text("a & b. c.", 0..13), &[7], "a &amp; b. c.");
        assert_eq!(shown(&parts), vec![want("a & b. ", 0..13), want("c.", 13..13)]);
        // An offset inside a character cuts nothing: the text goes on in the next part.
        let parts = split_piece(text("é. x.", 0..6), &[1, 4], "é. x.");
        assert_eq!(shown(&parts), vec![None, want("é. ", 0..4), want("x.", 4..6)]);
    }

    #[test]
    fn a_placeholder_is_never_cut() {
        let ph = Piece {
            part: Part::Placeholder(Placeholder {
                id: 1,
                kind: PlaceholderKind::Standalone,
                label: "br".into(),
                original: "<br>".into(),
            }),
            span: 0..4,
        };
        let parts = split_piece(ph, &[0, 0], "<br>");
        assert_eq!(shown(&parts), vec![None, None, Some(("<br>".to_string(), 0..4))]);
    }
}
