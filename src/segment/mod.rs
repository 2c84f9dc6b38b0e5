//! Sentence segmentation: ICU4X's UAX #29 sentence breaker, corrected by the project's own
//! exception rules where it falls short, and applied to unit text that carries placeholders.
//!
//! ICU4X was chosen over `sentencex` and SRX rule sets because it handles every terminator of
//! the project's languages (. ? ! 。？！ । ॥ ؟, closing quotes and brackets after them, no
//! space after Chinese full stops) at about 80 MB/s; where it is wrong for news text the rules
//! below correct it, each saying why it exists. The abbreviation lists are data
//! (`segment/rules/<lang>.txt`), and users extend them per language in `l10n.toml`
//! (`abbreviations`, and `no_break` regular expressions that a break may never fall inside).
//!
//! The segmenter never sees markup: [`segment_pieces`] takes placeholders out of the text
//! before the breaker runs and refuses breaks inside placeholder pairs and code spans.

mod pieces;
mod rules;

pub use pieces::{Piece, segment_owned_pieces, segment_pieces};
use rules::{Class, Rules};

use crate::lang::Locale;
use icu_segmenter::SentenceSegmenter;
use icu_segmenter::options::SentenceBreakInvariantOptions;
use regex::Regex;
use std::ops::Range;

/// Words that start sentences far more often than they follow an abbreviation or an initial:
/// after `U.S.` or `W.` they mean the abbreviation ended the sentence (`talks with the U.S.
/// The deal`), any other capitalised word means it did not (`the U.S. Senate`, `George W. Bush`).
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
    "By",
    "From",
    "To",
    "With",
    "Without",
    "Under",
    "Over",
    "During",
    "Since",
    "Until",
    "After",
    "Before",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "Still",
    "A",
    "An",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Who",
    "What",
    "Why",
    "How",
    "Where",
    "When",
    "Which",
    "There",
    "Then",
    "Thus",
    "However",
    "Meanwhile",
    "Moreover",
    "Also",
    "As",
    "For",
    "If",
    "While",
    "Although",
    "Though",
    "Because",
    "Our",
    "His",
    "Her",
    "Their",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "Several",
    "Both",
    "Each",
    "Every",
    "All",
    "No",
    "Nobody",
    "None",
    "Nothing",
    "Such",
    "Instead",
    "Later",
    "Today",
    "Now",
    "Despite",
];

/// Quotation marks and brackets that open a quotation or an aside.
const OPENERS: &[char] = &[
    '(', '[', '{', '“', '‘', '"', '\'', '«', '（', '【', '「', '『', '《', '„',
];
/// Quotation marks and brackets that close one; they stay with the sentence before them.
const CLOSERS: &[char] = &[')', ']', '}', '”', '’', '"', '\'', '»', '）', '】', '」', '』', '》'];

/// Splits text into sentences for one source language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// The language's abbreviations by class, with the project's additions.
    rules: Rules,
    /// User patterns a break may never fall inside.
    no_break: Vec<Regex>,
}

impl Segmenter {
    /// The segmenter for `locale`, with the project's abbreviations from `l10n.toml` (as
    /// [`crate::config::Config::abbreviations`] gives them: never-break ones, then others
    /// under a class header).
    pub fn new(locale: &Locale, extra_abbreviations: &[String]) -> Segmenter {
        Segmenter {
            rules: Rules::new(&locale.language(), extra_abbreviations),
            no_break: Vec::new(),
        }
    }

    /// Adds the project's no-break patterns: a sentence break never falls inside a match.
    pub fn with_no_break(mut self, patterns: Vec<Regex>) -> Segmenter {
        self.no_break = patterns;
        self
    }

