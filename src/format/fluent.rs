//! Project Fluent resources (`.ftl`) as a document format, so a team can translate its own
//! interface strings with the same pipeline, memory and glossary.
//!
//! Units: every message value, attribute and select variant. A run of text and inline
//! placeables (`{ $name }`, `{ -term }`, `{ NUMBER($n) }`, message references) is a unit; the
//! placeables travel as placeholders, so no engine or translator can break them. Select
//! expressions are structure, not text: each variant is a unit of its own.
//!
//! Merging rebuilds the syntax tree with the translated patterns and serializes it with
//! fluent-syntax, so the result always parses. Plural selects (variant keys that are CLDR
//! plural categories or numbers) are expanded to the target language's categories — Arabic
//! has zero, one, two, few, many and other — each new category starting from the source's
//! variant of that name, else from its default variant. Fluent resources are not byte-for-byte
//! round-trippable this way (the serializer normalises layout); their meaning is.

#![deny(clippy::string_slice)]

use crate::lang::Locale;
use crate::model::{Document, Part, Placeholder, PlaceholderKind, Unit, UnitKind};
use crate::segment::{Piece, Segmenter, segment_pieces};
use fluent_syntax::ast;

use super::SegmentOutput;

/// The units of a Fluent resource; syntax errors are reported by the caller (`check_syntax`).
pub(super) fn extract(source: &str, segmenter: &Segmenter) -> Vec<Unit> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut units = Vec::new();
    for entry in &resource.body {
        for (kind, pattern) in patterns(entry) {
            walk_pattern(pattern, &mut |run| {
                let pieces = run_pieces(run, source);
                let segments = segment_pieces(segmenter, &pieces, source);
                if !segments.is_empty() {
                    let span = segments[0].span.start..segments.last().expect("non-empty").span.end;
                    units.push(Unit { kind, segments, span });
                }
            });
        }
    }
    // Units without words (a lone placeable) are kept: merge must see the same units.
    units
}

/// The first syntax error of a resource, as (byte offset, message): the start of the entry
/// that failed to parse, where a person looks first.
pub fn syntax_error(source: &str) -> Option<(usize, String)> {
    match fluent_syntax::parser::parse(source) {
        Ok(_) => None,
        Err((_, errors)) => errors
            .first()
            .map(|e| (e.slice.as_ref().map_or(e.pos.start, |s| s.start), e.kind.to_string())),
    }
}

/// The translatable patterns of an entry, in order.
fn patterns<'a, 's>(entry: &'a ast::Entry<&'s str>) -> Vec<(UnitKind, &'a ast::Pattern<&'s str>)> {
    let mut out = Vec::new();
    let (value, attributes) = match entry {
        ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
        ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
        _ => return out,
    };
    if let Some(v) = value {
        out.push((UnitKind::Message, v));
    }
    for a in attributes {
        out.push((UnitKind::Attribute, &a.value));
    }
    out
}

/// Calls `f` with each run (elements between select expressions) of `pattern`, descending
/// into select variants in order.
fn walk_pattern<'a, 's>(pattern: &'a ast::Pattern<&'s str>, f: &mut dyn FnMut(&[&'a ast::PatternElement<&'s str>])) {
    let mut run: Vec<&ast::PatternElement<&str>> = Vec::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { variants, .. },
        } = element
        {
            if !run.is_empty() {
                f(&run);
                run.clear();
            }
            for v in variants {
                walk_pattern(&v.value, f);
            }
        } else {
            run.push(element);
        }
    }
    if !run.is_empty() {
        f(&run);
    }
}

fn offset_of(source: &str, slice: &str) -> usize {
    let (s, b) = (slice.as_ptr() as usize, source.as_ptr() as usize);
    if s >= b && s <= b + source.len() { s - b } else { 0 }
}

