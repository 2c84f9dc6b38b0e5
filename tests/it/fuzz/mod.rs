//! The standing fuzz harness: every reader of outside data (documents, engine answers, memory
//! exchange files) is fed random input with a fixed seed and a fixed time budget. Nothing may
//! panic, and every identity round trip must give back the input byte for byte.
//!
//! `L10N_FUZZ_SECS` sets each target's budget (default [`DEFAULT_SECS`]); `L10N_FUZZ_SEED`
//! changes the seed. A longer run: `L10N_FUZZ_SECS=120 cargo test --test it fuzz::`.

#![allow(dead_code)] // the helpers are shared by the targets; not every target uses each one

mod engines;
mod formats;
mod readers;
mod segment;

use std::time::{Duration, Instant};

/// Seconds each fuzz target runs in `cargo test`.
pub const DEFAULT_SECS: f64 = 3.0;

/// A deterministic random source, seeded from `L10N_FUZZ_SEED` or a fixed seed per target.
pub fn rng(target: &str) -> fastrand::Rng {
    let base: u64 = std::env::var("L10N_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1010);
    let salt = target.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    fastrand::Rng::with_seed(base ^ salt)
}

/// Runs `round` until the budget is spent (at least `min_rounds` times); returns the rounds run.
pub fn for_budget(min_rounds: usize, mut round: impl FnMut(usize)) -> usize {
    let secs: f64 = std::env::var("L10N_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SECS);
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let mut n = 0;
    while n < min_rounds || Instant::now() < deadline {
        round(n);
        n += 1;
    }
    n
}

/// Pieces of text that tend to break readers: scripts, combining marks, markup, entities.
pub const PIECES: &[&str] = &[
    "a",
    "The",
    " ",
    "  ",
    ".",
    "?",
    "!",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "&",
    "&amp;",
    "&#x1b;",
    "<",
    ">",
    "\"",
    "'",
    "Mr.",
    "U.S.",
    "e.g.",
    "1.",
    "2.)",
    "3.5",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "_",
    "`",
    "#",
    "-",
    "|",
    "\\",
    "घ.",
    "ख.)",
    "कहा",
    "।",
    "हिन्दी",
    "مرحبا",
    "؟",
    "،",
    "研究",
    "开发",
    "。",
    "！",
    "《",
    "》",
    "\u{200d}",
    "\u{301}",
    "\u{fffd}",
    "\u{feff}",
    "\u{1b}",
    "\u{0}",
    "\u{ffff}",
    "😀",
    "🇮🇳",
];

/// A random string built from [`PIECES`] and random characters.
pub fn text(rng: &mut fastrand::Rng, max_pieces: usize) -> String {
    let n = rng.usize(0..=max_pieces);
    let mut s = String::new();
    for _ in 0..n {
        if rng.u8(..) < 40 {
            s.push(rng.char(..));
        } else {
            s.push_str(PIECES[rng.usize(..PIECES.len())]);
        }
    }
    s
}
