//! The console's loop: the workspace loaded through the client, kept live by the event stream
//! (each change refreshes what it touched, never a poll), keys turned into intents, and
//! intents run in the background through the same client calls the commands make, with
//! If-Match; several interventions at once go through the bulk engine and its journal.

mod jobs;
mod stream;

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use futures_util::TryStreamExt;
use futures_util::future::LocalBoxFuture;
use jiff::Timestamp;
use livectl_client::{Client, ClientError, FULL_PAGE};
use livectl_contract::{Intervention, InterventionQuery, States};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::stuck::{self, Thresholds};
use crate::error::CliError;
use crate::ui::console::{App, Catalog, Intent, Link, Screen, Workspace};
use crate::ui::{Reach, Ui};
use jobs::{Done, finished, start};
use stream::{follow, hear, refresh, refreshed};

/// How the console starts.
pub struct Options {
    /// The owner and department shown at start.
    pub filter: InterventionQuery,
    /// When an intervention counts as stuck.
    pub limits: Thresholds,
    /// Where requests go, stably (the header, bulk journals).
    pub target: String,
    /// The flags that reached the platform (`connect::reach`), repeated in the `--resume`
    /// command a bulk run of the console suggests.
    pub reach: Reach,
}

/// Runs the console until `q`, Ctrl-C or SIGTERM (all end it with 0, as `watch`), or until
/// the platform refuses its token (its error, exit 4, as `watch`). The terminal is given back
/// as it was on every way out.
pub async fn run(client: &Client, ui: &Ui, options: Options) -> Result<(), CliError> {
    // The stream first: a change made while the rest loads is heard, not missed.
    let (tell, mut heard) = mpsc::channel(1024);
    let mut follower = JoinSet::new();
    follower.spawn(follow(client.clone(), tell));
    let first = heard.recv().await;
    let workspace = load(client).await?;
    let mut app = App::new(
        ui.clone(),
        workspace,
        options.filter.clone(),
        options.target.clone(),
    );
    let mut dirty = Some(HashSet::new());
    if let Some(first) = first {
        hear(&mut app, first, &mut dirty)?;
    }
    restuck(&mut app, options.limits);

    let mut jobs: JoinSet<Done> = JoinSet::new();
    let mut refreshing = false;
    let mut listening = true;
    // A bulk run in progress, driven here between keys and events.
    let mut bulk: Option<LocalBoxFuture<'_, Result<(), CliError>>> = None;
    // With LIVECTL_NOW, "now" stays where the test put it.
    let clock_runs = std::env::var_os("LIVECTL_NOW").is_none();
    let mut clock = tokio::time::interval(Duration::from_secs(1));
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let _claim = crate::signals::claim();
    let mut screen = Screen::open()?;
    loop {
        if !refreshing && dirty.as_ref().is_none_or(|d| !d.is_empty()) {
            let changed = dirty.replace(HashSet::new());
            jobs.spawn(refresh(client.clone(), changed));
            refreshing = true;
        }
        screen.draw(&mut app)?;
        tokio::select! {
            biased;
            () = crate::signals::interrupted() => break,
            input = screen.input() => {
                let Some(input) = input? else { break };
                match app.on_input(input) {
                    Some(Intent::Quit) => break,
                    Some(intent) => {
                        if let Some(run) = start(intent, &mut app, &mut jobs, client, ui, &options) {
                            bulk = Some(run);
                        }
                    }
                    None => {}
                }
            }
            said = heard.recv(), if listening => match said {
                Some(said) => {
                    hear(&mut app, said, &mut dirty).map_err(|e| app.leaving(e))?;
                    while let Ok(said) = heard.try_recv() {
                        hear(&mut app, said, &mut dirty).map_err(|e| app.leaving(e))?;
                    }
                    // An owner who went away or offline makes its interventions stuck now.
                    restuck(&mut app, options.limits);
                }
                // The follower is gone (it never ends by itself): say so rather than seem live.
                None => {
                    listening = false;
                    app.set_link(Link::Down {
                        since: Timestamp::now(),
                        error: "the event stream stopped; restart the console".into(),
                    });
                }
            },
            ended = async {
                match bulk.as_mut() {
                    Some(run) => run.await,
                    None => std::future::pending().await,
                }
            }, if bulk.is_some() => {
                bulk = None;
                app.bulk_finished(ended.map_err(said));
                restuck(&mut app, options.limits);
            }
            Some(joined) = jobs.join_next(), if !jobs.is_empty() => {
                match joined {
                    Ok(Done::Refreshed(refresh)) => {
                        refreshing = false;
                        refreshed(&mut app, refresh);
                    }
                    Ok(done) => finished(&mut app, done),
                    // A panic has given the terminal back already (ratatui's hook): stop here
                    // rather than draw on a terminal that is no longer the console's.
                    Err(e) => {
                        return Err(CliError::failure(format!(
                            "the console stopped: a background task failed: {e}"
                        )));
                    }
                }
                restuck(&mut app, options.limits);
            }
            _ = clock.tick() => {
                if clock_runs {
                    app.tick(Timestamp::now());
                    restuck(&mut app, options.limits);
                }
            }
        }
    }
    // Leaving: the jobs and the stream end with their sets, the terminal with the screen; what
    // is left behind is said once the terminal is back.
    drop(screen);
    for line in app.left_behind() {
        ui.note(line);
    }
    Ok(())
}

/// Everything the console shows, loaded at once.
async fn load(client: &Client) -> Result<Workspace, CliError> {
    let (me, agents, departments, topics, outcomes, blocks, queues, open) = tokio::try_join!(
        client.me(),
        client.agents(),
        client.departments(),
        client.topics(),
        client.outcomes(),
        client.blocks(),
        client.queues(),
        open(client),
    )?;
    Ok(Workspace {
        me: me.agent,
        agents,
        departments,
        catalog: Catalog {
            topics,
            outcomes,
            blocks,
        },
        queues,
        open,
    })
}

/// The open interventions: queued and assigned.
pub(super) async fn open(client: &Client) -> Result<Vec<Intervention>, ClientError> {
    let query = InterventionQuery {
        state: States::open(),
        ..InterventionQuery::default()
    };
    client.interventions(query, FULL_PAGE).try_collect().await
}

/// Which interventions need help now, from what the console holds (no request).
fn restuck(app: &mut App, limits: Thresholds) {
    let agents: HashMap<String, _> = app
        .agents()
        .iter()
        .map(|a| (a.id.clone(), a.clone()))
        .collect();
    let found = stuck::among(app.open().to_vec(), &agents, app.now(), limits);
    app.set_stuck(found);
}

/// An error in one line: the message and the first hint.
pub(super) fn said(e: impl Into<CliError>) -> String {
    let e: CliError = e.into();
    match e.hints.first() {
        Some(hint) => format!("{} ({hint})", e.message),
        None => e.message,
    }
}
