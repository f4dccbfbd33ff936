//! `livectl watch` and `list --watch`: the live stream of changes, resumed after a dropped
//! connection with Last-Event-ID so nothing is missed.

use clap::Args;
use livectl_client::Update;
use livectl_contract::{InterventionQuery, ProblemCode, States};

use super::Ctx;
use super::filters::Filters;
use crate::error::CliError;
use crate::model::Names;
use crate::ui::{View, timeline};
use crate::usecases::lookup::{self, NamesOf};

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub filters: Filters,
}

pub async fn exec(args: WatchArgs, ctx: &Ctx) -> Result<(), CliError> {
    follow(&args.filters, ctx).await
}

/// Streams changes until Ctrl-C or SIGTERM, which end it with 0: a command that runs until it
/// is stopped has done its job when it is stopped (work cut short exits 130). Only changes to
/// interventions matching the filters are shown when filters are given.
pub async fn follow(filters: &Filters, ctx: &Ctx) -> Result<(), CliError> {
    let client = ctx.client().await?;
    let query = if filters.is_set() {
        let mut query = filters.query(client, ctx.ui.now).await?;
        // Changes to interventions in every state are news unless --state says otherwise.
        if filters.state.is_empty() {
            query.state = States::default();
        }
        Some(query)
    } else {
        None
    };
    let lines = ctx.ui.for_people();
    let names = if lines {
        lookup::names(client, NamesOf::People).await?
    } else {
        Names::default()
    };
    let _claim = crate::signals::claim();
    tokio::select! {
        result = stream(ctx, query.as_ref(), &names, lines) => result,
        () = crate::signals::interrupted() => Ok(()),
    }
}

async fn stream(
    ctx: &Ctx,
    query: Option<&InterventionQuery>,
    names: &Names,
    lines: bool,
) -> Result<(), CliError> {
    let client = ctx.client().await?;
    let ui = &ctx.ui;
    let view = View { ui, names };
    let mut events = client.events(None);
    loop {
        match events.next().await? {
            Update::Connected { resumed: false } => ui.note("watching changes (Ctrl-C to stop)"),
            Update::Connected { resumed: true } => ui.note("reconnected; watching changes"),
            Update::Disconnected { error } => {
                ui.note(format!("the event stream failed ({error}); reconnecting"))
            }
            Update::Undecodable { id, detail } => ui.note(format!(
                "warning: skipped event {id}, which is not an event of the contract: {detail}"
            )),
            // An agent's status change: shown without filters, or when --owner names the agent.
            Update::Status(event) => {
                if query.is_some_and(|q| !q.matches_status(&event)) {
                    continue;
                }
                if lines {
                    ui.text(&timeline::status_change(&view, &event))?;
                } else {
                    ui.json_line(&event)?;
                }
            }
            Update::Event(event) => {
                let intervention = match query {
                    Some(q) => match client.intervention(&event.intervention_id).await {
                        Ok(i) if q.matches_event(&event, &i) => Some(i),
                        Ok(_) => continue,
                        // An agent is sent the event that takes an intervention out of its view
                        // (assigned from the queue to another agent), but may no longer read it.
                        Err(e) if e.code() == Some(ProblemCode::Forbidden) => continue,
                        Err(e) => {
                            // A look-up that failed skips this event's filter, not the watch.
                            ui.note(format!(
                                "warning: cannot check {} against the filters: {e}",
                                event.intervention_id
                            ));
                            continue;
                        }
                    },
                    None => None,
                };
                if lines {
                    let summary = intervention.as_ref().map(|i| i.summary.as_str());
                    ui.text(&timeline::change(&view, &event, summary))?;
                } else {
                    ui.json_line(&event)?;
                }
            }
        }
    }
}
