//! The tool's own messages, through Fluent, in the user's language.
//!
//! The language comes from `--ui-lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`; each message
//! falls back to en-US on its own when a translation lacks it. The resources are compiled into
//! the binary, so the tool speaks the same wherever it is run from. Bidi isolation marks are
//! off: they are for rich text, and in a terminal they show up as stray characters.

use crate::error::Error;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The interface languages. en-US is the reference: every message exists there.
pub const UI_LANGUAGES: &[&str] = &["en-US", "ar", "hi", "zh-Hans"];

// `UI_RESOURCES`: every `locales/<locale>/*.ftl`, embedded by build.rs.
include!(concat!(env!("OUT_DIR"), "/ui_resources.rs"));

/// A message argument.
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as i64)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Num(n as i64)
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Self {
        Arg::Str(p.display().to_string())
    }
}

/// `s` safe to print on a terminal: control characters (escape sequences, carriage returns,
/// C1 controls such as CSI) shown as `\u{1b}`; line breaks and tabs kept. The one function
/// every printed outside text goes through (every message argument does).
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && !matches!(c, '\n' | '\t');
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Formats messages in the chosen language, with en-US behind it.
pub struct Ui {
    /// The chosen language's bundle first, en-US last.
    bundles: Vec<FluentBundle<FluentResource>>,
    tag: String,
}

impl Ui {
    /// The interface for `requested` (from `--ui-lang`), else the environment's locale.
    pub fn new(requested: Option<&str>) -> Ui {
        let from_env = || {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|v| std::env::var(v).ok())
                .find(|v| !v.is_empty())
        };
        let wanted = requested.map(str::to_string).or_else(from_env).unwrap_or_default();
        let chosen = negotiate(&wanted);
        let mut tags = vec![chosen];
        if chosen != "en-US" {
            tags.push("en-US");
        }
        let bundles = tags
            .into_iter()
            .map(|tag| {
                let sources = UI_RESOURCES.iter().filter(|(t, _, _)| *t == tag).map(|(_, _, s)| *s);
                bundle(tag, sources)
            })
            .collect();
        Ui {
            bundles,
            tag: chosen.to_string(),
        }
    }

    /// The language the interface speaks.
    pub fn language(&self) -> &str {
        &self.tag
    }

    /// The message `id` with `args`; the id itself if no bundle has it (a test keeps that from
    /// happening).
    pub fn msg(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                // Arguments carry outside text (file contents, paths, engine answers): no
                // control character of theirs reaches the terminal as is.
                Arg::Str(s) => fluent_args.set(*name, FluentValue::from(printable(s).into_owned())),
                Arg::Num(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
            }
        }
        id.to_string()
    }

    /// The message `id` if the interface language itself has it (no en-US fallback): for
    /// texts whose English original lives elsewhere, such as the command-line help.
    pub fn own_msg(&self, id: &str) -> Option<String> {
        if self.tag == "en-US" {
            return None;
        }
        let bundle = self.bundles.first()?;
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, None, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// An error in the user's language.
    pub fn error(&self, error: &Error) -> String {
        let args: Vec<(&str, Arg)> = error
            .message_args()
            .into_iter()
            .map(|(k, v)| (k, Arg::Str(v)))
            .collect();
        let args: Vec<(&str, Arg)> = args
            .into_iter()
            .map(|(k, v)| match (k, error) {
                ("reason", Error::Read { source, .. } | Error::Write { source, .. }) => {
                    (k, Arg::Str(self.io_reason(source)))
                }
                _ => (k, v),
            })
            .collect();
        let mut text = self.msg(error.message_id(), &args);
        if text == error.message_id() {
            text = error.to_string();
        }
        if let Error::Locale(crate::lang::LocaleError::Unknown(tag) | crate::lang::LocaleError::Malformed(tag)) = error
            && let Some(suggestion) = crate::lang::suggest(tag)
        {
            text.push_str(&self.msg("error-locale-suggest", &[("tag", suggestion.into())]));
        }
        text
    }

    /// An operating-system error in the user's language, by its kind (the system's own text,
    /// in the system's language, only for kinds without a message).
    pub fn io_reason(&self, error: &std::io::Error) -> String {
        use std::io::ErrorKind as K;
        let id = match error.kind() {
            K::NotFound => "io-not-found",
            K::PermissionDenied => "io-permission-denied",
            K::AlreadyExists => "io-already-exists",
            K::StorageFull => "io-storage-full",
            K::ReadOnlyFilesystem => "io-read-only",
            K::IsADirectory => "io-is-a-directory",
            K::NotADirectory => "io-not-a-directory",
            K::DirectoryNotEmpty => "io-directory-not-empty",
            K::InvalidData => "io-invalid-data",
            K::UnexpectedEof => "io-unexpected-eof",
            K::TimedOut => "io-timed-out",
            K::ConnectionRefused => "io-connection-refused",
            K::Interrupted => "io-interrupted",
            K::OutOfMemory => "io-out-of-memory",
            K::FileTooLarge => "io-file-too-large",
            K::ResourceBusy => "io-busy",
            K::InvalidFilename => "io-invalid-filename",
            _ => return error.to_string(),
        };
        self.msg(id, &[])
    }
}

