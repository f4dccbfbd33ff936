//! Intents run in the background, through the same client calls the commands make, and what
//! came of them.

use std::collections::VecDeque;

use futures_util::future::LocalBoxFuture;
use futures_util::{FutureExt, StreamExt};
use livectl_client::{Client, ClientError, Options as Send};
use livectl_contract::{ActionKind, HistoryQuery, HistoryRecord, Intervention};
use tokio::task::JoinSet;

use super::said;
use super::stream::{Refresh, refreshed};
use crate::error::CliError;
use crate::model::Item;
use crate::ui::Ui;
use crate::ui::console::{App, Intent};
use crate::usecases::bulk;
use crate::usecases::targets::Source;

/// How many messages of a user's history the console keeps (the newest).
const HISTORY: usize = 500;

/// What finished in the background.
pub(super) enum Done {
    Acted {
        item: Item,
        answer: Box<Result<Intervention, ClientError>>,
    },
    History {
        user: String,
        records: Result<Vec<HistoryRecord>, ClientError>,
    },
    Refreshed(Result<Refresh, ClientError>),
}

/// Runs an intent in the background; a bulk run comes back to be driven by the loop itself
/// (the engine's future need not be sendable to another thread).
pub(super) fn start<'a>(
    intent: Intent,
    app: &mut App,
    jobs: &mut JoinSet<Done>,
    client: &'a Client,
    ui: &'a Ui,
    run: &'a super::Options,
) -> Option<LocalBoxFuture<'a, Result<(), CliError>>> {
    let owned = client.clone();
    match intent {
        Intent::Quit => {}
        Intent::Act { mut items, .. } if items.len() == 1 => {
            let item = items.remove(0);
            app.sending(&item);
            jobs.spawn(async move {
                let answer = owned
                    .act(
                        &item.id,
                        &item.action,
                        Send {
                            idempotency_key: None,
                            if_match: item.version,
                        },
                    )
                    .await;
                Done::Acted {
                    item,
                    answer: Box::new(answer),
                }
            });
        }
        Intent::Act {
            kind,
            describe,
            items,
        } => {
            if app.bulk_running() {
                app.failed("a bulk run is in progress; wait for it to end");
                return None;
            }
            app.bulk_started(&describe, items.len() as u64);
            return Some(bulk_run(client, ui, run, kind, describe, items).boxed_local());
        }
        Intent::History { user } => {
            jobs.spawn(async move {
                let records = newest_history(&owned, &user).await;
                Done::History { user, records }
            });
        }
    }
    None
}

/// The one call into the bulk engine, kept alone so that a new engine changes only this: the
/// items as plans of their actions' commands, one run per action (so `livectl assign --resume
/// JOURNAL` or `livectl reassign --resume JOURNAL` continues each, as a journal holds one
/// action's items), confirmed already by the console, each with a journal in the state
/// directory. The engine's progress and summary reach the console through the ui while it holds
/// the terminal.
pub(super) async fn bulk_run(
    client: &Client,
    ui: &Ui,
    run: &super::Options,
    kind: ActionKind,
    describe: String,
    items: Vec<Item>,
) -> Result<(), CliError> {
    // The key pressed names the run; items that need another action (assign to me on one a
    // colleague holds is a reassign) make their own run after it.
    let mut kinds: Vec<ActionKind> = vec![kind];
    for item in &items {
        if !kinds.contains(&item.action.kind()) {
            kinds.push(item.action.kind());
        }
    }
    let options = bulk::Options {
        yes: true,
        reach: run.reach.clone(),
        ..bulk::Options::default()
    };
    let mut items = items;
    // Each run is made whatever the one before it came to: a failed item of the first dropped
    // the second, unsaid (review). The first error is the one said; an interruption stops all.
    let mut failed = None;
    for kind in kinds {
        let (these, rest): (Vec<Item>, Vec<Item>) =
            items.into_iter().partition(|i| i.action.kind() == kind);
        items = rest;
        if these.is_empty() {
            continue;
        }
        let plan = bulk::Plan {
            command: bulk::Command::of(kind),
            describe: describe.clone(),
            items: futures_util::stream::iter(these.into_iter().map(Ok)).boxed_local(),
            source: Source::Arguments,
            repeats: Default::default(),
            chooses: false,
        };
        match bulk::run(client, ui, &run.target, plan, &options).await {
            Ok(()) => {}
            Err(e) if e.kind == crate::error::ErrorKind::Interrupted => return Err(e),
            Err(e) => {
                failed.get_or_insert(e);
            }
        }
    }
    failed.map_or(Ok(()), Err)
}

/// The newest messages of a user's history, oldest first.
pub(super) async fn newest_history(
    client: &Client,
    user: &str,
) -> Result<Vec<HistoryRecord>, ClientError> {
    let mut kept = VecDeque::new();
    let mut records = std::pin::pin!(client.history(Some(user), HistoryQuery::default()));
    while let Some(record) = records.next().await {
        kept.push_back(record?);
        if kept.len() > HISTORY {
            kept.pop_front();
        }
    }
    Ok(kept.into())
}

pub(super) fn finished(app: &mut App, done: Done) {
    match done {
        Done::Acted { item, answer } => {
            app.answered(&item);
            match *answer {
                Ok(now) => app.acted(&item, now),
                Err(ClientError::Problem { problem, .. })
                    if problem.code == livectl_contract::ProblemCode::AtCapacity.as_str() =>
                {
                    app.no_room(&item);
                }
                Err(ClientError::Problem {
                    status, problem, ..
                }) if matches!(status, 409 | 412) && problem.current.is_some() => {
                    if let Some(current) = problem.current {
                        app.conflict(&item, status, &problem.detail, *current);
                    }
                }
                Err(e) => app.failed(format!("{} {}: {}", item.action.name(), item.id, said(e))),
            }
        }
        Done::History { user, records } => app.history(&user, records.map_err(said)),
        Done::Refreshed(refresh) => refreshed(app, refresh),
    }
}
