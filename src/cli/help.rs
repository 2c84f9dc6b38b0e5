//! The command-line help in the user's language.
//!
//! The English help is the doc comments of the clap definitions. `locales/en-US/help.ftl` is
//! generated from them (a test fails when it is out of date; `L10N_BLESS=1` rewrites it), so
//! `l10n check` sees every help text and reports the ones a translation lacks. At run time the
//! translated texts replace the English ones, message by message: an untranslated one stays
//! English. Ids: `help` for the tool, `help-<command>[-<subcommand>]` for a command,
//! `…--<argument>` for an argument.

use crate::ui::Ui;
use clap::builder::PossibleValue;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command};

/// The command tree with every help text the interface language has, clap's own headings
/// (`Usage:`, `Options:`, `Commands:`) and `--help`/`--version` texts included.
pub fn localize(command: Command, ui: &Ui) -> Command {
    if ui.language() == "en-US" {
        return command;
    }
    let command = command
        .disable_version_flag(true)
        .arg(own_flag("version", ArgAction::Version, ui.msg("clap-print-version", &[])).short('V'));
    localize_at(command, "help", ui)
}

/// `-h/--help` or `--version` with a translated text (clap's own cannot be reworded).
fn own_flag(name: &'static str, action: ArgAction, help: String) -> Arg {
    Arg::new(name).long(name).action(action).help(help)
}

/// clap's headings and help flag in the interface language, on one command.
fn chrome(command: Command, ui: &Ui) -> Command {
    let command = command
        .disable_help_flag(true)
        .arg(own_flag("help", ArgAction::Help, ui.msg("clap-print-help", &[])).short('h'));
    let template = template(&command, ui);
    command.help_template(template)
}

/// The help layout clap's default has (about, usage, commands, arguments, options), with the
/// headings written from the messages, each with the language's own colon (clap would append
/// an ASCII `:`); only the sections the command has. `{…}` are clap's fields.
fn template(command: &Command, ui: &Ui) -> String {
    let header = command.get_styles().get_header();
    let heading = |id: &str| {
        let text = ui.msg("clap-heading", &[("heading", ui.msg(id, &[]).into())]);
        format!("{header}{text}{header:#}\n")
    };
    let mut sections = Vec::new();
    if command.get_subcommands().any(|c| !c.is_hide_set()) {
        sections.push(format!("{}{{subcommands}}", heading("clap-commands")));
    }
    if command.get_positionals().any(|a| !a.is_hide_set()) {
        sections.push(format!("{}{{positionals}}", heading("clap-arguments")));
    }
    // Every command has options: `-h/--help` at least.
    sections.push(format!("{}{{options}}", heading("clap-options")));
    format!(
        "{{before-help}}{{about-with-newline}}\n{}\n\n{}{{after-help}}",
        ui.msg("clap-usage", &[("usage", "{usage}".into())]),
        sections.join("\n\n")
    )
}

/// clap's `help` subcommand with its texts in the interface language: clap's own is built at
/// parse time, in English, so it is disabled and this one takes its place; `main` answers it
/// through [`help_request`] and [`print_help_for`], as clap would.
fn with_help_command(command: Command, ui: &Ui) -> Command {
    if !command.has_subcommands() {
        return command;
    }
    let help = Command::new(HELP).about(ui.msg("clap-help-command", &[])).arg(
        Arg::new(HELP_PATH)
            .action(ArgAction::Append)
            .num_args(..)
            .value_name("COMMAND")
            .help(ui.msg("clap-help-path", &[])),
    );
    command.disable_help_subcommand(true).subcommand(help)
}

const HELP: &str = "help";
const HELP_PATH: &str = "command";

/// The command path whose help `l10n [command…] help [command…]` asks for, if it does.
pub fn help_request(matches: &ArgMatches) -> Option<Vec<String>> {
    let mut path = Vec::new();
    let mut matches = matches;
    while let Some((name, sub)) = matches.subcommand() {
        if name == HELP {
            path.extend(sub.get_many::<String>(HELP_PATH).into_iter().flatten().cloned());
            return Some(path);
        }
        path.push(name.to_string());
        matches = sub;
    }
    None
}

