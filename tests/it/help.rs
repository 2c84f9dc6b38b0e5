//! clap's help in the user's language, run as a user would (issue 18): every command's
//! `-h`/`--help` and `help [command…]` in Chinese, Arabic and Hindi, with none of clap's
//! English left, its notes (`[default: …]`, `[possible values: …]`) translated with the values
//! as typed, and the Chinese headings ending in the full-width colon.

use crate::common::*;
use clap::CommandFactory;
use std::path::Path;
use std::process::{Command, Output};

const LANGUAGES: [&str; 3] = ["zh_CN.UTF-8", "ar_EG.UTF-8", "hi_IN.UTF-8"];

/// What clap writes in English when left to itself.
const CLAP_ENGLISH: [&str; 13] = [
    "[OPTIONS]",
    "<COMMAND>",
    "[COMMAND]",
    "Print this message",
    "Print help",
    "Print version",
    "[default:",
    "[possible values:",
    "Possible values",
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
];

/// Runs `l10n` with `LC_ALL=lang`, as a user in that locale would.
fn l10n_in(lang: &str, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .env("LC_ALL", lang)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// The help `args` print (exit 0 required).
fn help_in(lang: &str, args: &[&str]) -> String {
    let o = l10n_in(lang, args);
    assert_eq!(o.status.code(), Some(0), "{lang} {args:?}: {}", stderr(&o));
    stdout(&o)
}

/// Every command and subcommand, as the words a user types (`[]` for the tool itself).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands() {
            let mut child = path.clone();
            child.push(sub.get_name().to_string());
            walk(sub, child, out);
        }
        out.push(path);
    }
    let mut out = Vec::new();
    walk(&l10n::cli::Cli::command(), Vec::new(), &mut out);
    out
}

/// The heading lines of a help text: not indented, ending in a colon of some kind.
fn headings(help: &str) -> Vec<&str> {
    help.lines()
        .filter(|l| !l.starts_with(' ') && (l.ends_with(':') || l.ends_with('：')))
        .collect()
}

#[test]
fn every_commands_help_is_in_the_users_language() {
    let paths = command_paths();
    assert!(paths.len() > 15, "{paths:?}");
    for lang in LANGUAGES {
        for path in &paths {
            for flag in ["--help", "-h"] {
                let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
                args.push(flag);
                let help = help_in(lang, &args);
                for english in CLAP_ENGLISH {
                    assert!(!help.contains(english), "{lang} {args:?}: {english:?} in:\n{help}");
                }
                let headings = headings(&help);
                assert!(!headings.is_empty(), "{lang} {args:?}: no headings in:\n{help}");
                if lang.starts_with("zh") {
                    assert!(help.contains("用法：l10n"), "{args:?}:\n{help}");
                    for heading in headings {
                        assert!(heading.ends_with('：'), "{args:?}: {heading:?} in:\n{help}");
                    }
                }
            }
        }
    }
}

#[test]
fn headings_read_right_in_arabic_and_hindi() {
    let ar = help_in("ar_EG.UTF-8", &["check", "--help"]);
    for line in ["الاستخدام: l10n check", "الوسائط:", "الخيارات:"] {
        assert!(ar.contains(line), "{line} not in:\n{ar}");
    }
    let hi = help_in("hi_IN.UTF-8", &["memory", "--help"]);
    for line in ["उपयोग: l10n memory", "कमांड:", "विकल्प:"] {
        assert!(hi.contains(line), "{line} not in:\n{hi}");
    }
}

#[test]
fn defaults_and_possible_values_are_translated_with_the_values_as_typed() {
    // clap wraps the help to the terminal: compare it as one line.
    let one_line = |help: String| help.split_whitespace().collect::<Vec<_>>().join(" ");
    let help = one_line(help_in("zh_CN.UTF-8", &["translate", "--help"]));
    assert!(help.contains("[默认：text] [可用的值：text, json]"), "{help}");
    assert!(help.contains("[默认：1]"), "{help}");
    let help = one_line(help_in("ar_EG.UTF-8", &["export", "-h"]));
    assert!(
        help.contains("[الافتراضي: xliff2] [القيم الممكنة: xliff2, xliff12]"),
        "{help}"
    );
    let help = one_line(help_in("hi_IN.UTF-8", &["completions", "-h"]));
    assert!(
        help.contains("[संभव मान: bash, elvish, fish, powershell, zsh]"),
        "{help}"
    );
    // Values with their own help are listed one per line in the long help, translated.
    let help = help_in("zh_CN.UTF-8", &["segment", "--help"]);
    assert!(help.contains("可用的值：\n"), "{help}");
    assert!(help.contains("- lines：每行一个句段"), "{help}");
    assert!(help.contains("[默认：lines]"), "{help}");
    // And the values still work as typed.
    let o = l10n_in("zh_CN.UTF-8", &["translate", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("text, json"), "{}", stderr(&o));
}

#[test]
fn the_help_command_answers_as_clap_does_in_the_users_language() {
    for lang in LANGUAGES {
        let listing = help_in(lang, &["help"]);
        assert_eq!(listing, help_in(lang, &["--help"]), "{lang}");
        assert!(
            listing.lines().any(|l| l.trim_start().starts_with("help ")),
            "{listing}"
        );
        assert_eq!(
            help_in(lang, &["help", "translate"]),
            help_in(lang, &["translate", "--help"])
        );
        let lookup = help_in(lang, &["memory", "lookup", "--help"]);
        assert_eq!(help_in(lang, &["help", "memory", "lookup"]), lookup, "{lang}");
        assert_eq!(help_in(lang, &["memory", "help", "lookup"]), lookup, "{lang}");
        let own = help_in(lang, &["help", "help"]);
        for english in CLAP_ENGLISH {
            assert!(!own.contains(english), "{lang}: {english:?} in:\n{own}");
        }
    }
    let zh = help_in("zh_CN.UTF-8", &["memory", "help"]);
    assert!(zh.contains("显示此帮助或指定子命令的帮助"), "{zh}");
    // A name that is no command is refused as clap refuses it, in the user's language.
    let o = l10n_in("zh_CN.UTF-8", &["help", "memory", "bogus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("未知命令“bogus”"), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
}

#[test]
fn the_english_help_command_stays_clap_s_own() {
    let dir = tempfile::tempdir().unwrap();
    let listing = stdout(&l10n(dir.path(), &["help"]));
    assert!(
        listing.contains("Print this message or the help of the given subcommand(s)"),
        "{listing}"
    );
    assert!(
        listing.contains("Usage: l10n") && listing.contains("Commands:"),
        "{listing}"
    );
    let translate = stdout(&l10n(dir.path(), &["help", "translate"]));
    assert_eq!(translate, stdout(&l10n(dir.path(), &["translate", "--help"])));
    let translate = translate.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        translate.contains("[default: text] [possible values: text, json]"),
        "{translate}"
    );
}

#[test]
fn the_error_line_uses_the_languages_own_colon() {
    let o = l10n_in("zh_CN.UTF-8", &["translate", "/nonexistent/a.md", "--to", "ar"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("l10n: 错误：/nonexistent/a.md"),
        "{}",
        stderr(&o)
    );
    let o = l10n_in("zh_CN.UTF-8", &["translate", "--bogus"]);
    assert!(stderr(&o).starts_with("l10n: 错误：意外的参数"), "{}", stderr(&o));
    let o = l10n_in("hi_IN.UTF-8", &["translate", "/nonexistent/a.md", "--to", "ar"]);
    assert!(
        stderr(&o).starts_with("l10n: त्रुटि: /nonexistent/a.md"),
        "{}",
        stderr(&o)
    );
}
