//! The audit log, the live event stream and users' history.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};

use super::extract::{Bearer, Id, LastEventId, Q};
use super::{App, json};
use crate::error::ApiError;
use crate::store::{Store, agents, catalog, events as store, history, visibility};
use livectl_contract::{
    AuditQuery, Event, EventStreamQuery, HistoryQuery, HistoryRecord, Page, Problem, StreamEvent,
    User,
};

/// Events, oldest first: the audit log.
///
/// Admin only, except that an agent may ask for the events of one intervention it may see
/// (queued, or its own) with `intervention_id`.
#[utoipa::path(get, path = "/v1/audit", tag = "events", params(AuditQuery),
    responses((status = 200, description = "a page of events, oldest first", body = Page<Event>),
        (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn audit(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<AuditQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            visibility::audit(conn, caller, q.intervention_id.as_deref())?;
            store::audit(conn, &q)
        })
        .await?,
    )
}

/// One user's history of messages, oldest first.
///
/// An admin, or an agent for a user with an intervention it may see (queued, or its own).
#[utoipa::path(get, path = "/v1/users/{id}/history", tag = "users", params(("id" = String, Path), HistoryQuery),
    responses((status = 200, description = "a page of the user's messages, oldest first", body = Page<HistoryRecord>),
        (status = 403, body = Problem)))]
pub async fn user_history(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
    Q(q): Q<HistoryQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            let user = catalog::get::<User>(conn, &id)?;
            visibility::user(conn, caller, &user.id)?;
            history::history(conn, Some(&user.id), &q)
        })
        .await?,
    )
}

/// Every user's history of messages in a time range, oldest first.
///
/// Admin only.
#[utoipa::path(get, path = "/v1/history", tag = "users", params(HistoryQuery),
    responses((status = 200, description = "a page of every user's messages in the range, oldest first", body = Page<HistoryRecord>),
        (status = 403, body = Problem)))]
pub async fn history(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<HistoryQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            visibility::admin_only(caller, "everyone's history")?;
            history::history(conn, None, &q)
        })
        .await?,
    )
}

/// How often the stream looks for changes written by another process on the same database.
const POLL: Duration = Duration::from_millis(200);
const BATCH: usize = 500;

/// Server-Sent Events of every change: `id:` is the event's seq, `data:` the Event as JSON.
///
/// `Last-Event-ID` (or `?after=`) resumes after that seq with no gap; without either the stream
/// starts with the next change. `Events-After` says the seq it starts after, which a client
/// that sees no event before a drop resumes from. Any valid token; an agent receives only the
/// events of the interventions it may see at the moment of the event: queue entries and exits
/// (started, returned, and assigned or cancelled from the queue) and every event whose
/// `from_owner` or `to_owner` is itself.
#[utoipa::path(get, path = "/v1/events", tag = "events",
    params(EventStreamQuery, ("Last-Event-ID" = Option<String>, Header)),
    responses((status = 200, content_type = "text/event-stream", description = "a stream of `Event`s", body = Event)))]
pub async fn stream(
    State(app): State<App>,
    Bearer(token): Bearer,
    LastEventId(last): LastEventId,
    Q(q): Q<EventStreamQuery>,
) -> Result<Response, ApiError> {
    let resume = last.or(q.after);
    let start = app
        .read(token.clone(), move |conn, _| match resume {
            // Seqs start at 1: a position before that is the start.
            Some(seq) => Ok(seq.max(0)),
            None => agents::last_seq(conn),
        })
        .await?;
    // The reconnection delay comes first, so a client knows it before any event.
    let retry = stream::once(async { Ok(SseEvent::default().retry(RETRY)) });
    let mut response = Sse::new(retry.chain(events_after(app, start, token)))
        .keep_alive(KeepAlive::default())
        .into_response();
    // Where it starts, for a client that sees no event before the connection drops.
    response.headers_mut().insert(
        livectl_contract::EVENTS_AFTER,
        axum::http::HeaderValue::from(start),
    );
    Ok(response)
}

/// How long a client waits before it reconnects (the stream's `retry:`).
pub const RETRY: Duration = Duration::from_secs(2);

/// The events after `start` that the token's caller may receive, as it is at each batch: a
/// token refused since (revoked, its agent deactivated) ends the stream, a role changed
/// narrows or widens it. The position moves past the others too, so a stream of rare visible
/// events never reads the same batch twice.
fn events_after(
    app: App,
    start: i64,
    token: String,
) -> impl Stream<Item = Result<SseEvent, Infallible>> {
    let changes = app.store.subscribe();
    stream::unfold(
        (app, start, VecDeque::<StreamEvent>::new(), changes, token),
        move |(app, mut last, mut buffer, mut changes, token)| async move {
            loop {
                // The sandbox is stopping: the client resumes elsewhere with Last-Event-ID.
                if app.store.is_closing() {
                    return None;
                }
                if let Some(event) = buffer.pop_front() {
                    let data = event.data().ok()?;
                    let sse = SseEvent::default()
                        .id(event.seq().to_string())
                        .event(event.kind())
                        .data(data);
                    return Some((Ok(sse), (app, last, buffer, changes, token)));
                }
                let after = last;
                let asking = token.clone();
                let (batch, caller) = app
                    .blocking(move |store: &Store| {
                        store.read(|conn| {
                            let caller = store.caller(conn, &asking)?;
                            Ok((store::events_after(conn, after, BATCH)?, caller))
                        })
                    })
                    .await
                    .ok()?;
                match batch.last() {
                    Some(newest) => {
                        last = newest.seq();
                        buffer.extend(batch.into_iter().filter(|e| visibility::event(caller, e)));
                    }
                    // Wake on a change in this process, or poll for one from another process.
                    None => {
                        let _ = tokio::time::timeout(POLL, changes.changed()).await;
                    }
                }
            }
        },
    )
}
