//! Where editions go: the site layout.
//!
//! Site generators expect translations in a fixed place: Hugo under `content/{locale}/…` or
//! beside the source as `page.{locale}.md`, Docusaurus under
//! `i18n/{locale}/docusaurus-plugin-content-docs/current/…`. A [`Layout`] is an output path
//! template with the variables `{locale}`, `{path}` (the input's path relative to the folder
//! given), `{dir}` (the input's own folder, relative to the output root: beside the source),
//! `{name}`, `{stem}` and `{ext}` (with its dot). [`walk`] lists a folder's
//! documents recursively with include/exclude globs, and [`Layout::plan`] maps every input to
//! its edition for every locale, refusing two inputs that would write the same file, an
//! edition that would overwrite an input, and a path that leaves the output root.
//!
//! It never writes anything: the pipeline writes what the plan says.

#![deny(clippy::string_slice)]

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// Why a layout or a plan is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LayoutError {
    #[error("output template {template:?}: unknown variable {{{name}}} (known: locale, path, dir, name, stem, ext)")]
    UnknownVariable { template: String, name: String },
    #[error("output template {template:?}: it must contain {{locale}}, or every language writes the same file")]
    NoLocale { template: String },
    #[error(
        "output template {template:?}: it must contain {{path}}, {{name}} or {{stem}}, or every document writes the same file"
    )]
    NoDocument { template: String },
    #[error("glob {glob:?}: {reason}")]
    Glob { glob: String, reason: String },
    #[error("{}: the edition path {} leaves the output folder", input.display(), output.display())]
    Escapes { input: PathBuf, output: PathBuf },
    #[error("{} and {} would both be written to {}", first.display(), second.display(), output.display())]
    Collision {
        first: PathBuf,
        second: PathBuf,
        output: PathBuf,
    },
    #[error("{}: its {locale} edition would overwrite the input {}", input.display(), output.display())]
    OverwritesInput {
        input: PathBuf,
        output: PathBuf,
        locale: String,
    },
    #[error("{}: {reason}", path.display())]
    Walk { path: PathBuf, reason: String },
}

/// One part of an output template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Locale,
    Path,
    Dir,
    Name,
    Stem,
    Ext,
}

/// An output path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    template: String,
    parts: Vec<Part>,
}

/// A document found by [`walk`]: where it is, and its path relative to the folder walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub relative: PathBuf,
    /// Its own folder relative to the output root, when it is inside it: `{dir}`, so that
    /// `{dir}/{stem}.{locale}{ext}` is beside the source whatever folder was given. Else
    /// `{dir}` is the folder of `relative`.
    pub dir: Option<PathBuf>,
}

/// One edition to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub input: PathBuf,
    pub locale: String,
    /// Relative to the output root.
    pub output: PathBuf,
}

/// The layout when the project does not give one: `out/<locale>/<path>`.
pub const DEFAULT_TEMPLATE: &str = "{locale}/{path}";
/// Hugo's layout by content folder, Docusaurus' layout, and editions beside their sources.
pub const HUGO_BY_FOLDER: &str = "content/{locale}/{path}";
pub const DOCUSAURUS: &str = "i18n/{locale}/docusaurus-plugin-content-docs/current/{path}";
pub const BESIDE_SOURCE: &str = "{dir}/{stem}.{locale}{ext}";

