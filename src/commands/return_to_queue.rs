//! `livectl return TARGETS`: assigned interventions back to the general queue.

use clap::Args;
use livectl_contract::{Action, ReasonRequest};

use super::Ctx;
use super::act::Targets;
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct ReturnArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

pub async fn exec(args: ReturnArgs, ctx: &Ctx) -> Result<(), CliError> {
    if args.targets.resumed(ctx, "return").await? {
        return Ok(());
    }
    let targets = args.targets.resolve(ctx).await?;
    let action = Action::Return(ReasonRequest {
        reason: args.reason.clone(),
    });
    args.targets
        .perform(ctx, "return", "return to the queue".into(), targets, |_| {
            action.clone()
        })
        .await
}
