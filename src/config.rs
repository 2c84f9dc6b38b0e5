//! The project file `l10n.toml`: source and target languages, backend and its settings,
//! memory, seeds to import, output folder, segmentation rules.
//!
//! Found next to the first input file or in one of its parent folders (then in the current
//! folder), so `l10n translate examples/rare-earths/article.txt` uses the example's project
//! file. Relative paths in it are relative to the file. Unknown keys are errors with their
//! line and column: a typo must not silently fall back to a default.

#![deny(clippy::string_slice)]

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "l10n.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Source language tag (default `en`).
    pub source: Option<String>,
    /// Target language tags.
    #[serde(default)]
    pub targets: Vec<String>,
    /// Backend name (default `pseudo`).
    pub backend: Option<String>,
    /// Output folder (default `out`).
    pub out: Option<PathBuf>,
    /// The documents `l10n translate` and `l10n check` cover when no file is named.
    #[serde(default)]
    pub documents: Vec<PathBuf>,
    /// Term bases (TBX, CSV, TSV) to enforce.
    #[serde(default)]
    pub glossary: Vec<PathBuf>,
    #[serde(default)]
    pub memory: MemoryConfig,
    /// Settings per backend: `[backends.pseudo] delay_ms = 200`.
    #[serde(default)]
    pub backends: BTreeMap<String, toml::Table>,
    /// Extra never-break abbreviations per source language: `[segmentation.en] abbreviations = ["Gov."]`.
    #[serde(default)]
    pub segmentation: BTreeMap<String, SegmentationConfig>,
    /// Fluent resource folders that a bare `l10n check` covers.
    #[serde(default)]
    pub check: CheckConfig,
    /// How editions look: site name, digits, quotes, Chinese–Latin spacing, date.
    #[serde(default)]
    pub edition: EditionConfig,
    // helper markdown: site layout and Markdown extraction (see the block at the end).
    /// Where editions go and which files of a folder are documents.
    #[serde(default)]
    pub layout: LayoutConfig,
    /// What is translated in Markdown pages.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// The folder the file was found in; relative paths resolve against it.
    #[serde(skip)]
    pub root: PathBuf,
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryConfig {
    /// The SQLite file (default `cache/l10n.sqlite`).
    pub path: Option<PathBuf>,
    /// A PostgreSQL memory shared by a team (`postgres://user@host:port/db`); takes precedence
    /// over `path`. A password written here is refused: it comes from the environment.
    pub url: Option<String>,
    /// The environment variable holding the PostgreSQL password (default: `PGPASSWORD`).
    pub password_env: Option<String>,
    /// TMX files imported into the memory before a run (once per content).
    #[serde(default)]
    pub import: Vec<PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentationConfig {
    /// Abbreviations after which a sentence never ends (the `[title]` class: `Dist.`).
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Abbreviations that lead into a number or a lowercase word (`Fig.`), as `[number]`.
    #[serde(default)]
    pub number: Vec<String>,
    /// Abbreviations that end a sentence only before a typical opener (`Mt.`), as `[proper]`.
    #[serde(default)]
    pub proper: Vec<String>,
    /// Abbreviations that end a sentence before any capitalised word (`Hldgs.`), as `[ends]`.
    #[serde(default)]
    pub ends: Vec<String>,
    /// Regular expressions a sentence break may never fall inside: `["Gov\\. [A-Z]"]`.
    #[serde(default)]
    pub no_break: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    #[serde(default)]
    pub locales: Vec<PathBuf>,
    pub reference: Option<String>,
    /// The state every segment's translation must reach (`needs-review`, `translated` — the
    /// default —, `reviewed`, `final`); below it is an error.
    pub require: Option<String>,
}

/// `[edition]`: what editions show around and inside the translated text.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionConfig {
    /// Replaces the `[YourSiteName]` placeholder in every edition, and names the site on pages.
    pub site_name: Option<String>,
    /// Arabic digits: `latin` (default) or `arabic`.
    #[serde(default)]
    pub digits: crate::render::typography::Digits,
    /// Arabic quotation marks: `guillemets` (default, «») or `english` (“”).
    #[serde(default)]
    pub quotes: crate::render::typography::ArabicQuotes,
    /// Spaces between Chinese and Latin letters or digits: `keep` (default), `space`, `none`.
    #[serde(default)]
    pub zh_latin_spacing: crate::render::typography::ZhLatinSpacing,
    /// The date line of HTML pages, `YYYY-MM-DD` (default: today).
    pub date: Option<String>,
}