impl Layout {
    /// Parses an output template; `{{` and `}}` are literal braces.
    pub fn new(template: &str) -> Result<Layout, LayoutError> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut rest = template;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("{{").or_else(|| rest.strip_prefix("}}")) {
                text.push(c);
                rest = after;
                continue;
            }
            if let Some(after) = rest.strip_prefix('{')
                && let Some((name, tail)) = after.split_once('}')
            {
                let part = match name {
                    "locale" => Part::Locale,
                    "path" => Part::Path,
                    "dir" => Part::Dir,
                    "name" => Part::Name,
                    "stem" => Part::Stem,
                    "ext" => Part::Ext,
                    _ => {
                        return Err(LayoutError::UnknownVariable {
                            template: template.into(),
                            name: name.into(),
                        });
                    }
                };
                if !text.is_empty() {
                    parts.push(Part::Text(std::mem::take(&mut text)));
                }
                parts.push(part);
                rest = tail;
                continue;
            }
            text.push(c);
            // boundary: `c` is the first character of `rest`.
            #[allow(clippy::string_slice)]
            let tail = &rest[c.len_utf8()..];
            rest = tail;
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        if !parts.contains(&Part::Locale) {
            return Err(LayoutError::NoLocale {
                template: template.into(),
            });
        }
        if !parts.iter().any(|p| matches!(p, Part::Path | Part::Name | Part::Stem)) {
            return Err(LayoutError::NoDocument {
                template: template.into(),
            });
        }
        Ok(Layout {
            template: template.into(),
            parts,
        })
    }

    pub fn template(&self) -> &str {
        &self.template
    }

    /// The edition path of `relative` (an input's path relative to the folder given) in
    /// `locale`, relative to the output root. Empty components (an input at the top: `{dir}`
    /// is empty) and `.` are dropped; a path that would leave the root is refused.
    pub fn output(&self, input: &Input, locale: &str) -> Result<PathBuf, LayoutError> {
        let rel = &input.relative;
        let slash = |p: &Path| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = rel
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = rel
            .extension()
            .map(|e| format!(".{}", e.to_string_lossy()))
            .unwrap_or_default();
        let mut s = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => s.push_str(t),
                Part::Locale => s.push_str(locale),
                Part::Path => s.push_str(&slash(rel)),
                Part::Dir => s.push_str(&input.dir.as_deref().or(rel.parent()).map(slash).unwrap_or_default()),
                Part::Name => s.push_str(&name),
                Part::Stem => s.push_str(&stem),
                Part::Ext => s.push_str(&ext),
            }
        }
        let mut out = PathBuf::new();
        for component in Path::new(&s).components() {
            match component {
                Component::Normal(c) => out.push(c),
                Component::CurDir | Component::RootDir => {}
                Component::ParentDir | Component::Prefix(_) => {
                    return Err(LayoutError::Escapes {
                        input: input.path.clone(),
                        output: PathBuf::from(s),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Every edition of every input in every locale, relative to `root`. Refuses two inputs
    /// (or locales) writing the same file, and an edition that is one of the inputs; inputs
    /// that are themselves editions of another input under this layout (`page.ar.md` beside
    /// `page.md`, left by an earlier run) are left out instead of being translated again.
    pub fn plan(&self, inputs: &[Input], locales: &[String], root: &Path) -> Result<Vec<Edition>, LayoutError> {
        let mut editions = Vec::new();
        for input in inputs {
            for locale in locales {
                editions.push(Edition {
                    input: input.path.clone(),
                    locale: locale.clone(),
                    output: self.output(input, locale)?,
                });
            }
        }
        let outputs: HashMap<PathBuf, usize> = editions
            .iter()
            .enumerate()
            .map(|(i, e)| (normalize(&root.join(&e.output)), i))
            .collect();
        let earlier: Vec<PathBuf> = inputs
            .iter()
            .map(|i| normalize(&i.path))
            .filter(|p| outputs.contains_key(p))
            .collect();
        editions.retain(|e| !earlier.contains(&normalize(&e.input)));
        check_collisions(
            editions
                .iter()
                .map(|e| (e.input.as_path(), root.join(&e.output), e.locale.as_str())),
        )?;
        Ok(editions)
    }
}

/// `path` without `.` components and with `..` applied where it can be, for comparing paths
/// that do not exist yet.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// Refuses two writes to the same file: `(input, output, locale)` for every file a run would
/// write (editions, pages). Also refuses an output that is one of the inputs.
pub fn check_collisions<'a>(writes: impl IntoIterator<Item = (&'a Path, PathBuf, &'a str)>) -> Result<(), LayoutError> {
    let writes: Vec<_> = writes.into_iter().collect();
    let inputs: Vec<PathBuf> = writes.iter().map(|(i, ..)| normalize(i)).collect();
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for (input, output, locale) in &writes {
        let key = normalize(output);
        if inputs.contains(&key) {
            return Err(LayoutError::OverwritesInput {
                input: input.to_path_buf(),
                output: output.clone(),
                locale: locale.to_string(),
            });
        }
        if let Some(first) = seen.insert(key, input) {
            return Err(LayoutError::Collision {
                first: first.to_path_buf(),
                second: input.to_path_buf(),
                output: output.clone(),
            });
        }
    }
    Ok(())
}

fn glob_set(globs: &[String]) -> Result<GlobSet, LayoutError> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g).map_err(|e| LayoutError::Glob {
            glob: g.clone(),
            reason: e.kind().to_string(),
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|e| LayoutError::Glob {
        glob: globs.join(", "),
        reason: e.to_string(),
    })
}

/// The documents under `folder`, recursively, in path order: files whose relative path
/// (with `/`) matches one of `include` (all files when empty) and none of `exclude`. Hidden
/// files and folders (`.git`) are skipped; symbolic links are not followed.
pub fn walk(folder: &Path, include: &[String], exclude: &[String]) -> Result<Vec<Input>, LayoutError> {
    let include = (!include.is_empty()).then(|| glob_set(include)).transpose()?;
    let exclude = glob_set(exclude)?;
    let mut found = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| LayoutError::Walk {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        for entry in entries {
            let entry = entry.map_err(|e| LayoutError::Walk {
                path: dir.clone(),
                reason: e.to_string(),
            })?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(|e| LayoutError::Walk {
                path: path.clone(),
                reason: e.to_string(),
            })?;
            let relative = path.strip_prefix(folder).unwrap_or(&path).to_path_buf();
            if kind.is_dir() {
                if !exclude.is_match(&relative) {
                    stack.push(path);
                }
            } else if kind.is_file()
                && include.as_ref().is_none_or(|set| set.is_match(&relative))
                && !exclude.is_match(&relative)
            {
                found.push(Input {
                    path,
                    relative,
                    dir: None,
                });
            }
        }
    }
    found.sort_by(|a, b| a.relative.cmp(&b.relative));
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(rel: &str) -> Input {
        Input {
            path: Path::new("content/en").join(rel),
            relative: PathBuf::from(rel),
            dir: None,
        }
    }

    fn out(template: &str, rel: &str, locale: &str) -> String {
        let path = Layout::new(template).unwrap().output(&input(rel), locale).unwrap();
        path.to_string_lossy().replace('\\', "/")
    }

    #[test]
    fn templates_of_the_site_generators() {
        assert_eq!(out(HUGO_BY_FOLDER, "blog/post.md", "ar"), "content/ar/blog/post.md");
        assert_eq!(out(BESIDE_SOURCE, "blog/post.md", "zh-Hans"), "blog/post.zh-Hans.md");
        assert_eq!(out(BESIDE_SOURCE, "post.md", "hi"), "post.hi.md");
        assert_eq!(
            out(DOCUSAURUS, "guides/intro.md", "ar"),
            "i18n/ar/docusaurus-plugin-content-docs/current/guides/intro.md"
        );
        assert_eq!(out(DEFAULT_TEMPLATE, "a/b/c.html", "hi"), "hi/a/b/c.html");
        assert_eq!(out("{locale}/{dir}/{name}", "x/README", "ar"), "ar/x/README");
        assert_eq!(out("{{{locale}}}/{stem}{ext}", "p.md", "ar"), "{ar}/p.md");
    }

    #[test]
    fn bad_templates_are_refused_with_the_reason() {
        assert_eq!(
            Layout::new("out/{lang}/{path}"),
            Err(LayoutError::UnknownVariable {
                template: "out/{lang}/{path}".into(),
                name: "lang".into()
            })
        );
        assert!(matches!(Layout::new("out/{path}"), Err(LayoutError::NoLocale { .. })));
        assert!(matches!(
            Layout::new("out/{locale}/index.md"),
            Err(LayoutError::NoDocument { .. })
        ));
        let up = Layout::new("../{locale}/{path}").unwrap();
        assert!(matches!(
            up.output(&input("a.md"), "ar"),
            Err(LayoutError::Escapes { .. })
        ));
    }

    #[test]
    fn two_inputs_writing_one_file_are_refused_naming_both() {
        let layout = Layout::new("{locale}/{name}").unwrap();
        let inputs = [input("a/index.md"), input("b/index.md")];
        let err = layout.plan(&inputs, &["ar".into()], Path::new("out")).unwrap_err();
        assert_eq!(
            err,
            LayoutError::Collision {
                first: PathBuf::from("content/en/a/index.md"),
                second: PathBuf::from("content/en/b/index.md"),
                output: PathBuf::from("out/ar/index.md"),
            }
        );
        assert!(
            err.to_string()
                .contains("a/index.md and content/en/b/index.md would both be written to out/ar/index.md")
        );
        // Keeping the folders makes them distinct.
        let ok = Layout::new("{locale}/{path}")
            .unwrap()
            .plan(&inputs, &["ar".into(), "hi".into()], Path::new("out"));
        assert_eq!(ok.unwrap().len(), 4);
    }

    #[test]
    fn a_page_beside_an_html_edition_of_the_same_name_is_refused() {
        // `article.md` published as a page `article.html`, next to an input `article.html`.
        let writes = [
            (Path::new("src/article.md"), PathBuf::from("out/ar/article.html"), "ar"),
            (
                Path::new("src/article.html"),
                PathBuf::from("out/ar/./article.html"),
                "ar",
            ),
        ];
        assert!(matches!(check_collisions(writes), Err(LayoutError::Collision { .. })));
    }

    #[test]
    fn an_edition_never_overwrites_an_input() {
        let layout = Layout::new("{dir}/{stem}{ext}{locale}").unwrap();
        let inputs = [
            Input {
                path: PathBuf::from("site/a.md"),
                relative: PathBuf::from("a.md"),
                dir: None,
            },
            Input {
                path: PathBuf::from("site/a.mdar"),
                relative: PathBuf::from("a.mdar"),
                dir: None,
            },
        ];
        // `a.mdar` is taken for an edition of `a.md` left by an earlier run, not translated.
        let plan = layout.plan(&inputs, &["ar".into()], Path::new("site")).unwrap();
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].output, PathBuf::from("a.mdar"));
        let writes = [(Path::new("site/a.md"), PathBuf::from("site/a.md"), "ar")];
        assert!(matches!(
            check_collisions(writes),
            Err(LayoutError::OverwritesInput { .. })
        ));
    }

    #[test]
    fn editions_of_an_earlier_run_beside_their_sources_are_not_inputs() {
        let layout = Layout::new(BESIDE_SOURCE).unwrap();
        let inputs = [
            Input {
                path: PathBuf::from("site/p.md"),
                relative: PathBuf::from("p.md"),
                dir: None,
            },
            Input {
                path: PathBuf::from("site/p.ar.md"),
                relative: PathBuf::from("p.ar.md"),
                dir: None,
            },
        ];
        let plan = layout.plan(&inputs, &["ar".into()], Path::new("site")).unwrap();
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0].input, PathBuf::from("site/p.md"));
    }

    #[test]
    fn walk_is_recursive_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.md",
            "docs/b.md",
            "docs/deep/c.html",
            "docs/drafts/d.md",
            "img/x.png",
            ".git/e.md",
            "docs/.hidden.md",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let rel = |v: Vec<Input>| {
            v.into_iter()
                .map(|i| i.relative.to_string_lossy().replace('\\', "/"))
                .collect::<Vec<_>>()
        };
        let all = walk(root, &["**/*.md".into(), "**/*.html".into()], &[]).unwrap();
        assert_eq!(
            rel(all),
            vec!["a.md", "docs/b.md", "docs/deep/c.html", "docs/drafts/d.md"]
        );
        let some = walk(root, &["**/*.md".into()], &["docs/drafts".into(), "a.*".into()]).unwrap();
        assert_eq!(rel(some), vec!["docs/b.md"]);
        assert_eq!(
            walk(root, &[], &["**/*.png".into(), "**/*.html".into()]).unwrap().len(),
            3
        );
        let bad = walk(root, &["a[".into()], &[]).unwrap_err();
        assert!(matches!(bad, LayoutError::Glob { .. }), "{bad}");
        assert!(matches!(
            walk(&root.join("missing"), &[], &[]),
            Err(LayoutError::Walk { .. })
        ));
    }
}
