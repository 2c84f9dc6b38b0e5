//! Numbers across digit systems and scale words: the value a sentence states must survive
//! translation, whatever digits and words the target writes it with.
//!
//! `60%` = `٪٦٠` = `60%`; `$1.2 billion` = `1.2 مليار` = `12亿` = `1.2 अरब` = `120 करोड़`;
//! `3,500` = `٣٬٥٠٠` = `3500`. Digits: Western, Arabic-Indic (٠–٩), Extended Arabic-Indic
//! (۰–۹), Devanagari (०–९). Decimal separators `.` and `٫`, group separators `,` and `٬`
//! (any grouping, so the Indian `3,50,000` reads right). Ordinals (`21st`) are skipped: targets
//! usually spell them out. Only source numbers missing from the target are reported; a
//! target may add numbers of its own (Chinese and Hindi dates spell the month as a number).

#![deny(clippy::string_slice)]

/// One number as written, and its value with the scale word applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub written: String,
    pub value: f64,
}

/// Scale words, longest first where one is a prefix of another.
const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("تريليون", 1e12),
    ("مليارات", 1e9),
    ("مليار", 1e9),
    ("ملايين", 1e6),
    ("مليون", 1e6),
    ("آلاف", 1e3),
    ("ألف", 1e3),
    ("खरब", 1e11),
    ("अरब", 1e9),
    ("करोड़", 1e7),
    ("करोड", 1e7),
    ("लाख", 1e5),
    ("ट्रिलियन", 1e12),
    ("बिलियन", 1e9),
    ("मिलियन", 1e6),
    ("हज़ार", 1e3),
    ("हजार", 1e3),
    ("万亿", 1e12),
    ("亿", 1e8),
    ("百万", 1e6),
    ("万", 1e4),
];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0966}'..='\u{096F}' => Some(c as u32 - 0x0966),
        _ => None,
    }
}

/// The numbers of a text, in order.
pub fn extract(text: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if digit(chars[i].1).is_none() || (i > 0 && is_latin_word_char(chars[i - 1].1)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut integer = String::new();
        let mut fraction = String::new();
        let mut in_fraction = false;
        while i < chars.len() {
            let c = chars[i].1;
            let next_is_digit = chars.get(i + 1).is_some_and(|n| digit(n.1).is_some());
            if let Some(d) = digit(c) {
                let s = if in_fraction { &mut fraction } else { &mut integer };
                s.push(char::from_digit(d, 10).expect("a digit"));
            } else if matches!(c, ',' | '٬') && next_is_digit && !in_fraction {
                // a group separator
            } else if matches!(c, '.' | '٫') && next_is_digit && !in_fraction {
                in_fraction = true;
            } else {
                break;
            }
            i += 1;
        }
        let end_byte = chars.get(i).map_or(text.len(), |c| c.0);
        // boundary: `end_byte` is an index from `char_indices` or the text's length.
        #[allow(clippy::string_slice)]
        let rest = &text[end_byte..];
        // An ordinal such as 21st or 3rd.
        if let Some((suffix, after_suffix)) = rest.split_at_checked(2)
            && matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th")
            && !after_suffix.chars().next().is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let mut value: f64 = format!("{integer}.{}", if fraction.is_empty() { "0" } else { &fraction })
            .parse()
            .unwrap_or(0.0);
        let after = rest.trim_start_matches([' ', '\u{a0}']);
        // boundary: both ends are indices from `char_indices` (or the text's length).
        #[allow(clippy::string_slice)]
        let mut written = text[chars[start].0..end_byte].to_string();
        if let Some((word, scale)) = SCALES.iter().find(|(w, _)| after.starts_with(w)) {
            value *= scale;
            written = format!("{written} {word}");
        }
        out.push(Number { written, value });
    }
    out
}

/// A digit right after a Latin letter is part of a code (`G7`); after a Chinese or Arabic
/// letter it is a number (`增长了60%`), as those scripts write numbers without spaces.
fn is_latin_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_'
}

/// The source numbers the target does not state (each target number answers one source number).
pub fn missing_in_target(source: &str, target: &str) -> Vec<Number> {
    let mut available = extract(target);
    let mut missing = Vec::new();
    for n in extract(source) {
        match available.iter().position(|t| same(t.value, n.value)) {
            Some(p) => {
                available.swap_remove(p);
            }
            None => missing.push(n),
        }
    }
    missing
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<f64> {
        extract(text).into_iter().map(|n| n.value).collect()
    }

    #[test]
    fn digit_systems_and_separators() {
        assert_eq!(values("60% in 2024"), vec![60.0, 2024.0]);
        assert_eq!(values("بنسبة ٪٦٠ في عام ٢٠٢٤"), vec![60.0, 2024.0]);
        assert_eq!(values("۱۲۳ and ३,५००"), vec![123.0, 3500.0]);
        assert_eq!(values("٣٬٥٠٠ and ١٫٥"), vec![3500.0, 1.5]);
        assert_eq!(values("3,50,000"), vec![350000.0]);
        assert_eq!(values("May 2, 2025."), vec![2.0, 2025.0]);
    }

    #[test]
    fn scale_words_in_every_target() {
        for text in [
            "$1.2 billion",
            "1.2 مليار دولار",
            "12亿美元",
            "1.2 अरब डॉलर",
            "120 करोड़",
            "١٫٢ مليار",
        ] {
            assert_eq!(values(text), vec![1.2e9], "{text}");
        }
        assert_eq!(values("3 million"), values("300万"));
    }

    #[test]
    fn ordinals_and_codes() {
        assert_eq!(values("the 21st century"), Vec::<f64>::new());
        assert_eq!(values("F-35 and G7"), vec![35.0]);
    }

    #[test]
    fn a_changed_number_is_missing_and_an_added_one_is_not() {
        assert!(missing_in_target("Exports rose by 60% in 2024.", "2024年出口增长了60%。").is_empty());
        assert!(missing_in_target("On May 2, 2025", "2025年5月2日").is_empty());
        let m = missing_in_target("The mine employs 3,500 workers.", "يعمل في المنجم ٣٬٠٠٠ عامل.");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].written, "3,500");
        assert_eq!(missing_in_target("$1.2 billion", "1.2 मिलियन").len(), 1);
    }
}
