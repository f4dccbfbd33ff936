//! `livectl console`: a full-screen live view of one workspace, every action one key away.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use jiff::SignedDuration;

use super::Ctx;
use super::filters::{DURATION, Filters, duration};
use crate::error::CliError;
use crate::ui::console::terminal_present;
use crate::usecases::console::{self, Options};
use crate::usecases::stuck::Thresholds;

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// Show only this department's interventions at start (`d` changes it): id, key or name
    #[arg(long)]
    pub department: Option<String>,
    /// Show only this owner's interventions at start (`o` changes it): an AGENT (id, key,
    /// email, unique name or `me`), or `none` for the general queue
    #[arg(long, value_name = "AGENT", add = ArgValueCandidates::new(crate::completion::owners))]
    pub owner: Option<String>,
    /// A user waiting longer than this for an agent's reply is stuck
    #[arg(long, value_name = DURATION, default_value = "15m", value_parser = duration)]
    pub no_reply: SignedDuration,
    /// An intervention waiting in the general queue longer than this is stuck
    #[arg(long, value_name = DURATION, default_value = "30m", value_parser = duration)]
    pub queued: SignedDuration,
}

pub async fn exec(args: ConsoleArgs, ctx: &Ctx) -> Result<(), CliError> {
    if !terminal_present() {
        return Err(CliError::usage(
            "livectl console draws a full screen and needs a terminal (stdin and stdout)",
        )
        .hint("for a stream of changes without one, use `livectl watch`"));
    }
    let connection = ctx.connection().await?;
    let client = &connection.client;
    let filters = Filters {
        owner: args.owner,
        department: args.department,
        ..Filters::default()
    };
    let options = Options {
        filter: filters
            .query_naming(client, ctx.ui.now, "--owner", super::filters::Seen::Refused)
            .await?,
        limits: Thresholds {
            no_reply: args.no_reply,
            queued: args.queued,
        },
        target: connection.target(),
        reach: crate::connect::reach(&ctx.global),
    };
    console::run(client, &ctx.ui, options).await
}
