//! Locale typography: what makes translated text read as if written in the language, as a
//! transform applied to translated text before it is merged, and as a check that names each
//! place where an edition breaks the rules.
//!
//! - zh-Hans: full-width `，。：；？！（）“”` next to Chinese, no spaces between Chinese
//!   characters, and a configurable policy for spaces between Chinese and Latin or digits.
//! - hi: a sentence ends with `।`, not `.`; `?` and `!` stay.
//! - ar: `،` `؛` `؟`, quotation marks by configuration, Western or Arabic-Indic digits by
//!   configuration.
//!
//! The transforms only ever see translated text (a [`Part::Str`] of a translation), never a
//! placeholder and never untouched source bytes, and they are idempotent: applying one twice
//! gives what applying it once gave.

use crate::lang::Locale;
use crate::model::{Part, Text};
use serde::{Deserialize, Serialize};

/// Which digits Arabic editions use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digits {
    /// 0123456789, CLDR's default for `ar` and most Arabic news sites.
    #[default]
    Latin,
    /// ٠١٢٣٤٥٦٧٨٩ (with ٫ ٬ ٪ between and after them).
    Arabic,
}

/// Which quotation marks Arabic editions use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArabicQuotes {
    /// «…»
    #[default]
    Guillemets,
    /// ”…“ as typed: the curly English pair, mirrored by the bidi algorithm.
    English,
}

/// Spaces between Chinese characters and Latin letters or digits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ZhLatinSpacing {
    /// Leave them as the translation has them.
    #[default]
    Keep,
    /// One space between (`使用 AI 技术`).
    Space,
    /// No space (`使用AI技术`).
    None,
}

/// The typography settings of a project (`[edition]` in l10n.toml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Typography {
    pub digits: Digits,
    pub quotes: ArabicQuotes,
    pub zh_latin_spacing: ZhLatinSpacing,
}

/// One typography rule an edition breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Byte offset in the checked text.
    pub offset: usize,
    /// Stable name: `ascii-punctuation`, `space-between-han`, `latin-spacing`, `latin-full-stop`,
    /// `digits`, `quotes`.
    pub kind: &'static str,
    /// What is there.
    pub found: String,
    /// What belongs there (empty: nothing).
    pub expected: String,
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// Chinese characters and their full-width punctuation.
fn is_cjk_context(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF1F)
        || matches!(c, '“' | '”' | '‘' | '’' | '《' | '》')
}

/// Curly quotes are Chinese or English punctuation depending on what they enclose.
const CURLY: &[char] = &['“', '”', '‘', '’'];

/// Whether the text written so far ends in Chinese: its last character that is not a space, or,
/// when that is a curly quote, the character before it (`the “Rare Earth”` ends in English).
fn chinese_before(out: &[char]) -> bool {
    let mut solid = out.iter().rev().filter(|c| **c != ' ');
    match solid.next() {
        Some(c) if CURLY.contains(c) => solid.find(|c| !CURLY.contains(c)).is_some_and(|c| is_cjk_context(*c)),
        Some(c) => is_cjk_context(*c),
        None => false,
    }
}

/// Whether the text from `from` on starts in Chinese: its first character that is not a space,
/// or, when that is a curly quote, the text before it (`chinese_before`) or the character
/// after it (`“稀土”` is Chinese, `“Rare Earth”` after English is not).
fn chinese_after(chars: &[char], from: usize, chinese_before: bool) -> bool {
    let mut solid = chars.get(from..).unwrap_or_default().iter().filter(|c| **c != ' ');
    match solid.next() {
        Some(c) if CURLY.contains(c) => {
            chinese_before || solid.find(|c| !CURLY.contains(c)).is_some_and(|c| is_cjk_context(*c))
        }
        Some(c) => is_cjk_context(*c),
        None => false,
    }
}

fn is_devanagari(c: char) -> bool {
    matches!(c as u32, 0x0900..=0x097F | 0xA8E0..=0xA8FF)
}

pub(crate) fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x064A | 0x066E..=0x06D3 | 0x06FA..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

