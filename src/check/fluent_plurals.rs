//! Fluent select expressions against the plural categories whole counts take in the locale (CLDR,
//! through the rules Fluent selects variants with: `format::fluent::count_categories_of`).
//!
//! Two warnings, as compare-locales treats plurals:
//! - `missing-plural`: a select that uses some of the locale's categories (other than `other`)
//!   but not all of them (`[one]` and `[few]` without `[many]` in Russian). This is
//!   compare-locales' rule exactly, so on a real tree both report the same selects.
//! - `plural-default-only`: a select on a number whose variants name none of the locale's
//!   categories except through the default (`*[other]` alone, or `[0]` and `*[other]`, in
//!   Arabic): every number gets the default form. compare-locales does not see these. A select
//!   is on a number when its selector is `NUMBER(…)`, a key is a number, or the reference
//!   selects on the same variable with plural categories or numbers.
//!
//! Never: a select on a string (`$gender`), or a locale whose only category is `other`
//! (Chinese, Japanese), is never a finding here.

use fluent_syntax::ast;

/// Category names that only plural rules produce (`other` is also everyone's default).
const PLURAL_NAMES: &[&str] = &["zero", "one", "two", "few", "many"];

/// One select expression of an entry, as the plural checks need it.
#[derive(Debug, Clone, Default)]
pub struct Select {
    /// The variable it selects on (`n` for `$n` and `NUMBER($n)`), if any.
    pub variable: Option<String>,
    /// The selector is `NUMBER(…)` or a key is a number literal.
    pub numeric: bool,
    /// Its variant keys as written (`one`, `0`).
    pub keys: Vec<String>,
    /// Byte offset of the first variant's key in the file.
    pub offset: usize,
}

impl Select {
    /// Whether this select looks like a plural one in any language.
    fn is_plural_like(&self) -> bool {
        self.numeric || self.keys.iter().any(|k| PLURAL_NAMES.contains(&k.as_str()))
    }
}

/// A finding of this family: kind, byte offset, and its message arguments besides the id.
pub type PluralFinding = (&'static str, usize, Vec<(&'static str, String)>);

/// Collects the select expressions of a pattern, nested ones included; `offset` gives the
/// byte offset of a slice of the file's text.
pub fn collect(pattern: &ast::Pattern<&str>, offset: &dyn Fn(&str) -> usize, out: &mut Vec<Select>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, offset, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, offset: &dyn Fn(&str) -> usize, out: &mut Vec<Select>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            let mut select = Select::default();
            match selector {
                ast::InlineExpression::VariableReference { id } => select.variable = Some(id.name.to_string()),
                ast::InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
                    select.numeric = true;
                    if let Some(ast::InlineExpression::VariableReference { id }) = arguments.positional.first() {
                        select.variable = Some(id.name.to_string());
                    }
                }
                _ => {}
            }
            for (i, variant) in variants.iter().enumerate() {
                let key = match &variant.key {
                    ast::VariantKey::Identifier { name } => name,
                    ast::VariantKey::NumberLiteral { value } => {
                        select.numeric = true;
                        value
                    }
                };
                if i == 0 {
                    select.offset = offset(key);
                }
                select.keys.push(key.to_string());
                collect(&variant.value, offset, out);
            }
            out.push(select);
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            collect_expression(expression, offset, out)
        }
        ast::Expression::Inline(_) => {}
    }
}

/// The plural findings of one entry's selects in a locale with `categories`; `reference` is
/// the reference entry's selects (empty for the reference itself or an entry it lacks).
pub fn check(categories: &[&str], selects: &[Select], reference: &[Select]) -> Vec<PluralFinding> {
    let needed: Vec<&str> = categories.iter().copied().filter(|c| *c != "other").collect();
    if needed.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for select in selects {
        let given: Vec<&str> = needed
            .iter()
            .copied()
            .filter(|c| select.keys.iter().any(|k| k == c))
            .collect();
        if !given.is_empty() {
            let missing: Vec<&str> = categories
                .iter()
                .copied()
                .filter(|c| !select.keys.iter().any(|k| k == c))
                .collect();
            if !missing.is_empty() {
                out.push((
                    "missing-plural",
                    select.offset,
                    vec![("categories", missing.join(", "))],
                ));
            }
        } else if on_a_number(select, reference) {
            out.push((
                "plural-default-only",
                select.offset,
                vec![("categories", needed.join(", "))],
            ));
        }
    }
    out
}

fn on_a_number(select: &Select, reference: &[Select]) -> bool {
    select.numeric
        || select.variable.as_ref().is_some_and(|v| {
            reference
                .iter()
                .any(|r| r.variable.as_ref() == Some(v) && r.is_plural_like())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selects(text: &str) -> Vec<Select> {
        let resource = fluent_syntax::parser::parse(text).unwrap();
        let mut out = Vec::new();
        let base = text.as_ptr() as usize;
        for entry in &resource.body {
            if let ast::Entry::Message(m) = entry {
                collect(
                    m.value.as_ref().unwrap(),
                    &|s: &str| s.as_ptr() as usize - base,
                    &mut out,
                );
            }
        }
        out
    }

    const RU: &[&str] = &["one", "few", "many", "other"];

    #[test]
    fn russian_without_many_is_missing_a_category() {
        let s = selects("a = { $n ->\n    [one] файл\n    [few] файла\n   *[other] файлов\n}\n");
        let found = check(RU, &s, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "missing-plural");
        assert_eq!(found[0].2[0].1, "many");
        assert_eq!(found[0].1, 17, "at the first key");
    }

    #[test]
    fn only_the_default_on_a_number_and_nothing_on_strings() {
        let reference = selects("a = { $n ->\n    [one] file\n   *[other] files\n}\n");
        let only_default = selects("a = { $n ->\n   *[other] файлов\n}\n");
        assert_eq!(check(RU, &only_default, &reference)[0].0, "plural-default-only");
        // Without the reference's hint the selector could be a string: nothing to say.
        assert!(check(RU, &only_default, &[]).is_empty());
        let numbers = selects("a = { NUMBER($n) ->\n    [0] нет\n   *[other] файлов\n}\n");
        assert_eq!(check(RU, &numbers, &[])[0].0, "plural-default-only");
        let gender = selects("a = { $g ->\n    [male] он\n   *[other] она\n}\n");
        assert!(check(RU, &gender, &[]).is_empty());
        // Chinese has only `other`: a default alone is complete.
        assert!(check(&["other"], &only_default, &reference).is_empty());
        let complete = selects("a = { $n ->\n [one] a\n [few] b\n [many] c\n *[other] d\n}\n");
        assert!(check(RU, &complete, &reference).is_empty());
    }
}
