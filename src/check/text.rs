//! Checks of one translated sentence against its source, beyond numbers: placeholders and
//! inline code, locale typography (warnings) and length outliers (warnings).

use crate::model::{Placeholder, Text};
use std::collections::BTreeMap;

/// Placeholders (inline markup, code, template variables) the translation lost or invented,
/// as their original text.
pub fn placeholder_mismatch(source: &Text, target: &Text) -> Option<(Vec<String>, Vec<String>)> {
    let count = |t: &Text| {
        let mut m: BTreeMap<u32, usize> = BTreeMap::new();
        for p in t.placeholders() {
            *m.entry(p.id).or_default() += 1;
        }
        m
    };
    let (s, t) = (count(source), count(target));
    if s == t {
        return None;
    }
    let label = |p: &Placeholder| {
        if p.original.is_empty() {
            format!("#{}", p.id)
        } else {
            p.original.clone()
        }
    };
    let lost = source
        .placeholders()
        .filter(|p| t.get(&p.id) < s.get(&p.id))
        .map(label)
        .collect();
    let extra = target
        .placeholders()
        .filter(|p| s.get(&p.id) < t.get(&p.id))
        .map(label)
        .collect();
    Some((lost, extra))
}

/// A typography problem: the character found and the one the locale uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typo {
    pub found: char,
    pub expected: char,
}

/// Locale punctuation: Latin comma, semicolon and question mark in Arabic text; half-width
/// punctuation between Chinese characters; a final full stop instead of the danda in Hindi.
pub fn typography(language: &str, target: &str) -> Vec<Typo> {
    let chars: Vec<char> = target.chars().collect();
    let mut out = Vec::new();
    let mut push = |found, expected| {
        let t = Typo { found, expected };
        if !out.contains(&t) {
            out.push(t);
        }
    };
    match language {
        "ar" | "fa" | "ur" => {
            for (i, &c) in chars.iter().enumerate() {
                let expected = match c {
                    ',' => '،',
                    ';' => '؛',
                    '?' => '؟',
                    _ => continue,
                };
                // Only between Arabic words: `1,000` or a Latin name keeps its comma.
                let before = chars[..i].iter().rev().find(|c| !c.is_whitespace());
                if before.is_some_and(|&b| is_arabic(b)) {
                    push(c, expected);
                }
            }
        }
        "zh" | "ja" => {
            for (i, &c) in chars.iter().enumerate() {
                let expected = match c {
                    ',' => '，',
                    '.' => '。',
                    '?' => '？',
                    '!' => '！',
                    ':' => '：',
                    ';' => '；',
                    _ => continue,
                };
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                if before.is_some_and(is_han) && after.is_none_or(is_han) {
                    push(c, expected);
                }
            }
        }
        "hi" | "mr" | "ne" => {
            let trimmed = target.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’)".contains(c));
            let mut rest = trimmed.chars().rev();
            if rest.next() == Some('.') && rest.next().is_some_and(is_devanagari) {
                push('.', '।');
            }
        }
        _ => {}
    }
    out
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_devanagari(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{097F}')
}

/// Sources shorter than this are not judged by length: a word can translate to anything.
const MIN_SOURCE_CHARS: usize = 20;

/// The band of target/source length ratios (in characters) taken as normal for English into
/// a language; outside it a translation is likely truncated or padded. Measured loosely on the
/// example's reference translations (ar 0.8–1.2, hi 0.9–1.2, zh 0.25–0.4) and widened.
fn band(language: &str) -> (f64, f64) {
    match language {
        "zh" | "ja" => (0.12, 1.0),
        "ko" => (0.2, 1.2),
        _ => (0.4, 2.5),
    }
}

/// The ratio when it falls outside the language's band.
pub fn length_outlier(language: &str, source: &str, target: &str) -> Option<f64> {
    let s = source.trim().chars().count();
    if s < MIN_SOURCE_CHARS {
        return None;
    }
    let ratio = target.trim().chars().count() as f64 / s as f64;
    let (low, high) = band(language);
    (ratio < low || ratio > high).then_some(ratio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_per_locale() {
        assert_eq!(typography("ar", "تفاعلت الأسواق, والتجار").len(), 1);
        assert!(typography("ar", "بلغ 1,000 دولار، وهذا كثير؟").is_empty());
        assert_eq!(
            typography("zh", "市场,交易员反应平静。"),
            vec![Typo {
                found: ',',
                expected: '，'
            }]
        );
        assert!(typography("zh", "价值1.2亿美元，即 U.S. 的报告。").is_empty());
        assert_eq!(typography("hi", "बाज़ार शांत रहे.").len(), 1);
        assert!(typography("hi", "बाज़ार शांत रहे।").is_empty());
        assert!(typography("hi", "यह U.S.").is_empty());
    }

    #[test]
    fn length_bands() {
        let long = "The report runs to several hundred pages and covers every mine.";
        assert!(length_outlier("zh", long, "报告。").is_some());
        assert!(length_outlier("zh", long, "报告长达数百页，涵盖该地区的每一座矿山。").is_none());
        assert!(length_outlier("ar", long, "تقرير.").is_some());
        assert!(length_outlier("ar", "Short.", "x").is_none());
    }
}
