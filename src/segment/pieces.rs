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

    // Split the piece list at the cuts.
    let mut groups: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut cut_iter = cuts.into_iter().peekable();
    for (i, mut piece) in pieces.into_iter().enumerate() {
        // Bytes of this piece already moved into earlier groups: later cut offsets shift.
        let mut consumed = 0;
        while let Some(&(ci, off)) = cut_iter.peek() {
            if ci != i {
                break;
            }
            cut_iter.next();
            let (head, tail) = split_piece(&piece, off - consumed, source);
            consumed = off;
            if let Some(h) = head {
                groups.last_mut().expect("one group").push(h);
            }
            groups.push(Vec::new());
            match tail {
                Some(t) => piece = t,
                None => break,
            }
        }
        // An open placeholder right before a cut belongs to the next sentence: handled by
        // cutting at the first byte of the next sentence's text, after any placeholders.
        if !matches!(&piece.part, Part::Str(s) if s.is_empty()) {
            groups.last_mut().expect("one group").push(piece);
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

fn split_piece(piece: &Piece, offset: usize, source: &str) -> (Option<Piece>, Option<Piece>) {
    let Part::Str(s) = &piece.part else {
        return (None, Some(piece.clone()));
    };
    let exact = piece.exact(source);
    // Cuts come from sentence starts, which are character boundaries of the flat text, and a
    // piece starts at a boundary of it too; were one not, the piece would stay whole.
    let Some((a, b)) = s.split_at_checked(offset) else {
        return (None, Some(piece.clone()));
    };
    let mid = if exact {
        piece.span.start + offset
    } else {
        piece.span.end
    };
    let head = (!a.is_empty()).then(|| Piece {
        part: Part::Str(a.to_string()),
        span: piece.span.start..mid,
    });
    let tail = (!b.is_empty()).then(|| Piece {
        part: Part::Str(b.to_string()),
        span: mid..piece.span.end,
    });
    (head, tail)
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
