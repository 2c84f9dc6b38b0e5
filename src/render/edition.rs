//! Writing one edition (and its standalone page) from the plan's decisions: every segment's
//! translation, finished with the locale's typography, the site name and bidi isolation, merged
//! into the original bytes by the document's format, written atomically. Untranslated segments
//! stay as their source, marked by the format (only with `--allow-partial`).
//!
//! A run renders its editions one by one ([`render`]) and hands them to a [`Writer`], which
//! writes many at once: each file still goes to a temporary, is synced and renamed (never a
//! half-written edition), but the syncs overlap, and the file system commits them together.
//! A segment finished once in a run is not finished again ([`Finishing`]): a sentence repeated
//! across a thousand articles gets its typography applied once per form.

use crate::error::{Error, Result};
use crate::format::{Format, SegmentOutput};
use crate::lang::Locale;
use crate::model::{Text, UnitKind};
use crate::plan::{Decision, Loaded, Status};
use crate::project::Project;
use crate::render::{self, Isolation, chrome::Provenance};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

/// The files written for one edition.
pub struct Written {
    pub edition: PathBuf,
    pub page: Option<PathBuf>,
}

/// One edition (and its page) rendered, not yet written.
pub struct Rendered {
    pub edition: PathBuf,
    content: String,
    page: Option<(PathBuf, String)>,
}

impl Rendered {
    /// The paths it will be written to.
    pub fn written(&self) -> Written {
        Written {
            edition: self.edition.clone(),
            page: self.page.as_ref().map(|(p, _)| p.clone()),
        }
    }
}

/// Segments already finished in this run, per target language: a finished segment depends
/// only on its translation, the isolation and whether it opens its unit.
#[derive(Default)]
pub struct Finishing {
    done: HashMap<(Locale, Text, Isolation, bool), Text>,
}

impl Finishing {
    fn finish(&mut self, project: &Project, target: &Locale, text: &Text, isolate: Isolation, first: bool) -> Text {
        let key = (target.clone(), text.clone(), isolate, first);
        self.done
            .entry(key)
            .or_insert_with(|| project.edition.finish(target, text, isolate, first))
            .clone()
    }
}

/// Where the edition of `loaded` in `target` goes.
pub fn edition_path(project: &Project, loaded: &Loaded, target: &Locale) -> Result<PathBuf> {
    project.edition_path(&loaded.reference, target)
}

/// Each segment as the edition shows it (`None`: untranslated).
fn finished(
    project: &Project,
    loaded: &Loaded,
    target: &Locale,
    decisions: &[Decision],
    isolate: Isolation,
    finishing: &mut Finishing,
) -> Vec<Option<Text>> {
    let settings = &project.edition;
    // Per segment: whether it opens its unit, and whether the unit is an attribute value
    // (where no element can go: text isolation marks there, even in HTML).
    let first_in_unit: Vec<(bool, bool)> = loaded
        .doc
        .units
        .iter()
        .flat_map(|u| (0..u.segments.len()).map(move |k| (k == 0, u.kind == UnitKind::Attribute)))
        .collect();
    loaded
        .doc
        .segments()
        .zip(decisions)
        .zip(&first_in_unit)
        .map(|((seg, decision), &(first, attribute))| {
            let translation = decision.translation.as_ref().map(|t| &t.target);
            if decision.status == Status::Copied || translation == Some(&seg.source) {
                // Typography, the site name and isolation apply to translated text only;
                // untouched source bytes stay as they are.
                return Some(match settings.site_name {
                    None => seg.source.clone(),
                    Some(_) => finishing.finish(project, &project.source, &seg.source, Isolation::None, first),
                });
            }
            let t = translation?;
            let isolate = match isolate {
                Isolation::Elements if attribute => Isolation::Controls,
                other => other,
            };
            Some(finishing.finish(project, target, t, isolate, first))
        })
        .collect()
}

/// Renders the edition (and, when asked, its page) of `loaded` in `target`.
pub fn render(
    project: &Project,
    loaded: &Loaded,
    target: &Locale,
    decisions: &[Decision],
    provenance: &Provenance,
    finishing: &mut Finishing,
) -> Result<Rendered> {
    let out_path = edition_path(project, loaded, target)?;
    let isolate = match loaded.format {
        Format::Html => Isolation::Elements,
        _ => Isolation::Controls,
    };
    let texts = finished(project, loaded, target, decisions, isolate, finishing);
    let outputs: Vec<SegmentOutput<'_>> = texts
        .iter()
        .map(|t| {
            t.as_ref()
                .map_or(SegmentOutput::Untranslated, SegmentOutput::Translated)
        })
        .collect();
    let content = loaded.format.merge(&loaded.doc, &outputs, target);
    let page = if project.edition.page {
        let page = Page {
            loaded,
            target,
            decisions,
            provenance,
            out_path: &out_path,
            edition: &content,
        };
        Some(page.render(project, finishing)?)
    } else {
        None
    };
    Ok(Rendered {
        edition: out_path,
        content,
        page,
    })
}

/// What a standalone page is made from.
struct Page<'a> {
    loaded: &'a Loaded,
    target: &'a Locale,
    decisions: &'a [Decision],
    provenance: &'a Provenance,
    out_path: &'a Path,
    edition: &'a str,
}

