//! TMX 1.4b, the translation-memory exchange format: read (from any tool: header attributes,
//! `<prop>`, `<note>`, inline `<bpt>`/`<ept>`/`<ph>`/`<it>`/`<hi>`) and write.
//!
//! Inline codes map to placeholders: a `<bpt>`/`<ept>` pair (matched by `i`, correlated across
//! languages by `x` when present) is an open/close pair, `<ph>` and `<it>` are standalone.
//! Numbering follows the source variant, so source and target placeholders line up.

use crate::error::{Error, Result};
use crate::model::{Placeholder, PlaceholderKind, Text};
use crate::xml::{XmlEvent, XmlReader, attr, escape};
use std::collections::HashMap;
use std::path::Path;

/// A translation unit: the same sentence in several languages.
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationUnit {
    pub tuid: Option<String>,
    pub variants: Vec<Variant>,
    /// `<prop type=…>` values of the unit.
    pub props: Vec<(String, String)>,
    /// Line of the `<tu>` in the file, for messages.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub lang: String,
    pub text: Text,
    pub props: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tmx {
    /// The header's `srclang` (`*all*` means any).
    pub source_lang: Option<String>,
    pub units: Vec<TranslationUnit>,
}

/// Placeholder numbering shared by the variants of one unit.
#[derive(Default)]
struct Codes {
    ids: HashMap<String, u32>,
    next: u32,
}

impl Codes {
    fn id(&mut self, key: String) -> u32 {
        let next = &mut self.next;
        *self.ids.entry(key).or_insert_with(|| {
            *next += 1;
            *next
        })
    }
}

pub fn read(content: &str, path: &Path) -> Result<Tmx> {
    let mut r = XmlReader::new(content, path);
    let mut tmx = Tmx {
        source_lang: None,
        units: Vec::new(),
    };
    let mut saw_root = false;
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } | XmlEvent::Empty { name, attrs } if name == "header" => {
                tmx.source_lang = attr(&attrs, "srclang").map(str::to_string);
            }
            XmlEvent::Start { name, .. } if name == "tmx" => saw_root = true,
            XmlEvent::Start { name, attrs } if name == "tu" => {
                let line = r.line();
                let unit = read_unit(&mut r, attr(&attrs, "tuid").map(str::to_string), line)?;
                tmx.units.push(unit);
            }
            XmlEvent::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(r.error("not a TMX file: no <tmx> element"));
    }
    Ok(tmx)
}

fn read_unit(r: &mut XmlReader<'_>, tuid: Option<String>, line: usize) -> Result<TranslationUnit> {
    let mut unit = TranslationUnit {
        tuid,
        variants: Vec::new(),
        props: Vec::new(),
        line,
    };
    let mut codes = Codes::default();
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "prop" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                unit.props.push((kind, r.text_until_end()?));
            }
            XmlEvent::Start { name, .. } if name == "note" => {
                r.text_until_end()?;
            }
            XmlEvent::Start { name, attrs } if name == "tuv" => {
                let lang = attr(&attrs, "xml:lang")
                    .or_else(|| attr(&attrs, "lang"))
                    .ok_or_else(|| r.error("<tuv> without xml:lang"))?
                    .to_string();
                unit.variants.push(read_variant(r, lang, &mut codes)?);
            }
            XmlEvent::End { name } if name == "tu" => return Ok(unit),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <tu>")),
            _ => {}
        }
    }
}

fn read_variant(r: &mut XmlReader<'_>, lang: String, codes: &mut Codes) -> Result<Variant> {
    let mut variant = Variant {
        lang,
        text: Text::default(),
        props: Vec::new(),
    };
    loop {
        match r.next_event()? {
            XmlEvent::Start { name, attrs } if name == "prop" => {
                let kind = attr(&attrs, "type").unwrap_or("").to_string();
                variant.props.push((kind, r.text_until_end()?));
            }
            XmlEvent::Start { name, .. } if name == "seg" => variant.text = read_seg(r, codes)?,
            XmlEvent::End { name } if name == "tuv" => return Ok(variant),
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <tuv>")),
            _ => {}
        }
    }
}

