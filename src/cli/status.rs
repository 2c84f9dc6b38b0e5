//! `l10n status`: how far each document is in each language, from the memory; as text, JSON
//! or a self-contained HTML report.

use super::{MemoryArgs, OutputFormat};
use crate::project::{Overrides, Project};
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
    let project = Project::resolve(&Overrides {
        config: args.memory.config.clone(),
        memory: args.memory.memory.clone(),
        files: args.files.clone(),
        to: args.to.clone(),
        backend: Some("memory".into()),
        ..Overrides::default()
    })?;
    project.require_documents()?;
    let memory = project.open_memory(|_, _| {})?;
    let docs = crate::status::status(&project, &memory)?;
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
