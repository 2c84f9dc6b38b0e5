//! Sentence segmentation: ICU4X's UAX #29 sentence breaker, corrected by the project's own
//! exception rules where it falls short, and applied to unit text that carries placeholders.
//!
//! The segmenter never sees markup: placeholders are taken out of the text before the breaker
//! runs and put back on the right side of each break afterwards (a closing placeholder stays
//! with the sentence it closes, an opening one goes with the sentence it opens). A break that
//! would fall inside a placeholder pair (a link or bold span crossing a period) is dropped.

use crate::lang::Locale;
use crate::model::{Part, Segment, Text};
use icu_segmenter::SentenceSegmenter;
use icu_segmenter::options::SentenceBreakInvariantOptions;
use std::collections::HashSet;
use std::ops::Range;

/// English abbreviations after which a period never ends a sentence: titles and
/// abbreviations that are always followed by more of the same sentence.
const EN_ALWAYS: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Cmdr.",
    "Adm.", "Rev.", "Hon.", "Pres.", "St.", "Mt.", "Ft.", "Jr.", "Sr.", "vs.", "v.", "e.g.", "i.e.", "cf.", "viz.",
    "approx.", "No.", "Nos.", "Vol.", "pp.", "p.", "Fig.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
    "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "D.C.", "U.N.", "E.U.",
];

/// Abbreviations that end a sentence when they come last in it. They suppress a break only
/// when the next word is not one that typically starts a sentence (`the U.S. Secretary` versus
/// `talks with the U.S. The deal`).
const EN_USUALLY: &[&str] = &[
    "U.S.", "U.K.", "etc.", "a.m.", "p.m.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "LLC.",
];

/// Words that start sentences far more often than they follow an abbreviation.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "But",
    "And",
    "A",
    "An",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "There",
    "Then",
    "However",
    "Meanwhile",
    "As",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Still",
    "Yet",
    "So",
    "Our",
    "His",
    "Her",
    "Their",
];

/// Hindi abbreviations written with a period (डॉ. = Dr., श्री. = Mr.); Hindi sentences end
/// with the danda, so a period after these is never an end.
const HI_ALWAYS: &[&str] = &["डॉ.", "श्री.", "श्रीमती.", "सु.", "कु.", "प्रो.", "ई.", "रु."];

/// Splits text into sentences for one source language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    always: HashSet<String>,
    usually: HashSet<String>,
    english_rules: bool,
}

impl Segmenter {
    /// The segmenter for `locale`, with extra never-break abbreviations (from `l10n.toml`).
    pub fn new(locale: &Locale, extra_abbreviations: &[String]) -> Segmenter {
        let lang = locale.language();
        let (always, usually): (&[&str], &[&str]) = match lang.as_str() {
            "en" => (EN_ALWAYS, EN_USUALLY),
            "hi" => (HI_ALWAYS, &[]),
            // Arabic, Chinese and others: Latin abbreviations quoted inside them still apply.
            _ => (&["U.S.", "D.C.", "Dr.", "Mr."], &[]),
        };
        let mut always: HashSet<String> = always.iter().map(|s| s.to_string()).collect();
        always.extend(extra_abbreviations.iter().cloned());
        Segmenter {
            always,
            usually: usually.iter().map(|s| s.to_string()).collect(),
            english_rules: lang == "en",
        }
    }

    /// Byte ranges of the sentences of `text`, without surrounding whitespace.
    pub fn sentences(&self, text: &str) -> Vec<Range<usize>> {
        let mut starts = vec![0];
        for brk in SentenceSegmenter::new(SentenceBreakInvariantOptions::default()).segment_str(text) {
            if brk == 0 || brk >= text.len() {
                continue;
            }
            if !self.suppressed(text, brk) {
                starts.push(brk);
            }
        }
        starts.push(text.len());
        starts.windows(2).filter_map(|w| trim_range(text, w[0]..w[1])).collect()
    }