impl Config {
    /// Loads `explicit`, or finds `l10n.toml` from `start` upwards, or in the current folder;
    /// no file at all gives the defaults.
    pub fn discover(explicit: Option<&Path>, start: Option<&Path>) -> Result<Config> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        let mut candidates = Vec::new();
        if let Some(start) = start {
            // Walk up the path as given (relative paths stay relative, for readable messages),
            // then on from the absolute folder.
            let mut dir = if start.is_dir() { Some(start) } else { start.parent() };
            while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                candidates.push(d.join(FILE_NAME));
                dir = d.parent();
            }
            if let Ok(abs) = std::path::absolute(start) {
                let mut dir = abs.parent();
                while let Some(d) = dir {
                    candidates.push(d.join(FILE_NAME));
                    dir = d.parent();
                }
            }
        }
        candidates.push(PathBuf::from(FILE_NAME));
        match candidates.into_iter().find(|c| c.is_file()) {
            Some(path) => Config::load(&path),
            // No project file: paths stay relative to the current folder, as typed.
            None => Ok(Config::default()),
        }
    }

    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_col(&text, s.start)).unwrap_or((1, 1));
            Error::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        if let Some(url) = &config.memory.url
            && crate::memory::postgres::has_password(url)
        {
            let line = text.find(url.as_str()).map_or(1, |at| line_col(&text, at).0);
            return Err(Error::PasswordInConfig {
                path: path.to_path_buf(),
                line,
            });
        }
        if let Some(var) = &config.memory.password_env {
            let setting = format!("{}: [memory] password_env", path.display());
            crate::backend::http::check_secret_variable(&setting, var, "PGPASSWORD")?;
        }
        config.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// A path from the file, resolved against the file's folder.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }

    pub fn memory_path(&self) -> PathBuf {
        if let Some(url) = &self.memory.url {
            return PathBuf::from(url);
        }
        self.resolve(self.memory.path.as_deref().unwrap_or(Path::new("cache/l10n.sqlite")))
    }

    pub fn out_dir(&self) -> PathBuf {
        self.resolve(self.out.as_deref().unwrap_or(Path::new("out")))
    }

    pub fn backend_settings(&self, name: &str) -> toml::Table {
        self.backends.get(name).cloned().unwrap_or_default()
    }

    /// The project's abbreviations for a source language, as lines of a rules list
    /// (`segment::rules`): never-break ones first, then each other class under its header.
    pub fn abbreviations(&self, language: &str) -> Vec<String> {
        let Some(s) = self.segmentation.get(language) else {
            return Vec::new();
        };
        let mut lines = s.abbreviations.clone();
        for (header, entries) in [("[number]", &s.number), ("[proper]", &s.proper), ("[ends]", &s.ends)] {
            if !entries.is_empty() {
                lines.push(header.to_string());
                lines.extend(entries.iter().cloned());
            }
        }
        lines
    }
}

impl Config {
    /// The segmenter of a source language with the project's rules (abbreviations by class,
    /// no-break patterns): the one place it is built, for every command.
    pub fn segmenter(&self, source: &crate::lang::Locale) -> Result<crate::segment::Segmenter> {
        let language = source.language();
        Ok(crate::segment::Segmenter::new(source, &self.abbreviations(&language))
            .with_no_break(self.no_break(&language)?))
    }

    /// The no-break patterns of a source language, compiled; a bad pattern is an error
    /// naming the file and the pattern.
    pub fn no_break(&self, language: &str) -> Result<Vec<regex::Regex>> {
        let Some(rules) = self.segmentation.get(language) else {
            return Ok(Vec::new());
        };
        rules
            .no_break
            .iter()
            .map(|pattern| {
                regex::Regex::new(pattern).map_err(|e| Error::Config {
                    path: self.path.clone().unwrap_or_else(|| PathBuf::from(FILE_NAME)),
                    message: format!("segmentation.{language}.no_break: {e}"),
                })
            })
            .collect()
    }
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    // The offset comes from the TOML parser's spans: count chars rather than slice at it.
    let (mut line, mut column) = (1, 1);
    for (_, c) in text.char_indices().take_while(|&(i, _)| i < offset) {
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_errors_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "source = \"en\"\ntargest = [\"ar\"]\n").unwrap();
        let err = Config::load(&path).unwrap_err().to_string();
        assert!(err.contains(":2:1:"), "{err}");
        assert!(err.contains("targest"), "{err}");
    }

    #[test]
    fn relative_paths_resolve_against_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(
            dir.path().join(FILE_NAME),
            "out = \"editions\"\n[memory]\npath = \"m.sqlite\"\n",
        )
        .unwrap();
        let c = Config::discover(None, Some(&dir.path().join("sub/article.txt"))).unwrap();
        assert_eq!(c.out_dir(), dir.path().join("editions"));
        assert_eq!(c.memory_path(), dir.path().join("m.sqlite"));
    }
}

// ---- helper markdown: `[layout]` and `[markdown]` ----

/// `[layout]`: where editions go (`out = "content/{locale}/{path}"`) and which files of a
/// folder given to `translate` are documents.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutConfig {
    /// Output path template, relative to the project folder: `{locale}`, `{path}`, `{dir}`,
    /// `{name}`, `{stem}`, `{ext}` (see `layout`). Default: `<out>/{locale}/{path}`.
    pub out: Option<String>,
    /// Globs of the documents to take from a folder (default: every file of a known format).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files and folders to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl LayoutConfig {
    /// The output layout, checked.
    pub fn layout(&self) -> Result<crate::layout::Layout> {
        let template = self.out.as_deref().unwrap_or(crate::layout::DEFAULT_TEMPLATE);
        crate::layout::Layout::new(template).map_err(|e| Error::Config {
            path: PathBuf::from(FILE_NAME),
            message: e.to_string(),
        })
    }
}

/// `[markdown]`: `front_matter_keys = ["title", "description"]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Top-level front-matter keys whose values are translated (default: title, description,
    /// summary, subtitle, linkTitle, excerpt).
    pub front_matter_keys: Option<Vec<String>>,
}

impl MarkdownConfig {
    /// The extraction options these settings give.
    pub fn extract_options(&self) -> crate::format::ExtractOptions {
        let mut options = crate::format::ExtractOptions::default();
        if let Some(keys) = &self.front_matter_keys {
            options.front_matter_keys = keys.clone();
        }
        options
    }
}
