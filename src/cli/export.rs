//! `l10n export`: XLIFF files for human translators, one per document and target language,
//! in `DIR/<locale>/<document file name>.xlf`.

use super::MemoryArgs;
use crate::backend::Backend;
use crate::glossary::enforce::Terminology;
use crate::memory::Memory;
use crate::plan::Plan;
use crate::project::{Overrides, Project};
use crate::ui::Ui;
use crate::xliff::export::{Exporter, Include};
use crate::xliff::{Version, v2, v12};
use clap::ValueEnum;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffFormat {
    Xliff2,
    Xliff12,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IncludeArg {
    Untranslated,
    Machine,
    All,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to export (default: `documents` in l10n.toml)
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Target languages, comma-separated (default: `targets` in l10n.toml)
    #[arg(long, short = 't', value_name = "TAGS")]
    pub to: Option<String>,
    /// Source language (default: from l10n.toml, else en)
    #[arg(long, value_name = "TAG")]
    pub from: Option<String>,
    /// XLIFF version to write
    #[arg(long, value_enum, default_value_t = XliffFormat::Xliff2)]
    pub format: XliffFormat,
    /// Which segments: untranslated, machine (no human translation yet) or all
    #[arg(long, value_enum, default_value_t = IncludeArg::Machine)]
    pub include: IncludeArg,
    /// Output folder (files go to DIR/<locale>/; default: <out>/xliff)
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// A term base (TBX, CSV or TSV) in addition to those in l10n.toml
    #[arg(long, short = 'g', value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    #[command(flatten)]
    pub memory: MemoryArgs,
}

/// Writes the exports of the project's documents into `out`, from the plan (with the memory
/// alone: what `translate --backend memory` would publish is a target, the rest untranslated);
/// returns the files written.
pub fn export_documents(
    ui: &Ui,
    quiet: bool,
    project: &Project,
    memory: &Memory,
    include: Include,
    version: Version,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let mut project = project.clone();
    project.backend = Backend::MemoryOnly;
    let plan = Plan::build(&project, memory)?;
    let terminology = Terminology::new(&project.glossary, &project.source);
    let exporter = Exporter {
        memory,
        terminology: &terminology,
        source: &project.source,
        include,
    };
    let mut written = Vec::new();
    for (d, loaded) in plan.documents.iter().enumerate() {
        let path = loaded.path();
        for (l, locale) in plan.locales.iter().enumerate() {
            let target = &locale.target;
            let decisions = plan.decisions(d, l);
            let Some(file) = exporter.build(&loaded.reference.name, &loaded.doc, target, &decisions)? else {
                if !quiet {
                    eprintln!(
                        "{}",
                        ui.msg(
                            "xliff-export-nothing",
                            &[("path", path.into()), ("locale", target.tag().into())]
                        )
                    );
                }
                continue;
            };
            let content = match version {
                Version::V2 => v2::write(&file),
                Version::V12 => v12::write(&file),
            };
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let out_path = out.join(target.tag()).join(format!("{file_name}.xlf"));
            crate::render::write_atomic(&out_path, content.as_bytes())?;
            if !quiet {
                eprintln!(
                    "{}",
                    ui.msg(
                        "xliff-exported",
                        &[
                            ("path", out_path.as_path().into()),
                            ("locale", target.tag().into()),
                            ("count", file.units.len().into())
                        ]
                    )
                );
            }
            written.push(out_path);
        }
    }
    Ok(written)
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let project = Project::resolve(&Overrides {
        config: args.memory.config.clone(),
        memory: args.memory.memory.clone(),
        files: args.files.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        backend: Some("memory".into()),
        glossary: args.glossary.clone(),
        ..Overrides::default()
    })?;
    project.require_documents()?;
    let memory = project.open_memory(|_, _| {})?;
    let include = match args.include {
        IncludeArg::Untranslated => Include::Untranslated,
        IncludeArg::Machine => Include::Machine,
        IncludeArg::All => Include::All,
    };
    let version = match args.format {
        XliffFormat::Xliff2 => Version::V2,
        XliffFormat::Xliff12 => Version::V12,
    };
    let out = args.out.clone().unwrap_or_else(|| project.out_dir.join("xliff"));
    export_documents(ui, quiet, &project, &memory, include, version, &out)?;
    Ok(0)
}
