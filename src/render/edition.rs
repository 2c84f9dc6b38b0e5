//! Writing one edition (and its standalone page) from the plan's decisions: every segment's
//! translation, finished with the locale's typography, the site name and bidi isolation, merged
//! into the original bytes by the document's format, written atomically. Untranslated segments
//! stay as their source, marked by the format (only with `--allow-partial`).

use crate::error::Result;
use crate::format::{Format, SegmentOutput};
use crate::lang::Locale;
use crate::model::{Text, UnitKind};
use crate::plan::{Decision, Loaded, Status};
use crate::project::Project;
use crate::render::{self, Isolation, chrome::Provenance};
use std::path::{Path, PathBuf};

/// The files written for one edition.
pub struct Written {
    pub edition: PathBuf,
    pub page: Option<PathBuf>,
}

/// Where the edition of `loaded` in `target` goes.
pub fn edition_path(project: &Project, loaded: &Loaded, target: &Locale) -> Result<PathBuf> {
    project.edition_path(&loaded.reference, target)
}

/// Each segment as the edition shows it (`None`: untranslated).
fn finished(
    project: &Project,
    loaded: &Loaded,
    target: &Locale,
    decisions: &[Decision],
    isolate: Isolation,
) -> Vec<Option<Text>> {
    let settings = &project.edition;
    // Per segment: whether it opens its unit, and whether the unit is an attribute value
    // (where no element can go: text isolation marks there, even in HTML).
    let first_in_unit: Vec<(bool, bool)> = loaded
        .doc
        .units
        .iter()
        .flat_map(|u| (0..u.segments.len()).map(move |k| (k == 0, u.kind == UnitKind::Attribute)))
        .collect();
    loaded
        .doc
        .segments()
        .zip(decisions)
        .zip(&first_in_unit)
        .map(|((seg, decision), &(first, attribute))| {
            let translation = decision.translation.as_ref().map(|t| &t.target);
            if decision.status == Status::Copied || translation == Some(&seg.source) {
                // Typography, the site name and isolation apply to translated text only;
                // untouched source bytes stay as they are.
                return Some(match settings.site_name {
                    None => seg.source.clone(),
                    Some(_) => settings.finish(&project.source, &seg.source, Isolation::None, first),
                });
            }
            let t = translation?;
            let isolate = match isolate {
                Isolation::Elements if attribute => Isolation::Controls,
                other => other,
            };
            Some(settings.finish(target, t, isolate, first))
        })
        .collect()
}

/// Writes the edition (and, when asked, its page) of `loaded` in `target`.
pub fn write(
    project: &Project,
    loaded: &Loaded,
    target: &Locale,
    decisions: &[Decision],
    provenance: &Provenance,
) -> Result<Written> {
    let out_path = edition_path(project, loaded, target)?;
    let isolate = match loaded.format {
        Format::Html => Isolation::Elements,
        _ => Isolation::Controls,
    };
    let texts = finished(project, loaded, target, decisions, isolate);
    let outputs: Vec<SegmentOutput<'_>> = texts
        .iter()
        .map(|t| {
            t.as_ref()
                .map_or(SegmentOutput::Untranslated, SegmentOutput::Translated)
        })
        .collect();
    let content = loaded.format.merge(&loaded.doc, &outputs, target);
    write_if_changed(&out_path, content.as_bytes())?;
    let page = if project.edition.page {
        Some(write_page(
            project, loaded, target, decisions, provenance, &out_path, &content,
        )?)
    } else {
        None
    };
    Ok(Written {
        edition: out_path,
        page,
    })
}

fn write_page(
    project: &Project,
    loaded: &Loaded,
    target: &Locale,
    decisions: &[Decision],
    provenance: &Provenance,
    out_path: &Path,
    edition: &str,
) -> Result<PathBuf> {
    let settings = &project.edition;
    let page_path = render::page_path(out_path);
    let page_dir = page_path.parent().unwrap_or(Path::new("."));
    let mut alternates = vec![render::page::Alternate {
        locale: project.source.clone(),
        href: render::relative_href(page_dir, loaded.path()),
        original: true,
    }];
    for t in &project.targets {
        let other = render::page_path(&edition_path(project, loaded, t)?);
        alternates.push(render::page::Alternate {
            locale: t.clone(),
            href: render::relative_href(page_dir, &other),
            original: false,
        });
    }
    let texts = finished(project, loaded, target, decisions, Isolation::None);
    let html = render::page::Page {
        doc: &loaded.doc,
        texts: &texts,
        locale: target,
        alternates: &alternates,
        site_name: settings.site_name.as_deref(),
        provenance,
        date: settings.date,
        arabic_digits: settings.typography.digits == render::typography::Digits::Arabic,
        format: loaded.format,
        edition,
    }
    .render();
    write_if_changed(&page_path, html.as_bytes())?;
    Ok(page_path)
}

/// Writes `content` atomically unless the file already holds exactly it: a cached re-run of a
/// thousand articles must not pay a thousand synced writes for editions that did not change.
fn write_if_changed(path: &Path, content: &[u8]) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    render::write_atomic(path, content)
}
