//! `livectl queues`: the general queue and every agent's My Queue.

use clap::Args;

use super::Ctx;
use crate::error::CliError;
use crate::model::{Names, QueueRow};
use crate::ui::{Format, Row};

#[derive(Debug, Args)]
pub struct QueuesArgs {}

pub async fn exec(_: QueuesArgs, ctx: &Ctx) -> Result<(), CliError> {
    // The JSON is one document (the general queue and a list of agents), not rows: `--sort`
    // was ignored there with exit 0, or refused as a field of the document.
    let json = ctx.ui.format == Some(Format::Json);
    if json && let Some(sort) = &ctx.ui.shape.sort {
        // The field as the rows know it first; then the jq that sorts the document's agents
        // by the same field under its name there, the other way too.
        let shape = crate::ui::Shape {
            sort: Some(sort.clone()),
            ..Default::default()
        };
        shape.check_titled(<QueueRow as Row>::FIELDS, <QueueRow as Row>::TITLED)?;
        let field = shape
            .sort_field(<QueueRow as Row>::TITLED)
            .unwrap_or(&sort.field);
        let reverse = if sort.descending { " | reverse" } else { "" };
        let hint = match field {
            // Every agent's is a My Queue: the general queue stands apart, as `.general`.
            "queue" => {
                "its general queue is `.general`, the agents' My Queues `.agents`".to_owned()
            }
            "oldest_at" => format!(
                "sort its agents with --jq '.agents | sort_by(.oldest_assigned_at){reverse}'"
            ),
            other => format!("sort its agents with --jq '.agents | sort_by(.{other}){reverse}'"),
        };
        return Err(CliError::usage(
            "--sort orders the rows of the table and of -o csv, ndjson and ids; the JSON of \
             `queues` is one document",
        )
        .hint(hint));
    }
    let queues = ctx.client().await?.queues().await?;
    if json {
        return ctx.ui.json(&queues);
    }
    ctx.ui.list(&Names::default(), &QueueRow::all(&queues))
}
