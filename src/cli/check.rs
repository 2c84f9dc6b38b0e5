//! `l10n check`: runs the checks and prints compiler-style diagnostics and a summary table, or
//! JSON, GitHub annotations or SARIF. Exit status 0 clean, 1 errors (or warnings with
//! `--deny-warnings`), 2 could not run.

use crate::check::{CheckReport, Severity, documents, fluent, output};
use crate::config::Config;
use crate::lang;
use crate::model::State;
use crate::project::{Overrides, Project};
use crate::ui::Ui;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Github,
    Sarif,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Narrow the run: documents of l10n.toml to check, or folders of Fluent locales
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Folders holding one folder of Fluent files per locale (default: [check] locales in l10n.toml)
    #[arg(long, value_name = "DIR")]
    pub locales: Vec<PathBuf>,
    /// The reference locale the others are compared with
    #[arg(long, value_name = "TAG")]
    pub reference: Option<String>,
    /// Check only these locales
    #[arg(long = "locale", value_name = "TAG")]
    pub only: Vec<String>,
    /// Treat warnings as errors
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The project file
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let config = Config::discover(args.config.as_deref(), None)?;
    let (mut dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = args.paths.iter().cloned().partition(|p| p.is_dir());
    dirs.extend(args.locales.iter().cloned());
    let narrowed = !args.paths.is_empty() || !args.locales.is_empty();
    if !narrowed {
        dirs = config.check.locales.iter().map(|p| config.resolve(p)).collect();
    }
    let project_documents: Vec<PathBuf> = config.documents.iter().map(|d| config.resolve(d)).collect();
    let documents = if narrowed {
        documents::narrow(project_documents, &files)
    } else {
        project_documents
    };
    if dirs.is_empty() && documents.is_empty() && config.path.is_none() {
        return Err(crate::error::Error::NoProject.into());
    }
    if dirs.is_empty() && documents.is_empty() {
        anyhow::bail!("nothing to check: give --locales DIR, or list documents or [check] locales in l10n.toml");
    }
    let reference = args
        .reference
        .clone()
        .or(config.check.reference.clone())
        .unwrap_or_else(|| "en-US".into());
    let mut report = CheckReport {
        schema: 1,
        ..CheckReport::default()
    };
    for dir in &dirs {
        let r = fluent::check_dir(dir, &reference, &args.only)?;
        report.findings.extend(r.findings);
        report.summaries.extend(r.summaries);
    }
    if !documents.is_empty() {
        let (findings, summaries) = check_documents(config.path.clone(), documents, &args.only)?;
        report.findings.extend(findings);
        report.summaries.extend(summaries);
    }
    report.sort();
    match args.format {
        CheckFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        CheckFormat::Github => print!("{}", output::github(ui, &report)),
        CheckFormat::Sarif => println!("{}", serde_json::to_string_pretty(&output::sarif(ui, &report))?),
        CheckFormat::Text if !quiet => print_text(ui, &report),
        CheckFormat::Text => {}
    }
    let failing = report.errors() > 0 || (args.deny_warnings && report.warnings() > 0);
    Ok(u8::from(failing))
}

fn check_documents(
    config_path: Option<PathBuf>,
    documents: Vec<PathBuf>,
    only: &[String],
) -> anyhow::Result<(Vec<crate::check::Finding>, Vec<crate::check::LocaleSummary>)> {
    let mut project = Project::resolve(&Overrides {
        config: config_path,
        files: documents,
        backend: Some("memory".into()),
        ..Overrides::default()
    })?;
    if !only.is_empty() {
        project.narrow_targets(&lang::parse_list(&only.join(","))?);
    }
    let config = &project.config;
    let require = match config.check.require.as_deref() {
        None => State::Translated,
        Some(s) => State::parse(s).ok_or_else(|| crate::error::Error::Config {
            path: config.path.clone().unwrap_or_default(),
            message: format!("[check] require = \"{s}\": expected needs-review, translated, reviewed or final"),
        })?,
    };
    let memory = project.open_memory(|_, _| {})?;
    Ok(documents::check(&project, require, &memory)?)
}

fn print_text(ui: &Ui, report: &CheckReport) {
    for f in &report.findings {
        let (severity, style) = match f.severity {
            Severity::Error => (ui.msg("check-severity-error", &[]), anstyle::AnsiColor::Red),
            Severity::Warning => (ui.msg("check-severity-warning", &[]), anstyle::AnsiColor::Yellow),
        };
        let style = anstyle::Style::new().bold().fg_color(Some(style.into()));
        anstream::println!(
            "{}:{}:{}: {style}{severity}[{}]{style:#} {}: {}",
            f.path.display(),
            f.line,
            f.column,
            f.kind,
            f.locale,
            output::message(ui, f)
        );
    }
    if !report.findings.is_empty() {
        println!();
    }
    let header = [
        ui.msg("check-column-locale", &[]),
        ui.msg("check-column-messages", &[]),
        ui.msg("check-column-missing", &[]),
        ui.msg("check-column-errors", &[]),
        ui.msg("check-column-warnings", &[]),
        ui.msg("check-column-words", &[]),
        ui.msg("check-column-completion", &[]),
    ];
    let rows: Vec<[String; 7]> = report
        .summaries
        .iter()
        .map(|s| {
            [
                s.locale.clone(),
                s.messages.to_string(),
                s.missing.to_string(),
                s.errors.to_string(),
                s.warnings.to_string(),
                s.words.to_string(),
                format!("{}%", s.completion),
            ]
        })
        .collect();
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..7).map(width).collect();
    let line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i].saturating_sub(c.chars().count());
                if i == 0 {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect();
        parts.join("  ")
    };
    println!("{}", line(&header));
    for r in &rows {
        println!("{}", line(r));
    }
    if report.findings.is_empty() {
        println!("{}", ui.msg("check-clean", &[]));
    }
}
