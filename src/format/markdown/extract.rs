//! The Markdown body as units: one pass over pulldown-cmark's events on the prepared (front
//! matter blanked, templates masked) text, cutting every original byte from the real source.

#![deny(clippy::string_slice)]

use super::Prepared;
use crate::format::html;
use crate::model::{Part, Placeholder, PlaceholderKind, Unit, UnitKind};
use crate::segment::{Piece, Segmenter, segment_pieces};
use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};
use std::ops::Range;

/// The label of the placeholder that holds a template's bytes.
const TEMPLATE: &str = "template";

struct OpenSpan {
    piece: usize,
    element: Range<usize>,
    last_child_end: usize,
    has_child: bool,
    label: &'static str,
    id: u32,
    /// What the closing placeholder writes instead of its source bytes (a shortcut reference
    /// link closes with `][label]` so that its translated text keeps the definition).
    close: Option<String>,
}

struct Collector {
    kind: UnitKind,
    pieces: Vec<Piece>,
    open: Vec<OpenSpan>,
    next_id: u32,
    /// Attribute units of inline HTML tags inside this unit, written after it.
    nested: Vec<Unit>,
}

impl Collector {
    fn new(kind: UnitKind) -> Self {
        Collector {
            kind,
            pieces: Vec::new(),
            open: Vec::new(),
            next_id: 1,
            nested: Vec::new(),
        }
    }

    /// Before any child event: fixes the opening bytes of spans still waiting for their
    /// first child, and afterwards records how far the innermost span's content reaches.
    fn child_starts(&mut self, source: &str, at: usize) {
        for span in self.open.iter_mut().filter(|s| !s.has_child) {
            span.has_child = true;
            // boundary: parser offsets are boundaries of the masked text, which is the source
            // outside templates and one unbroken run of ASCII mask letters (no line end, no
            // markup) inside each template, which the parser never cuts.
            #[allow(clippy::string_slice)]
            let original = source[span.element.start..at].to_string();
            self.pieces[span.piece].span = span.element.start..at;
            if let Part::Placeholder(p) = &mut self.pieces[span.piece].part {
                p.original = original;
            }
        }
    }

    fn child_ends(&mut self, end: usize) {
        if let Some(top) = self.open.last_mut() {
            top.last_child_end = end;
        }
    }

