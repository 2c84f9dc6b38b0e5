//! What a run did, per (document, language), assembled from the plan's decisions: the counts
//! `translate` prints, the findings `check` reports and the provenance an edition's notice
//! shows. Nothing here decides anything: it reads [`super::Plan::decisions`].

use super::{Decision, Plan, Status};
use crate::glossary::enforce::Terminology;
use crate::glossary::verify::Violation;
use crate::model::{FindingKind, Origin, State, Text};
use crate::render;
use serde::Serialize;
use std::collections::HashSet;
use std::path::PathBuf;

/// A segment's translation as used for the edition, with its provenance (for `l10n check`).
#[derive(Debug, Clone)]
pub struct Translated {
    pub line: usize,
    pub source: Text,
    pub target: Text,
    pub state: State,
    pub origin: Origin,
    /// Whether the segment opens its unit (for typography at a paragraph's start).
    pub first_in_unit: bool,
}

/// A glossary term a translation does not honour.
#[derive(Debug, Clone, Serialize)]
pub struct TermFailure {
    pub line: usize,
    /// The concept's id in the term base.
    pub concept: String,
    /// `missing` (none of the allowed forms) or `forbidden` (a deprecated form appears).
    pub problem: &'static str,
    /// The expected preferred form, or the forbidden form found.
    pub term: String,
    pub source: String,
}

/// Terminology compliance of one edition.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TermSummary {
    /// Glossary concepts found in the source sentences (once per distinct sentence).
    pub expected: usize,
    /// Of those, honoured by the translation.
    pub found: usize,
    /// Machine translations that broke a term, were sent again with it protected, and passed.
    pub repaired: usize,
    pub failing: Vec<TermFailure>,
}

/// A segment with no translation after the run.
#[derive(Debug, Clone, Serialize)]
pub struct Missing {
    pub line: usize,
    /// The segment's source; for text that was not extracted, what it is (`description: block scalar`).
    pub source: String,
    /// The extractor could not place this text: no translation can be published for it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_extracted: bool,
}

/// Markup an extractor repaired in a document: a warning (its text is translated).
#[derive(Debug, Clone, Serialize)]
pub struct Repaired {
    pub input: PathBuf,
    pub line: usize,
    pub column: usize,
    pub reason: String,
}

/// The repairs of every document of a plan, in order.
pub fn repairs(plan: &Plan) -> Vec<Repaired> {
    plan.documents.iter().flat_map(document_repairs).collect()
}

/// The repairs of one document, in order.
pub fn document_repairs(loaded: &super::Loaded) -> impl Iterator<Item = Repaired> + '_ {
    loaded.findings(FindingKind::Repaired).map(|f| Repaired {
        input: loaded.path().to_path_buf(),
        line: f.line,
        column: f.column,
        reason: f.finding.detail.clone(),
    })
}

/// A segment whose translation must be reviewed (published or not).
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub line: usize,
    pub source: String,
    pub reason: String,
}

/// The result of one document into one language.
#[derive(Debug, Clone, Serialize)]
pub struct LocaleReport {
    pub input: PathBuf,
    pub locale: String,
    pub segments: usize,
    /// Segments served by the memory.
    pub from_memory: usize,
    /// Segments translated by the engine in this run (pseudo-localized ones included).
    pub from_engine: usize,
    /// Segments pseudo-localized (in this run or before): not translations.
    pub pseudo: usize,
    /// Segments with nothing to translate (numbers, symbols), copied.
    pub copied: usize,
    pub missing: Vec<Missing>,
    pub needs_review: Vec<Review>,
    /// The edition written, if any.
    pub edition: Option<PathBuf>,
    /// Why the engine stopped early, if it did (its segments are then missing).
    pub engine_error: Option<String>,
    pub terms: TermSummary,
    /// Who translated the edition's segments (for its translation notice).
    pub provenance: render::chrome::Provenance,
    /// The standalone HTML page written, if asked for.
    pub page: Option<PathBuf>,
    /// Every published segment, kept only when asked (`l10n check`).
    #[serde(skip)]
    pub translations: Vec<Translated>,
}

/// The result of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub backend: String,
    /// Requests sent to the engine (retries included).
    pub requests: u64,
    pub reports: Vec<LocaleReport>,
    /// Markup the extractors repaired (warnings, once per document).
    pub repairs: Vec<Repaired>,
    /// The run was stopped (Ctrl-C): what was received is stored, the rest is missing.
    pub interrupted: bool,
    /// The editions are pseudo-localized, not translated.
    pub pseudo: bool,
}

impl Report {
    pub fn missing(&self) -> usize {
        self.reports.iter().map(|r| r.missing.len()).sum()
    }

    pub fn failing_terms(&self) -> usize {
        self.reports.iter().map(|r| r.terms.failing.len()).sum()
    }
}

