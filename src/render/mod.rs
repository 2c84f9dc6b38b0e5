//! Rendering editions: locale typography on translated text ([`typography`]), bidi isolation
//! of Latin runs in right-to-left text ([`bidi`]), the edition chrome from Fluent
//! ([`chrome`]), the standalone HTML page ([`page`]), and writing each edition to disk so that a
//! reader never sees a half-written one: the content goes to a temporary file beside the
//! target, is flushed, and then renamed over it in one step.

pub mod article;
pub mod bidi;
pub mod chrome;
pub mod edition;
pub mod page;
pub mod typography;

use crate::error::{Error, Result};
use crate::lang::Locale;
use crate::model::{Part, Placeholder, PlaceholderKind, Text};
use chrome::Day;
use page::SITE_NAME_PLACEHOLDER;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use typography::Typography;

/// How editions are finished: from `[edition]` in l10n.toml and `translate --page`.
#[derive(Debug, Clone, Default)]
pub struct EditionSettings {
    pub typography: Typography,
    /// Replaces `[YourSiteName]` in every edition.
    pub site_name: Option<String>,
    /// Also write a standalone HTML page beside each edition.
    pub page: bool,
    /// The date line of pages whose document has no date of its own (`[edition] date`).
    pub date: Option<Day>,
}

impl EditionSettings {
    /// The `[edition]` table of a project file; a malformed date is an error naming the file.
    pub fn from_config(config: &crate::config::Config, page: bool) -> Result<EditionSettings> {
        let e = &config.edition;
        let date = match &e.date {
            Some(d) => Some(Day::parse(d).ok_or_else(|| {
                Error::Config {
                    path: config
                        .path
                        .clone()
                        .unwrap_or_else(|| std::path::PathBuf::from(crate::config::FILE_NAME)),
                    message: format!("[edition] date = \"{d}\" is not a date of the form YYYY-MM-DD"),
                }
            })?),
            // Never the clock: a page shows the date its document gives, or none.
            None => None,
        };
        Ok(EditionSettings {
            typography: Typography {
                digits: e.digits,
                quotes: e.quotes,
                zh_latin_spacing: e.zh_latin_spacing,
            },
            site_name: e.site_name.clone(),
            page,
            date,
        })
    }
}

/// How Latin runs in right-to-left text are kept from reordering the sentence around them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Isolation {
    None,
    /// FSI…PDI, for text formats.
    Controls,
    /// `<bdi>…</bdi>`, for HTML.
    Elements,
}

impl EditionSettings {
    /// A translation as the edition shows it: the locale's typography on its text, the site
    /// name in place of `[YourSiteName]`, and — in right-to-left text editions
    /// (`isolate_runs`) — FSI/PDI around the Latin runs that would otherwise flip.
    /// `paragraph_start`: the segment opens its paragraph.
    pub fn finish(&self, locale: &Locale, text: &Text, isolate_runs: Isolation, paragraph_start: bool) -> Text {
        let styled = self.typography.apply(locale, text);
        let mut out = Text::default();
        for part in styled.0 {
            match part {
                Part::Placeholder(p)
                    if p.kind == PlaceholderKind::Standalone && p.original == SITE_NAME_PLACEHOLDER =>
                {
                    match &self.site_name {
                        Some(name) => out.push_str(name),
                        None => out.push_placeholder(p),
                    }
                }
                Part::Placeholder(p) => out.push_placeholder(p),
                Part::Str(s) => out.push_str(&s),
            }
        }
        if isolate_runs == Isolation::None || !locale.is_rtl() {
            return out;
        }
        let mut first = paragraph_start;
        let mut next_id = out.placeholders().map(|p| p.id).max().unwrap_or(0) + 1;
        let mut isolated = Text::default();
        for part in out.0 {
            match part {
                Part::Str(s) => {
                    let controls = bidi::isolate_text(&s, first);
                    first = first && !s.chars().any(typography::is_arabic_letter);
                    match isolate_runs {
                        Isolation::Controls => isolated.push_str(&controls),
                        // The same runs, isolated with <bdi> elements: markup of our own, as
                        // placeholders, so the text around them is still escaped.
                        _ => {
                            for (k, piece) in controls.split([bidi::FSI, bidi::PDI]).enumerate() {
                                if k % 2 == 1 {
                                    let bdi = |kind, original: &str| Placeholder {
                                        id: next_id,
                                        kind,
                                        label: "bdi".into(),
                                        original: original.into(),
                                    };
                                    isolated.push_placeholder(bdi(PlaceholderKind::Open, "<bdi>"));
                                    isolated.push_str(piece);
                                    isolated.push_placeholder(bdi(PlaceholderKind::Close, "</bdi>"));
                                    next_id += 1;
                                } else {
                                    isolated.push_str(piece);
                                }
                            }
                        }
                    }
                }
                p => isolated.0.push(p),
            }
        }
        isolated
    }
}