    fn standalone(&mut self, label: &str, source: &str, range: Range<usize>) {
        let id = self.next_id;
        self.next_id += 1;
        // boundary: parser offsets (see `child_starts`).
        #[allow(clippy::string_slice)]
        self.pieces.push(Piece {
            part: Part::Placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Standalone,
                label: label.into(),
                original: source[range.clone()].to_string(),
            }),
            span: range,
        });
    }

    /// A text event: the parts inside templates become template placeholders (a template
    /// already begun in an earlier event is not repeated).
    fn text(&mut self, source: &str, templates: &[Range<usize>], range: Range<usize>, text: &str) {
        let first = templates.partition_point(|t| t.end <= range.start);
        let overlapping = templates[first..].iter().take_while(|t| t.start < range.end);
        let mut pos = range.start;
        let mut any = false;
        for t in overlapping {
            any = true;
            if t.start > pos {
                // boundary: template spans start on `{` and end after `}`; `pos` is one's end or
                // a parser offset outside templates (see `child_starts`).
                #[allow(clippy::string_slice)]
                self.pieces.push(Piece {
                    part: Part::Str(source[pos..t.start].to_string()),
                    span: pos..t.start,
                });
            }
            if t.start >= range.start {
                self.standalone(TEMPLATE, source, t.clone());
            }
            pos = t.end;
        }
        if !any {
            self.push_unescaped(source, range, text);
        } else if pos < range.end {
            // boundary: `pos` is a template's end, after an ASCII `}`; `range.end` is a parser
            // offset outside templates (see `child_starts`).
            #[allow(clippy::string_slice)]
            self.pieces.push(Piece {
                part: Part::Str(source[pos..range.end].to_string()),
                span: pos..range.end,
            });
        }
    }

    /// A text event the parser reports without the backslash of the escape before it
    /// (`\\*Note` gives `*Note`): the escaped character becomes a piece of its own whose span
    /// holds the backslash, so that a segment starting there takes the backslash with it
    /// instead of leaving it in the skeleton before the translation.
    // boundary: `range` is a parser offset (see `child_starts`), and `c`, the first character
    // of `text`, is ASCII: one byte.
    #[allow(clippy::string_slice)]
    fn push_unescaped(&mut self, source: &str, range: Range<usize>, text: &str) {
        let bytes = source.as_bytes();
        let backslashes = bytes[..range.start].iter().rev().take_while(|&&b| b == b'\\').count();
        let first = text.chars().next().filter(char::is_ascii_punctuation);
        match first {
            Some(c) if backslashes % 2 == 1 && source[range.clone()].starts_with(c) => {
                // `c` is ASCII: one byte, so `range.start + 1` is a character boundary.
                self.pieces.push(Piece {
                    part: Part::Str(c.to_string()),
                    span: range.start - 1..range.start + 1,
                });
                if range.end > range.start + 1 {
                    self.pieces.push(Piece {
                        part: Part::Str(text[1..].to_string()),
                        span: range.start + 1..range.end,
                    });
                }
            }
            _ => self.pieces.push(Piece {
                part: Part::Str(text.to_string()),
                span: range,
            }),
        }
    }

    fn open_span(&mut self, label: &'static str, range: Range<usize>, close: Option<String>) {
        let id = self.next_id;
        self.next_id += 1;
        self.pieces.push(Piece {
            part: Part::Placeholder(Placeholder {
                id,
                kind: PlaceholderKind::Open,
                label: label.into(),
                original: String::new(),
            }),
            span: range.start..range.start,
        });
        self.open.push(OpenSpan {
            piece: self.pieces.len() - 1,
            element: range.clone(),
            last_child_end: range.start,
            has_child: false,
            label,
            id,
            close,
        });
    }

    fn close_span(&mut self, source: &str) {
        let Some(span) = self.open.pop() else { return };
        let close_from = if span.has_child {
            span.last_child_end
        } else {
            span.element.end
        };
        if !span.has_child {
            // An empty span (`[](url)`): its whole markup is the opening placeholder.
            self.pieces[span.piece].span = span.element.clone();
            if let Part::Placeholder(p) = &mut self.pieces[span.piece].part {
                // boundary: parser offsets (see `child_starts`).
                #[allow(clippy::string_slice)]
                let original = source[span.element.clone()].to_string();
                p.original = original;
            }
        }
        // boundary: parser offsets (see `child_starts`).
        #[allow(clippy::string_slice)]
        let original = span
            .close
            .unwrap_or_else(|| source[close_from..span.element.end].to_string());
        self.pieces.push(Piece {
            part: Part::Placeholder(Placeholder {
                id: span.id,
                kind: PlaceholderKind::Close,
                label: span.label.into(),
                original,
            }),
            span: close_from..span.element.end,
        });
        self.child_ends(span.element.end);
    }
}

