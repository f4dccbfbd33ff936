//! The audit log, the live event stream and users' history.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};

use super::extract::{Bearer, Id, Q};
use super::{App, json};
use crate::error::ApiError;
use crate::store::{Store, events as store, history};
use livectl_contract::{
    AuditQuery, Event, EventStreamQuery, HistoryQuery, HistoryRecord, Page, Problem,
};

/// Events, oldest first: the audit log.
#[utoipa::path(get, path = "/v1/audit", tag = "events", params(AuditQuery),
    responses((status = 200, body = Page<Event>), (status = 400, body = Problem)))]
pub async fn audit(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<AuditQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| store::audit(conn, &q))
            .await?,
    )
}

/// One user's history of messages, oldest first.
#[utoipa::path(get, path = "/v1/users/{id}/history", tag = "users", params(("id" = String, Path), HistoryQuery),
    responses((status = 200, body = Page<HistoryRecord>), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn user_history(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
    Q(q): Q<HistoryQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| history::history(conn, Some(&id), &q))
            .await?,
    )
}

/// Every user's history of messages in a time range, oldest first.
#[utoipa::path(get, path = "/v1/history", tag = "users", params(HistoryQuery),
    responses((status = 200, body = Page<HistoryRecord>), (status = 400, body = Problem)))]
pub async fn history(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<HistoryQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, _| history::history(conn, None, &q))
            .await?,
    )
}

/// How often the stream looks for changes written by another process on the same database.
const POLL: Duration = Duration::from_millis(200);
const BATCH: usize = 500;

/// Server-Sent Events of every change: `id:` is the event's seq, `data:` the Event as JSON.
/// `Last-Event-ID` (or `?after=`) resumes after that seq with no gap; without either the stream
/// starts with the next change.
#[utoipa::path(get, path = "/v1/events", tag = "events",
    params(EventStreamQuery, ("Last-Event-ID" = Option<String>, Header)),
    responses((status = 200, content_type = "text/event-stream", description = "a stream of `Event`s", body = Event),
        (status = 400, body = Problem), (status = 401, body = Problem)))]
pub async fn stream(
    State(app): State<App>,
    Bearer(token): Bearer,
    headers: HeaderMap,
    Q(q): Q<EventStreamQuery>,
) -> Result<Response, ApiError> {
    let resume = match headers.get("last-event-id") {
        Some(v) => Some(
            v.to_str()
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
                .ok_or_else(|| {
                    ApiError::BadRequest(
                        "Last-Event-ID must be the seq of an event, a whole number".into(),
                    )
                })?,
        ),
        None => q.after,
    };
    let start = app
        .read(token, move |conn, _| match resume {
            Some(seq) => Ok(seq),
            None => {
                Ok(conn.query_row("SELECT coalesce(max(seq), 0) FROM events", [], |r| r.get(0))?)
            }
        })
        .await?;
    Ok(Sse::new(events_after(app, start))
        .keep_alive(KeepAlive::default())
        .into_response())
}

fn events_after(app: App, start: i64) -> impl Stream<Item = Result<SseEvent, Infallible>> {
    let changes = app.store.subscribe();
    stream::unfold(
        (app, start, VecDeque::<Event>::new(), changes),
        |(app, mut last, mut buffer, mut changes)| async move {
            loop {
                if let Some(event) = buffer.pop_front() {
                    last = event.seq;
                    let data = serde_json::to_string(&event).ok()?;
                    let sse = SseEvent::default()
                        .id(event.seq.to_string())
                        .event("intervention")
                        .data(data);
                    return Some((Ok(sse), (app, last, buffer, changes)));
                }
                let after = last;
                let batch = app
                    .blocking(move |store: &Store| {
                        store.read(|conn| store::events_after(conn, after, BATCH))
                    })
                    .await
                    .ok()?;
                if batch.is_empty() {
                    // Wake on a change in this process, or poll for one from another process.
                    let _ = tokio::time::timeout(POLL, changes.changed()).await;
                } else {
                    buffer.extend(batch);
                }
            }
        },
    )
}
