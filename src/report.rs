//! `l10n status --html`: one self-contained HTML page that shows how far the translations
//! are — a bar per language split by origin, the open problems, and each document side by side
//! with its editions (right to left where the language is). Everything in it is escaped: the
//! texts come from documents, translators and engines.

use crate::lang::Locale;
use crate::status::DocumentStatus;
use crate::ui::Ui;
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans','Noto Naskh Arabic','Noto Sans Devanagari','Noto Sans CJK SC',sans-serif;margin:2rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
.bar{display:flex;height:1.4rem;width:100%;max-width:48rem;border:1px solid #999;margin:.2rem 0 .8rem}
.bar span{display:block;height:100%}
.final{background:#1b7f3b}.human{background:#53b36f}.machine{background:#7aa7e0}.review{background:#e0b84a}.missing{background:#e06a5a}
.legend span{display:inline-block;width:.9rem;height:.9rem;margin:0 .3rem 0 1rem;vertical-align:middle}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:start}
td.none{background:#fde8e5;color:#a33}
.num{font-variant-numeric:tabular-nums}";

/// The report page, in the interface language of `ui`.
pub fn html(ui: &Ui, docs: &[DocumentStatus]) -> String {
    let mut out = String::new();
    let lang = ui.language();
    let dir = Locale::parse(lang).map(|l| l.direction()).unwrap_or("ltr");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(lang),
        esc(&ui.msg("report-title", &[])),
        esc(&ui.msg("report-title", &[]))
    );
    let _ = writeln!(
        out,
        "<p class=\"legend\"><span class=\"final\"></span>{}<span class=\"human\"></span>{}<span class=\"machine\"></span>{}<span class=\"review\"></span>{}<span class=\"missing\"></span>{}</p>",
        esc(&ui.msg("report-reviewed", &[])),
        esc(&ui.msg("report-human", &[])),
        esc(&ui.msg("report-machine", &[])),
        esc(&ui.msg("report-needs-review", &[])),
        esc(&ui.msg("report-missing", &[]))
    );
    for doc in docs {
        let _ = writeln!(out, "<h2>{}</h2>", esc(&doc.path.display().to_string()));
        for l in &doc.locales {
            let total = l.segments.max(1) as f64;
            let pct = |n: usize| 100.0 * n as f64 / total;
            // Reviewed work is counted once, as reviewed; the rest of human and machine work
            // by origin.
            let reviewed = l.reviewed.min(l.human + l.machine);
            let human = l.human.saturating_sub(reviewed);
            let machine = (l.machine + l.human).saturating_sub(reviewed + human + l.needs_review);
            let _ = writeln!(
                out,
                "<div class=\"num\" lang=\"{0}\">{0}: {1}</div><div class=\"bar\" role=\"img\" aria-label=\"{0} {2:.0}%\"><span class=\"final\" style=\"width:{3:.2}%\"></span><span class=\"human\" style=\"width:{4:.2}%\"></span><span class=\"machine\" style=\"width:{5:.2}%\"></span><span class=\"review\" style=\"width:{6:.2}%\"></span><span class=\"missing\" style=\"width:{7:.2}%\"></span></div>",
                esc(&l.locale),
                esc(&ui.msg(
                    "report-locale-line",
                    &[
                        ("complete", format!("{:.0}", l.complete).into()),
                        ("missing", l.missing.into()),
                        ("words", l.missing_words.into()),
                        ("failing", l.terms_failing.into()),
                    ]
                )),
                l.complete,
                pct(reviewed),
                pct(human),
                pct(machine),
                pct(l.needs_review),
                pct(l.missing)
            );
        }
        let _ = write!(
            out,
            "<table>\n<tr><th>#</th><th lang=\"en\">{}</th>",
            esc(&ui.msg("report-source", &[]))
        );
        let locales: Vec<Option<Locale>> = doc.locales.iter().map(|l| Locale::parse(&l.locale).ok()).collect();
        for l in &doc.locales {
            let _ = write!(out, "<th>{}</th>", esc(&l.locale));
        }
        out.push_str("</tr>\n");
        for row in &doc.rows {
            let _ = write!(
                out,
                "<tr><td class=\"num\">{}</td><td lang=\"en\" dir=\"ltr\">{}</td>",
                row.line,
                esc(&row.source)
            );
            for (target, locale) in row.targets.iter().zip(&locales) {
                let (tag, dir) = locale
                    .as_ref()
                    .map(|l| (l.tag(), l.direction()))
                    .unwrap_or(("und", "auto"));
                match target {
                    Some(t) => {
                        let _ = write!(out, "<td lang=\"{}\" dir=\"{dir}\">{}</td>", esc(tag), esc(t));
                    }
                    None => {
                        let _ = write!(out, "<td class=\"none\">{}</td>", esc(&ui.msg("report-missing", &[])));
                    }
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
