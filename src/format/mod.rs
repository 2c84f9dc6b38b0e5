//! Document formats: each converts a file to the neutral [`Document`] and merges translations
//! back into the original bytes. Nothing past this module sees Markdown or plain-text layout.
//!
//! Merging splices: everything outside the units' spans is copied byte for byte, and a segment
//! whose translation equals its source is written back as its original bytes, so extracting
//! and merging with identity translations reproduces the input exactly. Translated text is
//! escaped for the format, and placeholders come back only as their recorded original bytes:
//! an engine or translator can never inject markup.

mod fluent;
pub mod front_matter;
/// The plural categories `l10n check` asks a Fluent translation to cover (one home: the Fluent format).
pub use fluent::count_categories_of;
pub mod html;
mod markdown;
mod plain;
pub mod tmx;

use crate::error::{Error, Result};
use crate::lang::Locale;
use crate::model::{Document, Part, PlaceholderKind, Segment, Text, Unit, UnitKind};
use crate::segment::Segmenter;
use std::ops::Range;
use std::path::Path;

/// What a project can say about extraction (from `l10n.toml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractOptions {
    /// Top-level front-matter keys whose string values are translated (Markdown).
    pub front_matter_keys: Vec<String>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            front_matter_keys: front_matter::DEFAULT_KEYS.iter().map(|k| k.to_string()).collect(),
        }
    }
}

/// The document formats the pipeline reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Fluent,
    Html,
}

/// What the edition shows for one segment.
#[derive(Debug, Clone, Copy)]
pub enum SegmentOutput<'a> {
    Translated(&'a Text),
    /// No translation yet: the source stays in place, visibly marked (only with `--allow-partial`).
    Untranslated,
}

