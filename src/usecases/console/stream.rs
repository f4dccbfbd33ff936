//! Following the event stream, and refreshing what each change touched.

use std::collections::HashSet;
use std::time::Duration;

use jiff::Timestamp;
use livectl_client::{Client, ClientError, Update};
use livectl_contract::{Event, Intervention, ProblemCode, Queues, StatusEvent};
use tokio::sync::mpsc;

use super::jobs::Done;
use super::{open, said};
use crate::error::CliError;
use crate::ui::console::{App, Link};

/// Above this many changed interventions, one reload of the open ones is cheaper than a
/// request each.
const RELOAD: usize = 50;

/// What the event stream says.
pub(super) enum Heard {
    Live,
    /// Connected again with no event seen to resume after: what changed meanwhile is unknown.
    Gap,
    Down(String),
    Event(Event),
    /// An agent's status changed.
    Status(StatusEvent),
    /// Something the console should say, the stream going on.
    Note(String),
    /// The platform refused the token (401, 403): nothing it shows will be true again, so the
    /// console ends, as `watch` does.
    Refused(ClientError),
}

/// The queues and the interventions an event batch touched, as they are now.
pub(super) struct Refresh {
    queues: Queues,
    /// Every open one, when many changed.
    open: Option<Vec<Intervention>>,
    each: Vec<(String, Result<Intervention, ClientError>)>,
}

/// Follows the event stream for as long as the console runs: the client resumes dropped
/// connections with Last-Event-ID under its retry policy; when that gives up, this starts it
/// again after the last event seen, waiting longer each time (up to 30 s).
pub(super) async fn follow(client: Client, tell: mpsc::Sender<Heard>) {
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
                Ok(Update::Status(change)) => Heard::Status(*change),
                Ok(Update::Disconnected { error }) => Heard::Down(error.to_string()),
                Ok(Update::Undecodable { id, detail }) => Heard::Note(format!(
                    "skipped event {id}, which is not an event of the contract: {detail}"
                )),
                Err(error) if matches!(error.status(), Some(401 | 403)) => {
                    let _ = tell.send(Heard::Refused(error)).await;
                    return;
                }
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
/// have). A refused token ends the console with its error.
pub(super) fn hear(
    app: &mut App,
    said: Heard,
    dirty: &mut Option<HashSet<String>>,
) -> Result<(), CliError> {
    match said {
        Heard::Refused(error) => return Err(error.into()),
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
        Heard::Status(change) => app.status(change),
        Heard::Note(note) => app.failed(note),
    }
    Ok(())
}

/// The queues, and the interventions that changed (any of them: `None`), as they are now.
pub(super) async fn refresh(client: Client, changed: Option<HashSet<String>>) -> Done {
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

pub(super) fn refreshed(app: &mut App, refresh: Result<Refresh, ClientError>) {
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