fn read_seg(r: &mut XmlReader<'_>, codes: &mut Codes) -> Result<Text> {
    let mut text = Text::default();
    // Open pairs by their `i`, so an `<ept>` finds the id its `<bpt>` got.
    let mut open: HashMap<String, u32> = HashMap::new();
    let mut standalone_count = 0;
    loop {
        match r.next_event()? {
            XmlEvent::Text(t) => text.push_str(&t),
            XmlEvent::End { name } if name == "seg" => break,
            XmlEvent::End { .. } => {} // the end of <hi>: its text was kept
            XmlEvent::Start { name, attrs } | XmlEvent::Empty { name, attrs } if name == "hi" || name == "sub" => {
                let _ = attrs;
            }
            XmlEvent::Start { name, attrs } => {
                let original = r.text_until_end()?;
                push_code(
                    r,
                    &mut text,
                    codes,
                    &mut open,
                    &mut standalone_count,
                    &name,
                    &attrs,
                    original,
                )?;
            }
            XmlEvent::Empty { name, attrs } => {
                push_code(
                    r,
                    &mut text,
                    codes,
                    &mut open,
                    &mut standalone_count,
                    &name,
                    &attrs,
                    String::new(),
                )?;
            }
            XmlEvent::Eof => return Err(r.error("unexpected end of file inside <seg>")),
        }
    }
    if let Some(i) = open.keys().next() {
        return Err(r.error(format!("<bpt i=\"{i}\"> has no matching <ept>")));
    }
    Ok(text)
}

#[allow(clippy::too_many_arguments)]
fn push_code(
    r: &XmlReader<'_>,
    text: &mut Text,
    codes: &mut Codes,
    open: &mut HashMap<String, u32>,
    standalone_count: &mut u32,
    name: &str,
    attrs: &[(String, String)],
    original: String,
) -> Result<()> {
    let x = attr(attrs, "x").map(str::to_string);
    match name {
        "bpt" => {
            let i = attr(attrs, "i").ok_or_else(|| r.error("<bpt> without i"))?.to_string();
            let id = codes.id(format!("pair:{}", x.unwrap_or_else(|| i.clone())));
            open.insert(i, id);
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Open,
                label: "g".into(),
                original,
            });
        }
        "ept" => {
            let i = attr(attrs, "i").ok_or_else(|| r.error("<ept> without i"))?;
            let id = open
                .remove(i)
                .ok_or_else(|| r.error(format!("<ept i=\"{i}\"> without a <bpt>")))?;
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Close,
                label: "g".into(),
                original,
            });
        }
        "ph" | "it" | "ut" => {
            *standalone_count += 1;
            let id = codes.id(format!("ph:{}", x.unwrap_or_else(|| standalone_count.to_string())));
            text.push_placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Standalone,
                label: "x".into(),
                original,
            });
        }
        other => return Err(r.error(format!("unexpected element <{other}> inside <seg>"))),
    }
    Ok(())
}

/// One unit to write.
pub struct WriteUnit<'a> {
    pub source: &'a Text,
    pub target: &'a Text,
    pub target_lang: &'a str,
    pub props: Vec<(&'static str, String)>,
    pub changed: Option<String>,
}

