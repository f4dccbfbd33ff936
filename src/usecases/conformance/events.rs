//! Rule 6, events (DESIGN.md sections 3, 4 and 9): `GET /v1/events` delivers the suite's
//! changes in strictly increasing `seq`, one event per change, and a new connection with
//! `Last-Event-ID` resumes after it with no gap and no repeat, changes made while nobody was
//! connected included.
//!
//! The stream is shared with whatever else happens on the platform: only the suite's own
//! interventions are counted, and a last change (a new intervention, the marker) says that
//! every earlier one has been delivered.

use std::time::{Duration, Instant};

use livectl_client::{EventStream, Update};
use livectl_contract::{ActionKind, Event, EventAction};

use super::{Outcome, Suite, outcome};

/// How long the rule waits for the events it expects, in all.
const DEADLINE: Duration = Duration::from_secs(30);

const INCREASING: &str = "seq strictly increasing";
const ONE_PER_CHANGE: &str = "one event per change";
const RESUMES: &str = "Last-Event-ID resumes with no gap or repeat";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    match follow(s).await {
        Ok([increasing, one, resumes]) => vec![
            outcome(INCREASING, increasing),
            outcome(ONE_PER_CHANGE, one),
            outcome(RESUMES, resumes),
        ],
        Err(e) => [INCREASING, ONE_PER_CHANGE, RESUMES]
            .into_iter()
            .map(|name| outcome(name, Err(e.clone())))
            .collect(),
    }
}

type Checked = Result<String, String>;

async fn follow(s: &Suite) -> Result<[Checked; 3], String> {
    let deadline = Instant::now() + DEADLINE;
    let admin = s.admin();
    // Connected first: the stream starts with the next change.
    let mut first = admin.events(None);
    connected(&mut first, deadline).await?;
    let iv = s.queued().await?;
    for kind in [ActionKind::Assign, ActionKind::Reassign] {
        s.act(admin, &iv.id, &s.sample(kind)).await?;
    }
    let mut expected = vec![
        (iv.id.clone(), EventAction::Started),
        (iv.id.clone(), EventAction::Assigned),
        (iv.id.clone(), EventAction::Reassigned),
    ];
    // Two of the three, then the connection is dropped.
    let mut everything_first = Vec::new();
    let mut ours = Vec::new();
    while ours.len() < 2 {
        let event = next(&mut first, deadline, &ours).await?;
        if event.intervention_id == iv.id {
            ours.push(event.clone());
        }
        everything_first.push(event);
    }
    drop(first);
    let resume = ours.last().map(|e| e.seq).unwrap_or_default();
    // Changes while nobody is connected, then the marker.
    for kind in [ActionKind::Return, ActionKind::Cancel] {
        s.act(admin, &iv.id, &s.sample(kind)).await?;
    }
    let marker = s.queued().await?;
    expected.extend([
        (iv.id.clone(), EventAction::Returned),
        (iv.id.clone(), EventAction::Cancelled),
        (marker.id.clone(), EventAction::Started),
    ]);
    let mut second = admin.events(Some(resume));
    connected(&mut second, deadline).await?;
    let mut everything_second = Vec::new();
    let mut resumed = Vec::new();
    loop {
        let event = next(&mut second, deadline, &ours).await?;
        everything_second.push(event.clone());
        if event.intervention_id == iv.id || event.intervention_id == marker.id {
            let last = event.intervention_id == marker.id;
            resumed.push(event);
            if last {
                break;
            }
        }
    }
    drop(second);

    let increasing = [
        ("the first connection", &everything_first),
        ("the second connection", &everything_second),
    ]
    .into_iter()
    .find_map(|(which, events)| out_of_order(events).map(|e| format!("{which}: {e}")))
    .map_or_else(
        || {
            Ok(format!(
                "{} events over two connections, each after the one before",
                everything_first.len() + everything_second.len()
            ))
        },
        Err,
    );

    let delivered: Vec<Event> = ours.iter().chain(&resumed).cloned().collect();
    let pairs: Vec<(String, EventAction)> = delivered
        .iter()
        .map(|e| (e.intervention_id.clone(), e.action))
        .collect();
    let one = if pairs == expected {
        Ok(format!(
            "{} changes, {} events",
            expected.len(),
            delivered.len()
        ))
    } else {
        Err(format!(
            "{} changes ({}), but the stream delivered {}",
            expected.len(),
            words(&expected),
            words(&pairs)
        ))
    };

    let resumes = resumed_whole(
        s,
        resume,
        &everything_second,
        &resumed,
        [&iv.id, &marker.id],
    )
    .await;
    Ok([increasing, one, resumes])
}

