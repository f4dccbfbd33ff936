//! `livectl watch` and `list --watch`: the live stream of changes, resumed after a dropped
//! connection with Last-Event-ID so nothing is missed.

use std::time::Duration;

use clap::Args;
use eventsource_stream::Eventsource;
use futures_util::StreamExt;

use super::list::Filters;
use super::{Ctx, io};
use crate::api::models::{Event, EventAction, Intervention};
use crate::error::CliError;
use crate::output::Format;

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub filters: Filters,
}

/// Streams changes until Ctrl-C (exit 0). Only changes to interventions matching the filters
/// are shown when filters are given.
pub async fn run(filters: &Filters, mut ctx: Ctx) -> Result<(), CliError> {
    let query = if filters.is_set() {
        let mut query = filters.query(&ctx).await?;
        // Changes to interventions in every state are news unless --state says otherwise.
        if filters.state.is_empty() {
            query.retain(|(k, _)| k != "state");
        }
        Some(query)
    } else {
        None
    };
    let lines =
        ctx.out.format.is_none() && ctx.out.stdout_tty || ctx.out.format == Some(Format::Table);
    if lines {
        ctx.out.names = super::list::agent_names(&ctx).await?;
    }
    tokio::select! {
        result = follow(&ctx, query.as_deref(), lines) => result,
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}

async fn follow(
    ctx: &Ctx,
    query: Option<&[(String, String)]>,
    lines: bool,
) -> Result<(), CliError> {
    let mut last: Option<i64> = None;
    let mut failures = 0u32;
    loop {
        match ctx.client.events(last).await {
            Ok(response) => {
                if failures > 0 || last.is_none() {
                    ctx.out.note("watching changes (Ctrl-C to stop)");
                }
                failures = 0;
                let mut stream = response.bytes_stream().eventsource();
                while let Some(message) = stream.next().await {
                    let Ok(message) = message else { break };
                    let Ok(event) = serde_json::from_str::<Event>(&message.data) else {
                        continue;
                    };
                    last = Some(event.seq);
                    let intervention = match query {
                        Some(q) => {
                            // One failed look-up skips that event's filter check, not the watch.
                            let Ok(i) = ctx.client.intervention(&event.intervention_id).await
                            else {
                                continue;
                            };
                            if !matches(q, &event, &i) {
                                continue;
                            }
                            Some(i)
                        }
                        None => None,
                    };
                    print(ctx, &event, intervention.as_ref(), lines)?;
                }
            }
            Err(e) if failures >= 5 => return Err(e.into()),
            Err(e) => ctx
                .out
                .note(format!("the event stream failed ({e}); reconnecting")),
        }
        failures += 1;
        // Reconnect after a short, jittered pause; Last-Event-ID picks up where it stopped.
        let pause = Duration::from_millis(250 * u64::from(failures.min(8)) + fastrand::u64(0..250));
        tokio::time::sleep(pause).await;
    }
}

/// Whether an intervention passes the filters' query (the same words the API filters on).
/// An event passes when its intervention does, or, for --owner, when the event moved it to or
/// away from that owner (so a watch on Sam sees Sam's items leave).
fn matches(query: &[(String, String)], event: &Event, i: &Intervention) -> bool {
    query.iter().all(|(k, v)| match k.as_str() {
        "state" => v.split(',').any(|s| s == i.state.as_str()),
        "owner" if v == "none" => {
            i.owner.is_none() || event.from_owner.is_some() && event.to_owner.is_none()
        }
        "owner" => {
            let v = Some(v.as_str());
            i.owner.as_deref() == v
                || event.from_owner.as_deref() == v
                || event.to_owner.as_deref() == v
        }
        "department" => i.department.as_deref() == Some(v.as_str()),
        "tag" => i.tags.iter().any(|t| t == v),
        "queued_before" => v.parse::<jiff::Timestamp>().is_ok_and(|t| i.queued_at < t),
        _ => true,
    })
}

fn print(
    ctx: &Ctx,
    event: &Event,
    intervention: Option<&Intervention>,
    lines: bool,
) -> Result<(), CliError> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if !lines {
        serde_json::to_writer(&mut stdout, event).map_err(|e| io(e.into()))?;
        writeln!(stdout).map_err(io)?;
        return stdout.flush().map_err(io);
    }
    let out = &ctx.out;
    let name = |id: &Option<String>| out.agent_name(id);
    let what = match event.action {
        EventAction::Assigned => format!("assigned to {}", name(&event.to_owner)),
        EventAction::Reassigned => {
            format!("{} → {}", name(&event.from_owner), name(&event.to_owner))
        }
        EventAction::Returned => format!("returned by {}", name(&event.from_owner)),
        other => other.to_string(),
    };
    let reason = event
        .reason
        .as_deref()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    let summary = intervention
        .map(|i| format!("  {}", i.summary))
        .unwrap_or_default();
    let line = format!(
        "{}  {:<8} {}{reason}, by {}{summary}",
        event.at.strftime("%H:%M:%S"),
        event.intervention_id,
        what,
        name(&Some(event.actor.clone()))
    );
    writeln!(stdout, "{}", crate::output::sanitize(&line, false)).map_err(io)?;
    stdout.flush().map_err(io)
}
