//! What the segmenter's rules ask of characters and words: which marks open and close a
//! quotation, which letters have no case, what an initial, a list marker or a number looks
//! like. Pure functions on `&str`, without byte-index slicing: every cut goes through
//! `strip_suffix`, `rsplit` or `get`, so no input can make them panic.

use std::ops::Range;

/// Quotation marks and brackets that open a quotation or an aside.
pub const OPENERS: &[char] = &[
    '(', '[', '{', '“', '‘', '"', '\'', '«', '（', '【', '「', '『', '《', '„',
];
/// Quotation marks and brackets that close one; they stay with the sentence before them.
pub const CLOSERS: &[char] = &[')', ']', '}', '”', '’', '"', '\'', '»', '）', '】', '」', '』', '》'];

/// Directional formatting characters (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI) and the
/// zero-width marks: invisible, and written around punctuation in Arabic and Hebrew text
/// (`د`, U+202A, `.`, U+202C: a period wrapped in LRE…PDF) without changing what the
/// punctuation means.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// One to four Latin letters: the body of an abbreviation such as `Pvt`, `Rs`, `Ltd`.
pub fn body_is_short_latin(body: &str) -> bool {
    (1..=4).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether `text` is ASCII with no terminator (`.` `?` `!`) and no line break before its
/// closing punctuation: then UAX #29 and every rule here find no break, so headings, list
/// items and table cells (most units of a web page) skip the breaker.
pub fn is_one_ascii_sentence(text: &str) -> bool {
    let body = text
        .trim_end_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '.' | '?' | '!' | '"' | '\'' | ')' | ']'));
    text.is_ascii() && !body.bytes().any(|b| matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r'))
}

/// A letter of a script without upper and lower case (Arabic, Devanagari, Han).
pub fn caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// The word that ends `before` (which ends with its period), without any opening quote,
/// bracket or Chinese text glued to it: `(e.g.` → `e.g.`, `美国（U.S.` → `U.S.`. Always a
/// suffix of `before`.
pub fn abbreviation_token(before: &str) -> &str {
    before
        .rsplit(|c: char| c.is_whitespace() || OPENERS.contains(&c) || CLOSERS.contains(&c) || is_cjk(c))
        .next()
        .unwrap_or(before)
}

/// A word that is a number even though it begins with a capital: a Roman numeral
/// (`Vol. II`), a letter with digits (`p. A1`, `Fig. S3`).
pub fn is_number_like(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some(c) if c.is_ascii_uppercase() => {
            let rest = chars.as_str();
            (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
                || (word.len() <= 6 && word.len() > 1 && word.bytes().all(|b| b"IVXLC".contains(&b)))
        }
        _ => false,
    }
}

/// Whether `body` is one written syllable of Devanagari (a consonant cluster joined by
/// viramas, with its vowel signs: डॉ, प्रो, स्व) or one Arabic letter with its marks (د, هـ).
pub fn is_one_syllable(body: &str) -> bool {
    let mut bases = 0;
    let mut after_virama = false;
    for c in body.chars() {
        let mark = matches!(c as u32,
            0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
            | 0x064B..=0x065F | 0x0670 | 0x0640 | 0x200C | 0x200D);
        let letter = matches!(c as u32, 0x0904..=0x0939 | 0x0958..=0x0961 | 0x0972..=0x097F | 0x0620..=0x064A);
        if mark {
            after_virama = c == '\u{094D}';
        } else if letter {
            if !after_virama {
                bases += 1;
            }
            after_virama = false;
        } else {
            return false;
        }
    }
    bases == 1
}

/// `1.`, `12.`, `a.`, `iv.`: the number or letter of a list item.
pub fn is_list_marker(token: &str) -> bool {
    let body = token.strip_suffix('.').unwrap_or(token);
    (body.len() <= 3 && !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()))
        || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()))
        || (body.len() <= 4 && !body.is_empty() && body.bytes().all(|b| b"ivx".contains(&b)))
}

/// Initials and initialisms written with periods: `W.`, `U.S.`, `J.K.`, `D.C.`.
pub fn is_initialism(token: &str) -> bool {
    let mut chars = token.chars();
    let mut letters = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => letters += 1,
            (None, _) => return letters > 0,
            _ => return false,
        }
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// `range` of `text` without the whitespace at its edges; `None` when nothing else is left
/// (or, defensively, when `range` does not fall on character boundaries).
pub fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_token_is_the_last_word_without_openers() {
        assert_eq!(abbreviation_token("see (e.g."), "e.g.");
        assert_eq!(abbreviation_token("美国（U.S."), "U.S.");
        assert_eq!(abbreviation_token("Mr."), "Mr.");
        assert_eq!(abbreviation_token("ends with "), "");
    }

    #[test]
    fn list_markers_and_initials() {
        assert!(is_list_marker("1.") && is_list_marker("iv.") && is_list_marker("a."));
        assert!(!is_list_marker(".") && !is_list_marker("Mr."));
        assert!(is_initialism("U.S.") && is_initialism("W.") && !is_initialism("Mr."));
    }
}
