//! The engine stage: the plan's misses, of all documents at once, de-duplicated per locale (the
//! plan holds each distinct sentence once), sent to the engine in batches within its limits.
//!
//! Every result is stored the moment it arrives (pseudo output too, apart: only a pseudo run
//! reuses it) and put into the plan at once; the stage's caller hears which sentences are
//! settled, so it can write the editions they complete while the engine works on the rest. A
//! translation that breaks the glossary is stored as needs-review at once, then sent again
//! with the broken terms protected; the repaired one replaces it.
//!
//! Workers sharing the memory (`--workers`, or other machines on one PostgreSQL memory) claim
//! sentences before sending them ([`crate::memory::lease`]): what another worker holds is not
//! sent but waited for, and taken from the memory when it arrives, or claimed when its lease
//! is given up or expires.

use crate::backend::{Backend, Item, Outcome};
use crate::error::{Error, Result};
use crate::glossary::enforce::{Terminology, unprotect};
use crate::glossary::verify::{Verifier, Violation};
use crate::memory::{Memory, NewEntry};
use crate::model::{Origin, State, Text, Translation};
use crate::plan::{Found, Plan, Sentence, Status};
use crate::project::Project;
use std::cell::{Cell, Ref, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

/// The longest pause between two looks at sentences another worker is translating.
const MAX_PAUSE: Duration = Duration::from_secs(1);

/// What the engine stage did.
#[derive(Debug, Default)]
pub struct EngineRun {
    /// Requests sent (retries included).
    pub requests: u64,
    pub interrupted: bool,
    /// Per locale of the plan: why the engine stopped early, if it did.
    pub errors: Vec<Option<String>>,
}

/// How a round of sending ended.
enum Flow {
    Continue,
    /// The engine failed for good (recorded).
    EngineFailed,
    Interrupted,
}

/// What the workers share. The plan is borrowed only between two awaits.
struct Shared<'a> {
    project: &'a Project,
    terminology: Terminology<'a>,
    plan: &'a RefCell<Plan>,
    /// Told (locale, sentences) when sentences got their final result.
    settled: &'a dyn Fn(usize, &[usize]),
    /// (locale, sentence indexes) not yet taken.
    queue: RefCell<VecDeque<(usize, Vec<usize>)>>,
    errors: RefCell<Vec<Option<String>>>,
    requests: Cell<u64>,
    interrupted: Cell<bool>,
}

/// Translates the plan's misses with one worker per memory connection, putting what comes back
/// into the plan as it arrives; `settled` hears of each sentence whose result is final (a
/// translation sent again with glossary terms protected is final after the second answer).
pub async fn fill(
    project: &Project,
    plan: &RefCell<Plan>,
    memories: &mut [Memory],
    settled: &dyn Fn(usize, &[usize]),
) -> Result<EngineRun> {
    let locales = plan.borrow().locales.len();
    if matches!(project.backend, Backend::MemoryOnly) {
        return Ok(EngineRun {
            errors: vec![None; locales],
            ..EngineRun::default()
        });
    }
    let queue = chunks(&plan.borrow(), project.backend.limits().max_texts, memories.len());
    let shared = Shared {
        project,
        terminology: Terminology::new(&project.glossary, &project.source),
        plan,
        settled,
        queue: RefCell::new(queue),
        errors: RefCell::new(vec![None; locales]),
        requests: Cell::new(0),
        interrupted: Cell::new(false),
    };
    futures_util::future::try_join_all(memories.iter_mut().map(|m| work(&shared, m))).await?;
    Ok(EngineRun {
        requests: shared.requests.get(),
        interrupted: shared.interrupted.get(),
        errors: shared.errors.into_inner(),
    })
}

