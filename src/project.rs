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
    /// Its path relative to the folder it was found in (its file name when named alone): the
    /// `{path}` of the output layout, so a folder's structure is kept in the editions.
    pub relative: PathBuf,
}

impl DocumentRef {
    /// A document named by its path.
    pub fn file(path: PathBuf) -> DocumentRef {
        let relative = path
            .file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("document"));
        DocumentRef {
            name: path.display().to_string(),
            path,
            relative,
        }
    }

    /// The documents a path stands for: itself, or for a folder every document below it that
    /// the project's include/exclude globs select (in path order).
    /// With a site layout (`[layout] out`), a file named alone keeps its place in the project:
    /// its `{path}` and `{dir}` are relative to the project's folder (a folder's documents are
    /// relative to that folder); without one, its edition is `out/<locale>/<file name>`.
    fn expand(path: PathBuf, name: String, config: &Config) -> Result<Vec<DocumentRef>> {
        let layout = &config.layout;
        if !path.is_dir() {
            let mut document = DocumentRef {
                name,
                ..DocumentRef::file(path)
            };
            if layout.out.is_some()
                && let Some(inside) = inside_folder(&document.path, &config.root)
            {
                document.relative = inside.to_path_buf();
            }
            return Ok(vec![document]);
        }
        let mut found =
            crate::layout::walk(&path, &layout.include, &layout.exclude).map_err(|e| layout_error(&path, e))?;
        // A folder's other files (images, the memory, a site's configuration) are not documents.
        found.retain(|input| crate::format::Format::from_path(&input.path).is_ok());
        if found.is_empty() {
            return Err(Error::EmptyFolder { path });
        }
        Ok(found
            .into_iter()
            .map(|input| DocumentRef {
                name: input.path.display().to_string(),
                path: input.path,
                relative: input.relative,
            })
            .collect())
    }
}

/// `path` relative to `folder` when it is inside it (both taken from the current folder, `.`
/// components ignored).
fn inside_folder(path: &Path, folder: &Path) -> Option<PathBuf> {
    let inside = absolute(path).strip_prefix(absolute(folder)).ok()?.to_path_buf();
    (inside.components().count() > 0).then_some(inside)
}

/// `path` from the root, taken from the current folder, without `.` components.
fn absolute(path: &Path) -> PathBuf {
    let p = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

fn layout_error(path: &Path, e: crate::layout::LayoutError) -> Error {
    Error::Config {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
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
    /// Where editions go (`[layout] out`), and the folder its template is relative to.
    pub layout: crate::layout::Layout,
    pub layout_root: PathBuf,
    /// What the formats extract besides their text (front-matter keys).
    pub extract: crate::format::ExtractOptions,
}

impl Project {
    /// Resolves the project from l10n.toml (found from the first document, else the current
    /// folder) and the command line.
    pub fn resolve(o: &Overrides) -> Result<Project> {
        let start = o.files.first().or(o.discover_from.as_ref());
        let config = Config::discover(o.config.as_deref(), start.map(PathBuf::as_path))?;
        let source = Locale::parse(o.from.as_deref().or(config.source.as_deref()).unwrap_or("en"))?;
        let targets = match &o.to {
            Some(list) => lang::parse_targets(list, &source)?,
            None if !config.targets.is_empty() => lang::parse_targets(&config.targets.join(","), &source)?,
            None if o.targets_optional => Vec::new(),
            None if config.path.is_none() => return Err(Error::NoProject),
            None => return Err(Error::NoTargets),
        };
        let named: Vec<(PathBuf, String)> = if o.files.is_empty() {
            config
                .documents
                .iter()
                .map(|d| (config.resolve(d), d.display().to_string()))
                .collect()
        } else {
            o.files.iter().map(|f| (f.clone(), f.display().to_string())).collect()
        };
        let mut documents = Vec::new();
        // Which documents were found by walking a folder (the others were named).
        let mut walked = Vec::new();
        for (path, name) in named {
            let found = DocumentRef::expand(path.clone(), name, &config)?;
            walked.extend(std::iter::repeat_n(path.is_dir(), found.len()));
            documents.extend(found);
        }

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
        let segmenter = config.segmenter(&source)?;
        let edition = EditionSettings::from_config(&config, o.page)?;
        let memory_location = o.memory.clone().unwrap_or_else(|| config.memory_path());
        let layout = config.layout.layout()?;
        // The template is relative to the project's folder when l10n.toml gives one, else to
        // the output folder (`out/<locale>/<path>`); `--out` always wins.
        let layout_root = match (&o.out, &config.layout.out) {
            (Some(out), _) => out.clone(),
            (None, Some(_)) => config.root.clone(),
            (None, None) => config.out_dir(),
        };
        let extract = config.markdown.extract_options();
        let mut project = Project {
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
            layout,
            layout_root,
            extract,
        };
        project.skip_earlier_editions(&walked)?;
        project.refuse_collisions()?;
        Ok(project)
    }

    /// A folder walked again after a run with editions beside their sources holds those
    /// editions: they are not documents to translate (a file named on the command line is
    /// kept, and refused if an edition would overwrite it).
    fn skip_earlier_editions(&mut self, walked: &[bool]) -> Result<()> {
        let mut editions = std::collections::HashSet::new();
        for document in &self.documents {
            for target in &self.targets {
                editions.insert(absolute(&self.edition_path(document, target)?));
            }
        }
        let mut walked = walked.iter();
        self.documents
            .retain(|d| !(walked.next().copied().unwrap_or(false) && editions.contains(&absolute(&d.path))));
        Ok(())
    }

    /// Where the edition of `document` in `target` goes: the layout's template, under its root.
    pub fn edition_path(&self, document: &DocumentRef, target: &Locale) -> Result<PathBuf> {
        let input = crate::layout::Input {
            path: document.path.clone(),
            relative: document.relative.clone(),
            dir: document.path.parent().and_then(|p| inside_folder(p, &self.layout_root)),
        };
        let output = self
            .layout
            .output(&input, target.tag())
            .map_err(|e| layout_error(&document.path, e))?;
        Ok(self.layout_root.join(output))
    }

    /// Two inputs never write the same file (editions and, with `--page`, pages), and no
    /// edition overwrites an input: refused before anything is read or sent, naming both.
    fn refuse_collisions(&self) -> Result<()> {
        let mut writes = Vec::new();
        for document in &self.documents {
            for target in &self.targets {
                let edition = self.edition_path(document, target)?;
                if self.edition.page {
                    writes.push((
                        document.path.as_path(),
                        crate::render::page_path(&edition),
                        target.tag(),
                    ));
                }
                writes.push((document.path.as_path(), edition, target.tag()));
            }
        }
        crate::layout::check_collisions(writes).map_err(|e| layout_error(Path::new(crate::config::FILE_NAME), e))
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
                    relative: p.file_name().map(PathBuf::from).unwrap_or_default(),
                    path: p,
                })
                .collect(),
            source,
            targets,
            glossary: Glossary::default(),
            backend_name: backend.name().to_string(),
            backend,
            handoff: false,
            layout: crate::layout::Layout::new(crate::layout::DEFAULT_TEMPLATE).expect("the default layout is valid"),
            layout_root: out_dir.clone(),
            out_dir,
            reuse_stale: false,
            allow_partial: false,
            edition: EditionSettings::default(),
            extract: crate::format::ExtractOptions::default(),
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
