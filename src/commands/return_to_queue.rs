//! `livectl return TARGETS`: assigned interventions back to the general queue.

use livectl_contract::{Action, ReasonRequest};

use super::Ctx;
use super::act::{ReasonArgs, with_reason};
use crate::error::CliError;

pub async fn exec(args: ReasonArgs, ctx: &Ctx) -> Result<(), CliError> {
    let action = Action::Return(ReasonRequest {
        reason: args.reason.reason,
    });
    with_reason(ctx, &args.targets, action, "return to the queue").await
}