    /// Byte ranges of the sentences of `text`, without surrounding whitespace.
    pub fn sentences(&self, text: &str) -> Vec<Range<usize>> {
        if is_one_ascii_sentence(text) {
            return trim_range(text, 0..text.len()).into_iter().collect();
        }
        let mut candidates: Vec<usize> = SentenceSegmenter::new(SentenceBreakInvariantOptions::default())
            .segment_str(text)
            .filter(|&b| b > 0 && b < text.len())
            .collect();
        let missed = self.missed_breaks(text);
        if !missed.is_empty() {
            candidates.extend(missed);
            candidates.sort_unstable();
            candidates.dedup();
        }
        let protected: Vec<Range<usize>> = self
            .no_break
            .iter()
            .flat_map(|re| re.find_iter(text).map(|m| m.range()))
            .collect();
        let mut starts = vec![0];
        for brk in candidates {
            let start = *starts.last().expect("starts with 0");
            if protected.iter().any(|r| r.start < brk && brk < r.end) || self.suppressed(text, start, brk) {
                continue;
            }
            starts.push(brk);
        }
        starts.push(text.len());
        starts.windows(2).filter_map(|w| trim_range(text, w[0]..w[1])).collect()
    }

    /// Breaks ICU misses, found by scanning for terminators.
    ///
    /// - UAX #29 never breaks after a period when a lowercase word follows, even after digits
    ///   or symbols (`Tuesday. iPhone sales`, `proposal. 58% voted`, `1987. 1987 was`). In
    ///   news text a period after an ordinary word and a space ends the sentence whatever comes
    ///   next; abbreviations (listed, or with an inner period like `a.m.`) are the exception.
    /// - UAX #29 treats every bracket and quotation mark after a terminator as closing, so a
    ///   Chinese aside that follows a full stop without a space stays glued to it
    ///   (`而异。（详见下表。）`); after 。？！ an opening bracket or quote starts a sentence.
    fn missed_breaks(&self, text: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let bytes = text.as_bytes();
        let mut scan = 0;
        // A byte scan for the terminators . ? ! 。 ？ ！ and the ellipsis … (the wide ones are
        // E3 80 82, EF BC 9F, EF BC 81 and E2 80 A6 in UTF-8): decoding every character to
        // compare it was slow.
        while let Some(pos) = bytes[scan..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'?' | b'!' | 0xE2 | 0xE3 | 0xEF))
        {
            let at = scan + pos;
            let len = match &bytes[at..] {
                [b'.' | b'?' | b'!', ..] => 1,
                [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x9F | 0x81, ..] => 3,
                [0xE2, 0x80, 0xA6, ..] => {
                    // UAX #29 does not count … as a terminator at all, while three periods
                    // are one: … before a space and a capitalised word (or a quotation that
                    // opens with one) ends the sentence like `...` does (`in silence… Then`).
                    let end = at + 3;
                    scan = end;
                    let rest = &text[end..];
                    let next = rest.trim_start();
                    if next.len() < rest.len()
                        && next
                            .trim_start_matches(OPENERS)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                    {
                        found.push(end + (rest.len() - next.len()));
                    }
                    continue;
                }
                _ => {
                    scan = at + 1;
                    continue;
                }
            };
            let end = at + len;
            scan = end;
            let terminator = &text[at..end];
            let rest = &text[end..];
            let Some(first) = rest.chars().next() else { break };
            if terminator != "." {
                let wide = terminator != "?" && terminator != "!";
                // Past the closing marks that belong to this sentence (。）“…).
                let closed = rest.trim_start_matches(|c: char| CLOSERS.contains(&c) && !matches!(c, '"' | '\''));
                let at_opener = end + (rest.len() - closed.len());
                if let Some(opener) = closed.chars().next()
                    && OPENERS.contains(&opener)
                    && !matches!(opener, '"' | '\'')
                    && (wide || is_cjk(opener))
                {
                    found.push(at_opener);
                }
                continue;
            }
            if !first.is_whitespace() {
                continue;
            }
            let next_at = end + (rest.len() - rest.trim_start().len());
            let Some(next) = text[next_at..].chars().next() else {
                break;
            };
            if !(next.is_lowercase() || next.is_ascii_digit()) {
                continue;
            }
            let token = abbreviation_token(&text[..end]);
            let body = &token[..token.len() - 1];
            let word_like = body.chars().count() > 1
                && body.chars().last().is_some_and(char::is_alphanumeric)
                && !body.contains('.');
            if word_like && self.rules.class(token).is_none() {
                found.push(next_at);
            }
        }
        found
    }

    /// Whether the break at `brk` (the start of the next sentence; the current one began at
    /// `start`) is wrong, by the project's exception rules.
    fn suppressed(&self, text: &str, start: usize, brk: usize) -> bool {
        let before = text[..brk].trim_end();
        let after = &text[brk..];
        let Some(next_char) = after.chars().next() else {
            return false;
        };
        let next_word = after
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(OPENERS)
            .trim_end_matches(|c: char| !c.is_alphanumeric());

        // No sentence ends with an opening bracket: ICU counts one after a terminator as
        // closing (。（详见下表。）) and would break after it.
        if before.ends_with(|c: char| OPENERS.contains(&c) && !matches!(c, '"' | '\'')) {
            return true;
        }
        // A quotation or aside that ends with ? or ! and goes on in lowercase was inside the
        // sentence (“Is it real?” she asked. / The plan (is it legal?) faces a challenge).
        if next_char.is_lowercase() && (before.ends_with(CLOSERS) || before.ends_with(['?', '!'])) {
            return true;
        }
        // The same in scripts without case: a sentence that opens with a quoted question or
        // exclamation goes on with its attribution («هل أنتم مستعدون؟» سأل المدرب, “为什么要改？”一位市民问道).
        if caseless_letter(next_char)
            && text[start..brk].trim_start().starts_with(OPENERS)
            && before.trim_end_matches(CLOSERS).ends_with(['?', '!', '？', '！', '؟'])
            && before.ends_with(CLOSERS)
        {
            return true;
        }
        // An ellipsis before a letter of a script without case is a pause, not an end
        // (قال الوزير إن الأمور... معقدة): without capitals nothing else tells them apart.
        if before.ends_with("...") || before.ends_with('…') {
            return caseless_letter(next_char);
        }
        let token = abbreviation_token(before.trim_end_matches(CLOSERS));
        if token.len() < 2 || !token.ends_with('.') {
            return false;
        }
        // The first letter or digit of the next sentence, past opening quotes and brackets.
        let next_letter = after.trim_start_matches(OPENERS).chars().next().unwrap_or(next_char);
        let class = self.rules.class(token);
        match class {
            Some(Class::Title) => return true,
            // `approx. $2.5 billion`, `No. 5`, `Vol. II`, `By Sept. it`: a number or a
            // lowercase word continues; another capitalised word starts a new sentence.
            Some(Class::Number) => return !next_letter.is_uppercase() || is_number_like(next_word),
            // `9 a.m. Eastern time`, `8 p.m. Sunday`, but `8 p.m. Staff will ask`.
            Some(Class::Time) => return !next_letter.is_uppercase() || self.rules.continues_time(next_word),
            // `Ltd. in March`, `Jr. delivered`, but `Harrow & Co. Rival bidders`; another
            // company form goes on with the name (`Kestrel Pty. Ltd.`).
            Some(Class::Ends) => {
                let next_token = after.split(char::is_whitespace).next().unwrap_or("");
                return !next_letter.is_uppercase() || self.rules.class(next_token) == Some(Class::Ends);
            }
            Some(Class::Proper) | None => {}
        }
        // Hindi and Chinese end their sentences with । and 。, so a short Latin word with a
        // period before a Devanagari or Han letter is an abbreviation (`Pvt. Ltd. ने`). Not
        // before Arabic letters: Arabic ends sentences with a period, after Latin names too.
        if body_is_short_latin(&token[..token.len() - 1])
            && (is_cjk(next_char) || matches!(next_char as u32, 0x0900..=0x097F))
        {
            return true;
        }
        // A period with a Devanagari or Arabic letter, or a Latin letter, digit or symbol of
        // an address right after it, no space, is inside an abbreviation or a name (कि.मी.,
        // أ.د., A.T.&T., example.com/x): sentences in those scripts are separated by spaces.
        if before.len() == brk
            && before.ends_with('.')
            && (matches!(next_char as u32, 0x0900..=0x097F | 0x0620..=0x064A)
                || next_char.is_ascii_alphanumeric()
                || matches!(next_char, '&' | '@' | '/' | '_' | '-'))
        {
            return true;
        }
        // A list marker alone is not a sentence (`1. Open the file`, `(a) The first`).
        let so_far = text[start..brk].trim();
        if so_far == token && is_list_marker(token) {
            return true;
        }
        // An abbreviation with an inner period (कि.मी., a.m.) before a letter of a script
        // without case: nothing shows a new sentence, and abbreviations rarely end one.
        // (A domain name, www.example.org., has long parts and does end sentences.)
        let body = &token[..token.len() - 1];
        if body.contains('.') && body.split('.').all(|p| p.chars().count() <= 3) && caseless_letter(next_char) {
            return true;
        }
        // One syllable of Devanagari or Arabic with a period (डॉ. पं. रु. د. ص.) is an
        // abbreviation, unless it is one of the short words that do end sentences (है. था.),
        // or an era sign after a year (١١٤٨ م. then a new sentence).
        if caseless_letter(next_char)
            && is_one_syllable(body)
            && !self.rules.is_word(body)
            // The text before the token (a suffix of `before` without its closers).
            && !before
                .trim_end_matches(CLOSERS)
                .strip_suffix(token)
                .unwrap_or_default()
                .trim_end()
                .ends_with(|c: char| c.is_numeric())
        {
            return true;
        }
        if class == Some(Class::Proper) || is_initialism(token) {
            // A Latin abbreviation inside Arabic, Hindi or Chinese text (واشنطن D.C. الأسبوع,
            // U.K. के, 美国（U.S.）宣布) is followed by the rest of its sentence.
            if caseless_letter(next_char) {
                return true;
            }
            // An initial after an initial is part of the same name (`J. R. R. Tolkien`,
            // `J. A. Smith`): `A.` there is not the article.
            let initial_next = is_initialism(after.split(char::is_whitespace).next().unwrap_or(""));
            return next_letter.is_uppercase() && (initial_next || !SENTENCE_STARTERS.contains(&next_word));
        }
        false
    }
}