/// After `Last-Event-ID: resume`: nothing at or before it, and every change of the audit log
/// after it.
async fn resumed_whole(
    s: &Suite,
    resume: i64,
    everything: &[Event],
    resumed: &[Event],
    ids: [&String; 2],
) -> Checked {
    if let Some(repeat) = everything.iter().find(|e| e.seq <= resume) {
        return Err(format!(
            "resumed after seq {resume}, the stream sent seq {} again ({} {})",
            repeat.seq, repeat.intervention_id, repeat.action
        ));
    }
    let mut audit = Vec::new();
    for id in ids {
        let events = s
            .admin()
            .events_of(id)
            .await
            .map_err(|e| format!("reading /v1/audit: {e}"))?;
        audit.extend(events.into_iter().filter(|e| e.seq > resume));
    }
    audit.sort_by_key(|e| e.seq);
    let want: Vec<i64> = audit.iter().map(|e| e.seq).collect();
    let got: Vec<i64> = resumed.iter().map(|e| e.seq).collect();
    if want != got {
        return Err(format!(
            "resumed after seq {resume}: /v1/audit has seqs {want:?} for the suite's changes, the stream sent {got:?}"
        ));
    }
    Ok(format!(
        "resumed after seq {resume} with the {} changes made meanwhile, as /v1/audit has them",
        got.len()
    ))
}

/// The first event whose seq is not above the one before it, in words.
fn out_of_order(events: &[Event]) -> Option<String> {
    events.windows(2).find_map(|pair| {
        (pair[1].seq <= pair[0].seq)
            .then(|| format!("seq {} came after seq {}", pair[1].seq, pair[0].seq))
    })
}

fn words(pairs: &[(String, EventAction)]) -> String {
    let text: Vec<String> = pairs.iter().map(|(id, a)| format!("{id} {a}")).collect();
    if text.is_empty() {
        "nothing".into()
    } else {
        text.join(", ")
    }
}

/// Waits until the stream is connected.
async fn connected(stream: &mut EventStream<'_>, deadline: Instant) -> Result<(), String> {
    loop {
        let update = within(deadline, stream.next()).await.map_err(|_| {
            format!(
                "GET /v1/events did not connect within {} s",
                DEADLINE.as_secs()
            )
        })?;
        match update {
            Ok(Update::Connected { .. }) => return Ok(()),
            Ok(Update::Disconnected { .. }) => continue,
            Ok(Update::Event(_) | Update::Status(_) | Update::Undecodable { .. }) => {
                return Err("GET /v1/events sent an event before it was connected".into());
            }
            Err(e) => return Err(format!("GET /v1/events: {e}")),
        }
    }
}

/// The next event of the stream, through its own reconnects.
async fn next(
    stream: &mut EventStream<'_>,
    deadline: Instant,
    ours: &[Event],
) -> Result<Event, String> {
    loop {
        match within(deadline, stream.next()).await {
            Err(_) => {
                return Err(format!(
                    "waited {} s for the suite's events on GET /v1/events; got {}",
                    DEADLINE.as_secs(),
                    if ours.is_empty() {
                        "none".to_owned()
                    } else {
                        let seen: Vec<String> = ours
                            .iter()
                            .map(|e| format!("{} {}", e.seq, e.action))
                            .collect();
                        seen.join(", ")
                    }
                ));
            }
            Ok(Ok(Update::Event(event))) => return Ok(*event),
            Ok(Ok(Update::Undecodable { id, detail })) => {
                return Err(format!("the event with id `{id}` does not read: {detail}"));
            }
            // Agents' status changes are not the suite's.
            Ok(Ok(Update::Connected { .. } | Update::Disconnected { .. } | Update::Status(_))) => {
                continue;
            }
            Ok(Err(e)) => return Err(format!("GET /v1/events: {e}")),
        }
    }
}

/// The work's result, or Err when the deadline came first.
async fn within<T>(deadline: Instant, work: impl Future<Output = T>) -> Result<T, ()> {
    tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), work)
        .await
        .map_err(|_| ())
}