/// Prints the help of the command at `path`, as its `--help` does; a name that is no command
/// there is refused with the text to print (as clap refuses it).
pub fn print_help_for(command: &Command, path: &[String], ui: &Ui) -> Result<(), String> {
    let mut at = command;
    for name in path {
        at = at.find_subcommand(name).ok_or_else(|| {
            let text = ui.msg("clap-unknown-command", &[("name", name.into())]);
            format!("{text}\n{}", ui.msg("clap-try-help", &[]))
        })?;
    }
    let args = std::iter::once(command.get_name())
        .chain(path.iter().map(String::as_str))
        .chain(["--help"]);
    match command.clone().try_get_matches_from(args) {
        Err(e) if e.kind() == ErrorKind::DisplayHelp => {
            print_help(&e, ui);
            Ok(())
        }
        // Every name was checked above: `--help` is all clap can answer.
        _ => Err(ui.msg("clap-invalid", &[("detail", "help".into())])),
    }
}

/// Prints the help clap rendered (`--help`), with clap's own placeholders in the usage line
/// (`[OPTIONS]`, `<COMMAND>`, `[COMMAND]`) in the interface language; the value names of
/// arguments (`<FILE>`) stay as they are written.
pub fn print_help(help: &clap::Error, ui: &Ui) {
    let mut text = help.render().ansi().to_string();
    if ui.language() != "en-US" {
        let options = ui.msg("clap-options", &[]);
        let command = ui.msg("clap-placeholder-command", &[]);
        for (clap_word, ours) in [
            ("[OPTIONS]", format!("[{options}]")),
            ("<COMMAND>", format!("<{command}>")),
            ("[COMMAND]", format!("[{command}]")),
        ] {
            text = text.replace(clap_word, &ours);
        }
    }
    anstream::print!("{text}");
}

/// `[default: …]` and `[possible values: …]` in the interface language, appended to the
/// argument's help (clap's own notes, English, are hidden); the values stay as typed. Values
/// with a help text of their own are listed one per line in the long help (`--help`).
fn notes(arg: Arg, id: &str, ui: &Ui) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let default = (!defaults.is_empty() && !arg.is_hide_default_value_set())
        .then(|| ui.msg("clap-default", &[("value", defaults.join(" ").into())]));
    let values = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        possible_values(&arg)
    };
    // In clap's order: the default, then the values.
    let mut short: Vec<String> = default.iter().cloned().collect();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        short.push(ui.msg("clap-possible-values", &[("values", names.join(", ").into())]));
    }
    if short.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let long = values.iter().any(|v| v.get_help().is_some()).then(|| {
        let listed: Vec<String> = values.iter().map(|v| value_line(v, id, ui)).collect();
        let heading = ui.msg("clap-possible-values-heading", &[]);
        let heading = ui.msg("clap-heading", &[("heading", heading.into())]);
        paragraphs(
            [help.clone(), format!("{heading}\n{}", listed.join("\n"))]
                .into_iter()
                .chain(default),
            "\n\n",
        )
    });
    let arg = arg.hide_default_value(true).hide_possible_values(true);
    let arg = arg.help(paragraphs(std::iter::once(help).chain(short), " "));
    match long {
        Some(long) => arg.long_help(long),
        None => arg,
    }
}

/// The non-empty `parts`, joined.
fn paragraphs(parts: impl Iterator<Item = String>, separator: &str) -> String {
    parts.filter(|p| !p.is_empty()).collect::<Vec<_>>().join(separator)
}

/// `- name: help` for one possible value, its help in the interface language when it has one.
fn value_line(value: &PossibleValue, arg_id: &str, ui: &Ui) -> String {
    let own = ui.own_msg(&format!("{arg_id}--{}", fluent_id(value.get_name())));
    let help = own
        .or_else(|| value.get_help().map(ToString::to_string))
        .unwrap_or_default();
    ui.msg(
        "clap-possible-value",
        &[("value", value.get_name().into()), ("help", help.into())],
    )
}

/// The values an argument offers in its help (clap's list, hidden ones left out), read from
/// its value parser: clap fills `Arg::get_possible_values` only once the command is built.
fn possible_values(arg: &Arg) -> Vec<PossibleValue> {
    if !arg.get_action().takes_values() {
        return Vec::new();
    }
    let values = arg.get_value_parser().possible_values();
    values
        .map(|v| v.filter(|v| !v.is_hide_set()).collect())
        .unwrap_or_default()
}