/// The misses of each locale, split among the workers in whole batches (one worker: one piece
/// per locale, so the engine gets ceil(misses / batch limit) requests).
fn chunks(plan: &Plan, max_texts: usize, workers: usize) -> VecDeque<(usize, Vec<usize>)> {
    let mut queue = VecDeque::new();
    for (l, locale) in plan.locales.iter().enumerate() {
        let misses: Vec<usize> = locale.misses().map(|(i, _)| i).collect();
        if misses.is_empty() {
            continue;
        }
        let per_worker = misses.len().div_ceil(workers.max(1));
        let size = per_worker.div_ceil(max_texts.max(1)) * max_texts.max(1);
        for piece in misses.chunks(size.max(1)) {
            queue.push_back((l, piece.to_vec()));
        }
    }
    queue
}

/// A worker's memory connection, shared by its lanes (borrowed only between two awaits).
type Conn<'m> = RefCell<&'m mut Memory>;

/// One worker: one lane per target language on its connection, so that the languages' requests
/// overlap (while one lane stores, claims and looks up between two rounds, the others' requests
/// keep the engine's rate limit busy).
async fn work(shared: &Shared<'_>, memory: &mut Memory) -> Result<()> {
    let lanes = shared.plan.borrow().locales.len().max(1);
    let conn: Conn<'_> = RefCell::new(memory);
    futures_util::future::try_join_all((0..lanes).map(|_| lane(shared, &conn))).await?;
    Ok(())
}

/// One lane: takes pieces from the queue until it is empty or the run is interrupted.
async fn lane(shared: &Shared<'_>, conn: &Conn<'_>) -> Result<()> {
    while !shared.interrupted.get() {
        let Some((l, piece)) = shared.queue.borrow_mut().pop_front() else {
            break;
        };
        if shared.errors.borrow()[l].is_some() {
            continue;
        }
        let target = shared.plan.borrow().locales[l].target.clone();
        let run = LocaleWork {
            shared,
            verifier: shared.terminology.verifier(&target),
            target,
            l,
        };
        if run.fill(conn, piece).await? {
            shared.interrupted.set(true);
        }
    }
    Ok(())
}

/// One piece of one locale's misses.
struct LocaleWork<'s, 'a> {
    shared: &'s Shared<'a>,
    target: crate::lang::Locale,
    l: usize,
    verifier: Verifier,
}

