use std::process::ExitCode;

fn main() -> ExitCode {
    // `COMPLETE=bash livectl` prints the dynamic completion script; completing, it answers here.
    clap_complete::CompleteEnv::with_factory(livectl::cli::command).complete();
    let cli = livectl::cli::parse();
    let ui = cli.ui();
    match cli.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            ui.report(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