/// A command-line error in the interface language, or `None` to let clap print its own
/// (English, help and version output).
pub fn localize_error(error: &clap::Error, ui: &Ui) -> Option<String> {
    if ui.language() == "en-US" {
        return None;
    }
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        _ => None,
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let mut text = match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return None;
        }
        ErrorKind::UnknownArgument => ui.msg("clap-unknown-argument", &[("arg", arg.into())]),
        ErrorKind::InvalidSubcommand => ui.msg(
            "clap-unknown-command",
            &[(
                "name",
                context(ContextKind::InvalidSubcommand).unwrap_or_default().into(),
            )],
        ),
        ErrorKind::InvalidValue => ui.msg(
            "clap-invalid-value",
            &[
                ("value", context(ContextKind::InvalidValue).unwrap_or_default().into()),
                ("arg", arg.into()),
            ],
        ),
        ErrorKind::MissingRequiredArgument => ui.msg("clap-missing-argument", &[("arg", arg.into())]),
        _ => ui.msg("clap-invalid", &[("detail", error.kind().to_string().into())]),
    };
    if let Some(valid) = context(ContextKind::ValidValue) {
        text.push_str(&ui.msg("clap-valid-values", &[("values", valid.into())]));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand] {
        if let Some(suggested) = context(kind) {
            text.push_str(&ui.msg("clap-did-you-mean", &[("suggestion", suggested.into())]));
        }
    }
    Some(format!("{text}\n{}", ui.msg("clap-try-help", &[])))
}

fn localize_at(mut command: Command, id: &str, ui: &Ui) -> Command {
    command = chrome(with_help_command(command, ui), ui);
    if let Some(about) = ui.own_msg(id) {
        command = command.about(about);
    }
    let args: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg in args {
        let arg_id = format!("{id}--{}", fluent_id(&arg));
        if let Some(help) = ui.own_msg(&arg_id) {
            command = command.mut_arg(arg.as_str(), |a| a.help(help));
        }
        command = command.mut_arg(arg.as_str(), |a| notes(a, &arg_id, ui));
    }
    let subcommands: Vec<String> = command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for name in subcommands {
        let child = format!("{id}-{}", fluent_id(&name));
        command = command.mut_subcommand(name.as_str(), |c| localize_at(c, &child, ui));
    }
    command
}

/// A clap name as a Fluent identifier part (`ui_lang` → `ui-lang`).
fn fluent_id(name: &str) -> String {
    name.replace('_', "-").to_ascii_lowercase()
}

/// `locales/en-US/help.ftl` as the clap definitions say it should be.
pub fn english_resource(command: &Command) -> String {
    let mut out = String::from(
        "# The command-line help. Generated from the clap definitions in src/cli/ by the test\n# `help_ftl_is_current` (L10N_BLESS=1 cargo test): edit the doc comments, not this file.\n\n",
    );
    write_command(command, "help", &mut out);
    out
}

fn write_command(command: &Command, id: &str, out: &mut String) {
    if let Some(about) = command.get_about() {
        out.push_str(&format!("{id} = {}\n", fluent_text(&about.to_string())));
    }
    for arg in command.get_arguments() {
        if let Some(help) = arg.get_help() {
            out.push_str(&format!(
                "{id}--{} = {}\n",
                fluent_id(arg.get_id().as_str()),
                fluent_text(&help.to_string())
            ));
        }
        for value in possible_values(arg) {
            if let Some(help) = value.get_help() {
                out.push_str(&format!(
                    "{id}--{}--{} = {}\n",
                    fluent_id(arg.get_id().as_str()),
                    fluent_id(value.get_name()),
                    fluent_text(&help.to_string())
                ));
            }
        }
    }
    for sub in command.get_subcommands() {
        write_command(sub, &format!("{id}-{}", fluent_id(sub.get_name())), out);
    }
}

/// Help text as a Fluent value: braces as string literals, one line.
fn fluent_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '{' => out.push_str("{\"{\"}"),
            '}' => out.push_str("{\"}\"}"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn help_ftl_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en-US/help.ftl");
        let expected = english_resource(&super::super::Cli::command());
        if std::env::var_os("L10N_BLESS").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let actual = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "locales/en-US/help.ftl is out of date: run L10N_BLESS=1 cargo test help_ftl_is_current"
        );
    }

    #[test]
    fn translated_help_replaces_the_english() {
        let ui = Ui::new(Some("zh-Hans"));
        let command = localize(super::super::Cli::command(), &ui);
        let translate = command.get_subcommands().find(|c| c.get_name() == "translate").unwrap();
        let about = translate.get_about().unwrap().to_string();
        assert!(!about.starts_with("Translate documents"), "{about}");
    }
}
