//! `livectl queues`: the general queue and every agent's My Queue.

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::model::{Names, QueueRow};
use crate::ui::Format;

#[derive(Debug, Args)]
pub struct QueuesArgs {}

pub async fn exec(_: QueuesArgs, ctx: &Ctx) -> Result<(), CliError> {
    let queues = ctx.client().await?.queues().await?;
    if ctx.ui.format == Some(Format::Json) {
        return ctx.ui.json(&queues);
    }
    ctx.ui.list(&Names::default(), &QueueRow::all(&queues))
}
