//! Integration tests: the real `l10n` binary on real files, the seed article above all.
//! Nothing here reaches the network.

mod bad_input;
mod check;
mod common;
mod engines;
mod engines_stop;
mod example;
mod http_server;
mod interrupt;
mod roundtrip;
mod translate;
