//! `livectl queues`: the general queue and every agent's My Queue.

use clap::Args;

use super::{Ctx, print_list};
use crate::error::CliError;
use crate::output::Format;
use crate::output::rows::QueueRow;

#[derive(Debug, Args)]
pub struct QueuesArgs {}

pub async fn run(_: QueuesArgs, ctx: Ctx) -> Result<(), CliError> {
    let queues = ctx.client.queues().await?;
    if ctx.out.format == Some(Format::Json) {
        return ctx.out.json(&queues).map_err(super::io);
    }
    let mut rows = vec![QueueRow {
        queue: "general".into(),
        agent: None,
        name: None,
        status: None,
        count: queues.general.count,
        oldest_at: queues.general.oldest_queued_at,
    }];
    rows.extend(queues.agents.iter().map(QueueRow::from));
    print_list(&ctx.out, &rows)
}
