//! Fluent references a translation drops: the reference's value (or one of its attributes)
//! uses `{ -brand-name }` or `{ other-message }` and the translation's same value (or
//! attribute) does not. A warning, as compare-locales reports it (`missing-term-reference`,
//! `missing-message-reference`): the brand then no longer follows the term, but the text is
//! still readable.
//!
//! References are collected as compare-locales does: from the variants of select
//! expressions, not their selectors; a term's attribute (`-brand.gender`) is not a reference
//! to keep; a message's attribute is (`menu.title`). A part the translation lacks entirely is
//! already `missing-attribute`/`missing-value`, so its references are not repeated.

use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// References per part of an entry: `""` for the value, the attribute's name otherwise.
pub type PartReferences = BTreeMap<String, BTreeSet<String>>;

/// Adds the references of `pattern` to `out`.
pub fn collect(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_refs(expression, out);
        }
    }
}

fn expression_refs(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                collect(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_refs(inline, out),
    }
}

fn inline_refs(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            out.insert(name);
        }
        ast::InlineExpression::TermReference {
            id, attribute: None, ..
        } => {
            out.insert(format!("-{}", id.name));
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_refs(a, out);
            }
            for a in &arguments.named {
                inline_refs(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_refs(expression, out),
        _ => {}
    }
}

/// The references of `wanted` that `have` drops, part by part, as (kind, reference).
pub fn dropped(wanted: &PartReferences, have: &PartReferences) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (part, refs) in wanted {
        let Some(kept) = have.get(part) else { continue };
        for reference in refs.difference(kept) {
            let kind = if reference.starts_with('-') {
                "missing-term-reference"
            } else {
                "missing-message-reference"
            };
            out.push((kind, reference.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> PartReferences {
        let resource = fluent_syntax::parser::parse(text).unwrap();
        let mut out = PartReferences::new();
        if let Some(ast::Entry::Message(m)) = resource.body.first() {
            if let Some(value) = &m.value {
                collect(value, out.entry(String::new()).or_default());
            }
            for a in &m.attributes {
                collect(&a.value, out.entry(a.id.name.to_string()).or_default());
            }
        }
        out
    }

    #[test]
    fn a_dropped_term_is_found_per_part() {
        let en = parts("a = Get { -brand } now, see { b.title }\n    .title = { -brand }\n");
        let kept = parts("a = Hol dir { -brand }, { b.title }\n    .title = { -brand }\n");
        assert!(dropped(&en, &kept).is_empty());
        // Moved from the value to the attribute: still dropped from the value.
        let moved = parts("a = Hol dir { b.title }\n    .title = { -brand } { -brand }\n");
        assert_eq!(
            dropped(&en, &moved),
            vec![("missing-term-reference", "-brand".to_string())]
        );
        let lost_message = parts("a = Hol dir { -brand }\n    .title = { -brand }\n");
        assert_eq!(dropped(&en, &lost_message)[0].0, "missing-message-reference");
        // A term's attribute is not a reference to keep; a missing part is reported elsewhere.
        let selector = parts("a = { -brand.gender ->\n *[x] { -brand } { b.title }\n}\n");
        assert!(dropped(&parts("a = { b.title }\n"), &selector).is_empty());
        assert!(dropped(&en, &parts("a = { -brand } { b.title }\n")).is_empty());
    }
}
