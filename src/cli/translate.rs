//! `l10n translate`: the main job. Flags override `l10n.toml`, which overrides defaults.

mod dry_run;
mod progress;

use super::{MemoryArgs, OutputFormat};
use crate::backend::{Backend, with_progress};
use crate::config::Config;
use crate::error::Error;
use crate::glossary::Glossary;
use crate::lang::{self, Locale};
use crate::memory::exchange::{ImportOutcome, import_tmx};
use crate::pipeline::{self, Job, Report};
use crate::render;
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

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let config = Config::discover(args.memory.config.as_deref(), args.files.first().map(PathBuf::as_path))?;
    let source = Locale::parse(args.from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
    let targets = match &args.to {
        Some(list) => lang::parse_targets(list, &source)?,
        None if !config.targets.is_empty() => lang::parse_targets(&config.targets.join(","), &source)?,
        None => return Err(Error::NoTargets.into()),
    };
    let backend_name = args
        .backend
        .clone()
        .or(config.backend.clone())
        .unwrap_or_else(|| "pseudo".into());
    // `human`: what the memory has, and XLIFF files for translators with everything it lacks.
    let human = backend_name == "human";
    let engine_name = if human { "memory" } else { backend_name.as_str() };
    let mut settings = config.backend_settings(engine_name);
    if let Some(url) = &args.backend_url {
        settings.insert("url".into(), toml::Value::String(url.clone()));
    }
    let backend = Backend::from_name(engine_name, &settings)?;
    let files: Vec<PathBuf> = if args.files.is_empty() {
        config.documents.iter().map(|d| config.resolve(d)).collect()
    } else {
        args.files.clone()
    };
    if files.is_empty() {
        anyhow::bail!(
            "no input files: give one or more documents to translate, or list them as documents in l10n.toml"
        );
    }
    let glossary_paths: Vec<PathBuf> = args
        .glossary
        .iter()
        .cloned()
        .chain(config.glossary.iter().map(|g| config.resolve(g)))
        .collect();
    let glossary = Glossary::load(&glossary_paths)?;
    let mut memory = super::open_memory(args.memory.memory.as_deref(), &config)?;
    for seed in &config.memory.import {
        let path = config.resolve(seed);
        if let ImportOutcome::Imported(n) = import_tmx(&mut memory, &path, &source)?
            && !quiet
        {
            eprintln!(
                "{}",
                ui.msg(
                    "memory-imported",
                    &[("path", path.as_path().into()), ("count", n.into())]
                )
            );
        }
    }
    let handoff = human.then(|| (files.clone(), glossary.clone()));
    let job = Job {
        inputs: files,
        source: source.clone(),
        targets,
        backend,
        out_dir: args.out.clone().unwrap_or_else(|| config.out_dir()),
        allow_partial: args.allow_partial,
        reuse_stale: args.reuse_stale || args.reuse.as_deref() == Some("stale"),
        abbreviations: config.abbreviations(&source.language()),
        glossary,
        edition: render::EditionSettings::from_config(&config, args.page)?,
        write_editions: true,
        no_break: config.no_break(&source.language())?,
    };
    if !quiet {
        let segmenter = crate::segment::Segmenter::new(&job.source, &job.abbreviations);
        super::segment::report_html_repairs(ui, &job.inputs, &segmenter);
    }
    if args.dry_run {
        return dry_run::run(&job, &mut memory, ui, args.format, quiet);
    }
    if let Some(var) = job.backend.missing_key() {
        return Err(Error::MissingApiKey {
            backend: backend_name,
            var,
        }
        .into());
    }
    // One connection per worker; the first is the one opened above.
    let mut memories = vec![memory];
    for _ in 1..args.workers {
        memories.push(super::open_memory(args.memory.memory.as_deref(), &config)?);
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let text_output = args.format == OutputFormat::Text && !quiet;
    let observer = progress::observer(ui, quiet);
    let report = runtime.block_on(with_progress(
        observer.clone(),
        pipeline::run_workers(&job, &mut memories, |r| {
            if text_output {
                print_locale(ui, &backend_name, r);
            }
        }),
    ))?;
    if args.format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if !quiet {
        eprintln!(
            "{}",
            ui.msg(
                "translate-requests",
                &[
                    ("count", report.requests.into()),
                    ("backend", backend_name.as_str().into())
                ]
            )
        );
    }
    if let Some((files, glossary)) = handoff {
        let docs: Vec<(String, PathBuf)> = files.iter().map(|f| (f.display().to_string(), f.clone())).collect();
        let segmenter = crate::segment::Segmenter::new(&job.source, &job.abbreviations);
        super::export::export_documents(
            ui,
            quiet,
            &memories[0],
            &glossary,
            &job.source,
            &job.targets,
            &docs,
            &segmenter,
            crate::xliff::export::Include::Untranslated,
            crate::xliff::Version::V2,
            &job.out_dir.join("xliff"),
        )?;
    }
    finish(ui, &report)
}

/// `[edition]` from l10n.toml, with `--page`.
fn print_locale(ui: &Ui, backend: &str, r: &pipeline::LocaleReport) {
    let path = r.input.display().to_string();
    for m in &r.missing {
        eprintln!(
            "{}",
            ui.msg(
                "translate-missing-segment",
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
    if let Some(reason) = &r.engine_error {
        eprintln!(
            "{}",
            ui.msg(
                "translate-engine-stopped",
                &[("locale", r.locale.as_str().into()), ("reason", reason.as_str().into())]
            )
        );
    }
    eprintln!(
        "{}",
        ui.msg(
            "translate-locale-summary",
            &[
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
                "translate-terms-summary",
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