impl LocaleWork<'_, '_> {
    /// Sentence `i` of this locale (the borrow must end before the next await).
    fn sentence(&self, i: usize) -> Ref<'_, Sentence> {
        Ref::map(self.shared.plan.borrow(), |p| &p.locales[self.l].sentences[i])
    }

    /// Puts final results into the plan and says so.
    fn settle(&self, results: Vec<(usize, Found)>) {
        let settled: Vec<usize> = results.iter().map(|(i, _)| *i).collect();
        {
            let mut plan = self.shared.plan.borrow_mut();
            for (i, found) in results {
                plan.locales[self.l].sentences[i].found = found;
            }
        }
        (self.shared.settled)(self.l, &settled);
    }

    /// Whether sentence `i` is in the memory now (another worker stored it); if so, records it.
    fn stored_meanwhile(&self, memory: &Memory, i: usize) -> Result<bool> {
        let found = {
            let s = self.sentence(i);
            let p = self.shared.project;
            crate::plan::look_up(p, memory, &self.target, &s.source, s.fingerprint.as_deref())?
        };
        if found.send {
            return Ok(false);
        }
        self.settle(vec![(i, found)]);
        Ok(true)
    }

    /// Translates the sentences `misses`; returns whether the run was interrupted.
    async fn fill(&self, conn: &Conn<'_>, misses: Vec<usize>) -> Result<bool> {
        let target = self.target.tag().to_string();
        // Claim only what the engine can have in flight at once, so other workers and machines
        // sharing the memory take the rest instead of waiting for one worker's whole plan.
        let limits = self.shared.project.backend.limits();
        let window = (limits.max_texts.max(1) * limits.concurrency.max(1)).max(1);
        let mut later = misses;
        let mut pending = Vec::new();
        let mut pause = Duration::from_millis(50);
        while !pending.is_empty() || !later.is_empty() {
            // Each round takes the next window (sentences other workers hold stay pending).
            let take = later.len().min(window);
            pending.extend(later.drain(..take));
            let hashes: Vec<[u8; 16]> = pending.iter().map(|&i| self.sentence(i).hash).collect();
            let held = conn.borrow_mut().claim(&target, &hashes)?;
            let (mut waiting, mut send, mut done) = (Vec::new(), Vec::new(), Vec::new());
            for (&i, held) in pending.iter().zip(held) {
                if !held {
                    waiting.push(i);
                } else if self.stored_meanwhile(&conn.borrow(), i)? {
                    // Another worker stored it between our plan and our claim.
                    done.push(self.sentence(i).hash);
                } else {
                    send.push(i);
                }
            }
            conn.borrow_mut().release(&target, &done)?;
            if !send.is_empty() {
                let flow = self.send(conn, &send).await;
                let sent: Vec<[u8; 16]> = send.iter().map(|&i| self.sentence(i).hash).collect();
                conn.borrow_mut().release(&target, &sent)?;
                match flow? {
                    Flow::Continue => {}
                    Flow::EngineFailed => break,
                    Flow::Interrupted => return Ok(true),
                }
            } else if !waiting.is_empty() && later.is_empty() {
                // Only other workers' sentences are left: give them time.
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = tokio::signal::ctrl_c() => return Ok(true),
                }
                pause = (pause * 2).min(MAX_PAUSE);
            }
            pending = Vec::with_capacity(waiting.len());
            for i in waiting {
                if !self.stored_meanwhile(&conn.borrow(), i)? {
                    pending.push(i);
                }
            }
        }
        Ok(false)
    }

    /// The document title to send as context: only when every sentence is from one document.
    fn title(&self, batch: &[(usize, Vec<usize>)]) -> Option<String> {
        let first = self.sentence(batch.first()?.0).document;
        batch
            .iter()
            .all(|(i, _)| self.sentence(*i).document == first)
            .then(|| self.shared.plan.borrow().documents[first].doc.title())
            .flatten()
    }

    /// Sends the sentences `send` to the engine (and once more, protected, those that broke
    /// the glossary), storing every result as it arrives.
    async fn send(&self, conn: &Conn<'_>, send: &[usize]) -> Result<Flow> {
        let project = self.shared.project;
        let terminology = &self.shared.terminology;
        let target = &self.target;
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
                    let s = self.sentence(*i);
                    Item {
                        text: terminology.protect(&s.source, &s.matches, target, force),
                        terms: terminology.hints(&s.source, &s.matches, target),
                        context: s.context.clone(),
                    }
                })
                .collect();
            let title = self.title(&batch);
            let deliver = |delivered: Vec<(usize, Outcome)>| -> Result<()> {
                let mut last = Vec::new();
                let checked: Vec<(usize, Text, State, Option<String>)> = delivered
                    .into_iter()
                    .map(|(j, outcome)| {
                        let (i, text, state, reason, force) = self.verify(pass, batch[j].0, outcome);
                        match force {
                            Some(force) => to_repair.push((i, force)),
                            None => last.push(i),
                        }
                        (i, text, state, reason)
                    })
                    .collect();
                self.keep(&mut conn.borrow_mut(), checked, pass == 1, &last)
            };
            let run = project
                .backend
                .translate_all(&project.source, target, title.as_deref(), &items, deliver);
            let made = tokio::select! {
                (made, result) = run => {
                    self.shared.requests.set(self.shared.requests.get() + made);
                    result
                }
                _ = tokio::signal::ctrl_c() => return Ok(Flow::Interrupted),
            };
            match made {
                Ok(()) => {}
                // An engine that fails for good leaves its sentences missing; what it delivered
                // before is stored and used.
                Err(e @ Error::Engine { .. }) => {
                    self.shared.errors.borrow_mut()[self.l] = Some(e.to_string());
                    return Ok(Flow::EngineFailed);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Flow::Continue)
    }

    /// An engine's answer checked against the glossary: (sentence, text, state, reason, the
    /// concepts to protect in a second try).
    #[allow(clippy::type_complexity)]
    fn verify(
        &self,
        pass: usize,
        i: usize,
        outcome: Outcome,
    ) -> (usize, Text, State, Option<String>, Option<Vec<usize>>) {
        let sentence = self.sentence(i);
        let (text, mut state, mut reason) = match outcome {
            Outcome::Translated(t) => (unprotect(&t), State::Translated, None),
            Outcome::NeedsReview { text, reason } => (unprotect(&text), State::NeedsReview, Some(reason)),
        };
        let expected: Vec<usize> = sentence.matches.iter().map(|m| m.concept).collect();
        let violations = self.verifier.check(&text.plain_text(), &expected);
        let mut repair = None;
        if !violations.is_empty() {
            state = State::NeedsReview;
            reason.get_or_insert_with(|| describe(&self.shared.terminology, &violations));
            let force: Vec<usize> = violations.iter().map(Violation::concept).collect();
            if pass == 0 && sentence.matches.iter().any(|m| force.contains(&m.concept)) {
                repair = Some(force);
            }
        }
        (i, text, state, reason, repair)
    }

    /// Stores a batch of results and puts them into the plan (pseudo output is stored apart:
    /// only the pseudo backend ever uses it, see [`crate::plan::classify`]); `last`: the
    /// sentences among them that will not be sent again.
    fn keep(
        &self,
        memory: &mut Memory,
        checked: Vec<(usize, Text, State, Option<String>)>,
        repair: bool,
        last: &[usize],
    ) -> Result<()> {
        let project = self.shared.project;
        let pseudo = matches!(project.backend, Backend::Pseudo(_));
        let origin = Origin::Machine {
            engine: project.backend.name().into(),
            model: project.backend.model(),
        };
        {
            let (source_tag, target_tag) = (project.source.tag(), self.target.tag());
            let plan = self.shared.plan.borrow();
            let sentences = &plan.locales[self.l].sentences;
            let documents: Vec<String> = checked
                .iter()
                .map(|(i, ..)| {
                    let d = sentences[*i].document;
                    plan.documents[d].path().display().to_string()
                })
                .collect();
            let entries: Vec<NewEntry<'_>> = checked
                .iter()
                .zip(&documents)
                .map(|((i, text, state, _), document)| {
                    let s = &sentences[*i];
                    NewEntry {
                        source_locale: source_tag,
                        target_locale: target_tag,
                        source: &s.source,
                        target: text,
                        origin: &origin,
                        state: *state,
                        fingerprint: s.fingerprint.as_deref().unwrap_or_default(),
                        document: Some(document),
                        previous: s.previous.as_ref(),
                        next: s.next.as_ref(),
                        changed_at: None,
                    }
                })
                .collect();
            memory.store(&entries)?;
        }
        let mut results = Vec::with_capacity(checked.len());
        for (i, text, state, reason) in checked {
            let status = match (pseudo, state) {
                (true, _) => Status::Pseudo,
                (false, State::NeedsReview) => Status::NeedsReview,
                (false, _) => Status::MachineCurrent,
            };
            let found = Found {
                status,
                translation: Some(Translation {
                    target: text,
                    origin: origin.clone(),
                    state,
                    updated_at: crate::memory::now(),
                }),
                repaired: repair && reason.is_none(),
                reason,
                send: false,
                from_memory: false,
            };
            results.push((i, found));
        }
        // Put into the plan now (a sentence sent again is replaced when its repair arrives);
        // told as settled only when final.
        let settled = {
            let mut plan = self.shared.plan.borrow_mut();
            let mut settled = Vec::new();
            for (i, found) in results {
                if last.contains(&i) {
                    settled.push((i, found));
                } else {
                    plan.locales[self.l].sentences[i].found = found;
                }
            }
            settled
        };
        self.settle(settled);
        Ok(())
    }
}

/// A short English description of glossary violations, for the needs-review reason.
fn describe(terminology: &Terminology<'_>, violations: &[Violation]) -> String {
    let parts: Vec<String> = violations
        .iter()
        .map(|v| match v {
            Violation::Missing { concept } => {
                format!("glossary term {} missing", terminology.glossary().concepts[*concept].id)
            }
            Violation::Forbidden { term, .. } => format!("forbidden term “{term}”"),
        })
        .collect();
    parts.join(", ")
}