/// The best interface language for a POSIX or BCP 47 locale string (`ar_EG.UTF-8`, `zh-CN`).
fn negotiate(wanted: &str) -> &'static str {
    let cleaned = wanted.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let Ok(id) = cleaned.parse::<LanguageIdentifier>() else {
        return "en-US";
    };
    UI_LANGUAGES
        .iter()
        .copied()
        .find(|tag| tag.split('-').next() == Some(id.language.as_str()))
        .unwrap_or("en-US")
}

fn bundle<'a>(tag: &str, sources: impl Iterator<Item = &'a str>) -> FluentBundle<FluentResource> {
    let langid: LanguageIdentifier = tag.parse().expect("UI language tags are valid");
    let mut bundle = FluentBundle::new(vec![langid]);
    bundle.set_use_isolating(false);
    for source in sources {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(r) => r,
            // A broken translation must not break the tool: keep what parsed (l10n check reports it).
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_from_files_are_escaped_before_the_terminal() {
        // #10: an escape sequence in a TMX or XLIFF segment is shown, not obeyed.
        assert_eq!(
            printable("a\u{1b}[31mred\r\u{9b}2J\u{7}"),
            "a\\u{1b}[31mred\\u{d}\\u{9b}2J\\u{7}"
        );
        assert_eq!(printable("नमस्ते\tمرحبا\n中文"), "नमस्ते\tمرحبا\n中文");
        let ui = Ui::new(Some("en-US"));
        let shown = ui.msg("memory-lookup-none", &[("locale", "x\u{1b}]0;pwned\u{7}".into())]);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{7}'), "{shown:?}");
    }

    #[test]
    fn negotiates_posix_locales() {
        assert_eq!(negotiate("ar_EG.UTF-8"), "ar");
        assert_eq!(negotiate("zh_CN.UTF-8"), "zh-Hans");
        assert_eq!(negotiate("hi_IN"), "hi");
        assert_eq!(negotiate("C"), "en-US");
        assert_eq!(negotiate("fr_FR.UTF-8"), "en-US");
    }

    #[test]
    fn plurals_and_fallback() {
        let ui = Ui::new(Some("en-US"));
        let one = ui.msg("memory-imported", &[("path", "a.tmx".into()), ("count", 1usize.into())]);
        assert_eq!(one, "a.tmx: one translation imported");
        let many = ui.msg("memory-imported", &[("path", "a.tmx".into()), ("count", 3usize.into())]);
        assert_eq!(many, "a.tmx: 3 translations imported");
    }

    #[test]
    fn operating_system_errors_in_the_users_language() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(Ui::new(Some("ar")).io_reason(&full), "القرص ممتلئ");
        assert_eq!(Ui::new(Some("en-US")).io_reason(&full), "the disk is full");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(Ui::new(Some("zh-Hans")).io_reason(&denied), "权限不足");
        // A kind without a message keeps the system's own text.
        let other = std::io::Error::other("strange");
        assert_eq!(Ui::new(Some("hi")).io_reason(&other), "strange");
    }

    /// Every message id the code uses exists in en-US (the ids are string literals in the
    /// sources, so the test reads them from there).
    #[test]
    fn every_used_message_id_exists_in_en_us() {
        let ui = Ui::new(Some("en-US"));
        let en: String = UI_RESOURCES
            .iter()
            .filter(|(t, _, _)| *t == "en-US")
            .map(|(_, _, s)| *s)
            .collect::<Vec<_>>()
            .join("\n");
        let mut checked = 0;
        for file in source_files(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, _) in text.match_indices('"') {
                let Some(rest) = text.get(i + 1..) else { continue };
                let Some((candidate, _)) = rest.split_once('"') else {
                    continue;
                };
                let prefixes = [
                    "error-",
                    "translate-",
                    "memory-",
                    "check-",
                    "glossary-",
                    "init-",
                    "status-",
                    "report-",
                    "xliff-",
                    "edition-",
                    "html-",
                ];
                let looks_like_id = prefixes.iter().any(|p| candidate.starts_with(p))
                    && candidate
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !candidate.ends_with('-');
                if looks_like_id {
                    checked += 1;
                    assert!(
                        en.lines().any(|l| l.starts_with(&format!("{candidate} ="))),
                        "{} uses message id {candidate}, which locales/en-US/ lacks",
                        file.display()
                    );
                }
            }
        }
        assert!(checked > 20, "only {checked} ids found: the scan is broken");
        assert_ne!(ui.msg("check-clean", &[]), "check-clean");
    }

    fn source_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                out.extend(source_files(&path));
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
        out
    }
}
