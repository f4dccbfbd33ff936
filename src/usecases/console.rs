//! The console's loop: the workspace loaded through the client, kept live by the event stream
//! (each change refreshes what it touched, never a poll), keys turned into intents, and
//! intents run in the background through the same client calls the commands make, with
//! If-Match; several interventions at once go through the bulk engine and its journal.

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::Duration;

use futures_util::{StreamExt, TryStreamExt};
use jiff::Timestamp;
use livectl_client::{Client, ClientError, FULL_PAGE, Options as Send, Update};
use livectl_contract::{
    ActionKind, Event, HistoryQuery, HistoryRecord, Intervention, InterventionQuery, ProblemCode,
    Queues, States,
};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

use super::bulk;
use super::stuck::{self, Thresholds};
use crate::error::CliError;
use crate::model::Item;
use crate::ui::Ui;
use crate::ui::console::{App, Catalog, Intent, Link, Screen, Workspace};

/// Above this many changed interventions, one reload of the open ones is cheaper than a
/// request each.
const RELOAD: usize = 50;

/// How many messages of a user's history the console keeps (the newest).
const HISTORY: usize = 500;

/// How the console starts.
pub struct Options {
    /// The owner and department shown at start.
    pub filter: InterventionQuery,
    /// When an intervention counts as stuck.
    pub limits: Thresholds,
    /// Where requests go, stably (the header, bulk journals).
    pub target: String,
}

/// What the event stream says.
enum Heard {
    Live,
    /// Connected again with no event seen to resume after: what changed meanwhile is unknown.
    Gap,
    Down(String),
    Event(Event),
    /// Something the console should say, the stream going on.
    Note(String),
}

/// What finished in the background.
enum Done {
    Acted {
        item: Item,
        answer: Box<Result<Intervention, ClientError>>,
    },
    History {
        user: String,
        records: Result<Vec<HistoryRecord>, ClientError>,
    },
    Bulk(Result<(), CliError>),
    Refreshed(Result<Refresh, ClientError>),
}

/// The queues and the interventions an event batch touched, as they are now.
struct Refresh {
    queues: Queues,
    /// Every open one, when many changed.
    open: Option<Vec<Intervention>>,
    each: Vec<(String, Result<Intervention, ClientError>)>,
}

