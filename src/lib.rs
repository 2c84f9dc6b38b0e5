//! `l10n`: a localization pipeline for articles.
//!
//! ```text
//! article.{txt,md}
//!   └─ format::extract ──► Document { units: [Unit { segments: [Segment { source: Text }] }] }
//!        └─ segment       (sentences; never inside an inline placeholder pair)
//!        └─ memory        (exact hits from SQLite)
//!        └─ backend       (only the misses: an MT engine; every answer checked)
//!        └─ memory        (store every result the moment it exists)
//!        └─ format::merge (splice into the original bytes; escape what came from outside)
//!   └─ out/<locale>/article.{txt,md}
//! ```
//!
//! [`pipeline`] is the only module that knows the order of the stages; every other module
//! does one stage and can be tested alone.

// No string is cut at a byte index that could fall inside a character: outside text (documents,
// engine answers, memories, project files) reaches every module. Where a slice stays, its
// boundary is proven in a `// boundary:` comment beside a local `#[allow]`.
#![deny(clippy::string_slice)]

pub mod backend;
pub mod check;
pub mod config;
pub mod error;
pub mod format;
pub mod lang;
pub mod layout;
pub mod memory;
pub mod model;
pub mod pipeline;
pub mod plan;
pub mod project;
pub mod render;
pub mod segment;
pub mod ui;
pub mod xliff;
pub mod xml;

pub use error::{Error, Result};
pub mod cli;
pub mod glossary;
pub mod report;
pub mod status;
