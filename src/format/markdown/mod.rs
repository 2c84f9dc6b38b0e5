//! Markdown as sites write it (CommonMark with GFM tables, strikethrough, task lists, alerts,
//! footnotes and definition lists), read with pulldown-cmark's offset iterator.
//!
//! Leaf blocks (paragraphs, headings, list items, table cells) become units. Inline markup
//! becomes placeholders whose original bytes are cut from the source itself: emphasis opens
//! with the exact `*` or `_` the author typed, a link closes with its exact `](url "title")`.
//! Around that:
//! - front matter (`---` YAML, `+++` TOML): the values of the configured keys are units of
//!   their own ([`super::front_matter`]); every other byte of the block is skeleton;
//! - template syntax (Hugo shortcodes, Liquid, Go templates) is masked before parsing and
//!   comes back as placeholders holding its exact bytes ([`templates`]);
//! - HTML blocks go through the HTML extractor, and so do the attributes of inline HTML tags
//!   (`<img alt>`); `Format::merge` escapes their text for HTML ([`Regions`]);
//! - an autolink (`<https://…>`) is one placeholder: its target never comes from a
//!   translation; a shortcut or collapsed reference link (`[label]`, `[label][]`) is written
//!   back as `[translation][label]`, so it keeps its definition.
//!
//! Code blocks and code spans are never units, so they are never translated.

#![deny(clippy::string_slice)]

mod extract;
mod templates;
#[cfg(test)]
mod tests_sites;

use super::front_matter::{self, FrontMatter, Quoting, Syntax};
use crate::model::{Finding, FindingKind, Segment, Text, Unit, UnitKind};
use crate::segment::Segmenter;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use std::collections::HashMap;
use std::ops::Range;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        // `## Title {#anchor .class}` (Hugo, Zola): the attributes are not text.
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The text the Markdown parser reads: the source with the front matter blanked (spaces,
/// line ends kept) and templates masked, byte for byte as long as the source, so every offset
/// the parser reports is an offset in the source.
struct Prepared {
    front_matter: Option<FrontMatter>,
    templates: Vec<Range<usize>>,
    masked: String,
    /// Destination and title of each shortcut and collapsed reference link, by where it
    /// starts, as written (the masked text would give a template's mask letters).
    references: HashMap<usize, (String, String)>,
}

fn prepare(source: &str) -> Prepared {
    let front_matter = front_matter::find(source);
    let mut blanked = source.to_string();
    if let Some(fm) = &front_matter {
        // boundary: `front_matter::find` ends the block after a line's `\n` or at the end.
        #[allow(clippy::string_slice)]
        let blank: String = source[fm.block.clone()]
            .bytes()
            .map(|b| if b == b'\n' { '\n' } else { ' ' })
            .collect();
        blanked.replace_range(fm.block.clone(), &blank);
    }
    let mut code = Vec::new();
    let mut references = HashMap::new();
    for (event, range) in Parser::new_ext(&blanked, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range),
            Event::Start(Tag::Link {
                link_type: LinkType::Shortcut | LinkType::Collapsed,
                dest_url,
                title,
                ..
            }) => {
                references.insert(range.start, (dest_url.to_string(), title.to_string()));
            }
            _ => {}
        }
    }
    let templates = templates::spans(&blanked, &code);
    let masked = templates::mask(&blanked, &templates).into_owned();
    Prepared {
        front_matter,
        templates,
        masked,
        references,
    }
}

/// The units of a Markdown page: the front-matter values of `keys`, then the body; and the
/// values of `keys` that cannot be read (not extracted: they stay in English).
pub(super) fn extract(source: &str, segmenter: &Segmenter, keys: &[String]) -> (Vec<Unit>, Vec<Finding>) {
    let prepared = prepare(source);
    let mut units = Vec::new();
    let mut findings = Vec::new();
    if let Some(fm) = &prepared.front_matter {
        findings.extend(front_matter::unreadable(source, fm, keys).into_iter().map(|u| Finding {
            at: u.at,
            kind: FindingKind::NotExtracted,
            detail: format!("{}: {}", u.key, u.reason),
        }));
        for field in front_matter::fields(source, fm) {
            if !keys.contains(&field.key) || !field.value.chars().any(char::is_alphabetic) {
                continue;
            }
            let kind = if field.key == "title" {
                UnitKind::Title
            } else {
                UnitKind::Attribute
            };
            units.push(Unit {
                kind,
                segments: vec![Segment {
                    source: Text::plain(field.value),
                    span: field.span.clone(),
                }],
                span: field.span,
            });
        }
    }
    units.extend(extract::body_units(source, &prepared, segmenter));
    (units, findings)
}

