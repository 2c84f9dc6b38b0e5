//! The project's exception rules: whether a candidate break (from ICU4X or from the scan for
//! missed ones) is wrong. Each rule is a class of cases with the reason it exists.

use super::Segmenter;
use super::rules::Class;
use super::text::{
    CLOSERS, OPENERS, abbreviation_token, body_is_short_latin, caseless_letter, is_cjk, is_initialism, is_invisible,
    is_list_marker, is_number_like, is_one_syllable, list_marker, spaced_ellipsis,
};
use std::borrow::Cow;

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

/// Prepositions that open a sentence with its time (`At 5 a.m. Mr. Smith went`).
const TIME_PREPOSITIONS: &[&str] = &[
    "At", "By", "Before", "After", "Until", "Around", "About", "From", "Since",
];

impl Segmenter {
    /// Whether the break at `brk` (the start of the next sentence; the current one began at
    /// `start`) is wrong, by the project's exception rules.
    pub(super) fn suppressed(&self, text: &str, start: usize, brk: usize) -> bool {
        // Breaks come from ICU4X and from the scan, both on character boundaries; a break
        // that were not would be refused rather than panic.
        let (Some((head, after)), Some(so_far)) = (text.split_at_checked(brk), text.get(start..brk)) else {
            return true;
        };
        // Directional marks around a period (Arabic `د`, LRE, `.`, PDF) change nothing.
        let before = head.trim_end().trim_end_matches(is_invisible);
        let Some(next_char) = after.chars().next() else {
            return false;
        };
        if quotation_goes_on(before, so_far, next_char) {
            return true;
        }
        // An omission in square brackets, `[...]`, is inside a quotation, never its end
        // (`"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).`).
        let unquoted = before.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
        if unquoted.ends_with("[...]") || unquoted.ends_with("[…]") {
            return true;
        }
        // A spaced ellipsis (`. . .`) marks an omission: three periods are a pause inside the
        // sentence (`the thing is . . . I didn't`), a fourth is the sentence's own period
        // (`with a period . . . . Next`). When that period is glued to the word (`compounds.
        // . . . The practice`), the sentence ended there (the scan breaks after it) and the
        // omission opens the next one, so no break after it.
        if let Some((dots, glued)) = spaced_ellipsis(before.trim_end_matches(CLOSERS)) {
            return glued || dots == 3;
        }
        // An ellipsis before a letter of a script without case is a pause, not an end
        // (قال الوزير إن الأمور... معقدة): without capitals nothing else tells them apart.
        if before.ends_with("...") || before.ends_with('…') {
            return caseless_letter(next_char);
        }
        // No space between the period and the next sentence: `कि.मी.`, `A.T.&T.`.
        let glued = before.len() == head.len();
        self.abbreviation_goes_on(before, after, so_far, next_char, glued)
    }