fn run_pieces(run: &[&ast::PatternElement<&str>], source: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut next_id = 1;
    let mut at = 0;
    for element in run {
        match element {
            ast::PatternElement::TextElement { value } => {
                at = offset_of(source, value);
                pieces.push(Piece {
                    part: Part::Str(value.to_string()),
                    span: at..at + value.len(),
                });
                at += value.len();
            }
            ast::PatternElement::Placeable { expression } => {
                let original = serialize_expression(expression);
                pieces.push(Piece {
                    part: Part::Placeholder(Placeholder {
                        id: next_id,
                        kind: PlaceholderKind::Standalone,
                        label: "fluent".into(),
                        original,
                    }),
                    span: at..at,
                });
                next_id += 1;
            }
        }
    }
    pieces
}

/// The source form of a placeable, as Fluent writes it (`{ $name }`).
fn serialize_expression(expression: &ast::Expression<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            }),
            attributes: vec![],
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&resource);
    text.trim_end().strip_prefix("x = ").unwrap_or(&text).to_string()
}

/// Rebuilds the resource with the translations and serializes it.
pub(super) fn merge(doc: &Document, outputs: &[SegmentOutput<'_>], target: &Locale) -> String {
    let resource = match fluent_syntax::parser::parse(doc.source.as_str()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut state = Merge {
        doc,
        outputs,
        next_unit: 0,
        next_segment: 0,
        target,
        categories: plural_categories(target),
    };
    let body: Vec<ast::Entry<String>> = resource.body.iter().map(|e| state.entry(e)).collect();
    fluent_syntax::serializer::serialize(&ast::Resource { body })
}

struct Merge<'a, 'o> {
    doc: &'a Document,
    outputs: &'a [SegmentOutput<'o>],
    next_unit: usize,
    next_segment: usize,
    target: &'a Locale,
    categories: Vec<&'static str>,
}

impl Merge<'_, '_> {
    fn entry(&mut self, entry: &ast::Entry<&str>) -> ast::Entry<String> {
        match entry {
            ast::Entry::Message(m) => ast::Entry::Message(ast::Message {
                id: ident(&m.id),
                value: m.value.as_ref().map(|p| self.pattern(p)),
                attributes: m
                    .attributes
                    .iter()
                    .map(|a| ast::Attribute {
                        id: ident(&a.id),
                        value: self.pattern(&a.value),
                    })
                    .collect(),
                comment: m.comment.as_ref().map(comment),
            }),
            ast::Entry::Term(t) => ast::Entry::Term(ast::Term {
                id: ident(&t.id),
                value: self.pattern(&t.value),
                attributes: t
                    .attributes
                    .iter()
                    .map(|a| ast::Attribute {
                        id: ident(&a.id),
                        value: self.pattern(&a.value),
                    })
                    .collect(),
                comment: t.comment.as_ref().map(comment),
            }),
            ast::Entry::Comment(c) => ast::Entry::Comment(comment(c)),
            ast::Entry::GroupComment(c) => ast::Entry::GroupComment(comment(c)),
            ast::Entry::ResourceComment(c) => ast::Entry::ResourceComment(comment(c)),
            ast::Entry::Junk { content } => ast::Entry::Junk {
                content: content.to_string(),
            },
        }
    }

    /// The translated pattern, consuming units in extraction order.
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) -> ast::Pattern<String> {
        let mut elements = Vec::new();
        let mut run: Vec<&ast::PatternElement<&str>> = Vec::new();
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable {
                expression: ast::Expression::Select { selector, variants },
            } = element
            {
                if !run.is_empty() {
                    elements.extend(self.run(&run));
                    run.clear();
                }
                let translated: Vec<ast::Variant<String>> = variants
                    .iter()
                    .map(|v| ast::Variant {
                        key: variant_key(&v.key),
                        value: self.pattern(&v.value),
                        default: v.default,
                    })
                    .collect();
                let variants = self.expand_plurals(variants, translated);
                elements.push(ast::PatternElement::Placeable {
                    expression: ast::Expression::Select {
                        selector: inline(selector),
                        variants,
                    },
                });
            } else {
                run.push(element);
            }
        }
        if !run.is_empty() {
            elements.extend(self.run(&run));
        }
        ast::Pattern { elements }
    }

    /// One unit's elements: its segments' translations joined, placeables restored.
    fn run(&mut self, run: &[&ast::PatternElement<&str>]) -> Vec<ast::PatternElement<String>> {
        let placeables: Vec<ast::Expression<String>> = run
            .iter()
            .filter_map(|e| match e {
                ast::PatternElement::Placeable { expression } => Some(expression_owned(expression)),
                ast::PatternElement::TextElement { .. } => None,
            })
            .collect();
        let Some(unit) = self.doc.units.get(self.next_unit) else {
            return Vec::new();
        };
        self.next_unit += 1;
        // Segments are trimmed; the run's own outer spaces ("{ $path }: { $count -> …") stay.
        // boundary: `kept` is `value` trimmed at one end, so its length cut from that end is one.
        #[allow(clippy::string_slice)]
        let edge = |e: Option<&&ast::PatternElement<&str>>, leading: bool| match e {
            Some(ast::PatternElement::TextElement { value }) => {
                let kept = if leading { value.trim_start() } else { value.trim_end() };
                if leading {
                    value[..value.len() - kept.len()].to_string()
                } else {
                    value[kept.len()..].to_string()
                }
            }
            _ => String::new(),
        };
        let (leading, trailing) = (edge(run.first(), true), edge(run.last(), false));
        let mut elements = Vec::new();
        let mut text = leading;
        for (i, segment) in unit.segments.iter().enumerate() {
            if i > 0 {
                text.push_str(self.target.sentence_joiner());
            }
            let output = self
                .outputs
                .get(self.next_segment)
                .copied()
                .unwrap_or(SegmentOutput::Untranslated);
            self.next_segment += 1;
            let parts: Vec<Part> = match output {
                SegmentOutput::Translated(t) => t.0.clone(),
                SegmentOutput::Untranslated => {
                    let mut marked = vec![Part::Str(super::UNTRANSLATED_OPEN.to_string())];
                    marked.extend(segment.source.0.iter().cloned());
                    marked.push(Part::Str(super::UNTRANSLATED_CLOSE.to_string()));
                    marked
                }
            };
            for part in parts {
                match part {
                    Part::Str(s) => text.push_str(&s),
                    Part::Placeholder(p) => {
                        flush_text(&mut text, &mut elements);
                        if let Some(expression) = placeables.get(p.id as usize - 1) {
                            elements.push(ast::PatternElement::Placeable {
                                expression: expression.clone(),
                            });
                        }
                    }
                }
            }
        }
        text.push_str(&trailing);
        flush_text(&mut text, &mut elements);
        elements
    }

    /// A plural select gets exactly the target language's categories (numeric keys kept).
    fn expand_plurals(
        &self,
        source: &[ast::Variant<&str>],
        translated: Vec<ast::Variant<String>>,
    ) -> Vec<ast::Variant<String>> {
        let is_plural = source
            .iter()
            .any(|v| matches!(v.key, ast::VariantKey::Identifier { .. }))
            && source.iter().all(|v| match &v.key {
                ast::VariantKey::Identifier { name } => CATEGORIES.contains(name),
                ast::VariantKey::NumberLiteral { .. } => true,
            });
        if !is_plural || self.categories.is_empty() {
            return translated;
        }
        let by_name = |name: &str| {
            translated
                .iter()
                .find(|v| matches!(&v.key, ast::VariantKey::Identifier { name: n } if n == name))
        };
        let default = translated.iter().find(|v| v.default).or(translated.last()).cloned();
        let mut out: Vec<ast::Variant<String>> = translated
            .iter()
            .filter(|v| matches!(v.key, ast::VariantKey::NumberLiteral { .. }))
            .cloned()
            .collect();
        for category in &self.categories {
            let value = by_name(category)
                .or(default.as_ref())
                .map(|v| v.value.clone())
                .unwrap_or(ast::Pattern { elements: vec![] });
            out.push(ast::Variant {
                key: ast::VariantKey::Identifier {
                    name: category.to_string(),
                },
                value,
                default: *category == "other",
            });
        }
        out
    }
}

