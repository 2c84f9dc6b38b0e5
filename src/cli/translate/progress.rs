//! Progress on standard error while the engine works: a bar per target language on a
//! terminal (done / total segments, rate, time left), a plain line every few seconds and at
//! the end of each language otherwise, nothing with `--quiet`.

use crate::backend::{Progress, ProgressEvent};
use crate::ui::Ui;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often a plain progress line is printed when standard error is not a terminal.
const PLAIN_EVERY: Duration = Duration::from_secs(5);

struct Language {
    total: usize,
    done: usize,
    started: Instant,
    last_line: Instant,
    bar: Option<ProgressBar>,
}

/// The observer for this run.
pub fn observer(ui: &Ui, quiet: bool) -> Progress {
    if quiet {
        return Arc::new(|_| {});
    }
    let terminal = std::io::stderr().is_terminal();
    // Messages are formatted here, on the run's thread: `Ui` is not shared with the observer.
    // The numbers are filled in later, in place of private-use markers (control characters
    // would be escaped by the terminal hygiene every message argument goes through).
    let template = ui.msg(
        "translate-progress",
        &[
            ("locale", "\u{e001}".into()),
            ("done", "\u{e002}".into()),
            ("total", "\u{e003}".into()),
            ("rate", "\u{e004}".into()),
            ("eta", "\u{e005}".into()),
        ],
    );
    // The last line of a language says how long it took: a rate over a few milliseconds
    // ("10000.0 segments/s") says nothing.
    let finished = ui.msg(
        "plan-progress-finished",
        &[
            ("locale", "\u{e001}".into()),
            ("done", "\u{e002}".into()),
            ("total", "\u{e003}".into()),
            ("seconds", "\u{e004}".into()),
        ],
    );
    let languages: Mutex<HashMap<String, Language>> = Mutex::new(HashMap::new());
    Arc::new(move |event| {
        let mut languages = languages.lock().expect("not poisoned");
        match event {
            ProgressEvent::Started { target, total } => {
                let bar = terminal.then(|| {
                    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
                    bar.set_style(
                        ProgressStyle::with_template("{prefix:>8} [{bar:30}] {pos}/{len} {per_sec} {eta}")
                            .expect("the template is valid")
                            .progress_chars("=> "),
                    );
                    bar.set_prefix(target.clone());
                    bar
                });
                let now = Instant::now();
                languages.insert(
                    target,
                    Language {
                        total,
                        done: 0,
                        started: now,
                        last_line: now,
                        bar,
                    },
                );
            }
            ProgressEvent::Advanced { target, done } => {
                let Some(l) = languages.get_mut(&target) else { return };
                l.done += done;
                match &l.bar {
                    Some(bar) => bar.inc(done as u64),
                    None if l.last_line.elapsed() >= PLAIN_EVERY => {
                        l.last_line = Instant::now();
                        eprintln!("{}", line(&template, &target, l));
                    }
                    None => {}
                }
            }
            ProgressEvent::Finished { target } => {
                let Some(l) = languages.remove(&target) else { return };
                match &l.bar {
                    Some(bar) => bar.finish_and_clear(),
                    None => eprintln!("{}", finished_line(&finished, &target, &l)),
                }
            }
        }
    })
}

fn line(template: &str, target: &str, l: &Language) -> String {
    let seconds = l.started.elapsed().as_secs_f64().max(0.001);
    let rate = l.done as f64 / seconds;
    let left = l.total.saturating_sub(l.done);
    let eta = if rate > 0.0 {
        format!("{:.0}", left as f64 / rate)
    } else {
        "?".into()
    };
    template
        .replace('\u{e001}', target)
        .replace('\u{e002}', &l.done.to_string())
        .replace('\u{e003}', &l.total.to_string())
        .replace('\u{e004}', &format!("{rate:.1}"))
        .replace('\u{e005}', &eta)
}

fn finished_line(template: &str, target: &str, l: &Language) -> String {
    template
        .replace('\u{e001}', target)
        .replace('\u{e002}', &l.done.to_string())
        .replace('\u{e003}', &l.total.to_string())
        .replace('\u{e004}', &format!("{:.1}", l.started.elapsed().as_secs_f64()))
}
