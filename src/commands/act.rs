//! The five actions: `assign`, `reassign`, `return`, `cancel`, `complete`.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;

use super::{Ctx, lookup, print_list};
use crate::api::models::{AssignRequest, CompleteRequest, ReasonRequest};
use crate::api::{ActionBody, Post};
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// The agent who will own it: an id, an email, a unique name or `me`
    #[arg(long, value_name = "AGENT", default_value = "me", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: String,
}

#[derive(Debug, Args)]
pub struct ReassignArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// The agent who will own it: an id, an email, a unique name or `me`
    #[arg(long, value_name = "AGENT", add = ArgValueCandidates::new(crate::completion::agents))]
    pub to: String,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReasonArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompleteArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// The topic: id, key or name (see `livectl topics`)
    #[arg(long)]
    pub topic: Option<String>,
    /// The outcome: id, key or name (see `livectl outcomes`)
    #[arg(long)]
    pub outcome: Option<String>,
    /// A tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// The block the bot sends to close: id, key or name (see `livectl blocks`)
    #[arg(long)]
    pub block: Option<String>,
}

/// Sends one action and prints the intervention as it now is.
async fn act(ctx: &Ctx, id: &str, body: ActionBody) -> Result<(), CliError> {
    let intervention = ctx.client.act(id, &body, Post::default()).await?;
    if ctx.out.format == Some(crate::output::Format::Json) {
        return ctx.out.json(&intervention).map_err(super::io);
    }
    print_list(&ctx.out, &[intervention])
}

pub async fn assign(args: AssignArgs, ctx: Ctx) -> Result<(), CliError> {
    let agent = lookup::agent(&ctx, &args.to, "--to").await?;
    act(
        &ctx,
        &args.id,
        ActionBody::Assign(AssignRequest {
            agent: agent.id,
            reason: None,
        }),
    )
    .await
}

pub async fn reassign(args: ReassignArgs, ctx: Ctx) -> Result<(), CliError> {
    let agent = lookup::agent(&ctx, &args.to, "--to").await?;
    act(
        &ctx,
        &args.id,
        ActionBody::Reassign(AssignRequest {
            agent: agent.id,
            reason: args.reason,
        }),
    )
    .await
}

pub async fn return_to_queue(args: ReasonArgs, ctx: Ctx) -> Result<(), CliError> {
    act(
        &ctx,
        &args.id,
        ActionBody::Return(ReasonRequest {
            reason: args.reason,
        }),
    )
    .await
}

pub async fn cancel(args: ReasonArgs, ctx: Ctx) -> Result<(), CliError> {
    act(
        &ctx,
        &args.id,
        ActionBody::Cancel(ReasonRequest {
            reason: args.reason,
        }),
    )
    .await
}

pub async fn complete(args: CompleteArgs, ctx: Ctx) -> Result<(), CliError> {
    let (topics, outcomes, blocks) = (
        ctx.client.topics().await?,
        ctx.client.outcomes().await?,
        ctx.client.blocks().await?,
    );
    let interactive = ctx.out.interactive()
        && (args.topic.is_none() || args.outcome.is_none() || args.block.is_none());
    let body = if interactive {
        super::complete_prompt::ask(&ctx, &args, &topics, &outcomes, &blocks)?
    } else {
        let missing = |flag: &str, valid: String| {
            CliError::usage(format!("{flag} is required when not running interactively"))
                .hint(format!("valid values: {valid}"))
        };
        let topic = args
            .topic
            .as_deref()
            .ok_or_else(|| missing("--topic", lookup::valid(&topics)))?;
        let outcome = args
            .outcome
            .as_deref()
            .ok_or_else(|| missing("--outcome", lookup::valid(&outcomes)))?;
        Some(CompleteRequest {
            topic: lookup::pick(&topics, topic, "--topic")?.id.clone(),
            outcome: lookup::pick(&outcomes, outcome, "--outcome")?.id.clone(),
            tags: args.tags.clone(),
            block: args
                .block
                .as_deref()
                .map(|b| lookup::pick(&blocks, b, "--block").map(|b| b.id.clone()))
                .transpose()?,
        })
    };
    let Some(body) = body else {
        return Err(CliError::new(
            crate::error::ExitKind::Interrupted,
            format!("{} was not completed", args.id),
        ));
    };
    act(&ctx, &args.id, ActionBody::Complete(body)).await
}
