//! Applying the glossary to one language pair: which concepts a sentence contains, what an
//! engine is told (guide), what it never sees (protect), and the fingerprint that makes a
//! cached machine translation stale exactly when the entries it matched change.

#![deny(clippy::string_slice)]

use super::matcher::{Matcher, TermMatch};
use super::verify::Verifier;
use super::{Glossary, Policy};
use crate::backend::TermHint;
use crate::lang::Locale;
use crate::model::{Part, Placeholder, PlaceholderKind, Text};

/// Label of the placeholders that stand for protected terms while an engine translates.
pub const TERM_LABEL: &str = "l10n-term";

pub struct Terminology<'g> {
    glossary: &'g Glossary,
    matcher: Matcher,
    source: Locale,
}

impl<'g> Terminology<'g> {
    pub fn new(glossary: &'g Glossary, source: &Locale) -> Terminology<'g> {
        Terminology {
            glossary,
            matcher: Matcher::new(glossary, source),
            source: source.clone(),
        }
    }

    pub fn glossary(&self) -> &Glossary {
        self.glossary
    }

    pub fn matches(&self, text: &Text) -> Vec<TermMatch> {
        self.matcher.find(text)
    }

    pub fn verifier(&self, target: &Locale) -> Verifier {
        Verifier::new(self.glossary, &self.source, target)
    }

    /// A digest of the entries `matches` rely on in `target`: their policy and every form.
    /// `None` when nothing matched, so glossary changes leave such sentences alone.
    pub fn fingerprint(&self, matches: &[TermMatch], target: &Locale) -> Option<String> {
        let mut concepts: Vec<usize> = matches.iter().map(|m| m.concept).collect();
        concepts.sort_unstable();
        concepts.dedup();
        if concepts.is_empty() {
            return None;
        }
        let mut hasher = blake3::Hasher::new();
        for i in concepts {
            let c = &self.glossary.concepts[i];
            hasher.update(c.id.as_bytes());
            hasher.update(c.policy.as_str().as_bytes());
            for t in c.terms_in(target).iter().chain(c.terms_in(&self.source)) {
                hasher.update(&[t.status as u8]);
                hasher.update(t.text.as_bytes());
                hasher.update(&[0]);
            }
        }
        let hex = hasher.finalize().to_hex();
        // boundary: a hex digest is 64 ASCII digits.
        #[allow(clippy::string_slice)]
        let short = hex[..16].to_string();
        Some(short)
    }

    /// The entries to give an engine for a sentence: its `guide` concepts.
    pub fn hints(&self, text: &Text, matches: &[TermMatch], target: &Locale) -> Vec<TermHint> {
        let mut out = Vec::new();
        for m in matches {
            let concept = &self.glossary.concepts[m.concept];
            if concept.policy != Policy::Guide {
                continue;
            }
            let (Some(Part::Str(s)), Some(t)) = (text.0.get(m.part), concept.preferred(&self.source, target)) else {
                continue;
            };
            // boundary: match ranges come from `Matcher::find` over this text's parts, whose
            // ends are mapped back through `fold` to `char_indices` positions of the part.
            #[allow(clippy::string_slice)]
            let source = s[m.range.clone()].to_string();
            out.push(TermHint {
                source,
                target: t.text.clone(),
            });
        }
        out.sort();
        out.dedup();
        out
    }

    /// The text an engine sees: terms of `protect` concepts (and of the concepts in `force`)
    /// replaced by placeholders that carry the approved target form.
    pub fn protect(&self, text: &Text, matches: &[TermMatch], target: &Locale, force: &[usize]) -> Text {
        let mut next_id = text.placeholders().map(|p| p.id).max().unwrap_or(0) + 1;
        let mut out = Text::default();
        for (part_index, part) in text.0.iter().enumerate() {
            let Part::Str(s) = part else {
                out.0.push(part.clone());
                continue;
            };
            let mut last = 0;
            for m in matches.iter().filter(|m| m.part == part_index) {
                let concept = &self.glossary.concepts[m.concept];
                if concept.policy != Policy::Protect && !force.contains(&m.concept) {
                    continue;
                }
                let Some(form) = concept.preferred(&self.source, target) else {
                    continue;
                };
                // boundary: `last` is 0 or a previous match's end; match ranges come from
                // `Matcher::find` over this part, mapped through `fold` to `char_indices` positions.
                #[allow(clippy::string_slice)]
                let before = &s[last..m.range.start];
                out.push_str(before);
                out.push_placeholder(Placeholder {
                    id: next_id,
                    kind: PlaceholderKind::Standalone,
                    label: TERM_LABEL.into(),
                    original: form.text.clone(),
                });
                next_id += 1;
                last = m.range.end;
            }
            // boundary: `last` is 0 or a match's end (see above).
            #[allow(clippy::string_slice)]
            let after = &s[last..];
            out.push_str(after);
        }
        out
    }
}

/// Puts protected terms back as text: the translation then has only the source's placeholders.
pub fn unprotect(text: &Text) -> Text {
    let mut out = Text::default();
    for part in &text.0 {
        match part {
            Part::Placeholder(p) if p.label == TERM_LABEL => out.push_str(&p.original),
            Part::Placeholder(p) => out.push_placeholder(p.clone()),
            Part::Str(s) => out.push_str(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn glossary() -> Glossary {
        crate::glossary::csv::read(
            "id,subject,policy,en,ar\nkyiv,place,,Kyiv | ~Kiev,كييف\nnd,element,,neodymium,نيوديميوم\n",
            Path::new("g.csv"),
            b',',
        )
        .unwrap()
    }

    #[test]
    fn protect_guide_and_round_trip() {
        let g = glossary();
        let (en, ar) = (Locale::parse("en").unwrap(), Locale::parse("ar").unwrap());
        let t = Terminology::new(&g, &en);
        let text = Text::plain("Kyiv mines neodymium.");
        let m = t.matches(&text);
        assert_eq!(m.len(), 2);
        let protected = t.protect(&text, &m, &ar, &[]);
        assert_eq!(protected.to_string(), "{1/} mines neodymium.");
        assert_eq!(
            t.hints(&text, &m, &ar),
            vec![TermHint {
                source: "neodymium".into(),
                target: "نيوديميوم".into()
            }]
        );
        let forced = t.protect(&text, &m, &ar, &[1]);
        assert_eq!(forced.to_string(), "{1/} mines {2/}.");
        assert_eq!(unprotect(&forced).plain_text(), "كييف mines نيوديميوم.");
        assert!(t.fingerprint(&m, &ar).is_some());
        assert!(t.fingerprint(&[], &ar).is_none());
    }

    #[test]
    fn fingerprint_changes_only_with_the_matched_entries() {
        let g = glossary();
        let (en, ar) = (Locale::parse("en").unwrap(), Locale::parse("ar").unwrap());
        let mut changed = g.clone();
        changed.concepts[1].terms.get_mut("ar").unwrap()[0].text = "نيوديميم".into();
        let kyiv_only = Text::plain("Kyiv.");
        let both = Text::plain("Kyiv and neodymium.");
        let (a, b) = (Terminology::new(&g, &en), Terminology::new(&changed, &en));
        assert_eq!(
            a.fingerprint(&a.matches(&kyiv_only), &ar),
            b.fingerprint(&b.matches(&kyiv_only), &ar)
        );
        assert_ne!(
            a.fingerprint(&a.matches(&both), &ar),
            b.fingerprint(&b.matches(&both), &ar)
        );
    }
}