impl Format {
    /// The format of a file, from its extension.
    pub fn from_path(path: &Path) -> Result<Format> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("txt") | Some("text") => Ok(Format::Plain),
            Some("md") | Some("markdown") => Ok(Format::Markdown),
            Some("ftl") => Ok(Format::Fluent),
            Some("html") | Some("htm") => Ok(Format::Html),
            _ => Err(Error::UnknownFormat {
                path: path.to_path_buf(),
            }),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Fluent => "fluent",
            Format::Html => "html",
        }
    }

    /// Splits `source` into units and segments, with the default [`ExtractOptions`].
    pub fn extract(self, source: String, segmenter: &Segmenter) -> Document {
        self.extract_with(source, segmenter, &ExtractOptions::default())
    }

    /// Splits `source` into units and segments, with the project's options.
    pub fn extract_with(self, source: String, segmenter: &Segmenter, options: &ExtractOptions) -> Document {
        let (units, findings) = match self {
            Format::Plain => (plain::extract(&source, segmenter), Vec::new()),
            Format::Markdown => markdown::extract(&source, segmenter, &options.front_matter_keys),
            Format::Fluent => (fluent::extract(&source, segmenter), Vec::new()),
            Format::Html => html::extract(&source, segmenter),
        };
        Document {
            source,
            units,
            findings,
        }
    }

    /// Escapes translated text so that it is read as text, never as markup, in this format.
    pub fn escape(self, text: &str) -> String {
        match self {
            Format::Plain => plain::escape(text),
            Format::Markdown => markdown::escape(text),
            // Fluent text is rebuilt as syntax-tree text elements, which escape themselves.
            Format::Fluent => plain::escape(text),
            Format::Html => html::escape(text),
        }
    }

    /// Merges translations into the document's original bytes. `outputs` has one entry per
    /// segment, in document order.
    pub fn merge(self, doc: &Document, outputs: &[SegmentOutput<'_>], target: &Locale) -> String {
        if self == Format::Fluent {
            return fluent::merge(doc, outputs, target);
        }
        let src = doc.source.as_str();
        let mut out = String::with_capacity(src.len() + src.len() / 2);
        let mut copied_to = 0;
        let (nested, is_nested) = nested_segments(doc, outputs);
        let mut nested_rest = nested.as_slice();
        let mut outputs = outputs.iter();
        // Markdown holds HTML and front-matter values, each written back with its own escapes.
        let regions = (self == Format::Markdown).then(|| markdown::Regions::of(src));
        for (unit, &inside) in doc.units.iter().zip(&is_nested) {
            if inside {
                // Rendered with the segment that holds it.
                for _ in &unit.segments {
                    outputs.next();
                }
                continue;
            }
            let mut prev_end: Option<usize> = None;
            for segment in &unit.segments {
                let output = outputs.next().expect("one output per segment");
                let identical = matches!(output, SegmentOutput::Translated(t) if **t == segment.source);
                let gap_start = prev_end.unwrap_or(copied_to);
                // boundary: both ends are ends or starts of segment spans, which the format
                // readers cut on character boundaries of `doc.source`.
                #[allow(clippy::string_slice)]
                let gap = &src[gap_start..segment.span.start];
                if prev_end.is_some() && !gap.contains('\n') && gap.trim().is_empty() {
                    // Between two sentences: the target's own joiner (none in Chinese).
                    if identical && target.sentence_joiner() == " " {
                        out.push_str(gap);
                    } else {
                        out.push_str(target.sentence_joiner());
                    }
                } else {
                    out.push_str(gap);
                }
                let within = nested_rest.partition_point(|(n, _)| n.span.end <= segment.span.end);
                let (inner, rest) = nested_rest.split_at(within);
                nested_rest = rest;
                let region = regions
                    .as_ref()
                    .map_or(markdown::Region::Markdown, |r| r.at(&segment.span));
                let format = if region == markdown::Region::Html {
                    Format::Html
                } else {
                    self
                };
                if let markdown::Region::Value(syntax, quoting) = region {
                    render_value(segment, *output, identical, (syntax, quoting), src, &mut out);
                } else if inner.is_empty() {
                    let attribute = unit.kind == UnitKind::Attribute;
                    format.render_segment(segment, *output, identical, attribute, src, &mut out);
                } else {
                    format.render_with_nested(segment, *output, identical, inner, src, &mut out);
                }
                prev_end = Some(segment.span.end);
            }
            if let Some(end) = prev_end {
                copied_to = end;
            }
        }
        // boundary: `copied_to` is 0 or the end of a segment span, which the format readers
        // cut on character boundaries of `doc.source`.
        #[allow(clippy::string_slice)]
        out.push_str(&src[copied_to..]);
        // An identity merge (nothing translated) gives the page back as it was, byte for byte.
        if self == Format::Html && out != src {
            out = html::set_language(out, target);
        }
        out
    }

    /// Renders one segment; `attribute`: it is an attribute value (which gets quotes if the
    /// source had none and the text changes: `title=Map` cannot hold a translation's spaces).
    // boundary: the slices are at the segment's span, which the format readers cut on character
    // boundaries of `doc.source` (`src`).
    #[allow(clippy::string_slice)]
    fn render_segment(
        self,
        segment: &Segment,
        output: SegmentOutput<'_>,
        identical: bool,
        attribute: bool,
        src: &str,
        out: &mut String,
    ) {
        let quote = attribute && !identical && src[..segment.span.start].trim_end().ends_with('=');
        if quote {
            out.push('"');
        }
        match output {
            SegmentOutput::Translated(_) if identical => {
                out.push_str(&src[segment.span.clone()]);
            }
            SegmentOutput::Translated(t) => self.render_text(t, out),
            SegmentOutput::Untranslated => {
                out.push_str(UNTRANSLATED_OPEN);
                out.push_str(&src[segment.span.clone()]);
                out.push_str(UNTRANSLATED_CLOSE);
            }
        }
        if quote {
            out.push('"');
        }
    }

    /// Renders a segment whose span holds other segments (HTML: a title or alt of an inline
    /// element inside the sentence): those are rendered in place, inside their tag's bytes.
    fn render_with_nested(
        self,
        segment: &Segment,
        output: SegmentOutput<'_>,
        identical: bool,
        inner: &[(&Segment, SegmentOutput<'_>)],
        src: &str,
        out: &mut String,
    ) {
        match output {
            SegmentOutput::Translated(t) if !identical => {
                // Where each opening or standalone placeholder of the source sits in its bytes
                // (a tag's bytes cannot occur inside the text between tags).
                let mut starts: Vec<(u32, usize)> = Vec::new();
                let mut cursor = segment.span.start;
                // boundary: the span's ends are cut by the format readers on character
                // boundaries of `src`, and `cursor` moves to the end of a match of `find`.
                #[allow(clippy::string_slice)]
                for p in segment.source.placeholders() {
                    if let Some(i) = src[cursor..segment.span.end].find(&p.original) {
                        if p.kind != PlaceholderKind::Close {
                            starts.push((p.id, cursor + i));
                        }
                        cursor += i + p.original.len();
                    }
                }
                for part in &t.0 {
                    match part {
                        Part::Str(s) => out.push_str(&self.escape(s)),
                        Part::Placeholder(p) => {
                            let start = starts
                                .iter()
                                .find(|(id, at)| {
                                    *id == p.id && src.as_bytes()[*at..].starts_with(p.original.as_bytes())
                                })
                                .filter(|_| p.kind != PlaceholderKind::Close);
                            match start {
                                Some(&(_, at)) => self.splice_nested(at..at + p.original.len(), inner, src, out),
                                None => out.push_str(&p.original),
                            }
                        }
                    }
                }
            }
            SegmentOutput::Translated(_) => self.splice_nested(segment.span.clone(), inner, src, out),
            SegmentOutput::Untranslated => {
                out.push_str(UNTRANSLATED_OPEN);
                self.splice_nested(segment.span.clone(), inner, src, out);
                out.push_str(UNTRANSLATED_CLOSE);
            }
        }
    }

    /// The source bytes of `range` with the nested segments inside it rendered in place.
    // boundary: `range` is a segment's span or a placeholder's bytes found in it by `find`, and
    // the nested segments' spans are cut by the format readers on character boundaries of `src`.
    #[allow(clippy::string_slice)]
    fn splice_nested(self, range: Range<usize>, inner: &[(&Segment, SegmentOutput<'_>)], src: &str, out: &mut String) {
        // In Markdown, the only segments inside another are attributes of inline HTML tags.
        let format = if self == Format::Markdown { Format::Html } else { self };
        let mut pos = range.start;
        for (nested, output) in inner {
            if nested.span.start >= pos && nested.span.end <= range.end {
                out.push_str(&src[pos..nested.span.start]);
                let identical = matches!(output, SegmentOutput::Translated(t) if **t == nested.source);
                format.render_segment(nested, *output, identical, true, src, out);
                pos = nested.span.end;
            }
        }
        out.push_str(&src[pos..range.end]);
    }

    /// Renders a translation: text escaped, placeholders as their original bytes.
    pub fn render_text(self, text: &Text, out: &mut String) {
        for part in &text.0 {
            match part {
                Part::Str(s) => out.push_str(&self.escape(s)),
                Part::Placeholder(p) => out.push_str(&p.original),
            }
        }
    }
}

/// Renders a front-matter value: its source bytes when unchanged, else the translation written
/// as a string of the front matter's syntax (quoted and escaped as needed).
fn render_value(
    segment: &Segment,
    output: SegmentOutput<'_>,
    identical: bool,
    (syntax, quoting): (front_matter::Syntax, front_matter::Quoting),
    src: &str,
    out: &mut String,
) {
    match output {
        // boundary: the format readers cut segment spans on character boundaries of `src`.
        #[allow(clippy::string_slice)]
        SegmentOutput::Translated(_) if identical => out.push_str(&src[segment.span.clone()]),
        SegmentOutput::Translated(t) => {
            // Placeholders in a value can only be its own text's (none are made from front
            // matter), so the value is the text with each placeholder's original bytes.
            let mut text = String::new();
            for part in &t.0 {
                match part {
                    Part::Str(s) => text.push_str(s),
                    Part::Placeholder(p) => text.push_str(&p.original),
                }
            }
            front_matter::write_value(&text, quoting, syntax, out);
        }
        SegmentOutput::Untranslated => {
            let text = format!("{UNTRANSLATED_OPEN}{}{UNTRANSLATED_CLOSE}", segment.source.plain_text());
            front_matter::write_value(&text, quoting, syntax, out);
        }
    }
}

/// The segments that lie inside another segment's span (HTML: the attribute values of inline
/// elements within a sentence) with their outputs, in document order, and for each unit
/// whether it is made of such segments.
#[allow(clippy::type_complexity)]
fn nested_segments<'d, 'o>(
    doc: &'d Document,
    outputs: &[SegmentOutput<'o>],
) -> (Vec<(&'d Segment, SegmentOutput<'o>)>, Vec<bool>) {
    let mut nested = Vec::new();
    let mut is_nested = Vec::with_capacity(doc.units.len());
    let mut outer: Option<&Unit> = None;
    let mut first = 0;
    for unit in &doc.units {
        let count = unit.segments.len();
        let inside = outer.is_some_and(|o| {
            o.span.end > unit.span.start
                && o.segments
                    .iter()
                    .any(|s| s.span.start <= unit.span.start && unit.span.end <= s.span.end)
        });
        if inside {
            let own = outputs.get(first..first + count).unwrap_or_default();
            nested.extend(unit.segments.iter().zip(own.iter().copied()));
        } else {
            outer = Some(unit);
        }
        is_nested.push(inside);
        first += count;
    }
    (nested, is_nested)
}

/// Marks around a source sentence left in a partial edition: visible to any reader, and easy
/// to find with a search.
pub const UNTRANSLATED_OPEN: &str = "⟦untranslated: ";
pub const UNTRANSLATED_CLOSE: &str = "⟧";

/// Refuses a document the format cannot read (a Fluent file with a syntax error, an HTML page
/// whose declared charset contradicts its bytes), with the
/// position of the problem.
pub fn validate(format: Format, source: &str, path: &Path) -> Result<()> {
    if format == Format::Html {
        html::check_charset(source).map_err(|(line, column, message)| Error::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        })?;
    }
    if format == Format::Fluent
        && let Some((offset, message)) = fluent::syntax_error(source)
    {
        // An offset inside a character (the parser reads bytes) counts as that character's.
        let end = (0..=offset.min(source.len()))
            .rev()
            .find(|&i| source.is_char_boundary(i));
        let before = end.and_then(|end| source.get(..end)).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        return Err(Error::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message,
        });
    }
    Ok(())
}

/// Reads a document file as text, refusing what is not a text document with the reason and
/// the line where it shows.
pub fn read_source(path: &Path) -> Result<String> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
        return Err(Error::Binary {
            path: path.to_path_buf(),
            line,
        });
    }
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(&bytes)
        .to_vec();
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count();
        Error::NotUtf8 {
            path: path.to_path_buf(),
            line,
        }
    })?;
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn identity(format: Format, input: &str) -> String {
        let en = Locale::parse("en").unwrap();
        let seg = Segmenter::new(&en, &[]);
        let doc = format.extract(input.to_string(), &seg);
        let sources: Vec<Text> = doc.segments().map(|s| s.source.clone()).collect();
        let outputs: Vec<_> = sources.iter().map(SegmentOutput::Translated).collect();
        format.merge(&doc, &outputs, &en)
    }

    #[test]
    fn identity_round_trip_plain_and_markdown() {
        let plain = "Title line\n\nA first sentence. A second one.\n\n  • An item: with [YourSiteName].\n";
        assert_eq!(identity(Format::Plain, plain), plain);
        let md = "# Title\n\nSome *emphasis.* And a [link](http://x.y \"t\").\n\n- item `code`\n";
        assert_eq!(identity(Format::Markdown, md), md);
    }

    #[test]
    fn chinese_joins_sentences_without_space() {
        let en = Locale::parse("en").unwrap();
        let zh = Locale::parse("zh").unwrap();
        let seg = Segmenter::new(&en, &[]);
        let doc = Format::Plain.extract("One. Two.\n".to_string(), &seg);
        let a = Text::plain("一。");
        let b = Text::plain("二。");
        let outputs = [SegmentOutput::Translated(&a), SegmentOutput::Translated(&b)];
        assert_eq!(Format::Plain.merge(&doc, &outputs, &zh), "一。二。\n");
    }
}
