use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=bash livectl` prints the dynamic completion script; completing, it answers here.
    clap_complete::CompleteEnv::with_factory(livectl::cli::command).complete();
    let cli = livectl::cli::parse();
    // Made once (what it says on the way is said once); a ui to report with even when the
    // output flags themselves are wrong.
    let made = cli.ui();
    let ui = made.as_ref().map_or_else(
        |_| livectl::ui::Ui::new(None, livectl::ui::ColorChoice::Never, false, true, 0),
        Clone::clone,
    );
    match made.and_then(|made| cli.run(made)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ui.report(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
