//! `livectl cancel TARGETS`: cancel the takeovers; the users go back to the bot.

use livectl_contract::{Action, ReasonRequest};

use super::Ctx;
use super::act::{ReasonArgs, with_reason};
use crate::error::CliError;

pub async fn exec(args: ReasonArgs, ctx: &Ctx) -> Result<(), CliError> {
    let action = Action::Cancel(ReasonRequest {
        reason: args.reason.reason,
    });
    with_reason(ctx, &args.targets, action, "cancel").await
}
