//! `l10n export`: XLIFF files for human translators, one per document and target language,
//! in `DIR/<locale>/<document file name>.xlf`.

use super::MemoryArgs;
use crate::config::Config;
use crate::error::Error;
use crate::glossary::Glossary;
use crate::glossary::enforce::Terminology;
use crate::lang::{self, Locale};
use crate::memory::Memory;
use crate::pipeline::load_document;
use crate::segment::Segmenter;
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

/// The documents of a command: those named, else the project's, each with the name an export
/// writes in `original` (the path as given or as listed in l10n.toml).
pub fn documents(config: &Config, files: &[PathBuf]) -> Vec<(String, PathBuf)> {
    if files.is_empty() {
        config
            .documents
            .iter()
            .map(|d| (d.display().to_string(), config.resolve(d)))
            .collect()
    } else {
        files.iter().map(|f| (f.display().to_string(), f.clone())).collect()
    }
}

/// Writes the exports of `docs` into `out`; returns the files written.
#[allow(clippy::too_many_arguments)]
pub fn export_documents(
    ui: &Ui,
    quiet: bool,
    memory: &Memory,
    glossary: &Glossary,
    source: &Locale,
    targets: &[Locale],
    docs: &[(String, PathBuf)],
    segmenter: &Segmenter,
    include: Include,
    version: Version,
    out: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let terminology = Terminology::new(glossary, source);
    let exporter = Exporter {
        memory,
        terminology: &terminology,
        source,
        include,
    };
    let mut loaded = Vec::new();
    for (name, path) in docs {
        loaded.push((name, path, load_document(path, segmenter)?.1));
    }
    let mut written = Vec::new();
    for (name, path, doc) in &loaded {
        for target in targets {
            let Some(file) = exporter.build(name, doc, target)? else {
                if !quiet {
                    eprintln!(
                        "{}",
                        ui.msg(
                            "xliff-export-nothing",
                            &[("path", path.as_path().into()), ("locale", target.tag().into())]
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
    let config = Config::discover(args.memory.config.as_deref(), args.files.first().map(PathBuf::as_path))?;
    let source = Locale::parse(args.from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
    let targets = match &args.to {
        Some(list) => lang::parse_targets(list, &source)?,
        None if !config.targets.is_empty() => lang::parse_targets(&config.targets.join(","), &source)?,
        None => return Err(Error::NoTargets.into()),
    };
    let docs = documents(&config, &args.files);
    if docs.is_empty() {
        anyhow::bail!("no input files: give one or more documents, or list them as documents in l10n.toml");
    }
    let glossary_paths: Vec<PathBuf> = args
        .glossary
        .iter()
        .cloned()
        .chain(config.glossary.iter().map(|g| config.resolve(g)))
        .collect();
    let glossary = Glossary::load(&glossary_paths)?;
    let memory = super::open_memory(args.memory.memory.as_deref(), &config)?;
    let segmenter = Segmenter::new(&source, &config.abbreviations(&source.language()));
    let include = match args.include {
        IncludeArg::Untranslated => Include::Untranslated,
        IncludeArg::Machine => Include::Machine,
        IncludeArg::All => Include::All,
    };
    let version = match args.format {
        XliffFormat::Xliff2 => Version::V2,
        XliffFormat::Xliff12 => Version::V12,
    };
    let out = args.out.clone().unwrap_or_else(|| config.out_dir().join("xliff"));
    export_documents(
        ui, quiet, &memory, &glossary, &source, &targets, &docs, &segmenter, include, version, &out,
    )?;
    Ok(0)
}
