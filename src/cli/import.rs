//! `l10n import`: translators' XLIFF files back into the memory, every unit checked first.
//! Exit status 1 when any unit was rejected.

use super::{MemoryArgs, OutputFormat};
use crate::config::Config;
use crate::project::{DocumentRef, Overrides, Project};
use crate::ui::Ui;
use crate::xliff::export::known_segments;
use crate::xliff::import::{ImportSummary, Importer, ProjectDocument, Rejected};
use crate::xliff::read;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// XLIFF files (2.0, 2.1, 1.2) sent back by translators
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// The project's documents the units belong to (default: `documents` in l10n.toml, else the
    /// documents the files name in `original`)
    #[arg(long = "document", short = 'd', value_name = "FILE")]
    pub documents: Vec<PathBuf>,
    /// Source language (default: from l10n.toml, else en)
    #[arg(long, value_name = "TAG")]
    pub from: Option<String>,
    #[command(flatten)]
    pub memory: MemoryArgs,
    /// `json`: each file's summary (imported, unchanged, empty, rejected with reasons) on stdout
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let mut project = Project::resolve(&Overrides {
        config: args.memory.config.clone(),
        memory: args.memory.memory.clone(),
        files: args.documents.clone(),
        discover_from: args.files.first().cloned(),
        from: args.from.clone(),
        backend: Some("memory".into()),
        targets_optional: true,
        ..Overrides::default()
    })?;
    // Read every file through first: a malformed one stops the run before anything is stored,
    // and the documents the files name are known. Files are streamed (twice), never held in memory.
    let mut originals: Vec<(String, PathBuf)> = Vec::new();
    for file in &args.files {
        let mut stream = read::open_file(file)?;
        while let Some(item) = stream.next_item()? {
            if let read::Item::File(section) = item
                && let Some(original) = section.original.filter(|o| !o.is_empty())
                && !originals.iter().any(|(o, _)| *o == original)
            {
                originals.push((original, file.clone()));
            }
        }
    }
    if project.documents.is_empty() {
        let mut listed = named_documents(&project.config, &originals);
        if listed.is_empty() {
            // Nothing says where the units come from (a file re-saved without `original`, no
            // project list): the documents of the current folder, matched unit by unit.
            listed = folder_documents(Path::new("."));
        }
        project.documents = listed
            .into_iter()
            .map(|(name, path)| DocumentRef {
                name,
                ..DocumentRef::file(path)
            })
            .collect();
    }
    let mut documents = Vec::new();
    for loaded in crate::plan::load(&project)? {
        documents.push(ProjectDocument {
            name: loaded.reference.name,
            segments: known_segments(&loaded.doc),
        });
    }
    let mut memory = project.connect_memory()?;
    let importer = Importer::new(&documents, &project.source, &project.targets);
    let mut any_rejected = false;
    let mut reports = Vec::new();
    for file in &args.files {
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut stream = read::open_file(file)?;
        let summary = importer.import_stream(&mut memory, &mut stream, &file_name)?;
        // Lower-state human translations kept aside as alternatives (never silent).
        super::memory::report_conflicts(&mut memory, file, ui);
        any_rejected |= !summary.rejected.is_empty();
        match args.format {
            OutputFormat::Json => reports.push(json_report(file, &summary, ui)),
            OutputFormat::Text if !quiet => print_summary(file, &summary, ui),
            OutputFormat::Text => {}
        }
    }
    if args.format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    }
    Ok(u8::from(any_rejected))
}

/// The documents XLIFF files name in `original` (as `l10n export` writes it: the path as given
/// to export, from where it ran), found from the current folder, the project file's folder or
/// the XLIFF file's folder. One not found is left out: its units are then rejected by name.
fn named_documents(config: &Config, originals: &[(String, PathBuf)]) -> Vec<(String, PathBuf)> {
    originals
        .iter()
        .filter_map(|(original, xliff)| {
            let beside = xliff.parent().map(|d| d.join(original));
            [
                Some(PathBuf::from(original)),
                Some(config.resolve(Path::new(original))),
                beside,
            ]
            .into_iter()
            .flatten()
            .find(|p| p.is_file())
            .map(|p| (original.clone(), p))
        })
        .collect()
}

/// The documents of a known format in `dir` (not below it), by name.
fn folder_documents(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file() && crate::format::Format::from_path(p).is_ok())
        .filter_map(|p| Some((p.file_name()?.to_str()?.to_string(), p)))
        .collect();
    out.sort();
    out
}

/// The reason of a rejection, in the user's language.
fn reason(r: &Rejected, ui: &Ui) -> String {
    let (id, reason_args) = r.why.message();
    let reason_args: Vec<(&str, crate::ui::Arg)> = reason_args.into_iter().map(|(k, v)| (k, v.into())).collect();
    ui.msg(id, &reason_args)
}

fn json_report(file: &Path, summary: &ImportSummary, ui: &Ui) -> serde_json::Value {
    let rejected: Vec<serde_json::Value> = summary
        .rejected
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            v["message"] = reason(r, ui).into();
            v
        })
        .collect();
    serde_json::json!({
        "file": file.display().to_string(),
        "imported": summary.imported,
        "unchanged": summary.unchanged,
        "empty": summary.empty,
        "rejected": rejected,
    })
}

fn print_summary(file: &Path, summary: &ImportSummary, ui: &Ui) {
    for r in &summary.rejected {
        // A file rejected as a whole is one line, with the number of its units.
        let id = if r.units > 1 {
            "xliff-rejected-file"
        } else {
            "xliff-rejected"
        };
        eprintln!(
            "{}",
            ui.msg(
                id,
                &[
                    ("path", file.into()),
                    ("line", r.line.into()),
                    ("unit", r.unit.as_str().into()),
                    ("units", r.units.into()),
                    ("reason", reason(r, ui).into()),
                ]
            )
        );
    }
    eprintln!(
        "{}",
        ui.msg(
            "xliff-import-summary",
            &[
                ("path", file.into()),
                ("imported", summary.imported.into()),
                ("unchanged", summary.unchanged.into()),
                ("empty", summary.empty.into()),
                (
                    "rejected",
                    summary.rejected.iter().map(|r| r.units).sum::<usize>().into()
                ),
            ]
        )
    );
}
