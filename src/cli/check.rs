//! `l10n check`: runs the checks and prints compiler-style diagnostics and a summary, or JSON.
//! Exit status 0 clean, 1 errors (or warnings with `--deny-warnings`), 2 could not run.

use super::OutputFormat;
use crate::check::{CheckReport, Severity, fluent};
use crate::config::Config;
use crate::ui::{Arg, Ui};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
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
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// The project file
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let config = Config::discover(args.config.as_deref(), None)?;
    let dirs: Vec<PathBuf> = if args.locales.is_empty() {
        config.check.locales.iter().map(|p| config.resolve(p)).collect()
    } else {
        args.locales.clone()
    };
    if dirs.is_empty() {
        anyhow::bail!("nothing to check: give --locales DIR or set [check] locales in l10n.toml");
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
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        OutputFormat::Text if !quiet => print_text(ui, &report),
        OutputFormat::Text => {}
    }
    let failing = report.errors() > 0 || (args.deny_warnings && report.warnings() > 0);
    Ok(u8::from(failing))
}

fn print_text(ui: &Ui, report: &CheckReport) {
    for f in &report.findings {
        let (severity, style) = match f.severity {
            Severity::Error => (ui.msg("check-severity-error", &[]), anstyle::AnsiColor::Red),
            Severity::Warning => (ui.msg("check-severity-warning", &[]), anstyle::AnsiColor::Yellow),
        };
        let style = anstyle::Style::new().bold().fg_color(Some(style.into()));
        let args: Vec<(&str, Arg)> = f.args.iter().map(|(k, v)| (*k, Arg::from(v))).collect();
        anstream::println!(
            "{}:{}:{}: {style}{severity}[{}]{style:#}: {}",
            f.path.display(),
            f.line,
            f.column,
            f.kind,
            ui.msg(&f.message_id(), &args)
        );
    }
    for s in &report.summaries {
        println!(
            "{}",
            ui.msg(
                "check-summary",
                &[
                    ("locale", s.locale.as_str().into()),
                    ("messages", s.messages.into()),
                    ("missing", s.missing.into()),
                    ("errors", s.errors.into()),
                    ("warnings", s.warnings.into()),
                ]
            )
        );
    }
    if report.findings.is_empty() {
        println!("{}", ui.msg("check-clean", &[]));
    }
}
