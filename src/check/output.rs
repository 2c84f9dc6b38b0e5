//! The check's machine formats besides JSON: GitHub workflow annotations and SARIF 2.1.0.
//!
//! Messages are rendered in the user's language through Fluent, like the text output; the
//! `kind` stays the stable rule id.

use super::{CheckReport, Finding, Severity};
use crate::ui::{Arg, Ui};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The finding's message in the user's language.
pub fn message(ui: &Ui, f: &Finding) -> String {
    let args: Vec<(&str, Arg)> = f.args.iter().map(|(k, v)| (*k, Arg::from(v))).collect();
    ui.msg(&f.message_id(), &args)
}

/// One `::error file=…,line=…,col=…,title=…::message` line per finding.
pub fn github(ui: &Ui, report: &CheckReport) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        out.push_str(&format!(
            "::{level} file={},line={},col={},title={}::{}\n",
            property(&f.path.display().to_string()),
            f.line,
            f.column,
            property(&format!("{} ({})", f.kind, f.locale)),
            data(&format!("[{}] {}", f.locale, message(ui, f)))
        ));
    }
    out
}

/// Escaping of a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A minimal valid SARIF 2.1.0 log: one run, a rule per kind, a result per finding.
pub fn sarif(ui: &Ui, report: &CheckReport) -> Value {
    let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.findings {
        let next = rules.len();
        rules.entry(f.kind).or_insert(next);
    }
    let mut rule_list: Vec<(&str, usize)> = rules.iter().map(|(k, i)| (*k, *i)).collect();
    rule_list.sort_by_key(|(_, i)| *i);
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "ruleId": f.kind,
                "ruleIndex": rules[f.kind],
                "level": match f.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "message": { "text": message(ui, f) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path.to_string_lossy().replace('\\', "/") },
                        "region": { "startLine": f.line, "startColumn": f.column }
                    }
                }],
                "properties": { "locale": f.locale }
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "l10n",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_list.iter().map(|(kind, _)| json!({
                    "id": kind,
                    "shortDescription": { "text": format!("check-{kind}") }
                })).collect::<Vec<_>>()
            }},
            "results": results
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn report() -> CheckReport {
        CheckReport {
            schema: 1,
            findings: vec![Finding {
                severity: Severity::Error,
                kind: "missing-message",
                locale: "ar".into(),
                path: PathBuf::from("l/ar/a,b.ftl"),
                line: 3,
                column: 1,
                args: vec![("id", "hello".into())],
            }],
            summaries: vec![],
        }
    }

    #[test]
    fn github_annotations_are_escaped() {
        let out = github(&Ui::new(Some("en-US")), &report());
        assert!(
            out.starts_with(
                "::error file=l/ar/a%2Cb.ftl,line=3,col=1,title=missing-message (ar)::[ar] message “hello” is missing"
            ),
            "{out}"
        );
    }

    #[test]
    fn sarif_has_rules_and_results() {
        let v = sarif(&Ui::new(Some("en-US")), &report());
        assert_eq!(v["version"], "2.1.0");
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][0]["id"], "missing-message");
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    }
}
