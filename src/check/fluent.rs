//! Fluent resources: a folder with one folder per locale (`en-US/`, `ar/`…), each locale
//! checked file by file against the reference locale.
//!
//! Reported, as compare-locales does and stricter: syntax errors with line and column,
//! missing files, messages, terms and attributes (errors), obsolete ones (warnings), duplicate
//! ids, variables the reference does not have (errors) or that the translation leaves out
//! (warnings), references to messages or terms that do not exist, empty values, a value lost
//! behind kept attributes (error), files the reference does not have (warning). Plural
//! coverage is `fluent_plurals`, dropped references `fluent_references` (warnings).

#![deny(clippy::string_slice)]

use super::fluent_plurals::{self, Select};
use super::fluent_references::{self, PartReferences};
use super::{CheckReport, Finding, LocaleSummary, Severity};
use crate::error::{Error, Result};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What a resource file defines, as the checks need it.
#[derive(Debug, Default)]
struct Resource {
    /// Id (`-name` for terms) → its facts.
    entries: BTreeMap<String, Entry>,
    syntax_errors: Vec<(usize, usize, String)>,
    /// Select expressions without a default variant: (id, line).
    no_default: Vec<(String, usize)>,
    /// Ids of entries that did not parse (their syntax error is reported; they are not also missing).
    broken: BTreeSet<String>,
    duplicates: Vec<(String, usize)>,
}

#[derive(Debug, Default)]
struct Entry {
    id: String,
    line: usize,
    /// Line and column of byte offsets the findings point at (selects' first keys).
    positions: BTreeMap<usize, (usize, usize)>,
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    /// Messages and terms it refers to (`-term`, `message`).
    references: BTreeSet<String>,
    empty: bool,
    /// A message with a value (terms always have one), not only attributes.
    has_value: bool,
    /// References to keep, per part (value, attributes), as compare-locales counts them.
    parts: PartReferences,
    /// Select expressions, for the plural checks.
    selects: Vec<Select>,
    /// Words of its text, for the "words to translate" count.
    words: usize,
}

/// Checks every locale folder under `dir` against `reference`.
pub fn check_dir(dir: &Path, reference: &str, only: &[String]) -> Result<CheckReport> {
    let read_dir = std::fs::read_dir(dir).map_err(|source| Error::Read {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut locales: Vec<String> = read_dir
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|name| !name.starts_with('.'))
        .collect();
    locales.sort();
    if !locales.iter().any(|l| l == reference) {
        return Err(Error::Config {
            path: dir.to_path_buf(),
            message: format!("no folder for the reference locale {reference}"),
        });
    }
    let reference_dir = dir.join(reference);
    let files = ftl_files(&reference_dir)?;
    let mut report = CheckReport {
        schema: 1,
        ..CheckReport::default()
    };

    // The reference itself must be sound.
    let mut reference_resources = BTreeMap::new();
    let mut reference_ids = BTreeSet::new();
    for file in &files {
        let path = reference_dir.join(file);
        let resource = parse_file(&path)?;
        reference_ids.extend(resource.entries.keys().cloned());
        reference_resources.insert(file.clone(), (path, resource));
    }
    let mut summary = LocaleSummary {
        locale: reference.to_string(),
        ..Default::default()
    };
    let categories = crate::format::count_categories_of(reference);
    for (path, resource) in reference_resources.values() {
        summary.messages += resource.entries.len();
        own_findings(reference, path, resource, &reference_ids, &mut report.findings);
        for entry in resource.entries.values() {
            plural_findings(reference, &categories, path, entry, None, &mut report.findings);
        }
    }
    summary.finish();
    report.summaries.push(summary);

    for locale in locales.iter().filter(|l| *l != reference) {
        if !only.is_empty() && !only.iter().any(|o| o == locale) {
            continue;
        }
        let before = report.findings.len();
        let mut summary = LocaleSummary {
            locale: locale.clone(),
            ..Default::default()
        };
        let locale_dir = dir.join(locale);
        let mut parsed = Vec::new();
        let mut all_ids = BTreeSet::new();
        for file in &files {
            let path = locale_dir.join(file);
            if !path.exists() {
                let (_, reference_resource) = &reference_resources[file];
                summary.messages += reference_resource.entries.len();
                summary.missing += reference_resource.entries.len();
                summary.words += reference_resource.entries.values().map(|e| e.words).sum::<usize>();
                report.findings.push(finding(
                    Severity::Error,
                    "missing-file",
                    locale,
                    &path,
                    1,
                    vec![("locale", locale.clone()), ("file", file.display().to_string())],
                ));
                continue;
            }
            let resource = parse_file(&path)?;
            all_ids.extend(resource.entries.keys().cloned());
            parsed.push((file.clone(), path, resource));
        }
        let categories = crate::format::count_categories_of(locale);
        for (file, path, resource) in &parsed {
            let (_, reference_resource) = &reference_resources[file];
            summary.messages += reference_resource.entries.len();
            own_findings(locale, path, resource, &all_ids, &mut report.findings);
            let against = Against {
                locale,
                reference,
                categories: &categories,
                path,
            };
            compare(
                &against,
                reference_resource,
                resource,
                &mut summary,
                &mut report.findings,
            );
        }
        obsolete_files(locale, &locale_dir, &files, &mut report.findings)?;
        for f in &report.findings[before..] {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
            }
        }
        summary.finish();
        report.summaries.push(summary);
    }
    Ok(report)
}