/// The address of `to` relative to the folder `from_dir`, with `/` separators, for links
/// between editions.
pub fn relative_href(from_dir: &Path, to: &Path) -> String {
    let from = std::path::absolute(from_dir).unwrap_or_else(|_| from_dir.to_path_buf());
    let to = std::path::absolute(to).unwrap_or_else(|_| to.to_path_buf());
    let normal = |p: &Path| -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        for c in p.components() {
            match c {
                Component::ParentDir => {
                    parts.pop();
                }
                Component::Normal(x) => parts.push(x.to_string_lossy().into_owned()),
                _ => {}
            }
        }
        parts
    };
    let (a, b) = (normal(&from), normal(&to));
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut rel: Vec<String> = vec!["..".to_string(); a.len() - common];
    rel.extend(b[common..].iter().cloned());
    let joined = rel.join("/");
    // Characters with a meaning in a URL are percent-encoded.
    joined
        .chars()
        .map(|c| match c {
            ' ' => "%20".to_string(),
            '#' => "%23".to_string(),
            '?' => "%3F".to_string(),
            '%' => "%25".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Where the standalone page of an edition goes: `<stem>.html` beside it (`<stem>.page.html`
/// when the edition is HTML itself).
pub fn page_path(edition: &Path) -> PathBuf {
    let stem = edition
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let is_html = edition
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let name = if is_html {
        format!("{stem}.page.html")
    } else {
        format!("{stem}.html")
    };
    edition.with_file_name(name)
}

/// Writes `content` to `path` atomically, creating the parent folders.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<()> {
    let write_err = |p: &Path| {
        let p = p.to_path_buf();
        move |source| Error::Write { path: p, source }
    };
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(write_err(parent))?;
    // A device or a pipe (`-o /dev/stdout`, a FIFO) is written to, never renamed over: a rename
    // would replace `/dev/full` with a file and report success.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let result = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(content).and_then(|()| f.flush()));
        return result.map_err(write_err(path));
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("edition");
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(content)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(source) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Write {
            path: path.to_path_buf(),
            source,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn a_device_is_written_to_not_renamed_over() {
        // /dev/full refuses every write: the error comes back, and the device stays a device.
        let err = write_atomic(Path::new("/dev/full"), b"x").unwrap_err();
        assert!(matches!(err, Error::Write { .. }), "{err}");
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/full").unwrap().file_type().is_char_device());
        write_atomic(Path::new("/dev/null"), b"x").unwrap();
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }

    #[test]
    fn hrefs_between_editions_and_the_original() {
        assert_eq!(
            relative_href(Path::new("/p/out/ar"), Path::new("/p/out/hi/a.html")),
            "../hi/a.html"
        );
        assert_eq!(
            relative_href(Path::new("/p/out/ar"), Path::new("/p/my article.md")),
            "../../my%20article.md"
        );
        assert_eq!(page_path(Path::new("out/ar/a.md")), Path::new("out/ar/a.html"));
        assert_eq!(page_path(Path::new("out/ar/a.html")), Path::new("out/ar/a.page.html"));
    }

    #[test]
    fn finish_replaces_the_site_name_and_isolates_leading_latin_in_text() {
        use crate::model::Placeholder;
        let settings = EditionSettings {
            site_name: Some("The Ledger".into()),
            ..EditionSettings::default()
        };
        let mut t = Text::default();
        t.push_placeholder(Placeholder {
            id: 1,
            kind: PlaceholderKind::Standalone,
            label: "var".into(),
            original: SITE_NAME_PLACEHOLDER.into(),
        });
        t.push_str(" تقدم لكم هذا, اليوم.");
        let ar = Locale::parse("ar").unwrap();
        let out = settings.finish(&ar, &t, Isolation::Controls, true);
        assert_eq!(out.plain_text(), "\u{2068}The Ledger\u{2069} تقدم لكم هذا، اليوم.");
        // Pages isolate with <bdi>, so the text for them carries no FSI/PDI.
        assert_eq!(
            settings.finish(&ar, &t, Isolation::None, true).plain_text(),
            "The Ledger تقدم لكم هذا، اليوم."
        );
        let again = settings.finish(&ar, &out, Isolation::Controls, true);
        assert_eq!(again, out, "idempotent");
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ar").join("a.txt");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }
}
