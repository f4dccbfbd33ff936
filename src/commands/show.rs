//! `livectl show ID`: one intervention with its user, owner, timeline and last messages.

use std::fmt::Write;

use clap::Args;

use super::list::agent_names;
use super::{Ctx, io, print_list};
use crate::api::models::{Event, EventAction, Intervention, Message};
use crate::error::CliError;
use crate::output::{Format, Output, age};

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The intervention's id, e.g. iv_42
    #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::completion::interventions))]
    pub id: String,
    /// How many of the last messages to show
    #[arg(long, default_value_t = 10)]
    pub messages: usize,
}

pub async fn run(args: ShowArgs, mut ctx: Ctx) -> Result<(), CliError> {
    let intervention = ctx.client.intervention(&args.id).await?;
    let events = ctx.client.events_of(&intervention.id).await?;
    match ctx.out.format {
        Some(Format::Json | Format::Ndjson) => {
            let mut value = serde_json::to_value(&intervention)
                .map_err(|e| CliError::failure(e.to_string()))?;
            value["events"] =
                serde_json::to_value(&events).map_err(|e| CliError::failure(e.to_string()))?;
            ctx.out.json(&value).map_err(io)
        }
        Some(Format::Csv | Format::Ids) => print_list(&ctx.out, &[intervention]),
        Some(Format::Table) | None => {
            let conversation = ctx
                .client
                .conversation(&intervention.conversation_id)
                .await?;
            ctx.out.names = agent_names(&ctx).await?;
            if intervention.completion.is_some() {
                let catalog = [
                    ctx.client
                        .topics()
                        .await?
                        .into_iter()
                        .map(|t| (t.id, t.name))
                        .collect::<Vec<_>>(),
                    ctx.client
                        .outcomes()
                        .await?
                        .into_iter()
                        .map(|o| (o.id, o.name))
                        .collect(),
                    ctx.client
                        .blocks()
                        .await?
                        .into_iter()
                        .map(|b| (b.id, b.name))
                        .collect(),
                ];
                ctx.out.names.extend(catalog.into_iter().flatten());
            }
            let skip = conversation.messages.len().saturating_sub(args.messages);
            let text = render(
                &ctx.out,
                &intervention,
                &events,
                &conversation.messages[skip..],
            );
            let text = crate::output::sanitize(&text, true);
            use std::io::Write as _;
            std::io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .map_err(io)
        }
    }
}

fn render(out: &Output, i: &Intervention, events: &[Event], messages: &[Message]) -> String {
    let mut s = String::new();
    let when =
        |t: jiff::Timestamp| format!("{} ({} ago)", t.strftime("%Y-%m-%d %H:%M"), age(t, out.now));
    let _ = writeln!(s, "{}  {}  version {}", i.id, out.state(i.state), i.version);
    let _ = writeln!(
        s,
        "User:        {} ({}, {})",
        i.user.name, i.user.id, i.user.channel
    );
    let _ = writeln!(s, "Summary:     {}", i.summary);
    let _ = writeln!(s, "Owner:       {}", owner(out, &i.owner));
    if let Some(d) = &i.department {
        let _ = writeln!(
            s,
            "Department:  {}",
            out.names
                .get(d)
                .map(|n| format!("{n} ({d})"))
                .unwrap_or_else(|| d.clone())
        );
    }
    let _ = writeln!(s, "Queued:      {}", when(i.queued_at));
    if let Some(t) = i.assigned_at {
        let _ = writeln!(s, "Assigned:    {}", when(t));
    }
    if let Some(t) = i.closed_at {
        let _ = writeln!(s, "Closed:      {}", when(t));
    }
    if let Some(t) = i.last_user_message_at {
        let _ = writeln!(s, "User wrote:  {}", when(t));
    }
    if let Some(t) = i.last_agent_message_at {
        let _ = writeln!(s, "Agent wrote: {}", when(t));
    }
    if !i.tags.is_empty() {
        let _ = writeln!(s, "Tags:        {}", i.tags.join(", "));
    }
    if let Some(c) = &i.completion {
        let named = |id: &str| {
            out.names
                .get(id)
                .map(|n| format!("{n} ({id})"))
                .unwrap_or_else(|| id.to_owned())
        };
        let block = c
            .block
            .as_deref()
            .map(|b| format!(", block {}", named(b)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "Completion:  topic {}, outcome {}{block}, by {}",
            named(&c.topic),
            named(&c.outcome),
            out.agent_name(&Some(c.completed_by.clone()))
        );
    }
    let _ = writeln!(s, "\nTimeline:");
    for e in events {
        let what = match e.action {
            EventAction::Assigned => format!("assigned to {}", owner(out, &e.to_owner)),
            EventAction::Reassigned => format!(
                "reassigned from {} to {}",
                owner(out, &e.from_owner),
                owner(out, &e.to_owner)
            ),
            EventAction::Returned => {
                format!("returned to the queue by {}", owner(out, &e.from_owner))
            }
            other => other.to_string(),
        };
        let reason = e
            .reason
            .as_deref()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "  {}  {what}{reason}, by {}",
            e.at.strftime("%Y-%m-%d %H:%M"),
            out.agent_name(&Some(e.actor.clone()))
        );
    }
    if !messages.is_empty() {
        let _ = writeln!(s, "\nLast messages:");
        for m in messages {
            let who = match &m.agent {
                Some(_) => out.agent_name(&m.agent),
                None => m.sender.to_string(),
            };
            let _ = writeln!(
                s,
                "  {}  {who}: {}",
                m.at.strftime("%Y-%m-%d %H:%M"),
                m.text
            );
        }
    }
    s
}

fn owner(out: &Output, id: &Option<String>) -> String {
    match id {
        Some(id) => format!("{} ({id})", out.agent_name(&Some(id.clone()))),
        None => "none (general queue)".into(),
    }
}