/// Runs the console until `q`, Ctrl-C or SIGTERM (all end it with 0, as `watch`). The
/// terminal is given back as it was on every way out.
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
        options.filter,
        options.target.clone(),
    );
    let mut dirty = Some(HashSet::new());
    if let Some(first) = first {
        hear(&mut app, first, &mut dirty);
    }
    restuck(&mut app, options.limits);

    let mut jobs: JoinSet<Done> = JoinSet::new();
    let mut refreshing = false;
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
                    Some(intent) => start(intent, &mut app, &mut jobs, client, ui, &options.target),
                    None => {}
                }
            }
            Some(said) = heard.recv() => {
                hear(&mut app, said, &mut dirty);
                while let Ok(said) = heard.try_recv() {
                    hear(&mut app, said, &mut dirty);
                }
            }
            Some(joined) = jobs.join_next(), if !jobs.is_empty() => {
                match joined {
                    Ok(Done::Refreshed(refresh)) => {
                        refreshing = false;
                        refreshed(&mut app, refresh);
                    }
                    Ok(done) => finished(&mut app, done),
                    Err(e) => app.failed(format!("a background task failed: {e}")),
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
    // Leaving: the jobs and the stream end with their sets, the terminal with the screen.
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
        me,
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
async fn open(client: &Client) -> Result<Vec<Intervention>, ClientError> {
    let query = InterventionQuery {
        state: States::open(),
        ..InterventionQuery::default()
    };
    client.interventions(query, FULL_PAGE).try_collect().await
}

/// Follows the event stream for as long as the console runs: the client resumes dropped
/// connections with Last-Event-ID under its retry policy; when that gives up, this starts it
/// again after the last event seen, waiting longer each time (up to 30 s).
async fn follow(client: Client, tell: mpsc::Sender<Heard>) {
    let mut after = None;
    let mut pause = Duration::from_secs(1);
    let mut connected = false;
    loop {
        let mut events = client.events(after);
        loop {
            let said = match events.next().await {
                Ok(Update::Connected { .. }) => {
                    pause = Duration::from_secs(1);
                    let again = std::mem::replace(&mut connected, true);
                    if again && events.last_seen().is_none() {
                        Heard::Gap
                    } else {
                        Heard::Live
                    }
                }
                Ok(Update::Event(event)) => Heard::Event(*event),
                Ok(Update::Disconnected { error }) => Heard::Down(error.to_string()),
                Ok(Update::Undecodable { id, detail }) => Heard::Note(format!(
                    "skipped event {id}, which is not an event of the contract: {detail}"
                )),
                Err(error) => {
                    after = events.last_seen();
                    if tell.send(Heard::Down(error.to_string())).await.is_err() {
                        return;
                    }
                    break;
                }
            };
            if tell.send(said).await.is_err() {
                return;
            }
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_secs(30));
    }
}

/// What the stream said, into the console; `dirty` gets what changed (`None`: everything may
/// have).
fn hear(app: &mut App, said: Heard, dirty: &mut Option<HashSet<String>>) {
    match said {
        Heard::Live => app.set_link(Link::Live),
        Heard::Gap => {
            app.set_link(Link::Live);
            *dirty = None;
        }
        Heard::Down(error) => app.set_link(Link::Down {
            since: Timestamp::now(),
            error,
        }),
        Heard::Event(event) => {
            if let Some(dirty) = dirty {
                dirty.insert(event.intervention_id.clone());
            }
            app.event(event);
        }
        Heard::Note(note) => app.failed(note),
    }
}

/// The queues, and the interventions that changed (any of them: `None`), as they are now.
async fn refresh(client: Client, changed: Option<HashSet<String>>) -> Done {
    let fetched = async {
        let queues = client.queues().await?;
        let ids = match changed {
            Some(ids) if ids.len() <= RELOAD => ids,
            _ => {
                return Ok(Refresh {
                    queues,
                    open: Some(open(&client).await?),
                    each: Vec::new(),
                });
            }
        };
        let mut each = Vec::new();
        for id in ids {
            let now = client.intervention(&id).await;
            each.push((id, now));
        }
        Ok(Refresh {
            queues,
            open: None,
            each,
        })
    };
    Done::Refreshed(fetched.await)
}

fn refreshed(app: &mut App, refresh: Result<Refresh, ClientError>) {
    let refresh = match refresh {
        Ok(refresh) => refresh,
        Err(e) => return app.failed(format!("cannot refresh: {}", said(e))),
    };
    app.set_queues(refresh.queues);
    if let Some(open) = refresh.open {
        app.replace_open(open);
    }
    for (id, now) in refresh.each {
        match now {
            Ok(i) => app.upsert(i),
            // Gone, or out of an agent's sight (assigned to someone else).
            Err(e)
                if matches!(
                    e.code(),
                    Some(ProblemCode::NotFound | ProblemCode::Forbidden)
                ) =>
            {
                app.forget(&id)
            }
            Err(e) => app.failed(format!("cannot refresh {id}: {}", said(e))),
        }
    }
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
fn said(e: impl Into<CliError>) -> String {
    let e: CliError = e.into();
    match e.hints.first() {
        Some(hint) => format!("{} ({hint})", e.message),
        None => e.message,
    }
}

/// Runs an intent in the background.
fn start(
    intent: Intent,
    app: &mut App,
    jobs: &mut JoinSet<Done>,
    client: &Client,
    ui: &Ui,
    target: &str,
) {
    let client = client.clone();
    match intent {
        Intent::Quit => {}
        Intent::Act { mut items, .. } if items.len() == 1 => {
            let item = items.remove(0);
            jobs.spawn(async move {
                let answer = client
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
                return app.failed("a bulk run is in progress; wait for it to end");
            }
            app.bulk_started(&describe, items.len() as u64);
            let (ui, target) = (ui.clone(), target.to_owned());
            jobs.spawn(async move {
                Done::Bulk(bulk_run(&client, &ui, &target, kind, describe, items).await)
            });
        }
        Intent::History { user } => {
            jobs.spawn(async move {
                let records = newest_history(&client, &user).await;
                Done::History { user, records }
            });
        }
    }
}

/// The one call into the bulk engine, kept alone so that a new engine changes only this: the
/// items as a plan of `kind`'s command (so `livectl KIND --resume JOURNAL` continues it),
/// confirmed already by the console, with a journal in the state directory. The engine's
/// progress and summary reach the console through the ui while it holds the terminal.
async fn bulk_run(
    client: &Client,
    ui: &Ui,
    target: &str,
    kind: ActionKind,
    describe: String,
    items: Vec<Item>,
) -> Result<(), CliError> {
    let plan = bulk::Plan {
        command: kind.as_str().to_owned(),
        describe,
        items,
        by_filter: false,
    };
    let options = bulk::Options {
        concurrency: 16,
        yes: true,
        ..bulk::Options::default()
    };
    bulk::run(client, ui, target, plan, &options).await
}

/// The newest messages of a user's history, oldest first.
async fn newest_history(client: &Client, user: &str) -> Result<Vec<HistoryRecord>, ClientError> {
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

fn finished(app: &mut App, done: Done) {
    match done {
        Done::Acted { item, answer } => match *answer {
            Ok(now) => app.acted(&item, now),
            Err(ClientError::Problem { status, problem })
                if matches!(status, 409 | 412) && problem.current.is_some() =>
            {
                if let Some(current) = problem.current {
                    app.conflict(&item, status, *current);
                }
            }
            Err(e) => app.failed(format!("{} {}: {}", item.action.name(), item.id, said(e))),
        },
        Done::History { user, records } => app.history(&user, records.map_err(said)),
        Done::Bulk(result) => app.bulk_finished(result.map_err(said)),
        Done::Refreshed(refresh) => refreshed(app, refresh),
    }
}
