//! The resolved project: `l10n.toml` and the command line, read once.
//!
//! Every command (`translate` and its dry run, `export`, `import`, `status`, `check`,
//! `memory gc`, the hand-off to translators) gets a [`Project`] and asks it for the source,
//! targets, documents, term bases, memory (seed imports done), engine and segmenter. None
//! resolves these on its own: five copies of the segmenter's construction once left out the
//! project's `no_break` patterns and saw other sentences than `translate` does.
//!
//! It never sends, writes or prints anything; reading the documents is [`crate::plan::load`].

use crate::backend::Backend;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::glossary::Glossary;
use crate::lang::{self, Locale};
use crate::memory::Memory;
use crate::memory::exchange::{ImportOutcome, import_tmx};
use crate::render::EditionSettings;
use crate::segment::Segmenter;
use std::path::{Path, PathBuf};

/// What the command line may say about the project; `None`/empty means "as l10n.toml says".
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--config`.
    pub config: Option<PathBuf>,
    /// `--memory`.
    pub memory: Option<PathBuf>,
    /// Documents named on the command line (then `documents` in l10n.toml is not used).
    pub files: Vec<PathBuf>,
    /// Where to look for l10n.toml when no document is named (`import` starts at its files).
    pub discover_from: Option<PathBuf>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// `--backend` (`human` is the memory plus a hand-off to translators).
    pub backend: Option<String>,
    pub backend_url: Option<String>,
    /// Term bases in addition to those of l10n.toml.
    pub glossary: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub reuse_stale: bool,
    pub allow_partial: bool,
    pub page: bool,
    /// Targets are not needed (`import` reads them from its files).
    pub targets_optional: bool,
}

/// A document of the project: the name it is known by (as given, or as listed in l10n.toml;
/// exports write it as `original`) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRef {
    pub name: String,
    pub path: PathBuf,
}

/// The project, resolved once.
#[derive(Clone)]
pub struct Project {
    /// The project file as read (defaults when there is none).
    pub config: Config,
    pub source: Locale,
    pub targets: Vec<Locale>,
    pub documents: Vec<DocumentRef>,
    pub glossary: Glossary,
    /// The backend as named (`human` included), for messages.
    pub backend_name: String,
    /// The engine: for `human`, the memory alone.
    pub backend: Backend,
    /// `--backend human`: after the memory, XLIFF files for translators with what is missing.
    pub handoff: bool,
    /// The one segmenter, with the project's abbreviations and `no_break` patterns.
    pub segmenter: Segmenter,
    pub out_dir: PathBuf,
    /// Publish machine translations made with another engine, model or glossary.
    pub reuse_stale: bool,
    /// Write editions even when segments are missing.
    pub allow_partial: bool,
    pub edition: EditionSettings,
    /// `--memory`, else l10n.toml's.
    memory_location: PathBuf,
}

impl Project {
    /// Resolves the project from l10n.toml (found from the first document, else the current
    /// folder) and the command line.
    pub fn resolve(o: &Overrides) -> Result<Project> {
        let start = o.files.first().or(o.discover_from.as_ref());
        let config = Config::discover(o.config.as_deref(), start.map(PathBuf::as_path))?;
        let source = Locale::parse(o.from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
        let targets = match &o.to {
            Some(list) => lang::parse_list(list)?,
            None if !config.targets.is_empty() => lang::parse_list(&config.targets.join(","))?,
            None if o.targets_optional => Vec::new(),
            None if config.path.is_none() => return Err(Error::NoProject),
            None => return Err(Error::NoTargets),
        };
        let documents = if o.files.is_empty() {
            config
                .documents
                .iter()
                .map(|d| DocumentRef {
                    name: d.display().to_string(),
                    path: config.resolve(d),
                })
                .collect()
        } else {
            o.files
                .iter()
                .map(|f| DocumentRef {
                    name: f.display().to_string(),
                    path: f.clone(),
                })
                .collect()
        };
        let backend_name = o
            .backend
            .clone()
            .or(config.backend.clone())
            .unwrap_or_else(|| "pseudo".into());
        let handoff = backend_name == "human";
        let engine_name = if handoff { "memory" } else { backend_name.as_str() };
        let mut settings = config.backend_settings(engine_name);
        if let Some(url) = &o.backend_url {
            settings.insert("url".into(), toml::Value::String(url.clone()));
        }
        let backend = Backend::from_name(engine_name, &settings)?;
        let glossary_paths: Vec<PathBuf> = o
            .glossary
            .iter()
            .cloned()
            .chain(config.glossary.iter().map(|g| config.resolve(g)))
            .collect();
        let glossary = Glossary::load(&glossary_paths)?;
        let language = source.language();
        let segmenter =
            Segmenter::new(&source, &config.abbreviations(&language)).with_no_break(config.no_break(&language)?);
        let edition = EditionSettings::from_config(&config, o.page)?;
        let memory_location = o.memory.clone().unwrap_or_else(|| config.memory_path());
        Ok(Project {
            out_dir: o.out.clone().unwrap_or_else(|| config.out_dir()),
            config,
            source,
            targets,
            documents,
            glossary,
            backend_name,
            backend,
            handoff,
            segmenter,
            reuse_stale: o.reuse_stale,
            allow_partial: o.allow_partial,
            edition,
            memory_location,
        })
    }

    /// A project without a project file, for library users and benchmarks: these documents,
    /// these languages, this engine; the default segmenter, memory path and editions.
    pub fn new(
        documents: Vec<PathBuf>,
        source: Locale,
        targets: Vec<Locale>,
        backend: Backend,
        out_dir: PathBuf,
    ) -> Self {
        let config = Config::default();
        Project {
            segmenter: Segmenter::new(&source, &[]),
            memory_location: config.memory_path(),
            config,
            documents: documents
                .into_iter()
                .map(|p| DocumentRef {
                    name: p.display().to_string(),
                    path: p,
                })
                .collect(),
            source,
            targets,
            glossary: Glossary::default(),
            backend_name: backend.name().to_string(),
            backend,
            handoff: false,
            out_dir,
            reuse_stale: false,
            allow_partial: false,
            edition: EditionSettings::default(),
        }
    }

    /// Whether the project has documents; a command without any says how to name them.
    pub fn require_documents(&self) -> Result<()> {
        if !self.documents.is_empty() {
            return Ok(());
        }
        Err(if self.config.path.is_none() {
            Error::NoProject
        } else {
            Error::NoDocuments {
                path: self.config.path.clone().unwrap_or_default(),
            }
        })
    }

    /// Opens the memory (a connection of its own each call, for workers); does not import.
    pub fn connect_memory(&self) -> Result<Memory> {
        Memory::open_with(&self.memory_location, self.config.memory.password_env.as_deref())
    }

    /// Opens the memory and imports the project's seed TMX files into it (each content once);
    /// `on_import` hears of every file imported now, with its number of entries.
    pub fn open_memory(&self, mut on_import: impl FnMut(&Path, usize)) -> Result<Memory> {
        let mut memory = self.connect_memory()?;
        for seed in &self.config.memory.import {
            let path = self.config.resolve(seed);
            if let ImportOutcome::Imported(n) = import_tmx(&mut memory, &path, &self.source)? {
                on_import(&path, n);
            }
        }
        Ok(memory)
    }

    /// Keeps only the targets named (`check --locale`); none named keeps all.
    pub fn narrow_targets(&mut self, only: &[Locale]) {
        if !only.is_empty() {
            self.targets.retain(|t| only.contains(t));
        }
    }
}