    /// Rules about a word with a period before the break: abbreviations by class, initials,
    /// list markers, abbreviations of scripts without case.
    fn abbreviation_goes_on(&self, before: &str, after: &str, so_far: &str, next_char: char, glued: bool) -> bool {
        // The word with its period, and what precedes it: `He met घ.)` → `घ.` after `He met `.
        // (The closing marks were trimmed first, so `token` is a suffix of `stem`, not of
        // `before`: slicing `before` by the token's length was defect #2 of issue 16.)
        let stem = before.trim_end_matches(CLOSERS);
        let raw_token = abbreviation_token(stem);
        let Some(preceding) = stem.strip_suffix(raw_token) else {
            return false;
        };
        // Invisible directional marks inside the abbreviation (`د`, LRE, `.`) are not part of it.
        let token: Cow<str> = if raw_token.contains(is_invisible) {
            Cow::Owned(raw_token.chars().filter(|&c| !is_invisible(c)).collect())
        } else {
            Cow::Borrowed(raw_token)
        };
        let token = token.as_ref();
        let Some(body) = token.strip_suffix('.') else {
            return false;
        };
        if body.is_empty() {
            return false;
        }
        let next_word = after
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_start_matches(OPENERS)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        // The first letter or digit of the next sentence, past opening quotes and brackets.
        let next_letter = after.trim_start_matches(OPENERS).chars().next().unwrap_or(next_char);
        let class = self.rules.class(token);
        match class {
            Some(Class::Title) => return true,
            // `approx. $2.5 billion`, `No. 5`, `Vol. II`, `By Sept. it`: a number or a
            // lowercase word continues; another capitalised word starts a new sentence.
            Some(Class::Number) => return !next_letter.is_uppercase() || is_number_like(next_word),
            // `9 a.m. Eastern time`, `8 p.m. Sunday`, but `8 p.m. Staff will ask`. A sentence
            // that opened with its time (`At 5 a.m. Mr. Smith went`) goes on with the name
            // of its subject, which a title announces; `at 6 P.M. Mr. Smith` later in a
            // sentence ends it.
            Some(Class::Time) => {
                let next_token = after.split(char::is_whitespace).next().unwrap_or("");
                return !next_letter.is_uppercase()
                    || self.rules.continues_time(next_word)
                    || (opens_with_time(so_far) && self.rules.class(next_token) == Some(Class::Title));
            }
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
        if body_is_short_latin(body) && (is_cjk(next_char) || matches!(next_char as u32, 0x0900..=0x097F)) {
            return true;
        }
        // A period with a Devanagari or Arabic letter, or a Latin letter, digit or symbol of
        // an address right after it, no space, is inside an abbreviation or a name (कि.मी.,
        // أ.د., A.T.&T., example.com/x): sentences in those scripts are separated by spaces.
        if glued
            && before.ends_with('.')
            && (matches!(next_char as u32, 0x0900..=0x097F | 0x0620..=0x064A)
                || next_char.is_ascii_alphanumeric()
                || matches!(next_char, '&' | '@' | '/' | '_' | '-'))
        {
            return true;
        }
        // A list marker alone is not a sentence (`1. Open the file`, `(a) The first`, `2.) The
        // second item`, `• 10. The tenth`).
        let alone = so_far.trim();
        if (alone == token && is_list_marker(token)) || list_marker(alone).is_some_and(|m| m.len == alone.len()) {
            return true;
        }
        // An abbreviation with an inner period (कि.मी., a.m.) before a letter of a script
        // without case: nothing shows a new sentence, and abbreviations rarely end one.
        // (A domain name, www.example.org., has long parts and does end sentences.)
        if body.contains('.') && body.split('.').all(|p| p.chars().count() <= 3) && caseless_letter(next_char) {
            return true;
        }
        // One syllable of Devanagari or Arabic with a period (डॉ. पं. रु. د. ص.) is an
        // abbreviation, unless it is one of the short words that do end sentences (है. था.),
        // or an era sign after a year (١١٤٨ م. then a new sentence).
        if caseless_letter(next_char)
            && is_one_syllable(body)
            && !self.rules.is_word(body)
            && !preceding.trim_end().ends_with(char::is_numeric)
        {
            return true;
        }
        // `I.` after a lowercase word is the pronoun ending its sentence (`you and I. Did
        // you`); after a name it is an initial or a numeral (`Albert I. Jones`).
        if token == "I."
            && preceding
                .split_whitespace()
                .next_back()
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_lowercase)
        {
            return false;
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

/// Rules about quotations and brackets around the break.
fn quotation_goes_on(before: &str, so_far: &str, next_char: char) -> bool {
    // A terminator inside the title marks of a book or a film (`《摔跤吧！爸爸》`) is part of
    // the title.
    // (All four marks are U+300x, which UTF-8 writes from the byte E3: text without that
    // byte has none, and counting by characters is slow.)
    if so_far.as_bytes().contains(&0xE3) && so_far.matches(['《', '〈']).count() > so_far.matches(['》', '〉']).count()
    {
        return true;
    }
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
    caseless_letter(next_char)
        && so_far.trim_start().starts_with(OPENERS)
        && before.trim_end_matches(CLOSERS).ends_with(['?', '!', '？', '！', '؟'])
        && before.ends_with(CLOSERS)
}

/// Whether the sentence so far is a time phrase it opened with (`At 5 a.m.`): a preposition,
/// then at most three words.
fn opens_with_time(so_far: &str) -> bool {
    let mut words = so_far.split_whitespace();
    words.next().is_some_and(|w| TIME_PREPOSITIONS.contains(&w)) && words.count() <= 3
}