const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The cardinal plural categories of a language, in CLDR order.
pub fn plural_categories(locale: &Locale) -> Vec<&'static str> {
    plural_categories_of(&locale.language())
}

/// [`plural_categories`] for a tag as it names a folder (`ru`, `pt-BR`, `sr-Latn`): every
/// cardinal category of its CLDR rules (ICU4X); only `other` for a language CLDR does not know.
pub fn plural_categories_of(tag: &str) -> Vec<&'static str> {
    let Some(rules) = rules_of(tag) else {
        return vec!["other"];
    };
    let all: Vec<&'static str> = rules.categories().map(category_name).collect();
    CATEGORIES.iter().copied().filter(|c| all.contains(c)).collect()
}

/// The categories that whole counts from 0 to 1,000 take (what a UI's "{ $n } files" shows):
/// Czech `many` (only decimals) and French `many` (only exact millions) are left out, Russian
/// `many` (5 files) is not. `l10n check` asks a translation to cover these, as compare-locales
/// does with its integer rules.
pub fn count_categories_of(tag: &str) -> Vec<&'static str> {
    let Some(rules) = rules_of(tag) else {
        return vec!["other"];
    };
    let reached: Vec<&'static str> = (0..=1000usize).map(|n| category_name(rules.category_for(n))).collect();
    CATEGORIES.iter().copied().filter(|c| reached.contains(c)).collect()
}