const ARABIC_DIGITS: [char; 10] = ['٠', '١', '٢', '٣', '٤', '٥', '٦', '٧', '٨', '٩'];

impl Typography {
    /// The translation with the locale's typography applied to its text parts.
    pub fn apply(&self, locale: &Locale, text: &Text) -> Text {
        // Each run is read with the last letter of the run before it, so that a full stop
        // after an inline code span still sees the Chinese sentence it ends.
        let mut before: Option<char> = None;
        Text(
            text.0
                .iter()
                .map(|part| match part {
                    Part::Str(s) => {
                        let plain = self.apply_str(locale, s);
                        let styled = before
                            .and_then(|c| {
                                let seeded = self.apply_str(locale, &format!("{c}{s}"));
                                seeded.strip_prefix(c).map(str::to_string)
                            })
                            .unwrap_or(plain);
                        before = s.chars().rev().find(|c| !c.is_whitespace()).or(before);
                        Part::Str(styled)
                    }
                    Part::Placeholder(p) => Part::Placeholder(p.clone()),
                })
                .collect(),
        )
    }

    /// The locale's typography applied to one run of translated text.
    pub fn apply_str(&self, locale: &Locale, s: &str) -> String {
        match (locale.language().as_str(), locale.script().as_str()) {
            ("zh", "Hans") => self.zh(s),
            ("hi", _) => hindi(s),
            ("ar", _) => self.arabic(s),
            _ => s.to_string(),
        }
    }

    /// Where `text` (an edition's translated text) breaks the locale's typography.
    pub fn check(&self, locale: &Locale, text: &str) -> Vec<Issue> {
        let fixed = self.apply_str(locale, text);
        diff_issues(locale, text, &fixed)
    }

    fn zh(&self, s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out: Vec<char> = Vec::with_capacity(chars.len());
        let mut open_quote = true;
        let mut paren_depth_converted: Vec<bool> = Vec::new();
        // The previous and next character that is not a space.
        let prev_solid = |out: &[char]| out.iter().rev().find(|c| **c != ' ').copied();
        for (i, &c) in chars.iter().enumerate() {
            if !matches!(
                c,
                ',' | ':' | ';' | '?' | '!' | '.' | '(' | ')' | '"' | ' ' | '\u{3000}'
            ) {
                // Letters and other marks: only the Latin spacing rule looks at them (the
                // context below is worked out for punctuation and spaces alone).
                self.zh_push_plain(&mut out, c);
                continue;
            }
            let next = chars[i + 1..].iter().find(|c| **c != ' ').copied();
            let next_adjacent = chars.get(i + 1).copied();
            let before = prev_solid(&out);
            let cjk_before = chinese_before(&out);
            let cjk_after = chinese_after(&chars, i + 1, cjk_before);
            match c {
                ',' | ':' | ';' | '?' | '!' if cjk_before => {
                    trim_trailing_spaces(&mut out);
                    out.push(match c {
                        ',' => '，',
                        ':' => '：',
                        ';' => '；',
                        '?' => '？',
                        _ => '！',
                    });
                }
                '.' if cjk_before && !next_adjacent.is_some_and(|n| n.is_ascii_alphanumeric() || n == '.') => {
                    trim_trailing_spaces(&mut out);
                    out.push('。');
                }
                '(' if cjk_before || cjk_after => {
                    paren_depth_converted.push(true);
                    trim_trailing_spaces(&mut out);
                    out.push('（');
                }
                '(' => {
                    paren_depth_converted.push(false);
                    out.push('(');
                }
                ')' => {
                    if paren_depth_converted.pop().unwrap_or(false) {
                        trim_trailing_spaces(&mut out);
                        out.push('）');
                    } else {
                        out.push(')');
                    }
                }
                '"' if cjk_before || cjk_after => {
                    out.push(if open_quote { '“' } else { '”' });
                    open_quote = !open_quote;
                }
                ' ' | '\u{3000}' => {
                    let after_full_width = match out.last() {
                        Some(p) if CURLY.contains(p) => cjk_before,
                        Some(p) => is_cjk_context(*p) && !is_han(*p),
                        None => false,
                    };
                    let han_both = cjk_before && cjk_after;
                    let before_full_width = match next_adjacent {
                        Some(n) if CURLY.contains(&n) => cjk_after,
                        Some(n) => is_cjk_context(n) && !is_han(n),
                        None => false,
                    };
                    if han_both || after_full_width || before_full_width {
                        continue;
                    }
                    let latin_next = next.is_some_and(|n| n.is_ascii_alphanumeric());
                    let latin_before = before.is_some_and(|b| b.is_ascii_alphanumeric());
                    let mixed = (cjk_before && latin_next) || (latin_before && cjk_after);
                    if mixed && self.zh_latin_spacing == ZhLatinSpacing::None {
                        continue;
                    }
                    if out.last() == Some(&' ') && mixed {
                        continue;
                    }
                    out.push(' ');
                }
                _ => self.zh_push_plain(&mut out, c),
            }
        }
        out.into_iter().collect()
    }

