//! `l10n status`: how far each document is in each language, from the memory; as text, JSON
//! or a self-contained HTML report.

use super::{MemoryArgs, OutputFormat};
use crate::config::Config;
use crate::glossary::Glossary;
use crate::lang::{self, Locale};
use crate::ui::Ui;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents (default: documents in l10n.toml)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Target languages (default: targets in l10n.toml)
    #[arg(long, short = 't', value_name = "TAGS")]
    pub to: Option<String>,
    #[command(flatten)]
    pub memory: MemoryArgs,
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Also write a self-contained HTML report to this file
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

pub fn run(args: Args, ui: &Ui) -> anyhow::Result<u8> {
    let config = Config::discover(args.memory.config.as_deref(), args.files.first().map(PathBuf::as_path))?;
    let source = Locale::parse(config.source.as_deref().unwrap_or("en"))?;
    let targets = match &args.to {
        Some(list) => lang::parse_list(list)?,
        None if !config.targets.is_empty() => lang::parse_list(&config.targets.join(","))?,
        None => return Err(crate::Error::NoTargets.into()),
    };
    let files: Vec<PathBuf> = if args.files.is_empty() {
        config.documents.iter().map(|d| config.resolve(d)).collect()
    } else {
        args.files.clone()
    };
    if files.is_empty() {
        anyhow::bail!("no documents: name them or list them as documents in l10n.toml");
    }
    let memory = super::open_memory(args.memory.memory.as_deref(), &config)?;
    let glossary = Glossary::load(&config.glossary.iter().map(|g| config.resolve(g)).collect::<Vec<_>>())?;
    let segmenter = crate::segment::Segmenter::new(&source, &config.abbreviations(&source.language()))
        .with_no_break(config.no_break(&source.language())?);
    let docs = crate::status::status(&files, &source, &targets, &memory, &glossary, &segmenter)?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&docs)?),
        OutputFormat::Text => {
            for doc in &docs {
                for l in &doc.locales {
                    println!(
                        "{}",
                        ui.msg(
                            "status-line",
                            &[
                                ("path", doc.path.as_path().into()),
                                ("locale", l.locale.as_str().into()),
                                ("segments", l.segments.into()),
                                ("human", l.human.into()),
                                ("machine", l.machine.into()),
                                ("reviewed", l.reviewed.into()),
                                ("missing", l.missing.into()),
                                ("words", l.missing_words.into()),
                                ("complete", format!("{:.0}", l.complete).into()),
                                ("failing", l.terms_failing.into()),
                            ]
                        )
                    );
                }
            }
        }
    }
    if let Some(path) = &args.html {
        crate::render::write_atomic(path, crate::report::html(ui, &docs).as_bytes())?;
    }
    Ok(0)
}
