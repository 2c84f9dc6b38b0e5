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

//!
//! Files: `scan.rs` finds the breaks ICU misses, `exceptions.rs` refuses the wrong ones,
//! `rules.rs` reads the abbreviation lists, `text.rs` holds the character classes they ask
//! about, `pieces.rs` segments text that carries placeholders.
//!
//! No byte-index slicing of text here (`clippy::string_slice` is denied): the text is the
//! user's document, and a cut inside a character would panic (issue 16, defect #2).

#![deny(clippy::string_slice)]

mod exceptions;
mod pieces;
mod rules;
mod scan;
mod text;

pub use pieces::{Piece, segment_owned_pieces, segment_pieces, segment_text};
use rules::Rules;
use text::{inline_list_items, is_one_ascii_sentence, list_marker, trim_range};

use crate::lang::Locale;
use icu_segmenter::SentenceSegmenter;
use icu_segmenter::options::SentenceBreakInvariantOptions;
use regex::Regex;
use std::ops::Range;

/// Splits text into sentences for one source language.
#[derive(Debug, Clone)]
pub struct Segmenter {
    /// The language's abbreviations by class, with the project's additions.
    rules: Rules,
    /// User patterns a break may never fall inside.
    no_break: Vec<Regex>,
    /// Whether a rubric or dateline before a colon opens paragraphs (Arabic news).
    run_in_labels: bool,
}

impl Segmenter {
    /// The segmenter for `locale`, with the project's abbreviations from `l10n.toml` (as
    /// [`crate::config::Config::abbreviations`] gives them: never-break ones, then others
    /// under a class header).
    pub fn new(locale: &Locale, extra_abbreviations: &[String]) -> Segmenter {
        Segmenter {
            rules: Rules::new(&locale.language(), extra_abbreviations),
            no_break: Vec::new(),
            run_in_labels: locale.language() == "ar",
        }
    }

    /// Adds the project's no-break patterns: a sentence break never falls inside a match.
    pub fn with_no_break(mut self, patterns: Vec<Regex>) -> Segmenter {
        self.no_break = patterns;
        self
    }

    /// Byte ranges of the sentences of `text`, without surrounding whitespace.
    pub fn sentences(&self, text: &str) -> Vec<Range<usize>> {
        if is_one_ascii_sentence(text) && list_marker(text).is_none() {
            return trim_range(text, 0..text.len()).into_iter().collect();
        }
        let mut candidates = icu_breaks(text);
        let mut missed = self.missed_breaks(text);
        missed.extend(inline_list_items(text));
        if self.run_in_labels {
            missed.extend(scan::run_in_label(text));
        }
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
        let mut sentences = Vec::with_capacity(candidates.len() + 1);
        let mut start = 0;
        for brk in candidates {
            if protected.iter().any(|r| r.start < brk && brk < r.end) || self.suppressed(text, start, brk) {
                continue;
            }
            sentences.extend(trim_range(text, start..brk));
            start = brk;
        }
        sentences.extend(trim_range(text, start..text.len()));
        sentences
    }
}

/// ICU4X's sentence breaks inside `text` (not at its ends). ASCII text goes to the Latin-1
/// breaker: the same code points at the same byte offsets, so the same breaks, without
/// decoding UTF-8 character by character.
fn icu_breaks(text: &str) -> Vec<usize> {
    let icu = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
    let inside = |&b: &usize| b > 0 && b < text.len();
    // Room for a break every 64 bytes, so that most paragraphs never grow the vector.
    let mut breaks = Vec::with_capacity(text.len() / 64 + 4);
    if text.is_ascii() {
        breaks.extend(icu.segment_latin1(text.as_bytes()).filter(inside));
    } else {
        breaks.extend(icu.segment_str(text).filter(inside));
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let seg = Segmenter::new(&Locale::parse("en").unwrap(), &[]);
        seg.sentences(text).into_iter().filter_map(|r| text.get(r)).collect()
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
        let got: Vec<_> = hi.sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
        assert_eq!(got, vec!["डा. रमेश आए.", "वह ठीक है.", "कल 12 कि.मी. चले."]);
        let ar = Segmenter::new(&Locale::parse("ar").unwrap(), &[]);
        let t = "قال م. أحمد ذلك. توفي عام ١٩٧٠ م. ودُفن هناك.";
        let got: Vec<_> = ar.sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
        assert_eq!(got, vec!["قال م. أحمد ذلك.", "توفي عام ١٩٧٠ م.", "ودُفن هناك."]);
    }

    #[test]
    fn other_scripts() {
        let zh = Segmenter::new(&Locale::parse("zh").unwrap(), &[]);
        let t = "中国控制了超过60%的产量。这是事实。";
        let got: Vec<_> = zh.sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
        assert_eq!(got, vec!["中国控制了超过60%的产量。", "这是事实。"]);
        let hi = Segmenter::new(&Locale::parse("hi").unwrap(), &[]);
        let t = "डॉ. शर्मा ने कहा। यह ऐतिहासिक है।";
        let got: Vec<_> = hi.sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
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
        let got: Vec<_> = zh.sentences(t).into_iter().filter_map(|r| t.get(r)).collect();
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

    /// Issue 16, defect #2: a Devanagari letter with a period inside closing punctuation, in
    /// any document language, sliced the text inside a character (exit 101).
    #[test]
    fn defect_2_devanagari_abbreviation_before_closing_punctuation_does_not_panic() {
        for lang in ["en", "hi", "ar", "zh"] {
            let seg = Segmenter::new(&Locale::parse(lang).unwrap(), &[]);
            for text in [
                "He met घ.) कहा today.",
                "See (ख.) के बारे में here.",
                "x घ.\u{201d} कहा",
                "घ.» قال",
            ] {
                let got: Vec<&str> = seg.sentences(text).into_iter().filter_map(|r| text.get(r)).collect();
                let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
                assert_eq!(words(&got.join(" ")), words(text), "{lang}: {text}");
            }
        }
    }
}
