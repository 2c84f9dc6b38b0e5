//! The XLIFF 1.2 writer (strict schema): inline markup as `<g>` pairs and `<x/>` placeholders
//! (with `equiv-text` showing the original markup), states as 1.2 names, memory candidates as
//! `<alt-trans>`, and the reviewer's context and glossary as `<note>`s (1.2 has no glossary
//! element).

use super::{ExportFile, ExportUnit};
use crate::model::{Origin, Part, PlaceholderKind, State, Text};
use crate::xml::escape;
use std::fmt::Write;

/// `ctype` of a `<g>`: the standard names where one fits, `x-` names otherwise.
fn ctype(label: &str) -> String {
    match label {
        "b" | "strong" => "bold".into(),
        "i" | "em" => "italic".into(),
        "u" => "underlined".into(),
        "link" | "a" => "link".into(),
        other => format!(
            "x-{}",
            other
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect::<String>()
        ),
    }
}

/// The `ctype` of the placeholder that stands for a character XML cannot carry.
pub const CP_CTYPE: &str = "x-l10n-cp";

pub fn inline(text: &Text, out: &mut String) {
    for part in &text.0 {
        match part {
            // XLIFF 1.2 has no element for a character XML cannot carry: a placeholder of our
            // own says which one it was (`read.rs` turns it back).
            Part::Str(s) => super::export::split_xml_chars(s, out, |c, out| {
                let _ = write!(
                    out,
                    "<x id=\"cp{0:04X}\" ctype=\"{CP_CTYPE}\" equiv-text=\"U+{0:04X}\"/>",
                    u32::from(c)
                );
            }),
            Part::Placeholder(p) => match p.kind {
                PlaceholderKind::Open => {
                    let _ = write!(out, "<g id=\"{}\" ctype=\"{}\">", p.id, ctype(&p.label));
                }
                PlaceholderKind::Close => out.push_str("</g>"),
                PlaceholderKind::Standalone => {
                    let _ = write!(
                        out,
                        "<x id=\"{}\" ctype=\"{}\" equiv-text=\"{}\"/>",
                        p.id,
                        ctype(&p.label),
                        escape(&p.original)
                    );
                }
            },
        }
    }
}

fn target_attrs(state: State, origin: &Origin) -> String {
    let name = match state {
        State::NeedsReview => "needs-review-translation",
        State::Translated => "translated",
        State::Reviewed => "signed-off",
        State::Final => "final",
    };
    match origin {
        Origin::Machine { .. } => format!(" state=\"{name}\" state-qualifier=\"mt-suggestion\""),
        Origin::Human { .. } => format!(" state=\"{name}\""),
    }
}

fn unit(u: &ExportUnit, target_lang: &str, out: &mut String) {
    let _ = write!(
        out,
        "      <trans-unit id=\"{}\" xml:space=\"preserve\">\n        <source>",
        escape(&u.id)
    );
    inline(&u.source, out);
    out.push_str("</source>\n");
    match &u.target {
        Some((t, origin, state)) => {
            let _ = write!(out, "        <target{}>", target_attrs(*state, origin));
            inline(t, out);
            out.push_str("</target>\n");
        }
        None => out.push_str("        <target state=\"needs-translation\"></target>\n"),
    }
    for (category, text) in &u.notes {
        let _ = writeln!(
            out,
            "        <note from=\"l10n\" annotates=\"source\">{category}: {}</note>",
            escape(text)
        );
    }
    for g in &u.glossary {
        let mut line = format!("glossary: {}", g.source);
        if let Some(t) = &g.target {
            let _ = write!(line, " → {t}");
        }
        if let Some(d) = &g.definition {
            let _ = write!(line, " ({d})");
        }
        let _ = writeln!(
            out,
            "        <note from=\"l10n\" annotates=\"source\">{}</note>",
            escape(&line)
        );
    }
    for c in &u.candidates {
        let origin = match &c.origin {
            Origin::Machine { engine, .. } => engine.clone(),
            Origin::Human { .. } => "human".into(),
        };
        let _ = write!(
            out,
            "        <alt-trans match-quality=\"{}\" origin=\"{}\" xml:lang=\"{}\">\n          <source>",
            c.score,
            escape(&origin),
            escape(target_lang)
        );
        inline(&c.source, out);
        out.push_str("</source>\n          <target>");
        inline(&c.target, out);
        out.push_str("</target>\n        </alt-trans>\n");
    }
    out.push_str("      </trans-unit>\n");
}

/// The whole XLIFF 1.2 document.
pub fn write(file: &ExportFile) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\">\n    <header>\n      <tool tool-id=\"l10n\" tool-name=\"l10n\" tool-version=\"{}\"/>\n    </header>\n    <body>\n",
        escape(&file.original),
        escape(&file.source_lang),
        escape(&file.target_lang),
        env!("CARGO_PKG_VERSION")
    );
    for u in &file.units {
        unit(u, &file.target_lang, &mut out);
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}
