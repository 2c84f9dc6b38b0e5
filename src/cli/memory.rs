//! `l10n memory import|export|stats`: the translation memory from the command line.

use super::{MemoryArgs, OutputFormat};
use crate::config::Config;
use crate::lang::Locale;
use crate::memory::Memory;
use crate::memory::exchange::{ImportOutcome, export_tmx, import_tmx};
use crate::model::State;
use crate::ui::Ui;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: MemoryCommand,
    #[command(flatten)]
    pub memory: MemoryArgs,
}

#[derive(Debug, Subcommand)]
pub enum MemoryCommand {
    /// Import translations from TMX files (importing the same file twice changes nothing)
    Import {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Source language when the file does not say (default: from l10n.toml, else en)
        #[arg(long, value_name = "TAG")]
        from: Option<String>,
    },
    /// Export the best translation of every sentence as TMX
    Export {
        /// Only this target language
        #[arg(long, value_name = "TAG")]
        to: Option<String>,
        /// Only translations at least this far: needs-review, translated, reviewed, final
        #[arg(long, value_name = "STATE", default_value = "needs-review")]
        state: String,
        /// Write to this file instead of standard output
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Count entries by locale, origin and state
    Stats {
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let start = match &args.command {
        MemoryCommand::Import { files, .. } => files.first().cloned(),
        _ => None,
    };
    let config = Config::discover(args.memory.config.as_deref(), start.as_deref())?;
    let path = args.memory.memory.clone().unwrap_or_else(|| config.memory_path());
    let mut memory = Memory::open(&path)?;
    match args.command {
        MemoryCommand::Import { files, from } => {
            let source = Locale::parse(from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
            for file in files {
                let message = match import_tmx(&mut memory, &file, &source)? {
                    ImportOutcome::Unchanged => ui.msg("memory-import-unchanged", &[("path", file.as_path().into())]),
                    ImportOutcome::Imported(n) => ui.msg(
                        "memory-imported",
                        &[("path", file.as_path().into()), ("count", n.into())],
                    ),
                };
                if !quiet {
                    eprintln!("{message}");
                }
            }
        }
        MemoryCommand::Export { to, state, output } => {
            let min_state = State::parse(&state).ok_or_else(|| {
                anyhow::anyhow!("unknown state '{state}' (needs-review, translated, reviewed, final)")
            })?;
            let to = to.map(|t| Locale::parse(&t)).transpose()?;
            let entries = memory.entries(to.as_ref().map(|l| l.tag()), min_state)?;
            let tmx = export_tmx(&entries);
            match output {
                Some(file) => crate::render::write_atomic(&file, tmx.as_bytes())?,
                None => print!("{tmx}"),
            }
        }
        MemoryCommand::Stats { format } => {
            let rows = memory.stats()?;
            match format {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
                OutputFormat::Text if rows.is_empty() => {
                    println!("{}", ui.msg("memory-stats-empty", &[]))
                }
                OutputFormat::Text => {
                    println!("{}", ui.msg("memory-stats-header", &[]));
                    for r in rows {
                        println!("{}\t{}\t{}\t{}", r.target_locale, r.origin, r.state, r.entries);
                    }
                }
            }
        }
    }
    Ok(0)
}