/// The report of document `d` in locale `l`, with the decisions it was made from.
pub fn assemble(
    plan: &Plan,
    terminology: &Terminology<'_>,
    d: usize,
    l: usize,
    keep_translations: bool,
) -> (LocaleReport, Vec<Decision>) {
    let loaded = &plan.documents[d];
    let locale = &plan.locales[l];
    let decisions = plan.decisions(d, l);
    // Text the extractor found and could not place stays English: missing, in every language.
    let not_extracted: Vec<Missing> = loaded
        .findings(FindingKind::NotExtracted)
        .map(|f| Missing {
            line: f.line,
            source: f.finding.detail.clone(),
            not_extracted: true,
        })
        .collect();
    let mut report = LocaleReport {
        input: loaded.path().to_path_buf(),
        locale: locale.target.tag().to_string(),
        segments: decisions.len() + not_extracted.len(),
        from_memory: 0,
        from_engine: 0,
        pseudo: 0,
        copied: 0,
        missing: not_extracted,
        needs_review: Vec::new(),
        edition: None,
        engine_error: None,
        terms: TermSummary::default(),
        provenance: render::chrome::Provenance::default(),
        page: None,
        translations: Vec::new(),
    };
    let firsts: Vec<bool> = loaded
        .doc
        .units
        .iter()
        .flat_map(|u| (0..u.segments.len()).map(|k| k == 0))
        .collect();
    let verifier = terminology.verifier(&locale.target);
    let mut counted = HashSet::new();
    for (k, ((seg, decision), first)) in loaded.doc.segments().zip(&decisions).zip(firsts).enumerate() {
        if decision.status == Status::Copied {
            report.copied += 1;
            continue;
        }
        let source = seg.source.to_string();
        let sentence = locale.sentence_at(plan, d, k);
        if let Some(reason) = &decision.reason {
            report.needs_review.push(Review {
                line: decision.line,
                source: source.clone(),
                reason: reason.clone(),
            });
        }
        let Some(t) = &decision.translation else {
            report.missing.push(Missing {
                line: decision.line,
                source,
                not_extracted: false,
            });
            continue;
        };
        let from_memory = sentence.is_some_and(|s| s.found.from_memory);
        if from_memory {
            report.from_memory += 1;
        } else {
            report.from_engine += 1;
        }
        if decision.status == Status::Pseudo {
            report.pseudo += 1;
        }
        let p = &mut report.provenance;
        match &t.origin {
            Origin::Human { .. } => p.human += 1,
            Origin::Machine { engine, .. } => {
                p.machine += 1;
                if !p.engines.contains(engine) {
                    p.engines.push(engine.clone());
                }
            }
        }
        p.reviewed += usize::from(t.state >= State::Reviewed);
        if let Some(sentence) = sentence
            && counted.insert(sentence.key.clone())
        {
            if sentence.found.repaired && sentence.document == d {
                report.terms.repaired += 1;
            }
            tally_terms(
                plan,
                terminology,
                &verifier,
                l,
                sentence,
                &t.target,
                decision.line,
                &mut report.terms,
            );
        }
        if keep_translations {
            report.translations.push(Translated {
                line: decision.line,
                source: seg.source.clone(),
                target: t.target.clone(),
                state: t.state,
                origin: t.origin.clone(),
                first_in_unit: first,
            });
        }
    }
    (report, decisions)
}

/// Adds one sentence's terminology to the compliance summary.
#[allow(clippy::too_many_arguments)]
fn tally_terms(
    plan: &Plan,
    terminology: &Terminology<'_>,
    verifier: &crate::glossary::verify::Verifier,
    l: usize,
    sentence: &super::Sentence,
    translation: &Text,
    line: usize,
    summary: &mut TermSummary,
) {
    let (source, target) = (&plan.source, &plan.locales[l].target);
    let mut concepts: Vec<usize> = sentence.matches.iter().map(|m| m.concept).collect();
    let expected = concepts.clone();
    concepts.sort_unstable();
    concepts.dedup();
    let violations = verifier.check(&translation.plain_text(), &expected);
    let glossary = terminology.glossary();
    for c in &concepts {
        // A concept without a form in this language cannot be expected.
        if glossary.concepts[*c].allowed(source, target).is_empty() {
            continue;
        }
        summary.expected += 1;
        if !violations
            .iter()
            .any(|v| matches!(v, Violation::Missing { concept } if concept == c))
        {
            summary.found += 1;
        }
    }
    for v in violations {
        let concept = &glossary.concepts[v.concept()];
        let (problem, term) = match &v {
            Violation::Missing { .. } => (
                "missing",
                concept
                    .preferred(source, target)
                    .map(|t| t.text.clone())
                    .unwrap_or_default(),
            ),
            Violation::Forbidden { term, .. } => ("forbidden", term.clone()),
        };
        summary.failing.push(TermFailure {
            line,
            concept: concept.id.clone(),
            problem,
            term,
            source: sentence.source.to_string(),
        });
    }
}