fn inline_label(tag: &Tag<'_>) -> Option<&'static str> {
    Some(match tag {
        Tag::Emphasis => "i",
        Tag::Strong => "b",
        Tag::Strikethrough => "s",
        Tag::Superscript => "sup",
        Tag::Subscript => "sub",
        Tag::Link { .. } => "link",
        Tag::Image { .. } => "img",
        _ => return None,
    })
}

fn unit_kind(tag: &Tag<'_>) -> Option<UnitKind> {
    Some(match tag {
        Tag::Paragraph => UnitKind::Paragraph,
        Tag::Heading { .. } => UnitKind::Heading,
        Tag::Item => UnitKind::ListItem,
        Tag::TableCell => UnitKind::TableCell,
        Tag::DefinitionListTitle | Tag::DefinitionListDefinition => UnitKind::Paragraph,
        _ => return None,
    })
}

fn ends_unit(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// What a shortcut (`[label]`) or collapsed (`[label][]`) reference link closes with in a
/// translation, where its text, which is also its label, changes: the destination and title
/// of its definition written inline, `](<url> "title")`, so the link keeps its target and no
/// English label is left in the edition; `][label]` when the destination cannot be written
/// inline. The definition itself stays in the skeleton.
fn reference_close(prepared: &Prepared, source: &str, tag: &Tag<'_>, range: &Range<usize>) -> Option<String> {
    let Tag::Link { link_type, .. } = tag else {
        return None;
    };
    // The parser's range of a collapsed link ends before its `[]`.
    let label = match link_type {
        LinkType::Shortcut | LinkType::Collapsed => source.get(range.clone())?.strip_prefix('[')?.strip_suffix(']')?,
        _ => return None,
    };
    let Some((dest_url, title)) = prepared.references.get(&range.start) else {
        return Some(format!("][{label}]"));
    };
    if dest_url.contains(['<', '>', '\n', '\r', '\\']) {
        return Some(format!("][{label}]"));
    }
    let mut close = format!("](<{dest_url}>");
    if !title.is_empty() {
        close.push_str(" \"");
        for c in title.chars() {
            if matches!(c, '"' | '\\') {
                close.push('\\');
            }
            close.push(c);
        }
        close.push('"');
    }
    close.push(')');
    Some(close)
}

/// A unit's pieces without the templates and blanks at its edges: a shortcode on its own line
/// before or after the text stays in the skeleton, where it was.
fn trim_templates(pieces: &mut Vec<Piece>) {
    let edge = |p: &Piece| match &p.part {
        Part::Str(s) => s.trim().is_empty(),
        Part::Placeholder(ph) => ph.kind == PlaceholderKind::Standalone && ph.label == TEMPLATE,
    };
    let has_template = |ps: &[Piece]| {
        ps.iter()
            .any(|p| matches!(&p.part, Part::Placeholder(ph) if ph.label == TEMPLATE))
    };
    let lead = pieces.iter().take_while(|p| edge(p)).count();
    if has_template(&pieces[..lead]) {
        pieces.drain(..lead);
    }
    let trail = pieces.iter().rev().take_while(|p| edge(p)).count();
    let from = pieces.len() - trail;
    if has_template(&pieces[from..]) {
        pieces.truncate(from);
    }
}

/// The units of an HTML fragment of the Markdown (a block or one inline tag), at their place
/// in `source`.
fn html_units(source: &str, range: Range<usize>, segmenter: &Segmenter) -> Vec<Unit> {
    // The HTML extractor's repairs are not reported here: a fragment of Markdown (an inline
    // `<kbd>`, or a block that Markdown content interrupts) is not a whole element.
    html::extract_fragment(source, range, segmenter).0
}

struct Extractor<'a> {
    source: &'a str,
    segmenter: &'a Segmenter,
    units: Vec<Unit>,
    blockquote: usize,
}

impl Extractor<'_> {
    fn flush(&mut self, c: Option<Collector>) {
        let Some(mut c) = c else { return };
        // A span left open (a broken document) is closed where the unit ends.
        while let Some(span) = c.open.pop() {
            c.pieces.remove(span.piece);
        }
        trim_templates(&mut c.pieces);
        if !c.pieces.is_empty() {
            let pieces = crate::format::plain::with_variables(c.pieces, self.source);
            let segments = segment_pieces(self.segmenter, &pieces, self.source);
            if segments.iter().any(|s| s.source.has_words()) {
                let span = segments[0].span.start..segments.last().expect("non-empty").span.end;
                let kind = if self.blockquote > 0 && c.kind == UnitKind::Paragraph {
                    UnitKind::Quote
                } else {
                    c.kind
                };
                self.units.push(Unit { kind, segments, span });
            }
        }
        self.units.append(&mut c.nested);
    }
}