/// Writes a TMX 1.4b document.
pub fn write(source_lang: &str, units: &[WriteUnit<'_>]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"l10n\" creationtoolversion=\"{}\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en-US\" srclang=\"{}\" o-tmf=\"l10n\"/>\n  <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(source_lang)
    ));
    for unit in units {
        out.push_str("    <tu>\n");
        for (kind, value) in &unit.props {
            out.push_str(&format!(
                "      <prop type=\"{}\">{}</prop>\n",
                escape(kind),
                escape(value)
            ));
        }
        out.push_str(&format!("      <tuv xml:lang=\"{}\"><seg>", escape(source_lang)));
        write_seg(unit.source, &mut out);
        out.push_str("</seg></tuv>\n");
        match &unit.changed {
            Some(date) => out.push_str(&format!(
                "      <tuv xml:lang=\"{}\" changedate=\"{}\"><seg>",
                escape(unit.target_lang),
                escape(date)
            )),
            None => out.push_str(&format!("      <tuv xml:lang=\"{}\"><seg>", escape(unit.target_lang))),
        }
        write_seg(unit.target, &mut out);
        out.push_str("</seg></tuv>\n    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn write_seg(text: &Text, out: &mut String) {
    for part in &text.0 {
        match part {
            crate::model::Part::Str(s) => out.push_str(&escape(s)),
            crate::model::Part::Placeholder(p) => {
                let (tag, attr) = match p.kind {
                    PlaceholderKind::Open => ("bpt", format!("i=\"{0}\" x=\"{0}\"", p.id)),
                    PlaceholderKind::Close => ("ept", format!("i=\"{}\"", p.id)),
                    PlaceholderKind::Standalone => ("ph", format!("x=\"{}\"", p.id)),
                };
                out.push_str(&format!("<{tag} {attr}>{}</{tag}>", escape(&p.original)));
            }
        }
    }
}

/// Reads a TMX file from disk.
pub fn read_file(path: &Path) -> Result<Tmx> {
    let content = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    read(content.trim_start_matches('\u{feff}'), path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_foreign_tmx_with_inline_codes() {
        let src = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header creationtool="Okapi" srclang="en-US" datatype="html" segtype="sentence" adminlang="en" o-tmf="x"/>
<body><tu tuid="7"><prop type="x-project">p</prop><note>n</note>
<tuv xml:lang="en-US"><seg>Read <bpt i="1" x="1">&lt;b&gt;</bpt>this<ept i="1">&lt;/b&gt;</ept> at <ph x="2">[Site]</ph>.</seg></tuv>
<tuv xml:lang="ar"><seg>اقرأ <bpt i="3" x="1">&lt;b&gt;</bpt>هذا<ept i="3">&lt;/b&gt;</ept> في <ph x="2"/>.</seg></tuv>
</tu></body></tmx>"#;
        let tmx = read(src, Path::new("t.tmx")).unwrap();
        assert_eq!(tmx.source_lang.as_deref(), Some("en-US"));
        let tu = &tmx.units[0];
        assert_eq!(tu.tuid.as_deref(), Some("7"));
        assert_eq!(tu.variants[0].text.to_string(), "Read {1}this{/1} at {2/}.");
        assert_eq!(tu.variants[1].text.to_string(), "اقرأ {1}هذا{/1} في {2/}.");
    }

    #[test]
    fn written_tmx_reads_back_identically() {
        let tmx = read(
            r#"<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>A &amp; <bpt i="1">*</bpt>B<ept i="1">*</ept> <ph x="2">[S]</ph></seg></tuv><tuv xml:lang="hi"><seg>क <bpt i="1">*</bpt>ख<ept i="1">*</ept> <ph x="2">[S]</ph></seg></tuv></tu></body></tmx>"#,
            Path::new("a.tmx"),
        )
        .unwrap();
        let tu = &tmx.units[0];
        let written = write(
            "en",
            &[WriteUnit {
                source: &tu.variants[0].text,
                target: &tu.variants[1].text,
                target_lang: "hi",
                props: vec![],
                changed: None,
            }],
        );
        let again = read(&written, Path::new("b.tmx")).unwrap();
        assert_eq!(again.units[0].variants[0].text, tu.variants[0].text);
        assert_eq!(again.units[0].variants[1].text, tu.variants[1].text);
    }

    #[test]
    fn errors_have_positions() {
        let err = read(
            "<tmx>\n<body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            Path::new("x.tmx"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("x.tmx:2:"), "{err}");
    }
}