/// How a segment's text is written back, by where it is in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Region {
    /// Markdown text: backslash escapes.
    Markdown,
    /// Inside an HTML block or an inline HTML tag: HTML escapes.
    Html,
    /// A front-matter value: quoted for its syntax.
    Value(Syntax, Quoting),
}

/// Where the HTML and the front-matter values of a page are, for `Format::merge`.
pub(super) struct Regions {
    html: Vec<Range<usize>>,
    values: Vec<(Range<usize>, Syntax, Quoting)>,
}

impl Regions {
    pub(super) fn of(source: &str) -> Regions {
        let prepared = prepare(source);
        let mut html = Vec::new();
        let parser = Parser::new_ext(&prepared.masked, options()).into_offset_iter();
        for (event, range) in parser {
            if matches!(event, Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_)) {
                html.push(range);
            }
        }
        let values = prepared.front_matter.as_ref().map_or_else(Vec::new, |fm| {
            front_matter::fields(source, fm)
                .into_iter()
                .map(|f| (f.span, fm.syntax, f.quoting))
                .collect()
        });
        Regions { html, values }
    }

    /// The region of the segment at `span`.
    pub(super) fn at(&self, span: &Range<usize>) -> Region {
        if let Some((_, syntax, quoting)) = self.values.iter().find(|(r, ..)| r == span) {
            return Region::Value(*syntax, *quoting);
        }
        let i = self.html.partition_point(|r| r.end <= span.start);
        match self.html.get(i) {
            Some(r) if r.start <= span.start && span.end <= r.end => Region::Html,
            _ => Region::Markdown,
        }
    }
}

/// Escapes translated text for Markdown: ASCII punctuation that could start markup gets a
/// backslash (CommonMark allows one before any ASCII punctuation), so `<script>`, `*` or a
/// `[link](javascript:…)` in a translation is shown as text.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut at_start = true;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if i > 0 && chars[..i].iter().all(|d| d.is_ascii_digit()) => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
        at_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Locale;

    fn units(src: &str) -> Vec<Unit> {
        let keys: Vec<String> = front_matter::DEFAULT_KEYS.iter().map(|k| k.to_string()).collect();
        extract(src, &Segmenter::new(&Locale::parse("en").unwrap(), &[]), &keys).0
    }

    #[test]
    fn inline_markup_becomes_placeholders_with_exact_bytes() {
        let src = "Read **the deal** and [the text](https://x.org \"T\"). Use `l10n` now.\n";
        let u = units(src);
        assert_eq!(u.len(), 1);
        let seg = &u[0].segments[0];
        let originals: Vec<_> = seg.source.placeholders().map(|p| p.original.as_str()).collect();
        assert_eq!(originals, vec!["**", "**", "[", "](https://x.org \"T\")"]);
        assert_eq!(seg.source.plain_text(), "Read the deal and the text.");
        assert_eq!(
            u[0].segments[1].source.placeholders().next().unwrap().original,
            "`l10n`"
        );
    }

    #[test]
    fn code_blocks_are_not_units_and_front_matter_values_are() {
        let src = "---\ntitle: x y\nlayout: post\n---\n\n# Head\n\n```\nnot. translated.\n```\n\n    indented code.\n";
        let u = units(src);
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].kind, UnitKind::Title);
        assert_eq!(src.get(u[0].span.clone()), Some("x y"));
        assert_eq!(u[1].kind, UnitKind::Heading);
    }

    #[test]
    fn a_span_across_a_period_stays_whole() {
        let u = units("He said **this. And that.** Then left.\n");
        let texts: Vec<_> = u[0].segments.iter().map(|s| s.source.to_string()).collect();
        assert_eq!(texts, vec!["He said {1}this. And that.{/1}", "Then left."]);
    }

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(escape("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(escape("[a](javascript:alert(1))"), "\\[a\\](javascript:alert(1))");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
    }
}