impl Page<'_> {
    /// The page's path and HTML.
    fn render(&self, project: &Project, finishing: &mut Finishing) -> Result<(PathBuf, String)> {
        let (loaded, target) = (self.loaded, self.target);
        let settings = &project.edition;
        let page_path = render::page_path(self.out_path);
        let page_dir = page_path.parent().unwrap_or(Path::new("."));
        let mut alternates = vec![render::page::Alternate {
            locale: project.source.clone(),
            href: render::relative_href(page_dir, loaded.path()),
            original: true,
        }];
        for t in &project.targets {
            let other = render::page_path(&edition_path(project, loaded, t)?);
            alternates.push(render::page::Alternate {
                locale: t.clone(),
                href: render::relative_href(page_dir, &other),
                original: false,
            });
        }
        let texts = finished(project, loaded, target, self.decisions, Isolation::None, finishing);
        let html = render::page::Page {
            doc: &loaded.doc,
            texts: &texts,
            locale: target,
            alternates: &alternates,
            site_name: settings.site_name.as_deref(),
            provenance: self.provenance,
            date: settings.date,
            arabic_digits: settings.typography.digits == render::typography::Digits::Arabic,
            format: loaded.format,
            edition: self.edition,
        }
        .render();
        Ok((page_path, html))
    }
}

/// Writes `content` atomically unless the file already holds exactly it: a cached re-run of a
/// thousand articles must not pay a thousand synced writes for editions that did not change.
fn write_if_changed(path: &Path, content: &[u8]) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    render::write_atomic(path, content)
}

/// Files written at the same time. Synced one after another, 3,000 small editions took 14 s
/// on this project's machine (a sync is a journal commit, 4–5 ms); with 32 in flight the file
/// system commits them together (0.26 ms a file measured, about as fast as not syncing).
const WRITERS: usize = 32;

/// A failed write: the caller's number for the file, and why.
type Failure = (usize, Error);

/// One file to write, and the caller's number for it (errors name the lowest).
struct Job {
    tag: usize,
    path: PathBuf,
    content: String,
}

/// Writes rendered editions in the background, up to [`WRITERS`] at a time, each atomically.
/// Threads start as files come (a run of one short article starts one or two, not 32).
pub struct Writer {
    jobs: Option<mpsc::Sender<Job>>,
    queue: Arc<Mutex<mpsc::Receiver<Job>>>,
    threads: Mutex<Vec<std::thread::JoinHandle<Option<Failure>>>>,
    /// Failures of files written on the caller's thread (when no writer thread could start).
    failed_here: Mutex<Option<(usize, Error)>>,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

impl Writer {
    pub fn new() -> Writer {
        let (jobs, queue) = mpsc::channel::<Job>();
        Writer {
            jobs: Some(jobs),
            queue: Arc::new(Mutex::new(queue)),
            threads: Mutex::new(Vec::new()),
            failed_here: Mutex::new(None),
        }
    }

    /// Queues an edition (and its page) for writing; `tag` is the caller's number for it.
    pub fn write(&self, tag: usize, rendered: Rendered) {
        let mut files = vec![(rendered.edition, rendered.content)];
        files.extend(rendered.page);
        for (path, content) in files {
            let job = Job { tag, path, content };
            match &self.jobs {
                Some(jobs) if self.one_more_thread() => {
                    if let Err(mpsc::SendError(job)) = jobs.send(job) {
                        self.write_here(job);
                    }
                }
                _ => self.write_here(job),
            }
        }
    }

    /// Starts a thread for the file being queued while fewer than [`WRITERS`] run; whether
    /// any thread runs to take it.
    fn one_more_thread(&self) -> bool {
        let Ok(mut threads) = self.threads.lock() else {
            return false;
        };
        if threads.len() < WRITERS {
            let queue = self.queue.clone();
            let started = std::thread::Builder::new()
                .name("l10n-edition-writer".into())
                .spawn(move || write_jobs(&queue));
            threads.extend(started.ok());
        }
        !threads.is_empty()
    }

    fn write_here(&self, job: Job) {
        if let Err(e) = write_if_changed(&job.path, job.content.as_bytes())
            && let Ok(mut failed) = self.failed_here.lock()
        {
            // Reported by `finish` like the others'.
            keep_first(&mut failed, job.tag, e);
        }
    }

    /// Waits for every queued file; the failure with the lowest tag, if any.
    pub fn finish(mut self) -> Option<(usize, Error)> {
        self.close()
    }

    fn close(&mut self) -> Option<(usize, Error)> {
        self.jobs = None;
        let mut first = self.failed_here.lock().ok().and_then(|mut f| f.take());
        let threads = self
            .threads
            .lock()
            .map(|mut t| std::mem::take(&mut *t))
            .unwrap_or_default();
        for thread in threads {
            if let Ok(Some((tag, e))) = thread.join() {
                keep_first(&mut first, tag, e);
            }
        }
        first
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.close();
    }
}

/// Keeps the failure with the lower tag.
fn keep_first(first: &mut Option<(usize, Error)>, tag: usize, e: Error) {
    if first.as_ref().is_none_or(|(t, _)| tag < *t) {
        *first = Some((tag, e));
    }
}

/// A writer thread: takes jobs until the queue closes; its failure with the lowest tag.
fn write_jobs(queue: &Mutex<mpsc::Receiver<Job>>) -> Option<(usize, Error)> {
    let mut first = None;
    loop {
        let job = match queue.lock() {
            Ok(q) => q.recv(),
            Err(_) => return first,
        };
        let Ok(job) = job else { return first };
        if let Err(e) = write_if_changed(&job.path, job.content.as_bytes()) {
            keep_first(&mut first, job.tag, e);
        }
    }
}
