//! One module per command; each holds its arguments beside the code that runs them.

pub mod act;
pub mod catalog;
mod complete_prompt;
pub mod config;
pub mod generate;
pub mod history;
pub mod list;
pub mod login;
pub mod lookup;
pub mod queues;
pub mod sandbox;
pub mod seed;
pub mod show;
pub mod stuck;
pub mod watch;

use crate::api::Client;
use crate::cli::{Cli, Command, GlobalArgs};
use crate::connect::connect;
use crate::error::CliError;
use crate::output::Output;

/// What a command that talks to the platform gets.
#[derive(Clone)]
pub struct Ctx {
    pub client: Client,
    /// Where requests go, stably across runs: the API address, or the embedded sandbox's
    /// database (whose loopback port changes every run).
    pub target: String,
    pub out: Output,
    pub global: GlobalArgs,
}

pub fn run(cli: Cli) -> Result<(), CliError> {
    let g = cli.global;
    let out = Output::new(g.output, g.color, g.quiet, g.no_input);
    match cli.command {
        Command::Sandbox(args) => sandbox::run(args),
        Command::Completions(args) => generate::completions(args),
        Command::Man(args) => generate::man(args),
        Command::Config(args) => config::run(args, &g),
        Command::Logout(args) => login::logout(args, &g, &out),
        Command::Login(args) => sandbox::runtime()?.block_on(login::login(args, &g, &out)),
        command => sandbox::runtime()?.block_on(async move {
            let connection = connect(&g, &out).await?;
            let target = match &connection.embedded {
                Some(db) => format!("embedded sandbox {}", db.display()),
                None => connection.client.base().to_owned(),
            };
            let ctx = Ctx {
                client: connection.client,
                target,
                out,
                global: g,
            };
            match command {
                Command::Queues(args) => queues::run(args, ctx).await,
                Command::List(args) if args.watch => {
                    let filters = args.filters.clone();
                    let mut listing = args;
                    listing.watch = false;
                    list::run(listing, ctx.clone()).await?;
                    watch::run(&filters, ctx).await
                }
                Command::List(args) => list::run(args, ctx).await,
                Command::Watch(args) => watch::run(&args.filters, ctx).await,
                Command::Stuck(args) => stuck::run(args, ctx).await,
                Command::Seed(args) => {
                    // The embedded sandbox, or a sandbox on loopback, needs no confirmation.
                    let sandbox = connection.embedded.is_some()
                        || reqwest::Url::parse(ctx.client.base()).is_ok_and(|u| {
                            matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]"))
                        });
                    seed::run(args, ctx, sandbox).await
                }
                Command::Show(args) => show::run(args, ctx).await,
                Command::Assign(args) => act::assign(args, ctx).await,
                Command::Reassign(args) => act::reassign(args, ctx).await,
                Command::Return(args) => act::return_to_queue(args, ctx).await,
                Command::Cancel(args) => act::cancel(args, ctx).await,
                Command::Complete(args) => act::complete(args, ctx).await,
                Command::Agents(_) => catalog::agents(ctx).await,
                Command::Topics(_) => catalog::topics(ctx).await,
                Command::Outcomes(_) => catalog::outcomes(ctx).await,
                Command::Blocks(_) => catalog::blocks(ctx).await,
                Command::Departments(_) => catalog::departments(ctx).await,
                Command::History(args) => history::run(args, ctx).await,
                Command::Whoami => {
                    login::whoami(ctx, connection.profile, connection.embedded).await
                }
                Command::Sandbox(_)
                | Command::Completions(_)
                | Command::Man(_)
                | Command::Config(_)
                | Command::Login(_)
                | Command::Logout(_) => unreachable!("handled above"),
            }
        }),
    }
}

/// Writes a list of rows to stdout in the run's format.
pub fn print_list<T: crate::output::Row>(out: &Output, items: &[T]) -> Result<(), CliError> {
    let mut writer =
        crate::output::ListWriter::<_, T>::new(out, std::io::stdout().lock()).map_err(io)?;
    for item in items {
        writer.item(item).map_err(io)?;
    }
    writer.finish().map_err(io)?;
    Ok(())
}

/// A failure to write output: a closed pipe ends the run quietly.
pub fn io(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    CliError::failure(format!("cannot write the output: {e}"))
}
