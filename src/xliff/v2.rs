//! The XLIFF 2.0 writer: core, plus the Translation Candidates (`mtc:`) and Glossary (`gls:`)
//! modules. Inline markup becomes `<pc>` (pairs) and `<ph>` (standalone codes) whose
//! `disp`/`equiv` attributes show the original markup and whose `<originalData>` keeps it, so
//! a translator's tool shows and protects it; the markup itself is never written as text.

use super::{ExportFile, ExportUnit, closing_of};
use crate::model::{Origin, Part, PlaceholderKind, State, Text};
use crate::xml::escape;
use std::fmt::Write;

/// The `state` and `subState` of a segment with this translation.
fn state_attrs(target: Option<&(Text, Origin, State)>) -> String {
    let Some((_, origin, state)) = target else {
        return " state=\"initial\"".into();
    };
    let state_name = match state {
        State::NeedsReview => "initial",
        State::Translated => "translated",
        State::Reviewed => "reviewed",
        State::Final => "final",
    };
    let sub = match (state, origin) {
        (State::NeedsReview, _) => Some("l10n:needs-review".to_string()),
        (_, Origin::Machine { engine, .. }) => Some(format!("l10n:mt-{}", sanitize(engine))),
        _ => None,
    };
    match sub {
        Some(s) => format!(" state=\"{state_name}\" subState=\"{}\"", escape(&s)),
        None => format!(" state=\"{state_name}\""),
    }
}

/// A `subState` value may not contain spaces or colons after the prefix.
fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The inline content of `<source>`/`<target>`: codes as `<pc>`/`<ph>`. Codes refer to the
/// unit's `<originalData>` only when `data_refs` (a candidate's codes have none).
pub fn inline(text: &Text, source: &Text, data_refs: bool, out: &mut String) {
    for part in &text.0 {
        match part {
            Part::Str(s) => content(s, out),
            Part::Placeholder(p) => match p.kind {
                PlaceholderKind::Open => {
                    if !data_refs {
                        let _ = write!(out, "<pc id=\"{}\">", p.id);
                        continue;
                    }
                    let end = closing_of(source, p).map(|c| c.original.as_str()).unwrap_or("");
                    let _ = write!(
                        out,
                        "<pc id=\"{id}\" dataRefStart=\"d{id}s\" dataRefEnd=\"d{id}e\" dispStart=\"{}\" dispEnd=\"{}\">",
                        escape(&p.original),
                        escape(end),
                        id = p.id
                    );
                }
                PlaceholderKind::Close => out.push_str("</pc>"),
                PlaceholderKind::Standalone if !data_refs => {
                    let _ = write!(out, "<ph id=\"{}\"/>", p.id);
                }
                PlaceholderKind::Standalone => {
                    let _ = write!(
                        out,
                        "<ph id=\"{id}\" dataRef=\"d{id}\" disp=\"{}\" equiv=\"{}\"/>",
                        escape(&p.original),
                        escape(&p.original),
                        id = p.id
                    );
                }
            },
        }
    }
}

/// Text content: characters XML cannot carry (controls, U+FFFF) as `<cp hex="…"/>`, the
/// XLIFF 2 element made for them, so they come back on import.
fn content(s: &str, out: &mut String) {
    super::export::split_xml_chars(s, out, |c, out| {
        let _ = write!(out, "<cp hex=\"{:04X}\"/>", u32::from(c));
    });
}

fn original_data(source: &Text, out: &mut String) {
    let mut data = String::new();
    for p in source.placeholders() {
        let id = match p.kind {
            PlaceholderKind::Open => format!("d{}s", p.id),
            PlaceholderKind::Close => format!("d{}e", p.id),
            PlaceholderKind::Standalone => format!("d{}", p.id),
        };
        let _ = write!(data, "        <data id=\"{id}\">");
        content(&p.original, &mut data);
        data.push_str("</data>\n");
    }
    if !data.is_empty() {
        let _ = write!(out, "      <originalData>\n{data}      </originalData>\n");
    }
}

fn origin_name(origin: &Origin) -> String {
    match origin {
        Origin::Machine { engine, model: Some(m) } => format!("{engine}/{m}"),
        Origin::Machine { engine, model: None } => engine.clone(),
        Origin::Human { file: Some(f) } => format!("human:{f}"),
        Origin::Human { file: None } => "human".into(),
    }
}

fn unit(u: &ExportUnit, out: &mut String) {
    let _ = writeln!(out, "    <unit id=\"{}\">", escape(&u.id));
    if !u.candidates.is_empty() {
        out.push_str("      <mtc:matches>\n");
        for (i, c) in u.candidates.iter().enumerate() {
            let _ = write!(
                out,
                "        <mtc:match id=\"m{}\" ref=\"#s1\" similarity=\"{}\" matchQuality=\"{}\" origin=\"{}\" type=\"tm\">\n          <source>",
                i + 1,
                c.score,
                c.score,
                escape(&origin_name(&c.origin))
            );
            inline(&c.source, &c.source, false, out);
            out.push_str("</source>\n          <target>");
            inline(&c.target, &c.source, false, out);
            out.push_str("</target>\n        </mtc:match>\n");
        }
        out.push_str("      </mtc:matches>\n");
    }
    if !u.glossary.is_empty() {
        out.push_str("      <gls:glossary>\n");
        for g in &u.glossary {
            let _ = writeln!(
                out,
                "        <gls:glossEntry>\n          <gls:term source=\"l10n-glossary\">{}</gls:term>",
                escape(&g.source)
            );
            if let Some(t) = &g.target {
                let _ = writeln!(out, "          <gls:translation>{}</gls:translation>", escape(t));
            }
            if let Some(d) = &g.definition {
                let _ = writeln!(out, "          <gls:definition>{}</gls:definition>", escape(d));
            }
            out.push_str("        </gls:glossEntry>\n");
        }
        out.push_str("      </gls:glossary>\n");
    }
    if !u.notes.is_empty() {
        out.push_str("      <notes>\n");
        for (category, text) in &u.notes {
            let _ = writeln!(out, "        <note category=\"{category}\">{}</note>", escape(text));
        }
        out.push_str("      </notes>\n");
    }
    original_data(&u.source, out);
    let _ = write!(
        out,
        "      <segment id=\"s1\"{}>\n        <source>",
        state_attrs(u.target.as_ref())
    );
    inline(&u.source, &u.source, true, out);
    out.push_str("</source>\n");
    if let Some((target, _, _)) = &u.target {
        out.push_str("        <target>");
        inline(target, &u.source, true, out);
        out.push_str("</target>\n");
    }
    out.push_str("      </segment>\n    </unit>\n");
}

/// The whole XLIFF 2.0 document.
pub fn write(file: &ExportFile) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n  <file id=\"f1\" original=\"{}\">\n",
        escape(&file.source_lang),
        escape(&file.target_lang),
        escape(&file.original)
    );
    for u in &file.units {
        unit(u, &mut out);
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}
