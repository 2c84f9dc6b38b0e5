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

/// Directional formatting characters (LRM, RLM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI)
/// and the zero-width space (not the joiners, which belong to Indic and Arabic words): invisible, and written around punctuation in Arabic and Hebrew text
/// (`د`, U+202A, `.`, U+202C: a period wrapped in LRE…PDF) without changing what the
/// punctuation means.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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

/// Bullets that may stand before a list item's number (`• 9.`, `⁃10.`).
pub const LIST_BULLETS: &[char] = &['•', '◦', '‣', '⁃', '▪', '-', '*'];

/// The number or letter of a list item and how it is written, at the start of `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListMarker<'a> {
    /// The bullet before the number, if any.
    pub bullet: Option<char>,
    /// A number of up to three digits or one lowercase letter.
    pub label: &'a str,
    /// What follows the label: `.`, `.)` or `)`.
    pub punct: &'a str,
    /// Bytes of `text` the marker takes, its bullet and spaces included.
    pub len: usize,
}

impl ListMarker<'_> {
    /// The label of the item after this one: `9` → `10`, `a` → `b`.
    pub fn next_label(&self) -> Option<String> {
        if let Ok(n) = self.label.parse::<u16>() {
            return Some((n + 1).to_string());
        }
        let c = self.label.chars().next()?;
        (c.is_ascii_lowercase() && c != 'z').then(|| char::from(c as u8 + 1).to_string())
    }
}

/// Parses a list item's marker at the start of `text`: an optional bullet and spaces, then
/// `1.`, `2.)`, `3)` or `a.`, `b)`; the marker must be followed by a space or the end.
pub fn list_marker(text: &str) -> Option<ListMarker<'_>> {
    let bullet = text.chars().next().filter(|c| LIST_BULLETS.contains(c));
    let after_bullet = text.trim_start_matches(LIST_BULLETS).trim_start_matches([' ', '\t']);
    let label_len = match after_bullet.bytes().take_while(u8::is_ascii_digit).count() {
        0 => usize::from(after_bullet.starts_with(|c: char| c.is_ascii_lowercase())),
        n @ 1..=3 => n,
        _ => 0,
    };
    let (label, rest) = after_bullet.split_at_checked(label_len).filter(|_| label_len > 0)?;
    let punct = [".)", ".", ")"].into_iter().find(|p| rest.starts_with(p))?;
    let after = rest.strip_prefix(punct)?;
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    Some(ListMarker {
        bullet,
        label,
        punct,
        len: text.len() - after.len(),
    })
}

/// For text that opens with a list item (`1.) The first item 2.) The second item`), the
/// starts of the items run into it: each next number or letter written the same way, after
/// a space. Lists in one line are items, not sentences, whether or not an item ends with a
/// period.
pub fn inline_list_items(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(mut marker) = list_marker(text) else {
        return found;
    };
    let mut from = marker.len;
    while let Some(label) = marker.next_label() {
        let written = match marker.bullet {
            Some(b) => format!("{b}{label}{}", marker.punct),
            None => format!("{label}{}", marker.punct),
        };
        let Some(rest) = text.get(from..) else { break };
        // The next item's marker, after whitespace, alone or with a bullet and a space.
        let hit = rest.match_indices(&written).map(|(i, _)| i).chain(
            marker
                .bullet
                .map(|b| format!("{b} {label}{}", marker.punct))
                .and_then(|spaced| rest.find(&spaced)),
        );
        let Some(at) = hit
            .filter(|&i| rest.get(..i).is_some_and(|b| b.ends_with(char::is_whitespace)))
            .filter_map(|i| list_marker(rest.get(i..)?).map(|m| (i, m)))
            .min_by_key(|&(i, _)| i)
        else {
            break;
        };
        // A bullet alone before the number (`item • 10.`) opens the item.
        let trimmed = rest.get(..at.0).unwrap_or("").trim_end();
        let start = match trimmed.strip_suffix(LIST_BULLETS) {
            Some(b) if b.ends_with(char::is_whitespace) => b.len(),
            _ => at.0,
        };
        found.push(from + start);
        from += at.0 + at.1.len;
        marker = at.1;
    }
    found
}

/// The periods of a spaced ellipsis that ends `before` (`is . . .`, `compounds. . . .`): how
/// many, and whether the first is glued to the word before it (then it is that sentence's own
/// period). `None` unless there are at least three periods with spaces between them.
pub fn spaced_ellipsis(before: &str) -> Option<(usize, bool)> {
    let mut rest = before;
    let mut dots = 0;
    let mut spaced = false;
    while let Some(r) = rest.strip_suffix('.') {
        dots += 1;
        let t = r.trim_end_matches(' ');
        spaced |= t.len() < r.len();
        if t.ends_with('.') {
            rest = t;
        } else {
            let glued = t.len() == r.len() && !r.is_empty();
            return (dots >= 3 && spaced).then_some((dots, glued));
        }
    }
    None
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
    fn inline_lists_and_spaced_ellipses() {
        let t = "1.) The first item 2.) The second item";
        assert_eq!(inline_list_items(t), vec![19]);
        assert_eq!(inline_list_items("• 9. One • 10. Two"), vec![11]);
        assert_eq!(inline_list_items("9. One • 10. Two"), vec![7]);
        assert_eq!(inline_list_items("a. One b. Two c. Three"), vec![7, 14]);
        assert_eq!(inline_list_items("1. One 3. Three"), Vec::<usize>::new());
        assert_eq!(inline_list_items("It was 1. Then 2. came"), Vec::<usize>::new());
        assert_eq!(spaced_ellipsis("the thing is . . ."), Some((3, false)));
        assert_eq!(spaced_ellipsis("compounds. . . ."), Some((4, true)));
        assert_eq!(spaced_ellipsis("a period . . . ."), Some((4, false)));
        assert_eq!(spaced_ellipsis("that...."), None);
    }

    #[test]
    fn list_markers_and_initials() {
        assert!(is_list_marker("1.") && is_list_marker("iv.") && is_list_marker("a."));
        assert!(!is_list_marker(".") && !is_list_marker("Mr."));
        assert!(is_initialism("U.S.") && is_initialism("W.") && !is_initialism("Mr."));
    }
}