    /// Whether the break ICU found at `brk` is wrong, by the project's exception rules.
    fn suppressed(&self, text: &str, brk: usize) -> bool {
        let before = text[..brk].trim_end();
        let after = &text[brk..];
        let next_word: &str = after.split(|c: char| c.is_whitespace()).next().unwrap_or("");
        let next_char = after.chars().next();
        let last_token = before.rsplit(char::is_whitespace).next().unwrap_or("");
        // Strip an opening bracket or quote glued to the token: "(e.g." is still "e.g.".
        let token = last_token.trim_start_matches(['(', '[', '“', '"', '‘', '\'']);

        // ICU breaks after `?`/`!` and a closing quote even when the sentence goes on
        // (“Is it real?” she asked.): a lowercase continuation means the quote was inside.
        if let Some(c) = next_char
            && c.is_lowercase()
            && before.ends_with(['”', '"', '’', '\'', ')', '»'])
        {
            return true;
        }
        if self.always.contains(token) {
            return true;
        }
        if self.usually.contains(token) {
            let starter = next_word.trim_start_matches(['“', '"', '(', '‘']);
            return !SENTENCE_STARTERS.contains(&starter);
        }
        if self.english_rules {
            // An initial: a single capital letter and a period ("George W. Bush", "J. R. R.").
            let letters: Vec<char> = token.chars().collect();
            if letters.len() == 2 && letters[0].is_uppercase() && letters[1] == '.' {
                let starter = next_word.trim_start_matches(['“', '"']);
                return !SENTENCE_STARTERS.contains(&starter);
            }
        }
        false
    }
}

fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    (start < end).then_some(start..end)
}

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
    // The text the breaker sees, and for each of its bytes the piece and offset it came from.
    let mut flat = String::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    // Pair depth before each flat byte: breaks inside a pair are refused.
    let mut depth_at: Vec<u32> = Vec::new();
    let mut depth = 0u32;
    for (i, piece) in pieces.iter().enumerate() {
        match &piece.part {
            Part::Str(s) => {
                flat.push_str(s);
                for off in 0..s.len() {
                    origin.push((i, off));
                    depth_at.push(depth);
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
        if depth_at[range.start] == 0 {
            cuts.push(origin[range.start]);
        }
    }

    // Split the piece list at the cuts.
    let mut groups: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut cut_iter = cuts.into_iter().peekable();
    for (i, piece) in pieces.iter().enumerate() {
        let mut piece = piece.clone();
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

fn split_piece(piece: &Piece, offset: usize, source: &str) -> (Option<Piece>, Option<Piece>) {
    let Part::Str(s) = &piece.part else {
        return (None, Some(piece.clone()));
    };
    let exact = piece.exact(source);
    let (a, b) = s.split_at(offset);
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
                let cut = s.len() - trimmed.len();
                if exact {
                    first.span.start += cut;
                }
                *s = trimmed.to_string();
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
                let cut = s.len() - trimmed.len();
                if exact {
                    last.span.end -= cut;
                }
                *s = trimmed.to_string();
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
            Part::Str(s) => text.push_str(&s),
            Part::Placeholder(ph) => text.push_placeholder(ph),
        }
    }
    Some(Segment { source: text, span })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let seg = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        seg.sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn english_abbreviations_and_numbers() {
        assert_eq!(
            split(
                "The deal, signed in Washington, D.C., marks a first. Signed by U.S. Secretary Gina Raimondo, it holds. China controls over 60.5% of output."
            ),
            vec![
                "The deal, signed in Washington, D.C., marks a first.",
                "Signed by U.S. Secretary Gina Raimondo, it holds.",
                "China controls over 60.5% of output."
            ]
        );
        assert_eq!(
            split("Talks with the U.S. The deal holds."),
            vec!["Talks with the U.S.", "The deal holds."]
        );
        assert_eq!(
            split("Dr. Smith said “Is it real?” she asked. Yes."),
            vec!["Dr. Smith said “Is it real?” she asked.", "Yes."]
        );
        assert_eq!(
            split("George W. Bush spoke. It rained."),
            vec!["George W. Bush spoke.", "It rained."]
        );
    }

    #[test]
    fn other_scripts() {
        let zh = Segmenter::new(&Locale::parse("zh").unwrap(), &[]);
        let t = "中国控制了超过60%的产量。这是事实。";
        let got: Vec<_> = zh.sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["中国控制了超过60%的产量。", "这是事实。"]);
        let hi = Segmenter::new(&Locale::parse("hi").unwrap(), &[]);
        let t = "डॉ. शर्मा ने कहा। यह ऐतिहासिक है।";
        let got: Vec<_> = hi.sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["डॉ. शर्मा ने कहा।", "यह ऐतिहासिक है।"]);
    }
}
