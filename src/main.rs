//! The `l10n` binary: parse the arguments, pick the interface language, run, and map the
//! outcome to an exit status: 0 done, 1 done with problems, 2 could not run, 130 interrupted.

use clap::Parser;
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
    let cli = cli::Cli::parse();
    let ui = Ui::new(cli.ui_lang.as_deref());
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
            anstream::eprintln!("l10n: {red}{}{red:#}: {text}", ui.msg("error-prefix", &[]));
            ExitCode::from(2)
        }
    }
}
