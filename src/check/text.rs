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

/// Sources shorter than this are not judged by length: a word can translate to anything.
const MIN_SOURCE_CHARS: usize = 20;

/// The band of target/source length ratios (in characters) taken as normal for English into
/// a language; outside it a translation is likely truncated or padded. Measured loosely on the
/// example's reference translations (ar 0.8–1.2, hi 0.9–1.2, zh 0.25–0.4) and widened.
/// The expected ratio of target to source length for a target language, lowest and highest.
pub fn band(language: &str) -> (f64, f64) {
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

    /// The typography warnings `l10n check` gives come from the editions' own rules
    /// (`render::typography`); these are the cases that must not be false alarms.
    #[test]
    fn typography_per_locale() {
        use crate::lang::Locale;
        use crate::render::typography::Typography;
        let check = |tag: &str, text: &str| Typography::default().check(&Locale::parse(tag).unwrap(), text);
        assert_eq!(check("ar", "تفاعلت الأسواق, والتجار").len(), 1);
        assert!(check("ar", "بلغ 1,000 دولار، وهذا كثير؟").is_empty());
        assert_eq!(check("zh", "市场,交易员反应平静。").len(), 1);
        assert!(check("zh", "价值1.2亿美元，即U.S.的报告。").is_empty());
        assert_eq!(check("hi", "बाज़ार शांत रहे.").len(), 1);
        assert!(check("hi", "बाज़ार शांत रहे।").is_empty());
        assert!(check("hi", "यह U.S.").is_empty());
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
