//! Bidi isolation of Latin-script runs in right-to-left text, so that a brand name, a number
//! with its unit or a site name does not reorder the Arabic sentence around it.
//!
//! A run starts at a Latin letter or an ASCII digit and extends over letters, digits and the
//! punctuation that joins them inside a name or a quantity (`MP Materials`, `60 kg`,
//! `U.S.-Ukraine`); it holds at least one Latin letter (a bare number needs no help). In HTML
//! every run goes into `<bdi>`. In text, where the isolate characters FSI/PDI are invisible
//! but real, a run is isolated only where it would otherwise flip: when it comes before any
//! Arabic letter of its paragraph (it would set the paragraph's direction to left-to-right),
//! or when it mixes digits and letters with something between them (the number would move to
//! the other side of its unit).

#![deny(clippy::string_slice)]

use super::typography::is_arabic_letter;
use std::ops::Range;

/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';

fn starts_run(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_latin_letter(c)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c as u32, 0x00C0..=0x024F)
}

/// Characters that may sit inside a run between two run characters.
fn joins_run(c: char) -> bool {
    matches!(c, ' ' | '.' | ',' | '-' | '\'' | '’' | '&' | '/' | '%' | ':' | '+')
}

/// The byte ranges of the Latin-script runs in `s` (outside existing isolates).
pub fn latin_runs(s: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    let mut isolated = 0usize;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '\u{2066}' | '\u{2067}' | FSI => isolated += 1,
            PDI => isolated = isolated.saturating_sub(1),
            _ => {}
        }
        if isolated > 0 || !starts_run(c) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1; // exclusive, in chars
        let mut j = i + 1;
        while j < chars.len() {
            let d = chars[j].1;
            if starts_run(d) {
                j += 1;
                end = j;
            } else if joins_run(d) {
                j += 1;
            } else {
                break;
            }
        }
        // A trailing `%` or `.` of an abbreviation belongs to the run only if a run character
        // follows it; a `%` right after a digit is part of the quantity.
        if end < chars.len() && chars[end].1 == '%' {
            end += 1;
        }
        if chars[start..end].iter().any(|(_, c)| is_latin_letter(*c)) {
            let from = chars[start].0;
            let to = chars.get(end).map_or(s.len(), |x| x.0);
            runs.push(from..to);
        }
        i = end.max(start + 1);
    }
    runs
}

/// `s` with the runs that would flip wrapped in FSI…PDI. `paragraph_start` says whether `s`
/// begins its paragraph (nothing right-to-left before it). Idempotent.
pub fn isolate_text(s: &str, paragraph_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut last = 0;
    for run in latin_runs(s) {
        // boundary: runs are ranges of `char_indices` positions (or the length) of `s`.
        #[allow(clippy::string_slice)]
        let (text, before) = (&s[run.clone()], &s[..run.start]);
        let arabic_before = before.chars().any(is_arabic_letter);
        let leads = paragraph_start && !arabic_before;
        let quantity =
            text.chars().next().is_some_and(|c| c.is_ascii_digit()) && text.chars().any(|c| !c.is_ascii_alphanumeric());
        if leads || quantity {
            // boundary: `last` is 0 or the end of an earlier run; runs are on char boundaries.
            #[allow(clippy::string_slice)]
            let between = &s[last..run.start];
            out.push_str(between);
            out.push(FSI);
            out.push_str(text);
            out.push(PDI);
            last = run.end;
        }
    }
    // boundary: `last` is 0 or the end of a run.
    #[allow(clippy::string_slice)]
    let tail = &s[last..];
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(s: &str) -> Vec<&str> {
        latin_runs(s)
            .into_iter()
            .map(|r| s.get(r).expect("a run on char boundaries"))
            .collect()
    }

    #[test]
    fn finds_names_and_quantities() {
        assert_eq!(
            runs("قالت شركة MP Materials إن 60 kg تكفي، و2025 عام مهم."),
            ["MP Materials", "60 kg"]
        );
        assert_eq!(runs("علاقات U.S.-Ukraine الجديدة"), ["U.S.-Ukraine"]);
        assert_eq!(runs("نسبة 60% فقط"), Vec::<&str>::new());
    }

    #[test]
    fn isolates_only_what_would_flip() {
        // A name in the middle of an Arabic sentence keeps its place without help.
        let middle = "قالت شركة MP Materials ذلك";
        assert_eq!(isolate_text(middle, true), middle);
        // A name that opens the paragraph would make it left-to-right.
        let lead = "MP Materials قالت ذلك";
        let isolated = isolate_text(lead, true);
        assert_eq!(isolated, format!("{FSI}MP Materials{PDI} قالت ذلك"));
        assert_eq!(isolate_text(&isolated, true), isolated, "idempotent");
        // Not at a paragraph start (a later sentence), it is left alone.
        assert_eq!(isolate_text(lead, false), lead);
        // A number with its unit would show as "kg 60".
        assert_eq!(
            isolate_text("وزنه 60 kg تقريبا", false),
            format!("وزنه {FSI}60 kg{PDI} تقريبا")
        );
    }
}
