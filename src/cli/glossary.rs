//! `l10n glossary convert|show`: term bases from the command line.

use crate::glossary::Glossary;
use crate::ui::Ui;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: GlossaryCommand,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Convert a term base between TBX, CSV and TSV (by the files' extensions)
    Convert {
        #[arg(value_name = "FROM")]
        from: PathBuf,
        #[arg(value_name = "TO")]
        to: PathBuf,
    },
    /// Check that term bases load, and print what the pipeline will enforce: one line per
    /// concept with its policy and the preferred form in each language
    Show {
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    match args.command {
        GlossaryCommand::Convert { from, to } => {
            let glossary = Glossary::load(std::slice::from_ref(&from))?;
            let text = glossary.to_format(&to)?;
            crate::render::write_atomic(&to, text.as_bytes())?;
            if !quiet {
                eprintln!(
                    "{}",
                    ui.msg(
                        "glossary-converted",
                        &[("path", to.as_path().into()), ("count", glossary.concepts.len().into())]
                    )
                );
            }
        }
        GlossaryCommand::Show { files } => {
            let glossary = Glossary::load(&files)?;
            let languages = glossary.languages();
            println!("id\tsubject\tpolicy\t{}", languages.join("\t"));
            for c in &glossary.concepts {
                let forms: Vec<String> = languages
                    .iter()
                    .map(|l| {
                        c.terms
                            .get(l)
                            .and_then(|ts| ts.first())
                            .map(|t| t.text.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                println!(
                    "{}\t{}\t{}\t{}",
                    c.id,
                    c.subject.as_str(),
                    c.policy.as_str(),
                    forms.join("\t")
                );
            }
        }
    }
    Ok(0)
}
