//! The command line: argument definitions (clap) and dispatch to one file per subcommand.
//! Each subcommand returns its exit status: 0 done, 1 done with problems (missing segments,
//! check findings); errors propagate to `main`, which prints them and exits 2.

mod check;
mod export;
mod glossary;
pub mod help;
mod import;
mod init;
mod memory;
mod segment;
mod status;
mod translate;

use crate::ui::Ui;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "l10n",
    version,
    about = "Translate articles into other languages: segment, reuse the memory, machine-translate what is new, write editions"
)]
pub struct Cli {
    /// Language of the tool's own messages (default: from LC_ALL, LC_MESSAGES, LANG)
    #[arg(long, global = true, value_name = "TAG")]
    pub ui_lang: Option<String>,
    /// Print nothing but errors
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Translate documents and write one edition per target language
    Translate(translate::Args),
    /// Check documents, editions and Fluent resources for missing and broken strings (for CI)
    Check(check::Args),
    /// Import, export and inspect the translation memory
    Memory(memory::Args),
    /// Print the segments of a document as the pipeline sees them
    Segment(segment::Args),
    /// Convert and inspect term bases (TBX, CSV, TSV)
    Glossary(glossary::Args),
    /// Start a project: l10n.toml, glossary/, cache/ and a .gitignore entry
    Init(init::Args),
    /// How far each document is in each language (text, JSON, or an HTML report)
    Status(status::Args),
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    Man,
    /// Export XLIFF files for human translators and reviewers
    Export(export::Args),
    /// Import reviewed XLIFF files into the memory, checking every unit
    Import(import::Args),
}

/// Options every command that opens the memory shares.
#[derive(Debug, Clone, clap::Args)]
pub struct MemoryArgs {
    /// The memory database (default: from l10n.toml, else cache/l10n.sqlite)
    #[arg(long, value_name = "PATH", global = true)]
    pub memory: Option<PathBuf>,
    /// The project file (default: l10n.toml next to the input or in a parent folder)
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
}

/// The memory `--memory` names, else the one l10n.toml names; a PostgreSQL password comes
/// from the environment (`[memory] password_env`, default `PGPASSWORD`).
pub(crate) fn open_memory(
    explicit: Option<&std::path::Path>,
    config: &crate::config::Config,
) -> crate::error::Result<crate::memory::Memory> {
    let location = explicit
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| config.memory_path());
    crate::memory::Memory::open_with(&location, config.memory.password_env.as_deref())
}

/// Runs the parsed command line; returns the exit status.
pub fn run(cli: Cli, ui: &Ui) -> anyhow::Result<u8> {
    // `--verbose` is offered only where engines are talked to: `translate`.
    if matches!(&cli.command, Command::Translate(args) if args.verbose) {
        // Requests are logged from the engines' tasks; each line is formatted on its own.
        let language = ui.language().to_string();
        crate::backend::log_requests(std::sync::Arc::new(move |r: crate::backend::RequestLog| {
            eprintln!(
                "{}",
                Ui::new(Some(&language)).msg(
                    "translate-engine-request",
                    &[
                        ("engine", r.engine.into()),
                        ("outcome", r.outcome.as_str().into()),
                        ("chars", r.chars.into()),
                        ("millis", (r.millis as usize).into()),
                    ]
                )
            );
        }));
    }
    match cli.command {
        Command::Translate(args) => translate::run(args, ui, cli.quiet),
        Command::Check(args) => check::run(args, ui, cli.quiet),
        Command::Memory(args) => memory::run(args, ui, cli.quiet),
        Command::Segment(args) => segment::run(args, ui),
        Command::Glossary(args) => glossary::run(args, ui, cli.quiet),
        Command::Init(args) => init::run(args, ui, cli.quiet),
        Command::Status(args) => status::run(args, ui),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "l10n", &mut std::io::stdout());
            Ok(0)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command).render(&mut std::io::stdout())?;
            Ok(0)
        }
        Command::Export(args) => export::run(args, ui, cli.quiet),
        Command::Import(args) => import::run(args, ui, cli.quiet),
    }
}