    /// A character that is not punctuation the Chinese rules convert, with a space before it
    /// between Han and Latin when the project asks for one.
    fn zh_push_plain(&self, out: &mut Vec<char>, c: char) {
        if self.zh_latin_spacing == ZhLatinSpacing::Space
            && let Some(&last) = out.last()
            && ((is_han(last) && c.is_ascii_alphanumeric()) || (last.is_ascii_alphanumeric() && is_han(c)))
        {
            out.push(' ');
        }
        out.push(c);
    }

    fn arabic(&self, s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut open_quote = true;
        let is_digit = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || ARABIC_DIGITS.contains(c));
        for (i, &c) in chars.iter().enumerate() {
            let prev = if i > 0 { chars.get(i - 1) } else { None };
            let next = chars.get(i + 1);
            let prev_solid = out.chars().rev().find(|c| *c != ' ');
            let arabic_before = prev_solid.is_some_and(|p| is_arabic_letter(p) || p == '»' || p == '«');
            let between_digits = is_digit(prev) && is_digit(next);
            match c {
                ',' if between_digits => out.push(if self.digits == Digits::Arabic { '٬' } else { ',' }),
                '.' if between_digits => out.push(if self.digits == Digits::Arabic { '٫' } else { '.' }),
                '٬' if between_digits && self.digits == Digits::Latin => out.push(','),
                '٫' if between_digits && self.digits == Digits::Latin => out.push('.'),
                ',' if arabic_before => out.push('،'),
                ';' if arabic_before => out.push('؛'),
                '?' if arabic_before => out.push('؟'),
                '%' | '٪' if is_digit(prev) => out.push(if self.digits == Digits::Arabic { '٪' } else { '%' }),
                '"' | '“' | '”' | '«' | '»' => {
                    let opening = match c {
                        '«' | '“' => true,
                        '»' | '”' => false,
                        _ => open_quote,
                    };
                    open_quote = !opening;
                    out.push(match (self.quotes, opening) {
                        (ArabicQuotes::Guillemets, true) => '«',
                        (ArabicQuotes::Guillemets, false) => '»',
                        (ArabicQuotes::English, true) => '“',
                        (ArabicQuotes::English, false) => '”',
                    });
                }
                '0'..='9' if self.digits == Digits::Arabic => out.push(ARABIC_DIGITS[c as usize - '0' as usize]),
                c if self.digits == Digits::Latin && ARABIC_DIGITS.contains(&c) => {
                    let d = ARABIC_DIGITS.iter().position(|a| *a == c).unwrap_or(0);
                    out.push((b'0' + d as u8) as char);
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// Removes spaces before a full-width mark (they belong to the Latin typography).
fn trim_trailing_spaces(out: &mut Vec<char>) {
    while out.last() == Some(&' ') {
        out.pop();
    }
}

/// Hindi: a full stop after Devanagari (possibly followed by a closing quote or bracket) that
/// ends a sentence becomes the danda.
fn hindi(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '.' {
            let before = chars[..i]
                .iter()
                .rev()
                .find(|c| !matches!(c, '”' | '’' | '"' | '\'' | ')'))
                .copied();
            let next = chars.get(i + 1).copied();
            let ends = next.is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '’' | '"' | ')'));
            // An abbreviation has a point earlier in the same word (डी.सी., यू.एस.).
            let word_start = chars[..i].iter().rposition(|c| c.is_whitespace()).map_or(0, |p| p + 1);
            let abbreviation = chars[word_start..i].contains(&'.');
            if before.is_some_and(is_devanagari) && ends && !abbreviation {
                out.push('।');
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The issues between a text and its corrected form, aligned character by character from
/// both ends (the transforms change few characters, and only insert or drop spaces).
fn diff_issues(locale: &Locale, text: &str, fixed: &str) -> Vec<Issue> {
    if text == fixed {
        return Vec::new();
    }
    let a: Vec<(usize, char)> = text.char_indices().collect();
    let b: Vec<char> = fixed.chars().collect();
    let mut issues = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let ca = a.get(i).map(|x| x.1);
        let cb = b.get(j).copied();
        if ca == cb {
            i += 1;
            j += 1;
            continue;
        }
        let offset = a.get(i).map_or(text.len(), |x| x.0);
        match (ca, cb) {
            // A space the rules drop.
            (Some(' ') | Some('\u{3000}'), _) => {
                issues.push(Issue {
                    offset,
                    kind: if locale.language() == "zh" && a.get(i + 1).is_some_and(|x| is_han(x.1)) {
                        "space-between-han"
                    } else {
                        "latin-spacing"
                    },
                    found: " ".into(),
                    expected: String::new(),
                });
                i += 1;
            }
            // A space the rules add.
            (_, Some(' ')) => {
                issues.push(Issue {
                    offset,
                    kind: "latin-spacing",
                    found: String::new(),
                    expected: " ".into(),
                });
                j += 1;
            }
            (Some(x), Some(y)) => {
                let kind = if x.is_ascii_digit() || ARABIC_DIGITS.contains(&x) {
                    "digits"
                } else if "\"“”«»".contains(x) {
                    "quotes"
                } else if x == '.' && y == '।' {
                    "latin-full-stop"
                } else {
                    "ascii-punctuation"
                };
                issues.push(Issue {
                    offset,
                    kind,
                    found: x.to_string(),
                    expected: y.to_string(),
                });
                i += 1;
                j += 1;
            }
            _ => break,
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(tag: &str) -> Locale {
        Locale::parse(tag).unwrap()
    }

    fn t(settings: Typography, tag: &str, s: &str) -> String {
        let out = settings.apply_str(&loc(tag), s);
        assert_eq!(settings.apply_str(&loc(tag), &out), out, "not idempotent on {s:?}");
        out
    }

    #[test]
    fn chinese_full_width_and_spacing() {
        let d = Typography::default();
        assert_eq!(
            t(d, "zh", "中国控制了60%的产量. 这是事实!"),
            "中国控制了60%的产量。这是事实！"
        );
        assert_eq!(t(d, "zh", "他说: \"稀土很重要\", 对吗?"), "他说：“稀土很重要”，对吗？");
        assert_eq!(t(d, "zh", "美国 (华盛顿) 和 乌克兰"), "美国（华盛顿）和乌克兰");
        // Decimal points, abbreviations and Latin sentences stay.
        assert_eq!(
            t(d, "zh", "增长3.5%，U.S. Army (USA) said: ok."),
            "增长3.5%，U.S. Army (USA) said: ok."
        );
        let space = Typography {
            zh_latin_spacing: ZhLatinSpacing::Space,
            ..d
        };
        assert_eq!(t(space, "zh", "使用AI技术和5G网络"), "使用 AI 技术和 5G 网络");
        let none = Typography {
            zh_latin_spacing: ZhLatinSpacing::None,
            ..d
        };
        assert_eq!(t(none, "zh", "使用 AI 技术"), "使用AI技术");
        // Quotes around an English phrase kept in a Chinese edition are English punctuation.
        let kept = "the “Rare Earth Minerals” Agreement";
        assert_eq!(t(d, "zh", kept), kept);
        assert_eq!(t(none, "zh", kept), kept);
        assert_eq!(
            t(d, "zh", &format!("美国和乌克兰签署了 {kept} 协议")),
            format!("美国和乌克兰签署了 {kept} 协议")
        );
        assert_eq!(t(d, "zh", "他说 “稀土很重要” ， 对吗"), "他说“稀土很重要”，对吗");
        assert_eq!(t(d, "zh", "使用 AI 技术"), "使用 AI 技术");
    }

    #[test]
    fn hindi_danda() {
        let d = Typography::default();
        assert_eq!(t(d, "hi", "यह समझौता है. क्या यह सच है?"), "यह समझौता है। क्या यह सच है?");
        assert_eq!(t(d, "hi", "उसने कहा, “यह ऐतिहासिक है.”"), "उसने कहा, “यह ऐतिहासिक है।”");
        // Latin abbreviations and decimals keep their points; ! and ? stay Latin.
        assert_eq!(t(d, "hi", "U.S. में 3.5 प्रतिशत! ठीक?"), "U.S. में 3.5 प्रतिशत! ठीक?");
        assert_eq!(
            t(d, "hi", "वाशिंगटन डी.सी. में हस्ताक्षर हुए."),
            "वाशिंगटन डी.सी. में हस्ताक्षर हुए।"
        );
    }

    #[test]
    fn arabic_punctuation_digits_and_quotes() {
        let d = Typography::default();
        assert_eq!(
            t(d, "ar", "وقعت واشنطن وكييف, في 2 مايو; ما معنى \"المعادن\"?"),
            "وقعت واشنطن وكييف، في 2 مايو؛ ما معنى «المعادن»؟"
        );
        assert_eq!(t(d, "ar", "تسيطر على ٦٠٪ من الإنتاج"), "تسيطر على 60% من الإنتاج");
        let arab = Typography {
            digits: Digits::Arabic,
            quotes: ArabicQuotes::English,
            ..d
        };
        assert_eq!(
            t(arab, "ar", "تسيطر على 60.5% من 1,000 طن «تقريبا»"),
            "تسيطر على ٦٠٫٥٪ من ١٬٠٠٠ طن “تقريبا”"
        );
        // Latin runs keep their punctuation.
        assert_eq!(t(d, "ar", "قالت MP Materials, Inc. ذلك"), "قالت MP Materials, Inc. ذلك");
    }

    #[test]
    fn placeholders_are_never_touched() {
        use crate::model::{Placeholder, PlaceholderKind};
        let mut text = Text::plain("中国. ");
        text.push_placeholder(Placeholder {
            id: 1,
            kind: PlaceholderKind::Standalone,
            label: "code".into(),
            original: "`a. b, c`".into(),
        });
        let out = Typography::default().apply(&loc("zh"), &text);
        assert_eq!(out.0[0], Part::Str("中国。".into()));
        assert_eq!(out.0[1], text.0[1]);
    }

    #[test]
    fn checks_name_what_is_wrong() {
        let d = Typography::default();
        let issues = d.check(&loc("zh"), "中国 控制了产量.");
        let kinds: Vec<&str> = issues.iter().map(|i| i.kind).collect();
        assert_eq!(kinds, ["space-between-han", "ascii-punctuation"]);
        assert_eq!(issues[1].expected, "。");
        let hi = d.check(&loc("hi"), "यह समझौता है.");
        assert_eq!(hi[0].kind, "latin-full-stop");
        assert_eq!(hi[0].offset, "यह समझौता है".len());
        let ar = d.check(&loc("ar"), "ما هذا? ٣");
        assert_eq!(
            ar.iter().map(|i| i.kind).collect::<Vec<_>>(),
            ["ascii-punctuation", "digits"]
        );
        assert!(d.check(&loc("ar"), "ما هذا؟ 3").is_empty());
        assert!(d.check(&loc("en"), "What? 3.").is_empty());
    }
}