/// The units of the Markdown body (front matter excluded: see `super::extract`).
pub(super) fn body_units(source: &str, prepared: &Prepared, segmenter: &Segmenter) -> Vec<Unit> {
    let mut ex = Extractor {
        source,
        segmenter,
        units: Vec::new(),
        blockquote: 0,
    };
    let templates = prepared.templates.as_slice();
    let mut current: Option<Collector> = None;
    // An autolink or an HTML block: its inner events are not looked at.
    let mut skip: Option<Range<usize>> = None;
    for (event, range) in Parser::new_ext(&prepared.masked, super::options()).into_offset_iter() {
        if let Some(s) = &skip {
            if range.start >= s.start && range.end <= s.end {
                continue;
            }
            skip = None;
        }
        match event {
            Event::Start(tag) => {
                if let Some(kind) = unit_kind(&tag) {
                    ex.flush(current.take());
                    current = Some(Collector::new(kind));
                    continue;
                }
                if let Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } = tag
                {
                    if let Some(c) = current.as_mut() {
                        c.child_starts(source, range.start);
                        c.standalone("link", source, range.clone());
                        c.child_ends(range.end);
                    }
                    skip = Some(range);
                    continue;
                }
                if let Some(label) = inline_label(&tag) {
                    if let Some(c) = current.as_mut() {
                        c.child_starts(source, range.start);
                        let close = reference_close(prepared, source, &tag, &range);
                        let mut range = range;
                        if let Tag::Link {
                            link_type: LinkType::Collapsed,
                            ..
                        } = tag
                            && source.as_bytes()[range.end..].starts_with(b"[]")
                        {
                            range.end += 2;
                        }
                        c.open_span(label, range, close);
                    }
                    continue;
                }
                if matches!(tag, Tag::BlockQuote(_)) {
                    ex.blockquote += 1;
                }
                // Any other block (a nested list, a code block, a table) ends the unit in progress.
                ex.flush(current.take());
                if matches!(tag, Tag::HtmlBlock) {
                    ex.units.extend(html_units(source, range.clone(), segmenter));
                    skip = Some(range);
                }
            }
            Event::End(tag) => {
                if ends_unit(&tag) {
                    ex.flush(current.take());
                    continue;
                }
                if matches!(tag, TagEnd::BlockQuote(_)) {
                    ex.blockquote = ex.blockquote.saturating_sub(1);
                }
                if let Some(c) = current.as_mut()
                    && is_inline_end(&tag)
                {
                    c.close_span(source);
                }
            }
            Event::Text(text) => {
                if let Some(c) = current.as_mut() {
                    c.child_starts(source, range.start);
                    c.text(source, templates, range.clone(), &text);
                    c.child_ends(range.end);
                }
            }
            Event::SoftBreak => {
                if let Some(c) = current.as_mut() {
                    c.child_starts(source, range.start);
                    c.pieces.push(Piece {
                        part: Part::Str(" ".into()),
                        span: range.clone(),
                    });
                    c.child_ends(range.end);
                }
            }
            Event::InlineHtml(_) => {
                if let Some(c) = current.as_mut() {
                    c.child_starts(source, range.start);
                    c.standalone("html", source, range.clone());
                    c.child_ends(range.end);
                    c.nested.extend(html_units(source, range, segmenter));
                }
            }
            Event::Code(_) | Event::HardBreak | Event::FootnoteReference(_) | Event::InlineMath(_) => {
                if let Some(c) = current.as_mut() {
                    let label = match event {
                        Event::Code(_) => "code",
                        Event::HardBreak => "br",
                        Event::FootnoteReference(_) => "fn",
                        _ => "math",
                    };
                    c.child_starts(source, range.start);
                    c.standalone(label, source, range.clone());
                    c.child_ends(range.end);
                }
            }
            // A task box opens its item; it stays in the skeleton.
            Event::TaskListMarker(_) => {}
            Event::Html(_) | Event::DisplayMath(_) | Event::Rule => {
                ex.flush(current.take());
            }
        }
    }
    ex.flush(current.take());
    ex.units
}