fn finding(
    severity: Severity,
    kind: &'static str,
    locale: &str,
    path: &Path,
    line: usize,
    args: Vec<(&'static str, String)>,
) -> Finding {
    Finding {
        severity,
        kind,
        locale: locale.to_string(),
        path: path.to_path_buf(),
        line,
        column: 1,
        args,
    }
}

/// Problems a file has on its own: syntax, duplicates, dangling references, empty values.
fn own_findings(locale: &str, path: &Path, resource: &Resource, known_ids: &BTreeSet<String>, out: &mut Vec<Finding>) {
    for (line, column, reason) in &resource.syntax_errors {
        let mut f = finding(
            Severity::Error,
            "syntax-error",
            locale,
            path,
            *line,
            vec![("reason", reason.clone())],
        );
        f.column = *column;
        out.push(f);
    }
    for (id, line) in &resource.no_default {
        out.push(finding(
            Severity::Error,
            "no-default-variant",
            locale,
            path,
            *line,
            vec![("id", id.clone())],
        ));
    }
    for (id, line) in &resource.duplicates {
        out.push(finding(
            Severity::Error,
            "duplicate-id",
            locale,
            path,
            *line,
            vec![("id", id.clone())],
        ));
    }
    for (id, entry) in &resource.entries {
        for target in &entry.references {
            if !known_ids.contains(target) {
                out.push(finding(
                    Severity::Error,
                    "unknown-reference",
                    locale,
                    path,
                    entry.line,
                    vec![("id", id.clone()), ("target", target.clone())],
                ));
            }
        }
        if entry.empty {
            out.push(finding(
                Severity::Error,
                "empty-value",
                locale,
                path,
                entry.line,
                vec![("id", id.clone())],
            ));
        }
    }
}

/// Files of a locale that the reference does not have: one warning each, at line 1 (their
/// messages are not also reported one by one).
fn obsolete_files(locale: &str, locale_dir: &Path, reference_files: &[PathBuf], out: &mut Vec<Finding>) -> Result<()> {
    if !locale_dir.is_dir() {
        return Ok(());
    }
    for file in ftl_files(locale_dir)? {
        if reference_files.binary_search(&file).is_err() {
            out.push(finding(
                Severity::Warning,
                "obsolete-file",
                locale,
                &locale_dir.join(&file),
                1,
                vec![("locale", locale.to_string()), ("file", file.display().to_string())],
            ));
        }
    }
    Ok(())
}

/// The plural findings of one entry (`fluent_plurals`), at the select's first key.
fn plural_findings(
    locale: &str,
    categories: &[&str],
    path: &Path,
    entry: &Entry,
    reference: Option<&Entry>,
    out: &mut Vec<Finding>,
) {
    let reference_selects = reference.map_or(&[][..], |r| &r.selects[..]);
    for (kind, offset, mut args) in fluent_plurals::check(categories, &entry.selects, reference_selects) {
        let (line, column) = entry.positions.get(&offset).copied().unwrap_or((entry.line, 1));
        args.insert(0, ("id", entry.id.clone()));
        args.push(("locale", locale.to_string()));
        let mut f = finding(Severity::Warning, kind, locale, path, line, args);
        f.column = column;
        out.push(f);
    }
}

/// What a translation is compared with.
struct Against<'a> {
    locale: &'a str,
    reference: &'a str,
    categories: &'a [&'a str],
    path: &'a Path,
}

