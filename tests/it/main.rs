//! Integration tests: the real `l10n` binary on real files, the seed article above all.
//! Nothing here reaches the network.

mod bad_input;
mod browser;
mod check;
mod check_fixtures;
mod common;
mod compare_locales;
mod consistency;
mod corpus;
mod editions;
mod engines;
mod engines_stop;
mod example;
mod findings;
mod first_hour;
mod fluent_format;
mod fuzz;
mod glossary;
mod hardening;
mod help;
mod html;
mod html_inline_attributes;
mod http_server;
mod interrupt;
mod layout;
mod memory;
mod postgres;
mod project;
mod pysbd;
mod roundtrip;
mod segmentation;
mod translate;
mod workers;
mod xliff;
