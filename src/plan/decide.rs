//! The reuse rule, written once: what the memory's best translation of a sentence is worth to
//! a run, and whether the engine must translate the sentence.
//!
//! - Human work always wins; its state says how far it is (final, reviewed, translated, needs
//!   review).
//! - Machine work is current when it carries the run's fingerprint (engine, model, prompt and
//!   the glossary entries that guided it); other machine work is stale: published only by the
//!   `memory` backend or with `--reuse stale`, else translated again.
//! - Pseudo-localized text is not a translation. It is stored apart (machine rows of the
//!   `pseudo` engine) so a pseudo re-run is instant, but only the `pseudo` backend ever uses it:
//!   for every other backend, `status`, `check`, exports and the hand-off it does not exist.
//! - A stored translation whose placeholders do not match its source (a link written three
//!   times, an image dropped) is never published: it needs review, with the reason.

use crate::check::text::placeholder_mismatch;
use crate::error::Result;
use crate::lang::Locale;
use crate::memory::{Memory, Reuse};
use crate::model::{Origin, State, Text, Translation};
use crate::project::Project;
use serde::Serialize;

/// Why a segment gets what it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Human work, signed off.
    Final,
    /// Human work, reviewed.
    Reviewed,
    /// Human work, not reviewed yet.
    HumanTranslated,
    /// Machine work made the way this run would make it.
    MachineCurrent,
    /// Machine work made with another engine, model or glossary.
    MachineStale,
    /// Published, but a person must look at it (or, without a translation, not publishable).
    NeedsReview,
    /// Nothing usable: the engine translates it, or it is missing.
    Missing,
    /// Pseudo-localized in this run, for checking layouts: never counted as translated.
    Pseudo,
    /// Nothing to translate (numbers, symbols): copied.
    Copied,
}

impl Status {
    pub fn is_human(self) -> bool {
        matches!(self, Status::Final | Status::Reviewed | Status::HumanTranslated)
    }
}

/// What the memory gives one sentence.
#[derive(Debug, Clone)]
pub struct Found {
    pub status: Status,
    /// The translation the run would publish (placeholders of the sentence's first source).
    pub translation: Option<Translation>,
    pub reason: Option<String>,
    /// The engine must translate it.
    pub send: bool,
    /// Whether the translation came from the memory (else from the engine in this run).
    pub from_memory: bool,
    /// The engine's first answer broke the glossary; the second, protected one passed.
    pub repaired: bool,
}

impl Found {
    fn missing(send: bool) -> Found {
        Found {
            status: Status::Missing,
            translation: None,
            reason: None,
            send,
            from_memory: false,
            repaired: false,
        }
    }

    /// Whether the translation is published.
    pub fn published(&self) -> bool {
        self.translation.is_some()
    }
}

/// Looks a sentence up the way a run with this project's engine would use it.
/// `fingerprint` is the sentence's ([`super::Sentence::fingerprint`]), `None` without an engine.
pub fn look_up(
    project: &Project,
    memory: &Memory,
    target: &Locale,
    source: &Text,
    fingerprint: Option<&str>,
) -> Result<Found> {
    let (from, to) = (project.source.tag(), target.tag());
    let engine = fingerprint.is_some();
    let pseudo = matches!(project.backend, crate::backend::Backend::Pseudo(_));
    if let Some(f) = fingerprint.filter(|_| !project.reuse_stale)
        && let Some(t) = memory.lookup(from, to, source, &Reuse::Fingerprint(f.to_string()))?
    {
        let found = classify(source, t, true, engine, pseudo);
        if found.status != Status::Missing {
            return Ok(found);
        }
    }
    match memory.lookup(from, to, source, &Reuse::AnyMachine)? {
        // Without an engine, or with `--reuse stale`, any machine work is published.
        Some(t) => {
            let mut found = classify(source, t, !engine || project.reuse_stale, engine, pseudo);
            if engine && found.status == Status::MachineCurrent {
                // Published only because `--reuse stale` allows it.
                found.status = Status::MachineStale;
            }
            Ok(found)
        }
        None => Ok(Found::missing(engine)),
    }
}

/// What a stored translation is worth. `usable`: machine work may be published (it is current,
/// or stale work is allowed); `engine`: an engine could translate the sentence again;
/// `pseudo_backend`: the run pseudo-localizes (the only one that uses pseudo text).
pub fn classify(source: &Text, t: Translation, usable: bool, engine: bool, pseudo_backend: bool) -> Found {
    let human = t.origin.is_human();
    let pseudo_text = matches!(&t.origin, Origin::Machine { engine, .. } if engine == "pseudo");
    if pseudo_text && !(pseudo_backend && usable) {
        return Found::missing(engine);
    }
    if let Some((lost, extra)) = placeholder_mismatch(source, &t.target) {
        let mut reason = String::from("its placeholders do not match the source");
        if !lost.is_empty() {
            reason.push_str(&format!("; lost: {}", lost.join(" ")));
        }
        if !extra.is_empty() {
            reason.push_str(&format!("; extra: {}", extra.join(" ")));
        }
        return Found {
            status: Status::NeedsReview,
            translation: None,
            reason: Some(reason),
            send: engine && !human,
            from_memory: true,
            repaired: false,
        };
    }
    let status = match (human, t.state) {
        (_, State::NeedsReview) => Status::NeedsReview,
        (true, State::Final) => Status::Final,
        (true, State::Reviewed) => Status::Reviewed,
        (true, State::Translated) => Status::HumanTranslated,
        (false, _) if pseudo_text => Status::Pseudo,
        (false, _) if usable => Status::MachineCurrent,
        (false, _) => Status::MachineStale,
    };
    if !human && !usable {
        // Stale machine work: the engine translates the sentence again.
        return Found {
            status,
            translation: None,
            reason: None,
            send: engine,
            from_memory: true,
            repaired: false,
        };
    }
    let reason = (t.state == State::NeedsReview).then(|| "stored as needs-review".to_string());
    Found {
        status,
        translation: Some(t),
        reason,
        send: false,
        from_memory: true,
        repaired: false,
    }
}
