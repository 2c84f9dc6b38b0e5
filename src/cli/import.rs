//! `l10n import`: translators' XLIFF files back into the memory, every unit checked first.
//! Exit status 1 when any unit was rejected.

use super::MemoryArgs;
use super::export::documents;
use crate::config::Config;
use crate::format::read_source;
use crate::lang::{self, Locale};
use crate::memory::Memory;
use crate::pipeline::load_document;
use crate::segment::Segmenter;
use crate::ui::Ui;
use crate::xliff::export::known_segments;
use crate::xliff::import::{ImportSummary, Importer, ProjectDocument};
use crate::xliff::read;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// XLIFF files (2.0, 2.1, 1.2) sent back by translators
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The project's documents the units belong to (default: `documents` in l10n.toml)
    #[arg(long = "document", short = 'd', value_name = "FILE")]
    pub documents: Vec<PathBuf>,
    /// Source language (default: from l10n.toml, else en)
    #[arg(long, value_name = "TAG")]
    pub from: Option<String>,
    #[command(flatten)]
    pub memory: MemoryArgs,
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let start = args.documents.first().or(args.files.first()).cloned();
    let config = Config::discover(args.memory.config.as_deref(), start.as_deref())?;
    let source = Locale::parse(args.from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
    let targets: Vec<Locale> = if config.targets.is_empty() {
        Vec::new()
    } else {
        lang::parse_list(&config.targets.join(","))?
    };
    let segmenter = Segmenter::new(&source, &config.abbreviations(&source.language()));
    let mut project = Vec::new();
    for (name, path) in documents(&config, &args.documents) {
        let (_, doc) = load_document(&path, &segmenter)?;
        project.push(ProjectDocument {
            name,
            segments: known_segments(&doc),
        });
    }
    // Parse every file first: a malformed one stops the run before anything is stored.
    let mut parsed = Vec::new();
    for file in &args.files {
        let content = read_source(file)?;
        parsed.push((file, read::read(&content, file)?));
    }
    let mut memory = Memory::open(&args.memory.memory.clone().unwrap_or_else(|| config.memory_path()))?;
    let importer = Importer {
        documents: &project,
        source: &source,
        targets: &targets,
    };
    let mut any_rejected = false;
    for (file, doc) in parsed {
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut summary = ImportSummary::default();
        for section in &doc.sections {
            importer.import_section(&mut memory, section, &file_name, &mut summary)?;
        }
        any_rejected |= !summary.rejected.is_empty();
        if quiet {
            continue;
        }
        for r in &summary.rejected {
            let (id, reason_args) = r.why.message();
            let reason_args: Vec<(&str, crate::ui::Arg)> =
                reason_args.into_iter().map(|(k, v)| (k, v.into())).collect();
            let reason = ui.msg(id, &reason_args);
            eprintln!(
                "{}",
                ui.msg(
                    "xliff-rejected",
                    &[
                        ("path", file.as_path().into()),
                        ("line", r.line.into()),
                        ("unit", r.unit.as_str().into()),
                        ("reason", reason.into()),
                    ]
                )
            );
        }
        eprintln!(
            "{}",
            ui.msg(
                "xliff-import-summary",
                &[
                    ("path", file.as_path().into()),
                    ("imported", summary.imported.into()),
                    ("unchanged", summary.unchanged.into()),
                    ("empty", summary.empty.into()),
                    ("rejected", summary.rejected.len().into()),
                ]
            )
        );
    }
    Ok(u8::from(any_rejected))
}