/// Problems of a translation against its reference file.
fn compare(
    against: &Against,
    reference_resource: &Resource,
    resource: &Resource,
    summary: &mut LocaleSummary,
    out: &mut Vec<Finding>,
) {
    let Against {
        locale,
        reference,
        path,
        ..
    } = *against;
    for (id, have) in &resource.entries {
        plural_findings(
            locale,
            against.categories,
            path,
            have,
            reference_resource.entries.get(id),
            out,
        );
    }
    for (id, wanted) in &reference_resource.entries {
        let Some(have) = resource.entries.get(id) else {
            if resource.broken.contains(id) {
                // Reported as a syntax error; its words are still to translate.
                summary.unfinished += 1;
                summary.words += wanted.words;
                continue;
            }
            summary.missing += 1;
            summary.words += wanted.words;
            let kind = if id.starts_with('-') {
                "missing-term"
            } else {
                "missing-message"
            };
            out.push(finding(
                Severity::Error,
                kind,
                locale,
                path,
                1,
                vec![("id", id.clone())],
            ));
            continue;
        };
        if wanted.has_value && !have.has_value {
            out.push(finding(
                Severity::Error,
                "missing-value",
                locale,
                path,
                have.line,
                vec![("id", id.clone())],
            ));
        }
        for (kind, target) in fluent_references::dropped(&wanted.parts, &have.parts) {
            out.push(finding(
                Severity::Warning,
                kind,
                locale,
                path,
                have.line,
                vec![("id", id.clone()), ("target", target)],
            ));
        }
        for attribute in wanted.attributes.difference(&have.attributes) {
            out.push(finding(
                Severity::Error,
                "missing-attribute",
                locale,
                path,
                have.line,
                vec![("id", id.clone()), ("attribute", attribute.clone())],
            ));
        }
        for attribute in have.attributes.difference(&wanted.attributes) {
            out.push(finding(
                Severity::Warning,
                "obsolete-attribute",
                locale,
                path,
                have.line,
                vec![("id", id.clone()), ("attribute", attribute.clone())],
            ));
        }
        // Terms' variables are their parameters: translations may legitimately differ.
        if !id.starts_with('-') {
            for variable in have.variables.difference(&wanted.variables) {
                out.push(finding(
                    Severity::Error,
                    "unknown-variable",
                    locale,
                    path,
                    have.line,
                    vec![("id", id.clone()), ("variable", variable.clone())],
                ));
            }
            for variable in wanted.variables.difference(&have.variables) {
                out.push(finding(
                    Severity::Warning,
                    "unused-variable",
                    locale,
                    path,
                    have.line,
                    vec![("id", id.clone()), ("variable", variable.clone())],
                ));
            }
        }
    }
    for (id, have) in &resource.entries {
        if !reference_resource.entries.contains_key(id) {
            out.push(finding(
                Severity::Warning,
                "obsolete-message",
                locale,
                path,
                have.line,
                vec![("id", id.clone()), ("reference", reference.to_string())],
            ));
        }
    }
}

fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| Error::Read {
            path: d.clone(),
            source,
        })?;
        for entry in entries.filter_map(|e| e.ok()) {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                out.push(path.strip_prefix(dir).expect("below dir").to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn parse_file(path: &Path) -> Result<Resource> {
    let text = crate::format::read_source(path).or_else(|e| match e {
        Error::Empty { .. } => Ok(String::new()),
        other => Err(other),
    })?;
    Ok(analyse(&text))
}

fn analyse(text: &str) -> Resource {
    let (ast, errors) = match fluent_syntax::parser::parse(text) {
        Ok(ast) => (ast, Vec::new()),
        Err((ast, errors)) => (ast, errors),
    };
    let mut resource = Resource::default();
    let lines = Lines::new(text);
    // Junk: the text of an entry that did not parse, with its id when it has one.
    let junk: Vec<(std::ops::Range<usize>, String)> = ast
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Junk { content } => {
                let start = offset_of(text, content);
                let id = content.split('=').next().unwrap_or("").trim();
                let id = if !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || "-_".contains(c)) {
                    id.to_string()
                } else {
                    String::new()
                };
                Some((start..start + content.len(), id))
            }
            _ => None,
        })
        .collect();
    for e in errors {
        let in_junk = junk.iter().find(|(range, _)| range.contains(&e.pos.start));
        if let Some((range, id)) = in_junk
            && !id.is_empty()
        {
            resource.broken.insert(id.clone());
            if e.kind == fluent_syntax::parser::ErrorKind::MissingDefaultVariant {
                resource.no_default.push((id.clone(), lines.line_col(range.start).0));
                continue;
            }
        }
        // An unclosed placeable is noticed at the start of the next line; point at the end
        // of the line that needs the fix.
        let mut at = e.pos.start.min(text.len());
        if at > 0 && text.as_bytes()[at - 1] == b'\n' {
            at -= 1;
        }
        let (line, column) = lines.line_col(at);
        resource.syntax_errors.push((line, column, e.kind.to_string()));
    }
    for entry in &ast.body {
        let (id, value, attributes) = match entry {
            ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
            _ => continue,
        };
        let line = lines.line_col(offset_of(text, entry_name(entry))).0;
        let mut facts = Entry {
            id: id.clone(),
            line,
            has_value: value.is_some(),
            ..Entry::default()
        };
        let at = |slice: &str| offset_of(text, slice);
        if let Some(pattern) = value {
            facts.empty = pattern_is_empty(pattern);
            facts.words += pattern_words(pattern);
            walk_pattern(pattern, &mut facts);
            fluent_references::collect(pattern, facts.parts.entry(String::new()).or_default());
            fluent_plurals::collect(pattern, &at, &mut facts.selects);
        }
        for attribute in attributes {
            let name = attribute.id.name.to_string();
            facts.attributes.insert(name.clone());
            facts.words += pattern_words(&attribute.value);
            walk_pattern(&attribute.value, &mut facts);
            fluent_references::collect(&attribute.value, facts.parts.entry(name).or_default());
            fluent_plurals::collect(&attribute.value, &at, &mut facts.selects);
        }
        for select in &facts.selects {
            facts.positions.insert(select.offset, lines.line_col(select.offset));
        }
        match resource.entries.entry(id) {
            std::collections::btree_map::Entry::Occupied(e) => resource.duplicates.push((e.key().clone(), line)),
            std::collections::btree_map::Entry::Vacant(e) => {
                e.insert(facts);
            }
        }
    }
    resource
}

fn entry_name<'a>(entry: &ast::Entry<&'a str>) -> &'a str {
    match entry {
        ast::Entry::Message(m) => m.id.name,
        ast::Entry::Term(t) => t.id.name,
        _ => "",
    }
}

/// The byte offset of a slice borrowed from `text`.
fn offset_of(text: &str, slice: &str) -> usize {
    let start = slice.as_ptr() as usize;
    let base = text.as_ptr() as usize;
    if start >= base && start <= base + text.len() {
        start - base
    } else {
        0
    }
}

/// Line and column of byte offsets in one text: the line starts are found once, then each
/// lookup is a binary search (a resource of 10,000 messages asks 10,000 times).
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        // The offset may come from the parser's error positions, not necessarily on a char
        // boundary: count the chars that begin before it.
        let column = self
            .text
            .char_indices()
            .skip_while(|&(i, _)| i < start)
            .take_while(|&(i, _)| i < offset)
            .count();
        (line, column + 1)
    }
}