/// One to four Latin letters: the body of an abbreviation such as `Pvt`, `Rs`, `Ltd`.
fn body_is_short_latin(body: &str) -> bool {
    (1..=4).contains(&body.len()) && body.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether `text` is ASCII with no terminator (`.` `?` `!`) and no line break before its
/// closing punctuation: then UAX #29 and every rule here find no break, so headings, list
/// items and table cells (most units of a web page) skip the breaker.
fn is_one_ascii_sentence(text: &str) -> bool {
    let body = text
        .trim_end_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '.' | '?' | '!' | '"' | '\'' | ')' | ']'));
    text.is_ascii() && !body.bytes().any(|b| matches!(b, b'.' | b'?' | b'!' | b'\n' | b'\r'))
}

/// A letter of a script without upper and lower case (Arabic, Devanagari, Han).
fn caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// The word that ends `before` (which ends with its period), without any opening quote,
/// bracket or Chinese text glued to it: `(e.g.` → `e.g.`, `美国（U.S.` → `U.S.`.
fn abbreviation_token(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || OPENERS.contains(&c) || CLOSERS.contains(&c) || is_cjk(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// A word that is a number even though it begins with a capital: a Roman numeral
/// (`Vol. II`), a letter with digits (`p. A1`, `Fig. S3`).
fn is_number_like(word: &str) -> bool {
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
fn is_one_syllable(body: &str) -> bool {
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
fn is_list_marker(token: &str) -> bool {
    let body = &token[..token.len() - 1];
    (body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()))
        || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()))
        || (body.len() <= 4 && !body.is_empty() && body.bytes().all(|b| b"ivx".contains(&b)))
}

/// Initials and initialisms written with periods: `W.`, `U.S.`, `J.K.`, `D.C.`.
fn is_initialism(token: &str) -> bool {
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

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

fn trim_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    (start < end).then_some(start..end)
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
    fn abbreviation_classes() {
        // number: a number continues, a capitalised word starts a sentence.
        assert_eq!(
            split("Approx. 40% is waste. It burns."),
            vec!["Approx. 40% is waste.", "It burns."]
        );
        assert_eq!(split("See Vol. II now."), vec!["See Vol. II now."]);
        assert_eq!(
            split("It closed in Nov. Workers left."),
            vec!["It closed in Nov.", "Workers left."]
        );
        // title: never a break.
        assert_eq!(split("Atty. Gen. Smith spoke."), vec!["Atty. Gen. Smith spoke."]);
        // time: a zone or a day continues, anything else capitalised starts a sentence.
        assert_eq!(split("At 9 a.m. Eastern time."), vec!["At 9 a.m. Eastern time."]);
        assert_eq!(split("At 9 a.m. Staff left."), vec!["At 9 a.m.", "Staff left."]);
        // ends: a capitalised word starts a sentence unless it is another company form.
        assert_eq!(split("Kestrel Pty. Ltd. said so."), vec!["Kestrel Pty. Ltd. said so."]);
        assert_eq!(
            split("Sold to Kestrel Ltd. Terms vary."),
            vec!["Sold to Kestrel Ltd.", "Terms vary."]
        );
        // initials: `A.` after an initial is not the article.
        assert_eq!(
            split("Run by J. A. Chen. A man said."),
            vec!["Run by J. A. Chen.", "A man said."]
        );
        // … before a capital ends a sentence, before lowercase it does not.
        assert_eq!(
            split("He paused… Then… it ended."),
            vec!["He paused…", "Then… it ended."]
        );
    }

    #[test]
    fn one_syllable_abbreviations_in_hindi_and_arabic() {
        let hi = Segmenter::new(&Locale::parse("hi").unwrap(), &[]);
        let t = "डा. रमेश आए. वह ठीक है. कल 12 कि.मी. चले.";
        let got: Vec<_> = hi.sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["डा. रमेश आए.", "वह ठीक है.", "कल 12 कि.मी. चले."]);
        let ar = Segmenter::new(&Locale::parse("ar").unwrap(), &[]);
        let t = "قال م. أحمد ذلك. توفي عام ١٩٧٠ م. ودُفن هناك.";
        let got: Vec<_> = ar.sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["قال م. أحمد ذلك.", "توفي عام ١٩٧٠ م.", "ودُفن هناك."]);
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

    #[test]
    fn breaks_icu_misses_and_refuses_list_markers() {
        assert_eq!(
            split("Voters said no. 58% voted no."),
            vec!["Voters said no.", "58% voted no."]
        );
        assert_eq!(
            split("It sold well. iPhone sales fell."),
            vec!["It sold well.", "iPhone sales fell."]
        );
        assert_eq!(
            split("Harrow & Co. said so. Ltd. in March."),
            vec!["Harrow & Co. said so.", "Ltd. in March."]
        );
        assert_eq!(split("1. Open the file."), vec!["1. Open the file."]);
    }

    #[test]
    fn chinese_asides_and_quotes() {
        let zh = Segmenter::new(&Locale::parse("zh").unwrap(), &[]);
        let t = "具体数据因地区而异。（详见下表。）“为什么？”一位市民问道。";
        let got: Vec<_> = zh.sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            got,
            vec!["具体数据因地区而异。", "（详见下表。）", "“为什么？”一位市民问道。"]
        );
    }

    #[test]
    fn no_break_patterns_from_the_project() {
        let text = "Ask Acme Corp. Finance about it.";
        let plain = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        assert_eq!(plain.sentences(text).len(), 2);
        let tuned = plain.with_no_break(vec![Regex::new(r"Corp\. Finance").unwrap()]);
        assert_eq!(tuned.sentences(text), vec![0..text.len()]);
    }
}
