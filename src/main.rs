//! The `l10n` binary: parse the arguments, pick the interface language, run, and map the
//! outcome to an exit status: 0 done, 1 done with problems, 2 could not run, 130 interrupted.

use l10n::cli;
use l10n::ui::Ui;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Like every Unix filter: when the reader of our output goes away (`l10n man | head`),
    // stop quietly instead of failing on the next write.
    #[cfg(unix)]
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    // The interface language is needed before the arguments are parsed (for the help), so
    // `--ui-lang` is looked up first; clap then parses everything, that option included.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let requested = args.iter().zip(args.iter().skip(1)).find_map(|(a, b)| {
        let a = a.to_str()?;
        if a == "--ui-lang" {
            b.to_str().map(str::to_string)
        } else {
            a.strip_prefix("--ui-lang=").map(str::to_string)
        }
    });
    let ui = Ui::new(requested.as_deref());
    let command = cli::help::localize(<cli::Cli as clap::CommandFactory>::command(), &ui);
    let matches = match command.clone().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(e) => return clap_error(e, &ui),
    };
    // `help [command…]` outside English is ours, answered here as clap answers its own.
    if let Some(path) = cli::help::help_request(&matches) {
        return match cli::help::print_help_for(&command, &path, &ui) {
            Ok(()) => ExitCode::SUCCESS,
            Err(text) => refuse(&text, &ui),
        };
    }
    let cli = match <cli::Cli as clap::FromArgMatches>::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_error(e, &ui),
    };
    match cli::run(cli, &ui) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let text = if let Some(e) = error.downcast_ref::<l10n::Error>() {
                ui.error(e)
            } else if let Some(e) = error.downcast_ref::<l10n::lang::LocaleError>() {
                ui.error(&l10n::Error::Locale(e.clone()))
            } else {
                format!("{error:#}")
            };
            // Colour only on a terminal, and never with NO_COLOR (anstream strips it).
            let red = anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::Red.into()));
            let (prefix, space) = error_prefix(&ui);
            anstream::eprintln!("l10n: {red}{prefix}{red:#}{space}{text}");
            ExitCode::from(2)
        }
    }
}

/// clap's own errors in the user's language (help and version print as clap prints them).
fn clap_error(error: clap::Error, ui: &Ui) -> ExitCode {
    match cli::help::localize_error(&error, ui) {
        Some(text) => refuse(&text, ui),
        None if error.kind() == clap::error::ErrorKind::DisplayHelp => {
            cli::help::print_help(&error, ui);
            ExitCode::SUCCESS
        }
        None => error.exit(),
    }
}

/// A command line that cannot run: the reason, exit 2.
fn refuse(text: &str, ui: &Ui) -> ExitCode {
    let (prefix, space) = error_prefix(ui);
    eprintln!("l10n: {prefix}{space}{text}");
    ExitCode::from(2)
}

/// "error:" in the interface language, with its own colon (Chinese writes a full-width one,
/// which takes no space after it).
fn error_prefix(ui: &Ui) -> (String, &'static str) {
    let prefix = ui.msg("error-prefix", &[]);
    let space = if prefix.ends_with('：') { "" } else { " " };
    (prefix, space)
}
