//! The last stage: per (document, language) a report and, for `translate`, an edition. Each
//! (document, language) is done as soon as every sentence it uses is settled, while the engine
//! still works on the others (it mostly waits for the engine's rate limit and answers); what is
//! left is done when the engine stage ends. Reports are told in order either way, once their
//! files are written.

use super::Output;
use crate::error::{Error, Result};
use crate::glossary::enforce::Terminology;
use crate::plan::Plan;
use crate::plan::report::{self, LocaleReport, Report};
use crate::project::Project;
use crate::render::edition::{self, Finishing, Writer};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};

/// The editions of a run, done as their sentences settle.
pub struct Editions<'a> {
    project: &'a Project,
    output: Output,
    terminology: Terminology<'a>,
    locales: usize,
    finishing: RefCell<Finishing>,
    writer: Option<Writer>,
    /// Per slot (document × locales + locale): its report, once done.
    done: RefCell<Vec<Option<LocaleReport>>>,
    /// Per locale, per sentence the engine has yet to settle: the documents using it.
    users: RefCell<Vec<HashMap<usize, Vec<usize>>>>,
    /// Per locale, per document: how many of its sentences are not settled yet.
    outstanding: RefCell<Vec<Vec<usize>>>,
    /// Slots whose sentences are all settled, not done yet.
    ready: RefCell<VecDeque<usize>>,
    wake: tokio::sync::Notify,
    engine_done: Cell<bool>,
}

impl<'a> Editions<'a> {
    /// The editions of `plan`; those without sentences for the engine are ready at once.
    pub fn new(project: &'a Project, plan: &Plan, output: Output) -> Editions<'a> {
        let (documents, locales) = (plan.documents.len(), plan.locales.len());
        let mut users = vec![HashMap::<usize, Vec<usize>>::new(); locales];
        let mut outstanding = vec![vec![0; documents]; locales];
        for (l, locale) in plan.locales.iter().enumerate() {
            for (d, loaded) in plan.documents.iter().enumerate() {
                for k in 0..loaded.doc.segments().count() {
                    let Some(i) = plan.sentence_of(d, k).filter(|&i| locale.sentences[i].found.send) else {
                        continue;
                    };
                    let docs = users[l].entry(i).or_default();
                    if docs.last() != Some(&d) {
                        docs.push(d);
                        outstanding[l][d] += 1;
                    }
                }
            }
        }
        let ready = (0..documents * locales)
            .filter(|slot| outstanding[slot % locales][slot / locales] == 0)
            .collect();
        Editions {
            project,
            output,
            terminology: Terminology::new(&project.glossary, &project.source),
            locales,
            finishing: RefCell::default(),
            writer: (output == Output::Editions).then(Writer::new),
            done: RefCell::new(vec![None; documents * locales]),
            users: RefCell::new(users),
            outstanding: RefCell::new(outstanding),
            ready: RefCell::new(ready),
            wake: tokio::sync::Notify::new(),
            engine_done: Cell::new(false),
        }
    }

    /// Sentences of locale `l` got their final result: the documents they complete are ready.
    pub fn settled(&self, l: usize, sentences: &[usize]) {
        let mut users = self.users.borrow_mut();
        let mut outstanding = self.outstanding.borrow_mut();
        let mut ready = self.ready.borrow_mut();
        for i in sentences {
            for d in users[l].remove(i).unwrap_or_default() {
                outstanding[l][d] -= 1;
                if outstanding[l][d] == 0 {
                    ready.push_back(d * self.locales + l);
                }
            }
        }
        self.wake.notify_one();
    }

    /// The engine stage has ended: [`Editions::while_engine_runs`] returns.
    pub fn engine_done(&self) {
        self.engine_done.set(true);
        self.wake.notify_one();
    }

    /// Does the ready (document, language) pairs as they come, one at a time, letting the
    /// engine's requests go between two, until the engine stage ends.
    pub async fn while_engine_runs(&self, plan: &RefCell<Plan>) -> Result<()> {
        loop {
            loop {
                let Some(slot) = self.ready.borrow_mut().pop_front() else {
                    break;
                };
                self.one(&plan.borrow(), slot)?;
                tokio::task::yield_now().await;
            }
            if self.engine_done.get() {
                return Ok(());
            }
            self.wake.notified().await;
        }
    }

    /// The report (and edition) of one slot.
    fn one(&self, plan: &Plan, slot: usize) -> Result<()> {
        if self.done.borrow()[slot].is_some() {
            return Ok(());
        }
        let (d, l) = (slot / self.locales, slot % self.locales);
        let keep = self.output == Output::Translations;
        let (mut report, decisions) = report::assemble(plan, &self.terminology, d, l, keep);
        let complete = report.missing.is_empty() || self.project.allow_partial;
        if let Some(writer) = self.writer.as_ref().filter(|_| complete) {
            let rendered = edition::render(
                self.project,
                &plan.documents[d],
                &plan.locales[l].target,
                &decisions,
                &report.provenance,
                &mut self.finishing.borrow_mut(),
            )?;
            let written = rendered.written();
            writer.write(slot, rendered);
            report.edition = Some(written.edition);
            report.page = written.page;
        }
        self.done.borrow_mut()[slot] = Some(report);
        Ok(())
    }

    /// Does what is left, waits for every file, and tells `on_locale` of each (document,
    /// language) in order; a file that cannot be written stops the telling there and is the
    /// error.
    pub fn finish(
        mut self,
        plan: &Plan,
        engine_errors: &[Option<String>],
        mut on_locale: impl FnMut(&LocaleReport),
    ) -> Result<Report> {
        let slots = self.done.borrow().len();
        for slot in 0..slots {
            self.one(plan, slot)?;
        }
        let failed: Option<(usize, Error)> = self.writer.take().and_then(Writer::finish);
        let told = failed.as_ref().map_or(slots, |(slot, _)| *slot);
        let mut reports: Vec<LocaleReport> = self.done.into_inner().into_iter().flatten().collect();
        for (slot, report) in reports.iter_mut().enumerate() {
            report.engine_error = engine_errors.get(slot % self.locales).cloned().flatten();
            if slot < told {
                on_locale(report);
            }
        }
        if let Some((_, e)) = failed {
            return Err(e);
        }
        Ok(Report {
            backend: self.project.backend.name().to_string(),
            requests: 0,
            reports,
            repairs: report::repairs(plan),
            interrupted: false,
            pseudo: matches!(self.project.backend, crate::backend::Backend::Pseudo(_)),
        })
    }
}
