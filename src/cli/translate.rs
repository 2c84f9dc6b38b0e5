//! `l10n translate`: the main job. Flags override `l10n.toml`, which overrides defaults.

mod dry_run;
mod progress;

use super::{MemoryArgs, OutputFormat};
use crate::backend::{Backend, with_progress};
use crate::error::Error;
use crate::pipeline::{self, Output, Report};
use crate::project::{Overrides, Project};
use crate::ui::Ui;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to translate (.txt, .md, .html, .ftl; default: `documents` in l10n.toml)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Target languages, comma-separated (zh means Simplified Chinese)
    #[arg(long, short = 't', value_name = "TAGS")]
    pub to: Option<String>,
    /// Source language (default: from l10n.toml, else en)
    #[arg(long, value_name = "TAG")]
    pub from: Option<String>,
    /// Translation engine (default: pseudo, from l10n.toml's `backend`): pseudo (offline
    /// pseudo-localization, not a translation), memory (only what the memory has), human (memory,
    /// then XLIFF for translators), deepl (key from DEEPL_AUTH_KEY), google (GOOGLE_API_KEY),
    /// azure (AZURE_TRANSLATOR_KEY), libretranslate (LIBRETRANSLATE_API_KEY, optional for your own
    /// server), openai (OPENAI_API_KEY, optional for a local server such as Ollama)
    #[arg(long, short = 'b', value_name = "NAME")]
    pub backend: Option<String>,
    /// The engine's base URL (a self-hosted server, a proxy, a test server); overrides `url` in
    /// [backends.NAME]
    #[arg(long, value_name = "URL")]
    pub backend_url: Option<String>,
    /// Send nothing: show the segments and characters each language would send to the engine
    /// after memory hits, and the estimated cost
    #[arg(long)]
    pub dry_run: bool,
    /// Output folder (editions go to DIR/<locale>/)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub memory: MemoryArgs,
    /// A term base to enforce (TBX, CSV or TSV), in addition to those in l10n.toml
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Write editions even when segments are missing, with the source sentences marked
    #[arg(long)]
    pub allow_partial: bool,
    /// Reuse machine translations made with another engine, model or glossary
    #[arg(long)]
    pub reuse_stale: bool,
    /// Which machine translations to reuse: fresh (made with this engine, model and glossary;
    /// the default) or stale (any; the same as --reuse-stale)
    #[arg(long, value_name = "WHICH", value_parser = ["fresh", "stale"], conflicts_with = "reuse_stale")]
    pub reuse: Option<String>,
    /// Also write each edition as a standalone HTML page beside it: out/<locale>/<stem>.html
    /// (<stem>.page.html when the article itself is .html)
    #[arg(long)]
    pub page: bool,
    /// How to report: text for people, json for programs (on standard output)
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Documents and languages worked on at once, each worker with its own memory connection;
    /// workers never send the same segment twice (nor do other machines sharing the memory)
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub workers: u16,
    /// Also print a line for every request to a translation engine (never the key or the texts)
    #[arg(long, short)]
    pub verbose: bool,
}

