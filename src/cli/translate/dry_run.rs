//! `l10n translate --dry-run`: what a run would send, and what it would cost, without sending
//! anything or writing an edition. It looks the memory up exactly as the pipeline does (one
//! request per distinct sentence that has words and is not in the memory).

use crate::backend::Backend;
use crate::cli::OutputFormat;
use crate::memory::{Memory, Reuse};
use crate::pipeline::{Job, load_document};
use crate::segment::Segmenter;
use crate::ui::Ui;
use serde::Serialize;
use std::collections::HashSet;

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
    input: String,
    locale: String,
    /// Distinct segments that would be sent.
    segments: usize,
    /// Characters that would be sent (the tagged form engines receive, placeholders included).
    chars: usize,
    from_memory: usize,
}

pub fn run(job: &Job, memory: &mut Memory, ui: &Ui, format: OutputFormat, quiet: bool) -> anyhow::Result<u8> {
    let segmenter = Segmenter::new(&job.source, &job.abbreviations);
    let reuse = match (job.reuse_stale, job.backend.fingerprint()) {
        (false, Some(fingerprint)) => Reuse::Fingerprint(fingerprint),
        _ => Reuse::AnyMachine,
    };
    let mut estimate = Estimate {
        backend: job.backend.name().to_string(),
        price_per_million_chars: job.backend.price_per_million_chars(),
        locales: Vec::new(),
        segments: 0,
        chars: 0,
        cost: 0.0,
    };
    let sends = !matches!(job.backend, Backend::MemoryOnly);
    let mut documents = Vec::new();
    for path in &job.inputs {
        documents.push((path, load_document(path, &segmenter)?.1));
    }
    for (path, doc) in &documents {
        for target in &job.targets {
            let mut seen = HashSet::new();
            let mut e = LocaleEstimate {
                input: path.display().to_string(),
                locale: target.tag().to_string(),
                segments: 0,
                chars: 0,
                from_memory: 0,
            };
            for seg in doc.segments() {
                if !seg.source.has_words() || !seen.insert(seg.source.memory_key()) {
                    continue;
                }
                if memory
                    .lookup(job.source.tag(), target.tag(), &seg.source, &reuse)?
                    .is_some()
                {
                    e.from_memory += 1;
                } else if sends {
                    e.segments += 1;
                    e.chars += seg.source.tagged().chars().count();
                }
            }
            estimate.segments += e.segments;
            estimate.chars += e.chars;
            estimate.locales.push(e);
        }
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
                "translate-dry-run-locale",
                &[
                    ("path", e.input.as_str().into()),
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
