//! `l10n memory import|export|copy|stats|lookup|gc`: the translation memory from the command line.

use super::{MemoryArgs, OutputFormat};
use crate::backend::Backend;
use crate::config::Config;
use crate::lang::Locale;
use crate::memory::exchange::{ImportOutcome, import_tmx, write_tmx};
use crate::memory::{Memory, Reuse};
use crate::model::{Origin, State, Text};
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
        /// File format (TMX 1.4b)
        #[arg(long, value_enum, default_value_t = ExportFormat::Tmx)]
        format: ExportFormat,
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
    /// Copy every entry, with its provenance and history, from one memory to another (SQLite
    /// files or postgres:// URLs); entries the destination has already are kept
    Copy {
        /// The memory to copy from
        #[arg(long, value_name = "PATH|URL")]
        from: PathBuf,
        /// The memory to copy into (created if needed)
        #[arg(long, value_name = "PATH|URL")]
        to: PathBuf,
    },
    /// Count entries by locale, origin and state, and the memory's size
    Stats {
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Look a sentence up: the translation the memory would use, and similar sentences with scores
    Lookup {
        /// The sentence, in the source language
        #[arg(value_name = "TEXT")]
        text: String,
        /// Target language
        #[arg(long, short = 't', value_name = "TAG")]
        to: String,
        /// Source language (default: from l10n.toml, else en)
        #[arg(long, value_name = "TAG")]
        from: Option<String>,
        /// How many similar sentences to show at most
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Minimum similarity of a fuzzy match, in percent
        #[arg(long, value_name = "PERCENT", default_value_t = 75.0)]
        threshold: f64,
        /// Also show the earlier versions a human translation replaced
        #[arg(long)]
        history: bool,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Remove stale machine translations (superseded by human work, by a newer engine's, or
    /// made with another engine than the configured one) older than DAYS days
    Gc {
        #[arg(long, value_name = "DAYS")]
        older_than: u64,
        /// The engine whose translations are current (default: the backend in l10n.toml, if any)
        #[arg(long, short = 'b', value_name = "NAME")]
        backend: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Tmx,
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let start = match &args.command {
        MemoryCommand::Import { files, .. } => files.first().cloned(),
        _ => None,
    };
    if let MemoryCommand::Copy { from, to } = &args.command {
        let source = Memory::open(from)?;
        let mut destination = Memory::open(to)?;
        let count = crate::memory::copy::copy(&source, &mut destination)?;
        report_conflicts(&mut destination, source.path(), ui);
        if !quiet {
            let (from, to) = (source.path().to_path_buf(), destination.path().to_path_buf());
            let args = [
                ("from", from.as_path().into()),
                ("to", to.as_path().into()),
                ("count", count.into()),
            ];
            eprintln!("{}", ui.msg("memory-copied", &args));
        }
        return Ok(0);
    }
    let config = Config::discover(args.memory.config.as_deref(), start.as_deref())?;
    let mut memory = super::open_memory(args.memory.memory.as_deref(), &config)?;
    match args.command {
        MemoryCommand::Import { files, from } => {
            let source = Locale::parse(from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
            for file in files {
                let outcome = import_tmx(&mut memory, &file, &source)?;
                report_conflicts(&mut memory, &file, ui);
                let message = match outcome {
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
        MemoryCommand::Export {
            format: ExportFormat::Tmx,
            to,
            state,
            output,
        } => {
            let min_state = State::parse(&state).ok_or_else(|| {
                anyhow::anyhow!("unknown state '{state}' (needs-review, translated, reviewed, final)")
            })?;
            let to = to.map(|t| Locale::parse(&t)).transpose()?;
            let to = to.as_ref().map(|l| l.tag());
            match output {
                Some(file) => {
                    // Written beside the target and renamed: a reader never sees half a file.
                    let name = file
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let tmp = file.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
                    let written = (|| -> anyhow::Result<usize> {
                        let handle = std::fs::File::create(&tmp)?;
                        let mut out = std::io::BufWriter::new(&handle);
                        let count = write_tmx(&memory, to, min_state, &mut out)?;
                        drop(out);
                        handle.sync_all()?;
                        std::fs::rename(&tmp, &file)?;
                        Ok(count)
                    })();
                    let count = written.inspect_err(|_| {
                        let _ = std::fs::remove_file(&tmp);
                    })?;
                    if !quiet {
                        eprintln!(
                            "{}",
                            ui.msg(
                                "memory-exported",
                                &[("path", file.as_path().into()), ("count", count.into())]
                            )
                        );
                    }
                }
                None => {
                    write_tmx(&memory, to, min_state, &mut std::io::stdout().lock())?;
                }
            }
        }
        MemoryCommand::Copy { .. } => unreachable!("handled above"),
        MemoryCommand::Stats { format } => {
            let stats = memory.summary()?;
            match format {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&stats)?),
                OutputFormat::Text => {
                    println!(
                        "{}",
                        ui.msg(
                            "memory-stats-summary",
                            &[
                                ("path", stats.path.as_str().into()),
                                ("count", (stats.entries as u64).into()),
                                ("size", human_size(stats.bytes).into()),
                                ("version", (stats.schema_version as u64).into()),
                            ]
                        )
                    );
                    if stats.rows.is_empty() {
                        println!("{}", ui.msg("memory-stats-empty", &[]))
                    } else {
                        println!("{}", ui.msg("memory-stats-header", &[]));
                        for r in stats.rows {
                            println!("{}\t{}\t{}\t{}", r.target_locale, r.origin, r.state, r.entries);
                        }
                    }
                }
            }
        }
        MemoryCommand::Lookup {
            text,
            to,
            from,
            limit,
            threshold,
            history,
            format,
        } => {
            if !(0.0..=100.0).contains(&threshold) {
                anyhow::bail!("--threshold must be a percentage between 0 and 100, not {threshold}");
            }
            let source = Locale::parse(from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
            let target = Locale::parse(&to)?;
            let query = Text::plain(text.trim());
            let exact = memory.lookup(source.tag(), target.tag(), &query, &Reuse::AnyMachine)?;
            let similar = memory.fuzzy(source.tag(), target.tag(), &query, limit, threshold / 100.0)?;
            let versions = memory.versions(source.tag(), target.tag(), &query, history)?;
            let similar: Vec<_> = similar
                .into_iter()
                .filter(|m| m.score < 1.0 || exact.is_none())
                .collect();
            match format {
                OutputFormat::Json => {
                    let json = serde_json::json!({
                        "source": query.to_string(),
                        "target_locale": target.tag(),
                        "exact": exact.as_ref().map(|t| serde_json::json!({
                            "target": t.target.to_string(),
                            "origin": t.origin,
                            "state": t.state,
                        })),
                        "fuzzy": similar.iter().map(|m| serde_json::json!({
                            "score": (m.score * 1000.0).round() / 10.0,
                            "source": m.source.to_string(),
                            "target": m.target.to_string(),
                            "origin": m.origin,
                            "state": m.state,
                        })).collect::<Vec<_>>(),
                        "versions": versions.iter().map(|v| serde_json::json!({
                            "kind": v.kind,
                            "target": v.target.to_string(),
                            "state": v.state,
                            "file": v.file,
                            "at": v.at,
                        })).collect::<Vec<_>>(),
                    });
                    println!("{}", serde_json::to_string_pretty(&json)?);
                }
                OutputFormat::Text => {
                    if let Some(t) = &exact {
                        println!(
                            "{}",
                            ui.msg(
                                "memory-lookup-exact",
                                &[
                                    ("target", t.target.to_string().into()),
                                    ("origin", describe(&t.origin).into()),
                                    ("state", t.state.as_str().into()),
                                ]
                            )
                        );
                    }
                    for v in &versions {
                        let file = v.file.clone().unwrap_or_else(|| "-".into());
                        println!(
                            "{}",
                            ui.msg(
                                "memory-lookup-version",
                                &[
                                    ("kind", v.kind.as_str().into()),
                                    ("target", v.target.to_string().into()),
                                    ("state", v.state.as_str().into()),
                                    ("file", file.into()),
                                ]
                            )
                        );
                    }
                    for m in &similar {
                        println!(
                            "{}",
                            ui.msg(
                                "memory-lookup-fuzzy",
                                &[
                                    ("score", format!("{:.0}", (m.score * 100.0).floor()).into()),
                                    ("source", m.source.to_string().into()),
                                    ("target", m.target.to_string().into()),
                                    ("origin", describe(&m.origin).into()),
                                    ("state", m.state.as_str().into()),
                                ]
                            )
                        );
                    }
                    if exact.is_none() && similar.is_empty() {
                        println!("{}", ui.msg("memory-lookup-none", &[("locale", target.tag().into())]));
                    }
                }
            }
            // 1 when the memory has nothing for it, like a translate run with missing segments.
            return Ok(u8::from(exact.is_none() && similar.is_empty()));
        }
        MemoryCommand::Gc {
            older_than,
            backend,
            format,
        } => {
            let fingerprint = match backend.or(config.backend.clone()) {
                Some(name) => Backend::from_name(&name, &config.backend_settings(&name))?.fingerprint(),
                None => None,
            };
            let outcome = memory.gc(older_than, fingerprint.as_deref())?;
            match format {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&outcome)?),
                OutputFormat::Text if !quiet => eprintln!(
                    "{}",
                    ui.msg(
                        "memory-gc-removed",
                        &[("count", outcome.removed.into()), ("days", older_than.into())]
                    )
                ),
                OutputFormat::Text => {}
            }
        }
    }
    Ok(0)
}

/// Who made a translation, for listings: `human (file)` or `machine (engine/model)`.
/// Tells, on standard error, of every human translation a store kept over a lower-state one
/// from `from` (which it keeps as an alternative): never silent, even with `--quiet`.
pub(crate) fn report_conflicts(memory: &mut Memory, from: &std::path::Path, ui: &Ui) {
    for c in memory.take_conflicts() {
        eprintln!(
            "{}",
            ui.msg(
                "memory-conflict",
                &[
                    ("path", from.into()),
                    ("locale", c.target_locale.as_str().into()),
                    ("source", c.source.as_str().into()),
                    ("kept", c.kept.as_str().into()),
                    ("kept_state", c.kept_state.as_str().into()),
                    ("offered", c.offered.as_str().into()),
                    ("offered_state", c.offered_state.as_str().into()),
                ]
            )
        );
    }
}

fn describe(origin: &Origin) -> String {
    match origin {
        Origin::Human { file: Some(f) } => format!("human: {f}"),
        Origin::Human { file: None } => "human".into(),
        Origin::Machine { engine, model: Some(m) } => format!("machine: {engine}/{m}"),
        Origin::Machine { engine, model: None } => format!("machine: {engine}"),
    }
}

/// A byte count for people: 1.5 MB.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "kB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} {}", UNITS[0])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes() {
        assert_eq!(super::human_size(12), "12 bytes");
        assert_eq!(super::human_size(1_500_000), "1.5 MB");
    }
}
