//! Stage 2 of a (document, language): the memory's misses through the engine.
//!
//! Every result is stored the moment it arrives. A translation that breaks the glossary is
//! stored as needs-review at once, then sent again with the broken terms protected; the
//! repaired one replaces it.
//!
//! Workers sharing the memory (`--workers`, or other machines on one PostgreSQL memory) claim
//! segments before sending them ([`crate::memory::lease`]): what another worker holds is not
//! sent but waited for, and taken from the memory when it arrives, or claimed when its lease
//! is given up or expires.

use super::{Gathered, LocaleReport, LocaleRun, describe};
use crate::backend::{Item, Outcome};
use crate::error::{Error, Result};
use crate::glossary::enforce::unprotect;
use crate::glossary::verify::Violation;
use crate::memory::{Memory, NewEntry};
use crate::model::{Origin, State};
use std::time::Duration;

/// The longest pause between two looks at segments another worker is translating.
const MAX_PAUSE: Duration = Duration::from_secs(1);

/// How a round of sending ended.
enum Flow {
    Continue,
    /// The engine failed for good (recorded in the report).
    EngineFailed,
    Interrupted,
}

impl LocaleRun<'_> {
    /// Translates the sentences `misses` (indices into `self.sentences`); returns the requests
    /// made and whether the run was interrupted.
    pub(super) async fn fill_from_engine(
        &self,
        memory: &mut Memory,
        misses: Vec<usize>,
        got: &mut Gathered,
        report: &mut LocaleReport,
    ) -> Result<(u64, bool)> {
        let target_tag = self.target.tag().to_string();
        let mut requests = 0;
        let mut pending = misses;
        let mut pause = Duration::from_millis(50);
        while !pending.is_empty() {
            let hashes: Vec<[u8; 16]> = pending.iter().map(|&i| self.sentences[i].1.hash).collect();
            let held = memory.claim(&target_tag, &hashes)?;
            let mut waiting = Vec::new();
            let mut send = Vec::new();
            let mut done = Vec::new();
            for (&i, held) in pending.iter().zip(held) {
                if !held {
                    waiting.push(i);
                } else if self.look_up(memory, i, got)? {
                    // Another worker stored it between our lookup and our claim.
                    done.push(self.sentences[i].1.hash);
                } else {
                    send.push(i);
                }
            }
            memory.release(&target_tag, &done)?;
            if !send.is_empty() {
                let (made, flow) = self.send(memory, &send, got, report).await;
                requests += made;
                let sent: Vec<[u8; 16]> = send.iter().map(|&i| self.sentences[i].1.hash).collect();
                memory.release(&target_tag, &sent)?;
                match flow? {
                    Flow::Continue => {}
                    Flow::EngineFailed => break,
                    Flow::Interrupted => return Ok((requests, true)),
                }
            } else if !waiting.is_empty() {
                // Only other workers' segments are left: give them time.
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = tokio::signal::ctrl_c() => return Ok((requests, true)),
                }
                pause = (pause * 2).min(MAX_PAUSE);
            }
            pending = Vec::with_capacity(waiting.len());
            for i in waiting {
                if !self.look_up(memory, i, got)? {
                    pending.push(i);
                }
            }
        }
        Ok((requests, false))
    }

    /// Sends the sentences `send` to the engine (and once more, protected, those that broke
    /// the glossary), storing every result as it arrives.
    async fn send(
        &self,
        memory: &mut Memory,
        send: &[usize],
        got: &mut Gathered,
        report: &mut LocaleReport,
    ) -> (u64, Result<Flow>) {
        let source_tag = self.job.source.tag().to_string();
        let target_tag = self.target.tag().to_string();
        let origin = Origin::Machine {
            engine: self.job.backend.name().into(),
            model: self.job.backend.model(),
        };
        let document = self.path.display().to_string();
        let mut requests = 0;
        let mut to_repair: Vec<(usize, Vec<usize>)> = Vec::new();
        for pass in 0..2 {
            let batch: Vec<(usize, Vec<usize>)> = if pass == 0 {
                send.iter().map(|&i| (i, Vec::new())).collect()
            } else {
                std::mem::take(&mut to_repair)
            };
            if batch.is_empty() {
                break;
            }
            let items: Vec<Item> = batch
                .iter()
                .map(|(i, force)| {
                    let s = &self.sentences[*i].1;
                    Item {
                        text: self.terminology.protect(&s.source, &s.matches, self.target, force),
                        terms: self.terminology.hints(&s.source, &s.matches, self.target),
                        context: s.context.clone(),
                    }
                })
                .collect();
            let mut deliver = |delivered: Vec<(usize, Outcome)>| -> Result<()> {
                let mut stored = Vec::with_capacity(delivered.len());
                for (j, outcome) in delivered {
                    let i = batch[j].0;
                    let (key, sentence) = &self.sentences[i];
                    let (text, mut state, mut reason) = match outcome {
                        Outcome::Translated(t) => (unprotect(&t), State::Translated, None),
                        Outcome::NeedsReview { text, reason } => (unprotect(&text), State::NeedsReview, Some(reason)),
                    };
                    let violations = self.violations(sentence, &text);
                    if !violations.is_empty() {
                        state = State::NeedsReview;
                        reason.get_or_insert_with(|| describe(self.terminology, &violations));
                        let force: Vec<usize> = violations.iter().map(Violation::concept).collect();
                        if pass == 0 && sentence.matches.iter().any(|m| force.contains(&m.concept)) {
                            to_repair.push((i, force));
                        }
                    } else if pass == 1 {
                        report.terms.repaired += 1;
                    }
                    match reason {
                        Some(r) => {
                            got.reasons.insert(key.clone(), r);
                        }
                        None => {
                            got.reasons.remove(key);
                        }
                    }
                    stored.push((i, text, state));
                }
                let entries: Vec<NewEntry<'_>> = stored
                    .iter()
                    .map(|(i, text, state)| {
                        let s = &self.sentences[*i].1;
                        NewEntry {
                            source_locale: &source_tag,
                            target_locale: &target_tag,
                            source: &s.source,
                            target: text,
                            origin: &origin,
                            state: *state,
                            fingerprint: s.fingerprint.as_deref().unwrap_or_default(),
                            document: Some(&document),
                            previous: s.previous.as_ref(),
                            next: s.next.as_ref(),
                            changed_at: None,
                        }
                    })
                    .collect();
                memory.store(&entries)?;
                for (i, text, state) in stored {
                    let key = self.sentences[i].0.clone();
                    got.from_memory.remove(&key);
                    got.provenance.insert(key.clone(), (state, origin.clone()));
                    got.found.insert(key, text);
                }
                Ok(())
            };
            let title = self.doc.title();
            let run =
                self.job
                    .backend
                    .translate_all(&self.job.source, self.target, title.as_deref(), &items, &mut deliver);
            tokio::select! {
                (made, result) = run => {
                    requests += made;
                    match result {
                        Ok(()) => {}
                        // An engine that fails for good leaves its segments missing; what it
                        // delivered before is stored and used.
                        Err(e @ Error::Engine { .. }) => {
                            report.engine_error = Some(e.to_string());
                            return (requests, Ok(Flow::EngineFailed));
                        }
                        Err(e) => return (requests, Err(e)),
                    }
                }
                _ = tokio::signal::ctrl_c() => return (requests, Ok(Flow::Interrupted)),
            }
        }
        (requests, Ok(Flow::Continue))
    }
}
