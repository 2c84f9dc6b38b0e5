//! `l10n translate --dry-run`: the plan printed: per language, the distinct sentences of all
//! documents the engine would receive (what the next real run sends, glossary repairs aside),
//! their characters and the estimated cost. Sends nothing, writes nothing.

use crate::backend::Backend;
use crate::cli::OutputFormat;
use crate::memory::Memory;
use crate::plan::Plan;
use crate::project::Project;
use crate::ui::Ui;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Estimate {
    backend: String,
    price_per_million_chars: f64,
    locales: Vec<LocaleEstimate>,
    segments: usize,
    chars: usize,
    cost: f64,
}

#[derive(Debug, Serialize)]
struct LocaleEstimate {
    /// The documents covered.
    input: Vec<String>,
    locale: String,
    /// Distinct sentences that would be sent.
    segments: usize,
    /// Characters that would be sent (the tagged form engines receive, placeholders included).
    chars: usize,
    /// Distinct sentences the memory serves.
    from_memory: usize,
}

pub fn run(project: &Project, memory: &Memory, ui: &Ui, format: OutputFormat, quiet: bool) -> anyhow::Result<u8> {
    let plan = Plan::build(project, memory)?;
    if !quiet {
        crate::cli::segment::print_repairs(ui, &crate::plan::report::repairs(&plan));
    }
    let sends = !matches!(project.backend, Backend::MemoryOnly);
    let input: Vec<String> = plan.documents.iter().map(|d| d.reference.name.clone()).collect();
    let mut estimate = Estimate {
        backend: project.backend_name.clone(),
        price_per_million_chars: project.backend.price_per_million_chars(),
        locales: Vec::new(),
        segments: 0,
        chars: 0,
        cost: 0.0,
    };
    for locale in &plan.locales {
        let mut e = LocaleEstimate {
            input: input.clone(),
            locale: locale.target.tag().to_string(),
            segments: 0,
            chars: 0,
            from_memory: locale.sentences.iter().filter(|s| s.found.published()).count(),
        };
        if sends {
            for (_, s) in locale.misses() {
                e.segments += 1;
                e.chars += s.source.tagged().chars().count();
            }
        }
        estimate.segments += e.segments;
        estimate.chars += e.chars;
        estimate.locales.push(e);
    }
    estimate.cost = estimate.chars as f64 / 1_000_000.0 * estimate.price_per_million_chars;
    if format == OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&estimate)?);
        return Ok(0);
    }
    if quiet {
        return Ok(0);
    }
    for e in &estimate.locales {
        println!(
            "{}",
            ui.msg(
                "plan-dry-run-locale",
                &[
                    ("documents", e.input.len().into()),
                    ("locale", e.locale.as_str().into()),
                    ("segments", e.segments.into()),
                    ("chars", e.chars.into()),
                    ("memory", e.from_memory.into()),
                    ("backend", estimate.backend.as_str().into()),
                ]
            )
        );
    }
    println!(
        "{}",
        ui.msg(
            "translate-dry-run-total",
            &[
                ("segments", estimate.segments.into()),
                ("chars", estimate.chars.into()),
                ("cost", format!("{:.2}", estimate.cost).into()),
                ("price", format!("{:.2}", estimate.price_per_million_chars).into()),
                ("backend", estimate.backend.as_str().into()),
            ]
        )
    );
    Ok(0)
}