fn rules_of(tag: &str) -> Option<icu_plurals::PluralRules> {
    let locale: icu_locale::Locale = tag.parse().ok()?;
    icu_plurals::PluralRules::try_new_cardinal((&locale).into()).ok()
}

fn category_name(category: icu_plurals::PluralCategory) -> &'static str {
    use icu_plurals::PluralCategory as C;
    match category {
        C::Zero => "zero",
        C::One => "one",
        C::Two => "two",
        C::Few => "few",
        C::Many => "many",
        C::Other => "other",
    }
}

/// Translated text as Fluent text elements: braces become string literals, line breaks
/// spaces, so translated text can never become Fluent syntax.
fn flush_text(text: &mut String, elements: &mut Vec<ast::PatternElement<String>>) {
    if text.is_empty() {
        return;
    }
    let clean: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let mut current = String::new();
    for c in clean.chars() {
        if c == '{' || c == '}' {
            if !current.is_empty() {
                elements.push(ast::PatternElement::TextElement {
                    value: std::mem::take(&mut current),
                });
            }
            elements.push(ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value: c.to_string() }),
            });
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        elements.push(ast::PatternElement::TextElement { value: current });
    }
    text.clear();
}

fn ident(i: &ast::Identifier<&str>) -> ast::Identifier<String> {
    ast::Identifier {
        name: i.name.to_string(),
    }
}

fn comment(c: &ast::Comment<&str>) -> ast::Comment<String> {
    ast::Comment {
        content: c.content.iter().map(|s| s.to_string()).collect(),
    }
}

fn variant_key(k: &ast::VariantKey<&str>) -> ast::VariantKey<String> {
    match k {
        ast::VariantKey::Identifier { name } => ast::VariantKey::Identifier { name: name.to_string() },
        ast::VariantKey::NumberLiteral { value } => ast::VariantKey::NumberLiteral {
            value: value.to_string(),
        },
    }
}

fn pattern_owned(p: &ast::Pattern<&str>) -> ast::Pattern<String> {
    ast::Pattern {
        elements: p
            .elements
            .iter()
            .map(|e| match e {
                ast::PatternElement::TextElement { value } => ast::PatternElement::TextElement {
                    value: value.to_string(),
                },
                ast::PatternElement::Placeable { expression } => ast::PatternElement::Placeable {
                    expression: expression_owned(expression),
                },
            })
            .collect(),
    }
}

fn expression_owned(e: &ast::Expression<&str>) -> ast::Expression<String> {
    match e {
        ast::Expression::Inline(i) => ast::Expression::Inline(inline(i)),
        ast::Expression::Select { selector, variants } => ast::Expression::Select {
            selector: inline(selector),
            variants: variants
                .iter()
                .map(|v| ast::Variant {
                    key: variant_key(&v.key),
                    value: pattern_owned(&v.value),
                    default: v.default,
                })
                .collect(),
        },
    }
}

