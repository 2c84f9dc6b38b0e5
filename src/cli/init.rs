//! `l10n init`: a new project — `l10n.toml`, `glossary/`, `cache/` and a `.gitignore` entry
//! for the memory. Asks for the source, targets and backend on a terminal when they are not
//! given as flags; never overwrites an existing project file.

use crate::lang::{self, Locale};
use crate::ui::Ui;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Source language
    #[arg(long, value_name = "TAG")]
    pub from: Option<String>,
    /// Target languages, comma-separated
    #[arg(long, short = 't', value_name = "TAGS")]
    pub to: Option<String>,
    /// Backend
    #[arg(long, short = 'b', value_name = "NAME")]
    pub backend: Option<String>,
    /// Do not ask: take the defaults for what is not given (en → ar,hi,zh with pseudo)
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// The project folder
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

/// The engines a project can name, with where each key comes from: the same list as
/// `translate --help`, which a test holds to the engines' own settings.
const ENGINES_COMMENT: &str = "\
# backend: the translation engine `l10n translate` uses (default: pseudo).
#   pseudo          offline pseudo-localization: shows the layout, NOT a translation
#   memory          only what the translation memory already has
#   human           the memory, then XLIFF files for translators (l10n import brings them back)
#   deepl           DeepL; key from the environment variable DEEPL_AUTH_KEY
#   google          Google Cloud Translation; key from GOOGLE_API_KEY
#   azure           Azure AI Translator; key from AZURE_TRANSLATOR_KEY
#   libretranslate  LibreTranslate; key from LIBRETRANSLATE_API_KEY (optional on your own server)
#   openai          an OpenAI-compatible chat API; key from OPENAI_API_KEY (optional for Ollama)
# Keys are never written here. Settings per engine go in [backends.NAME] (url, model, …).
";

/// The project file `init` writes, every choice explained in a comment.
fn project_file(source: &str, targets: &str, backend: &str, glossaries: &[String]) -> String {
    let listed: Vec<String> = glossaries.iter().map(|g| format!("\"{g}\"")).collect();
    format!(
        "# l10n project file: see `l10n --help` and the README.\n\nsource = \"{source}\"\ntargets = [{targets}]\n\n{ENGINES_COMMENT}backend = \"{backend}\"\nout = \"out\"\n# documents = [\"article.md\"]   # what a bare `l10n translate` covers\n\n# Term bases (TBX, CSV, TSV) are used only when listed here: a file put in glossary/ must be\n# added to this list (`l10n init` lists those already there).\nglossary = [{}]\n\n[memory]\npath = \"cache/l10n.sqlite\"\n",
        listed.join(", ")
    )
}

/// The term bases already in `dir` (relative to the project), sorted.
fn term_bases(dir: &std::path::Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| {
            let lower = name.to_ascii_lowercase();
            [".tbx", ".csv", ".tsv"].iter().any(|ext| lower.ends_with(ext))
        })
        .map(|name| format!("glossary/{name}"))
        .collect();
    out.sort();
    out
}

pub fn run(args: Args, ui: &Ui, quiet: bool) -> anyhow::Result<u8> {
    let config_path = args.dir.join(crate::config::FILE_NAME);
    if config_path.exists() {
        anyhow::bail!("{}", ui.msg("init-exists", &[("path", config_path.as_path().into())]));
    }
    let interactive = !args.yes && std::io::stdin().is_terminal();
    let ask = |id: &str, default: &str| -> anyhow::Result<String> {
        if !interactive {
            return Ok(default.to_string());
        }
        eprint!("{} [{default}]: ", ui.msg(id, &[]));
        std::io::stderr().flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let answer = line.trim();
        Ok(if answer.is_empty() {
            default.to_string()
        } else {
            answer.to_string()
        })
    };
    let source = match args.from {
        Some(s) => s,
        None => ask("init-ask-source", "en")?,
    };
    let targets = match args.to {
        Some(t) => t,
        None => ask("init-ask-targets", "ar,hi,zh")?,
    };
    let backend = match args.backend {
        Some(b) => b,
        None => ask("init-ask-backend", "pseudo")?,
    };
    let source = Locale::parse(&source)?;
    let targets = lang::parse_list(&targets)?;
    crate::backend::Backend::from_name(&backend, &toml::Table::new())?;
    let quoted: Vec<String> = targets.iter().map(|t| format!("\"{}\"", t.tag())).collect();
    let glossaries = term_bases(&args.dir.join("glossary"));
    let config = project_file(source.tag(), &quoted.join(", "), &backend, &glossaries);
    std::fs::create_dir_all(args.dir.join("glossary"))?;
    std::fs::create_dir_all(args.dir.join("cache"))?;
    crate::render::write_atomic(&config_path, config.as_bytes())?;
    let gitignore = args.dir.join(".gitignore");
    let existing = std::fs::read_to_string(&gitignore).unwrap_or_default();
    if !existing.lines().any(|l| l.trim() == "cache/*.sqlite*") {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str("# the translation memory (l10n)\ncache/*.sqlite*\nout/\n");
        crate::render::write_atomic(&gitignore, text.as_bytes())?;
    }
    if !quiet {
        eprintln!("{}", ui.msg("init-done", &[("path", config_path.as_path().into())]));
    }
    Ok(0)
}