fn pattern_is_empty(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().all(|e| match e {
        ast::PatternElement::TextElement { value } => value.trim().is_empty(),
        ast::PatternElement::Placeable {
            expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
        } => value.trim().is_empty(),
        ast::PatternElement::Placeable { .. } => false,
    })
}

fn pattern_words(pattern: &ast::Pattern<&str>) -> usize {
    pattern
        .elements
        .iter()
        .map(|e| match e {
            ast::PatternElement::TextElement { value } => value.split_whitespace().count(),
            ast::PatternElement::Placeable { .. } => 0,
        })
        .sum()
}

fn walk_pattern(pattern: &ast::Pattern<&str>, facts: &mut Entry) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, facts);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, facts: &mut Entry) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, facts);
            for variant in variants {
                walk_pattern(&variant.value, facts);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, facts),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, facts: &mut Entry) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            facts.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            facts.references.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            facts.references.insert(format!("-{}", id.name));
            if let Some(args) = arguments {
                walk_arguments(args, facts);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => walk_arguments(arguments, facts),
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, facts),
        ast::InlineExpression::StringLiteral { .. } | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

fn walk_arguments(args: &ast::CallArguments<&str>, facts: &mut Entry) {
    for a in &args.positional {
        walk_inline(a, facts);
    }
    for a in &args.named {
        walk_inline(&a.value, facts);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, content).unwrap();
        }
        dir
    }

    fn kinds(report: &CheckReport) -> Vec<(&'static str, String, usize)> {
        report
            .findings
            .iter()
            .map(|f| (f.kind, f.locale.clone(), f.line))
            .collect()
    }

    #[test]
    fn finds_what_compare_locales_finds_and_more() {
        let dir = setup(&[
            (
                "en-US/a.ftl",
                "hello = Hello { $name }\ncount = { $n ->\n    [one] one\n   *[other] many\n  }\n    .title = T\n-brand = L\nuses = { -brand }\n",
            ),
            (
                "ar/a.ftl",
                "hello = مرحبا { $user }\ncount = { $n ->\n   *[other] كثير\n  }\nextra = x\nuses = { -nobrand }\n",
            ),
            ("hi/a.ftl", "hello = नमस्ते { $name\n"),
        ]);
        let report = check_dir(dir.path(), "en-US", &[]).unwrap();
        let k = kinds(&report);
        assert!(k.contains(&("unknown-variable", "ar".into(), 1)), "{k:?}");
        assert!(k.contains(&("unused-variable", "ar".into(), 1)), "{k:?}");
        assert!(k.contains(&("missing-attribute", "ar".into(), 2)), "{k:?}");
        assert!(k.contains(&("missing-term", "ar".into(), 1)), "{k:?}");
        assert!(k.contains(&("obsolete-message", "ar".into(), 5)), "{k:?}");
        assert!(k.contains(&("unknown-reference", "ar".into(), 6)), "{k:?}");
        assert!(
            k.iter().any(|(kind, l, _)| *kind == "syntax-error" && l == "hi"),
            "{k:?}"
        );
        assert!(report.errors() > 0);
    }

    #[test]
    fn a_complete_translation_is_clean_and_missing_files_are_errors() {
        let dir = setup(&[
            ("en-US/a.ftl", "a = A\n"),
            ("en-US/b.ftl", "b = B { $x }\n"),
            ("zh-Hans/a.ftl", "a = 甲\n"),
            ("zh-Hans/b.ftl", "b = 乙{ $x }\n"),
            ("ar/a.ftl", "a = أ\n"),
        ]);
        let report = check_dir(dir.path(), "en-US", &[]).unwrap();
        assert_eq!(kinds(&report), vec![("missing-file", "ar".into(), 1)]);
        let zh = report.summaries.iter().find(|s| s.locale == "zh-Hans").unwrap();
        assert_eq!((zh.messages, zh.missing, zh.errors), (2, 0, 0));
    }
}