fn arguments(a: &ast::CallArguments<&str>) -> ast::CallArguments<String> {
    ast::CallArguments {
        positional: a.positional.iter().map(inline).collect(),
        named: a
            .named
            .iter()
            .map(|n| ast::NamedArgument {
                name: ident(&n.name),
                value: inline(&n.value),
            })
            .collect(),
    }
}

fn inline(i: &ast::InlineExpression<&str>) -> ast::InlineExpression<String> {
    match i {
        ast::InlineExpression::StringLiteral { value } => ast::InlineExpression::StringLiteral {
            value: value.to_string(),
        },
        ast::InlineExpression::NumberLiteral { value } => ast::InlineExpression::NumberLiteral {
            value: value.to_string(),
        },
        ast::InlineExpression::FunctionReference { id, arguments: a } => ast::InlineExpression::FunctionReference {
            id: ident(id),
            arguments: arguments(a),
        },
        ast::InlineExpression::MessageReference { id, attribute } => ast::InlineExpression::MessageReference {
            id: ident(id),
            attribute: attribute.as_ref().map(ident),
        },
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments: a,
        } => ast::InlineExpression::TermReference {
            id: ident(id),
            attribute: attribute.as_ref().map(ident),
            arguments: a.as_ref().map(arguments),
        },
        ast::InlineExpression::VariableReference { id } => ast::InlineExpression::VariableReference { id: ident(id) },
        ast::InlineExpression::Placeable { expression } => ast::InlineExpression::Placeable {
            expression: Box::new(expression_owned(expression)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use crate::model::Text;

    #[test]
    fn plural_categories_of_the_targets() {
        let cats = |t: &str| plural_categories(&Locale::parse(t).unwrap());
        assert_eq!(cats("ar"), vec!["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(cats("hi"), vec!["one", "other"]);
        assert_eq!(cats("zh"), vec!["other"]);
    }

    #[test]
    fn placeables_are_placeholders_and_plurals_expand() {
        let src = "# A comment\nhello = Hello, { $name }! Read { -brand }.\n    .title = Greeting\nfiles = { $count ->\n        [one] One file\n       *[other] { $count } files\n    }\n-brand = l10n\n";
        let en = Locale::parse("en").unwrap();
        let doc = Format::Fluent.extract(src.to_string(), &Segmenter::new(&en, &[]));
        let texts: Vec<String> = doc.segments().map(|s| s.source.to_string()).collect();
        assert_eq!(
            texts,
            vec![
                "Hello, {1/}!",
                "Read {2/}.",
                "Greeting",
                "One file",
                "{1/} files",
                "l10n"
            ]
        );
        let ar = Locale::parse("ar").unwrap();
        let translations: Vec<Text> = doc
            .segments()
            .map(|s| {
                let mut t = Text::default();
                for part in &s.source.0 {
                    match part {
                        Part::Str(x) => t.push_str(&format!("«{x}»")),
                        Part::Placeholder(p) => t.push_placeholder(p.clone()),
                    }
                }
                t
            })
            .collect();
        let outputs: Vec<_> = translations.iter().map(SegmentOutput::Translated).collect();
        let merged = Format::Fluent.merge(&doc, &outputs, &ar);
        assert!(syntax_error(&merged).is_none(), "{merged}");
        assert!(
            merged.contains("hello = «Hello, »{ $name }«!» «Read »{ -brand }«.»"),
            "{merged}"
        );
        for category in ["[zero]", "[one]", "[two]", "[few]", "[many]", "*[other]"] {
            assert!(merged.contains(category), "{category} missing in\n{merged}");
        }
        assert!(merged.contains("# A comment"));
    }

    #[test]
    fn braces_in_translations_stay_text() {
        let en = Locale::parse("en").unwrap();
        let doc = Format::Fluent.extract("a = Plain text.\n".to_string(), &Segmenter::new(&en, &[]));
        let evil = Text::plain("{ $inject } }");
        let merged = Format::Fluent.merge(&doc, &[SegmentOutput::Translated(&evil)], &en);
        assert!(syntax_error(&merged).is_none(), "{merged}");
        assert!(!merged.contains("{ $inject }"), "{merged}");
    }
}