impl Args {
    /// What the command line says about the project.
    fn overrides(&self) -> Overrides {
        Overrides {
            config: self.memory.config.clone(),
            memory: self.memory.memory.clone(),
            files: self.files.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            backend: self.backend.clone(),
            backend_url: self.backend_url.clone(),
            glossary: self.glossary.clone(),
            out: self.out.clone(),
            reuse_stale: self.reuse_stale || self.reuse.as_deref() == Some("stale"),
            allow_partial: self.allow_partial,
            page: self.page,
            ..Overrides::default()
        }
    }
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let project = Project::resolve(&args.overrides())?;
    project.require_documents()?;
    let memory = project.open_memory(|path, n| {
        if !quiet {
            eprintln!(
                "{}",
                ui.msg("memory-imported", &[("path", path.into()), ("count", n.into())])
            );
        }
    })?;
    if args.dry_run {
        return dry_run::run(&project, &memory, ui, args.format, quiet);
    }
    if let Some(var) = project.backend.missing_key() {
        return Err(Error::MissingApiKey {
            backend: project.backend_name.clone(),
            var,
        }
        .into());
    }
    // One connection per worker; the first is the one opened above.
    let mut memories = vec![memory];
    for _ in 1..args.workers {
        memories.push(project.connect_memory()?);
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let text_output = args.format == OutputFormat::Text;
    let observer = progress::observer(ui, quiet);
    let backend_name = project.backend_name.as_str();
    let report = runtime.block_on(with_progress(
        observer.clone(),
        pipeline::run_workers(&project, &mut memories, Output::Editions, |r| {
            if text_output {
                print_locale(ui, backend_name, r, quiet);
            }
        }),
    ))?;
    if args.format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if !quiet {
        print_totals(ui, &project, &report);
    }
    if project.handoff {
        super::export::export_documents(
            ui,
            quiet,
            &project,
            &memories[0],
            crate::xliff::export::Include::Untranslated,
            crate::xliff::Version::V2,
            &project.out_dir.join("xliff"),
        )?;
    }
    finish(ui, &report)
}

/// The run's last lines: requests sent, and whether the editions are only pseudo-localized.
fn print_totals(ui: &Ui, project: &Project, report: &Report) {
    super::segment::print_repairs(ui, &report.repairs);
    // Requests go to servers; the memory and pseudo-localization make none.
    if !matches!(project.backend, Backend::MemoryOnly | Backend::Pseudo(_)) {
        eprintln!(
            "{}",
            ui.msg(
                "plan-requests",
                &[
                    ("count", report.requests.into()),
                    ("backend", project.backend_name.as_str().into())
                ]
            )
        );
    }
    if report.pseudo {
        eprintln!("{}", ui.msg("plan-pseudo-notice", &[]));
    }
}

/// One (document, language): the engine's failure first (even with `-q`: it is an error),
/// then what is missing or needs review, the counts, the glossary, the files written.
fn print_locale(ui: &Ui, backend: &str, r: &pipeline::LocaleReport, quiet: bool) {
    let path = r.input.display().to_string();
    if let Some(reason) = &r.engine_error {
        eprintln!(
            "{}",
            ui.msg(
                "translate-engine-stopped",
                &[("locale", r.locale.as_str().into()), ("reason", reason.as_str().into())]
            )
        );
    }
    if quiet {
        return;
    }
    for m in &r.missing {
        let id = if m.not_extracted {
            "translate-not-extracted"
        } else {
            "translate-missing-segment"
        };
        eprintln!(
            "{}",
            ui.msg(
                id,
                &[
                    ("path", path.as_str().into()),
                    ("line", m.line.into()),
                    ("locale", r.locale.as_str().into()),
                    ("source", m.source.as_str().into())
                ]
            )
        );
    }
    for m in &r.needs_review {
        eprintln!(
            "{}",
            ui.msg(
                "translate-needs-review",
                &[
                    ("path", path.as_str().into()),
                    ("line", m.line.into()),
                    ("locale", r.locale.as_str().into()),
                    ("reason", m.reason.as_str().into()),
                    ("source", m.source.as_str().into())
                ]
            )
        );
    }
    eprintln!(
        "{}",
        ui.msg(
            "plan-locale-summary",
            &[
                ("path", path.as_str().into()),
                ("locale", r.locale.as_str().into()),
                ("segments", r.segments.into()),
                ("memory", r.from_memory.into()),
                ("engine", r.from_engine.into()),
                ("backend", backend.into()),
                ("missing", r.missing.len().into()),
            ]
        )
    );
    for f in &r.terms.failing {
        let id = if f.problem == "missing" {
            "translate-term-missing"
        } else {
            "translate-term-forbidden"
        };
        eprintln!(
            "{}",
            ui.msg(
                id,
                &[
                    ("path", path.as_str().into()),
                    ("line", f.line.into()),
                    ("locale", r.locale.as_str().into()),
                    ("concept", f.concept.as_str().into()),
                    ("term", f.term.as_str().into()),
                ]
            )
        );
    }
    if r.terms.expected > 0 || !r.terms.failing.is_empty() {
        eprintln!(
            "{}",
            ui.msg(
                "plan-terms-summary",
                &[
                    ("locale", r.locale.as_str().into()),
                    ("expected", r.terms.expected.into()),
                    ("found", r.terms.found.into()),
                    ("repaired", r.terms.repaired.into()),
                    ("failing", r.terms.failing.len().into()),
                ]
            )
        );
    }
    if let Some(p) = &r.page {
        eprintln!(
            "{}",
            ui.msg(
                "translate-page-written",
                &[("locale", r.locale.as_str().into()), ("path", p.as_path().into())]
            )
        );
    }
    match &r.edition {
        Some(p) => eprintln!(
            "{}",
            ui.msg(
                "translate-edition-written",
                &[("locale", r.locale.as_str().into()), ("path", p.as_path().into())]
            )
        ),
        None => eprintln!(
            "{}",
            ui.msg(
                "translate-edition-withheld",
                &[
                    ("locale", r.locale.as_str().into()),
                    ("missing", r.missing.len().into())
                ]
            )
        ),
    }
}

fn finish(ui: &Ui, report: &Report) -> anyhow::Result<u8> {
    if report.interrupted {
        eprintln!("{}", ui.msg("translate-interrupted", &[]));
        return Ok(130);
    }
    Ok(if report.missing() > 0 || report.failing_terms() > 0 {
        1
    } else {
        0
    })
}
