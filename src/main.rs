use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=bash livectl` prints the dynamic completion script; completing, it answers here.
    clap_complete::CompleteEnv::with_factory(livectl::cli::command).complete();
    let cli = livectl::cli::parse();
    // A ui to report with even when the output flags themselves are wrong.
    let ui = cli.ui().unwrap_or_else(|_| {
        livectl::ui::Ui::new(None, livectl::ui::ColorChoice::Never, false, true, 0)
    });
    match cli.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ui.report(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
