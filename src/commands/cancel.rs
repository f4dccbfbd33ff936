//! `livectl cancel TARGETS`: cancel the takeovers; the users go back to the bot.

use clap::Args;
use livectl_contract::{Action, ReasonRequest};

use super::Ctx;
use super::act::Targets;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct CancelArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

pub async fn exec(args: CancelArgs, ctx: &Ctx) -> Result<(), CliError> {
    if args.targets.resumed(ctx, "cancel").await? {
        return Ok(());
    }
    let targets = args.targets.resolve(ctx).await?;
    let action = Action::Cancel(ReasonRequest {
        reason: args.reason.clone(),
    });
    args.targets
        .perform(ctx, "cancel", "cancel".into(), targets, |_| action.clone())
        .await
}
