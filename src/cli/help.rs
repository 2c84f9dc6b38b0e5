//! The command-line help in the user's language.
//!
//! The English help is the doc comments of the clap definitions. `locales/en-US/help.ftl` is
//! generated from them (a test fails when it is out of date; `L10N_BLESS=1` rewrites it), so
//! `l10n check` sees every help text and reports the ones a translation lacks. At run time the
//! translated texts replace the English ones, message by message: an untranslated one stays
//! English. Ids: `help` for the tool, `help-<command>[-<subcommand>]` for a command,
//! `…--<argument>` for an argument.

use crate::ui::Ui;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

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
    // `{usage}` goes through the message as text and is filled in by clap.
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}\n\n{{all-args}}{{after-help}}",
        ui.msg("clap-usage", &[("usage", "{usage}".into())])
    );
    // clap wants its headings for the whole run (`&'static str`); they are made once per
    // command, a few dozen short strings for the life of the process.
    let heading = |id: &str| -> &'static str { Box::leak(ui.msg(id, &[]).into_boxed_str()) };
    let (options, arguments) = (heading("clap-options"), heading("clap-arguments"));
    command
        .help_template(template)
        .subcommand_help_heading(heading("clap-commands"))
        .disable_help_flag(true)
        .arg(own_flag("help", ArgAction::Help, ui.msg("clap-print-help", &[])).short('h'))
        .mut_args(|a| {
            if a.get_help_heading().is_some() {
                a
            } else if a.is_positional() {
                a.help_heading(arguments)
            } else {
                a.help_heading(options)
            }
        })
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
    command = chrome(command, ui);
    if let Some(about) = ui.own_msg(id) {
        command = command.about(about);
    }
    let args: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for arg in args {
        if let Some(help) = ui.own_msg(&format!("{id}--{}", fluent_id(&arg))) {
            command = command.mut_arg(arg.as_str(), |a| a.help(help));
        }
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
