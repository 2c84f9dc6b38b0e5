//! Breaks ICU4X's UAX #29 breaker misses, found by scanning the text for terminators.

use super::Segmenter;
use super::text::{CLOSERS, OPENERS, abbreviation_token, is_cjk};

impl Segmenter {
    /// Breaks ICU misses, found by scanning for terminators.
    ///
    /// - UAX #29 never breaks after a period when a lowercase word follows, even after digits
    ///   or symbols (`Tuesday. iPhone sales`, `proposal. 58% voted`, `1987. 1987 was`). In
    ///   news text a period after an ordinary word and a space ends the sentence whatever comes
    ///   next; abbreviations (listed, or with an inner period like `a.m.`) are the exception.
    /// - UAX #29 treats every bracket and quotation mark after a terminator as closing, so a
    ///   Chinese aside that follows a full stop without a space stays glued to it
    ///   (`而异。（详见下表。）`); after 。？！ an opening bracket or quote starts a sentence.
    /// - UAX #29 does not count … as a terminator at all, while three periods are one.
    pub(super) fn missed_breaks(&self, text: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let bytes = text.as_bytes();
        let mut scan = 0;
        // A byte scan for the terminators . ? ! 。 ？ ！ and the ellipsis … (the wide ones are
        // E3 80 82, EF BC 9F, EF BC 81 and E2 80 A6 in UTF-8): decoding every character to
        // compare it was slow. `at` is always an ASCII byte or the lead byte of a sequence,
        // so `at` and `end` below are character boundaries; `get` checks it all the same.
        while let Some(pos) = bytes.get(scan..).and_then(first_stop) {
            let at = scan + pos;
            let len = match bytes.get(at..).unwrap_or_default() {
                [b'.' | b'?' | b'!', ..] => 1,
                [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x9F | 0x81, ..] => 3,
                [0xE2, 0x80, 0xA6, ..] => {
                    scan = at + 3;
                    found.extend(after_ellipsis(text, scan));
                    continue;
                }
                _ => {
                    scan = at + 1;
                    continue;
                }
            };
            let end = at + len;
            scan = end;
            let (Some(terminator), Some(rest)) = (text.get(at..end), text.get(end..)) else {
                continue;
            };
            let Some(first) = rest.chars().next() else { break };
            if terminator != "." {
                found.extend(aside_after(rest, end, terminator != "?" && terminator != "!"));
                continue;
            }
            if first.is_whitespace()
                && let Some(brk) = self.period_before_lowercase(text, end, rest)
            {
                found.push(brk);
            }
            // A period glued to its word before a spaced ellipsis (`compounds. . . . The
            // practice`) ends the sentence; the omission opens the next one.
            let glued = text
                .get(..at)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|c| !c.is_whitespace() && c != '.');
            // Not at the end of a quotation or of the text (`less complex. . . .”`).
            let next_word = rest.trim_start_matches([' ', '.']);
            if glued && rest.starts_with(" . . .") && next_word.starts_with(char::is_uppercase) {
                found.push(end + 1);
            }
        }
        found
    }

    /// A period at `end` (the text after it is `rest`, starting with whitespace) before a
    /// lowercase word or a digit, after an ordinary word: the start of the next sentence.
    fn period_before_lowercase(&self, text: &str, end: usize, rest: &str) -> Option<usize> {
        let next = rest.trim_start();
        let next_at = end + (rest.len() - next.len());
        let first = next.chars().next()?;
        if !(first.is_lowercase() || first.is_ascii_digit()) {
            return None;
        }
        let token = abbreviation_token(text.get(..end)?);
        let body = token.strip_suffix('.')?;
        let word_like =
            body.chars().count() > 1 && body.chars().last().is_some_and(char::is_alphanumeric) && !body.contains('.');
        (word_like && self.rules.class(token).is_none()).then_some(next_at)
    }
}

/// The first byte of `bytes` that is a terminator or may start one (see `missed_breaks`).
/// Blocks of 16 bytes are tested whole first: without an early exit, the test vectorises,
/// and most blocks of text hold no terminator.
fn first_stop(bytes: &[u8]) -> Option<usize> {
    // `|` rather than `||` and `matches!`: no branch per byte.
    let stop = |b: u8| (b == b'.') | (b == b'?') | (b == b'!') | (0xE2..=0xE3).contains(&b) | (b == 0xEF);
    let blocks = bytes.chunks_exact(16);
    let tail = blocks.remainder();
    let mut skipped = 0;
    for block in blocks {
        if block.iter().fold(0u8, |any, &b| any | u8::from(stop(b))) != 0 {
            return block.iter().position(|&b| stop(b)).map(|i| skipped + i);
        }
        skipped += 16;
    }
    tail.iter().position(|&b| stop(b)).map(|i| skipped + i)
}

/// … before a space and a capitalised word (or a quotation that opens with one) ends the
/// sentence like `...` does (`in silence… Then`): the start of that word, if so.
fn after_ellipsis(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let next = rest.trim_start();
    let capital = next
        .trim_start_matches(OPENERS)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    (next.len() < rest.len() && capital).then(|| end + (rest.len() - next.len()))
}

/// After a terminator other than the period (`rest` follows it at byte `end`): past the
/// closing marks that belong to this sentence (。）“…), an opening bracket or quote starts
/// the next one, after a wide terminator or when the bracket is a Chinese one.
fn aside_after(rest: &str, end: usize, wide: bool) -> Option<usize> {
    let closed = rest.trim_start_matches(|c: char| CLOSERS.contains(&c) && !matches!(c, '"' | '\''));
    let opener = closed.chars().next()?;
    (OPENERS.contains(&opener) && !matches!(opener, '"' | '\'') && (wide || is_cjk(opener)))
        .then(|| end + (rest.len() - closed.len()))
}

/// In Arabic news a paragraph often opens with a rubric or a dateline run into its first
/// sentence, separated by a colon (`سؤال وجواب: ماذا حدث…؟`, Q&A; `الاحد, 21 فبراير …
/// الصنداي تايمز: رئيس الموساد…`, date and newspaper): the label is a segment of its own,
/// as pySBD and the Pragmatic Segmenter have it. Only the first colon of the paragraph, with
/// no terminator before it, between Arabic letters (not before a quotation: `قال الوزير: «…»`),
/// when the sentence after it is not an enumeration (`ثلاثة: ارتفاع الأسعار، ونقص…`) and
/// more sentences follow it: a colon that introduces the paragraph's only statement stays.
pub(super) fn run_in_label(text: &str) -> Option<usize> {
    let (label, rest) = text.split_once(": ")?;
    let arabic = |c: char| matches!(c as u32, 0x0620..=0x064A);
    if label.contains(['.', '?', '!', '؟', '؛', '\n']) || !label.chars().next_back().is_some_and(arabic) {
        return None;
    }
    let next = rest.trim_start();
    if !next.chars().next().is_some_and(arabic) {
        return None;
    }
    let end = next.find(['.', '?', '!', '؟'])?;
    let (statement, after) = next.split_at_checked(end)?;
    let mut past = after.chars();
    past.next();
    let more = past.as_str();
    (!statement.contains('،') && more.starts_with(char::is_whitespace) && !more.trim().is_empty())
        .then(|| text.len() - next.len())
}
