//! Markdown (CommonMark with GFM tables, strikethrough, task lists and footnotes), read with
//! pulldown-cmark's offset iterator.
//!
//! Leaf blocks (paragraphs, headings, list items, table cells) become units. Inline markup
//! becomes placeholders whose original bytes are cut from the source itself: emphasis opens
//! with the exact `*` or `_` the author typed, a link closes with its exact `](url "title")`.
//! Code blocks, HTML blocks and front matter are never units, so they are never translated.

use crate::model::{Part, Placeholder, PlaceholderKind, Unit, UnitKind};
use crate::segment::{Piece, Segmenter, segment_pieces};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

struct OpenSpan {
    piece: usize,
    element: Range<usize>,
    last_child_end: usize,
    has_child: bool,
    label: &'static str,
    id: u32,
}

struct Collector {
    kind: UnitKind,
    pieces: Vec<Piece>,
    open: Vec<OpenSpan>,
    next_id: u32,
}

impl Collector {
    fn new(kind: UnitKind) -> Self {
        Collector {
            kind,
            pieces: Vec::new(),
            open: Vec::new(),
            next_id: 1,
        }
    }

    /// Before any child event: fixes the opening bytes of spans still waiting for their
    /// first child, and afterwards records how far the innermost span's content reaches.
    fn child_starts(&mut self, source: &str, at: usize) {
        for span in self.open.iter_mut().filter(|s| !s.has_child) {
            span.has_child = true;
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

pub(super) fn extract(source: &str, segmenter: &Segmenter) -> Vec<Unit> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut units = Vec::new();
    let mut current: Option<Collector> = None;
    let mut in_blockquote = 0usize;
    let flush = |c: Option<Collector>, units: &mut Vec<Unit>, quoted: bool| {
        let Some(mut c) = c else { return };
        // A span left open (a broken document) is closed where the unit ends.
        while let Some(span) = c.open.pop() {
            c.pieces.remove(span.piece);
        }
        if c.pieces.is_empty() {
            return;
        }
        let pieces = super::plain::with_variables(c.pieces, source);
        let segments = segment_pieces(segmenter, &pieces, source);
        if segments.iter().any(|s| s.source.has_words()) {
            let span = segments[0].span.start..segments.last().expect("non-empty").span.end;
            let kind = if quoted && c.kind == UnitKind::Paragraph {
                UnitKind::Quote
            } else {
                c.kind
            };
            units.push(Unit { kind, segments, span });
        }
    };
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if let Some(kind) = unit_kind(&tag) {
                    flush(current.take(), &mut units, in_blockquote > 0);
                    current = Some(Collector::new(kind));
                    continue;
                }
                if let Some(label) = inline_label(&tag) {
                    if let Some(c) = current.as_mut() {
                        c.child_starts(source, range.start);
                        let id = c.next_id;
                        c.next_id += 1;
                        c.pieces.push(Piece {
                            part: Part::Placeholder(Placeholder {
                                id,
                                kind: PlaceholderKind::Open,
                                label: label.into(),
                                original: String::new(),
                            }),
                            span: range.start..range.start,
                        });
                        c.open.push(OpenSpan {
                            piece: c.pieces.len() - 1,
                            element: range.clone(),
                            last_child_end: range.start,
                            has_child: false,
                            label,
                            id,
                        });
                    }
                    continue;
                }
                if matches!(tag, Tag::BlockQuote(_)) {
                    in_blockquote += 1;
                }
                // Any other block (a nested list, a code block, a table) ends the unit in progress.
                flush(current.take(), &mut units, in_blockquote > 0);
            }
            Event::End(tag) => {
                if ends_unit(&tag) {
                    flush(current.take(), &mut units, in_blockquote > 0);
                    continue;
                }
                if matches!(tag, TagEnd::BlockQuote(_)) {
                    in_blockquote = in_blockquote.saturating_sub(1);
                }
                let Some(c) = current.as_mut() else { continue };
                let is_inline = matches!(
                    tag,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                        | TagEnd::Link
                        | TagEnd::Image
                );
                if !is_inline {
                    continue;
                }
                let Some(span) = c.open.pop() else { continue };
                let close_from = if span.has_child {
                    span.last_child_end
                } else {
                    span.element.end
                };
                if !span.has_child {
                    // An empty span (`[](url)`): its whole markup is the opening placeholder.
                    c.pieces[span.piece].span = span.element.clone();
                    if let Part::Placeholder(p) = &mut c.pieces[span.piece].part {
                        p.original = source[span.element.clone()].to_string();
                    }
                }
                c.pieces.push(Piece {
                    part: Part::Placeholder(Placeholder {
                        id: span.id,
                        kind: PlaceholderKind::Close,
                        label: span.label.into(),
                        original: source[close_from..span.element.end].to_string(),
                    }),
                    span: close_from..span.element.end,
                });
                c.child_ends(span.element.end);
            }
            Event::Text(text) => {
                if let Some(c) = current.as_mut() {
                    c.child_starts(source, range.start);
                    c.pieces.push(Piece {
                        part: Part::Str(text.to_string()),
                        span: range.clone(),
                    });
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
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineMath(_) => {
                if let Some(c) = current.as_mut() {
                    let label = match event {
                        Event::Code(_) => "code",
                        Event::InlineHtml(_) => "html",
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
                flush(current.take(), &mut units, in_blockquote > 0);
            }
        }
    }
    flush(current.take(), &mut units, in_blockquote > 0);
    units
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
        extract(src, &Segmenter::new(&Locale::parse("en").unwrap(), &[]))
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
    fn code_blocks_and_front_matter_are_not_units() {
        let src = "---\ntitle: x\n---\n\n# Head\n\n```\nnot. translated.\n```\n\n    indented code.\n";
        let u = units(src);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].kind, UnitKind::Heading);
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
