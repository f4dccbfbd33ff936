//! The live event stream: `GET /v1/events` followed across dropped connections with
//! `Last-Event-ID`, reconnecting under the client's one retry policy and budget, never sooner
//! than the stream's own `retry:`; a stream that was up, or refused with a `Retry-After`, rides
//! out an outage of up to `OUTAGE` (a server restarted, a network down a while, a platform
//! busy): the policy of `outage.rs`. A connection that ends before it delivered an event or
//! held `HELD` is a failed try of that outage, not the end of it; a 200 that is not
//! `text/event-stream` is no stream at all (`ClientError::NotStream`).

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use eventsource_stream::Eventsource;
use futures_util::{Stream, StreamExt};

use crate::client::Client;
use crate::error::ClientError;
use crate::outage::Outage;
use livectl_contract::{Event, StatusEvent, StreamEvent};

/// What the stream says next.
#[derive(Debug)]
pub enum Update {
    /// Connected (again, when `resumed`): changes flow from here with no gap.
    Connected { resumed: bool },
    /// A change of an intervention.
    Event(Box<Event>),
    /// A change of an agent's status.
    Status(Box<StatusEvent>),
    /// The server sent something that is not an event of the contract; the stream goes on.
    Undecodable { id: String, detail: String },
    /// The connection dropped or could not be made; the stream reconnects after a pause.
    Disconnected { error: ClientError },
}

type Messages<'a> = Pin<
    Box<
        dyn Stream<
                Item = Result<
                    eventsource_stream::Event,
                    eventsource_stream::EventStreamError<reqwest::Error>,
                >,
            > + Send
            + 'a,
    >,
>;

/// How long a connection that delivers no event must stay open to count as up. One that ends
/// sooner (a server or proxy that answers the stream and hangs up at once) is one more failed
/// try of the outage it is in: its reconnects slow down, are not said, and end with the outage.
pub const HELD: Duration = Duration::from_secs(5);

/// Changes in order, resumed after the last one seen whenever the connection drops.
pub struct EventStream<'a> {
    client: &'a Client,
    last: Option<i64>,
    messages: Option<Messages<'a>>,
    connected_once: bool,
    /// The current connection delivered an event or stayed open `HELD`: it is up.
    holding: bool,
    /// When the current connection opened.
    opened: Option<Instant>,
    /// A reconnect not said yet: said once it holds, or when `HELD` has passed.
    unannounced: Option<tokio::time::Instant>,
    /// An update read while saying the reconnect, next to give.
    pending: Option<Update>,
    /// The stream's reconnection time in ms (its last `retry:`, kept across connections as the
    /// SSE spec keeps it); `u64::MAX` while it gave none.
    reconnection: Arc<AtomicU64>,
    /// The outage the stream is in, if any: failed connections in a row and since when.
    outage: Outage<'a>,
}

impl<'a> EventStream<'a> {
    pub(crate) fn new(client: &'a Client, after: Option<i64>) -> EventStream<'a> {
        EventStream {
            client,
            last: after,
            messages: None,
            connected_once: false,
            holding: false,
            opened: None,
            unannounced: None,
            pending: None,
            reconnection: Arc::new(AtomicU64::new(u64::MAX)),
            outage: Outage::new(client),
        }
    }

    /// Whether the stream has been up (it may have dropped since).
    pub fn was_up(&self) -> bool {
        self.connected_once
    }

    /// The seq of the last event seen.
    pub fn last_seen(&self) -> Option<i64> {
        self.last
    }

    /// The next update; an error when the server refuses the stream for good or keeps failing
    /// past the retry policy and budget.
    pub async fn next(&mut self) -> Result<Update, ClientError> {
        loop {
            if let Some(update) = self.pending.take() {
                return Ok(update);
            }
            let Some(messages) = self.messages.as_mut() else {
                match self.connect().await? {
                    Some(update) => return Ok(update),
                    None => continue,
                }
            };
            let message = match self.unannounced {
                Some(deadline) => match tokio::time::timeout_at(deadline, messages.next()).await {
                    Ok(message) => message,
                    // Open long enough, if quiet: up again.
                    Err(_) => {
                        self.held();
                        return Ok(Update::Connected { resumed: true });
                    }
                },
                None => messages.next().await,
            };
            let dropped = match message {
                Some(Ok(message)) => {
                    let update = match StreamEvent::decode(&message.event, &message.data) {
                        Ok(event) => {
                            self.last = Some(event.seq());
                            match event {
                                StreamEvent::Intervention(e) => Update::Event(Box::new(e)),
                                StreamEvent::Status(e) => Update::Status(Box::new(e)),
                            }
                        }
                        Err(detail) => Update::Undecodable {
                            id: message.id,
                            detail,
                        },
                    };
                    if self.unannounced.is_some() {
                        self.held();
                        self.pending = Some(update);
                        return Ok(Update::Connected { resumed: true });
                    }
                    self.held();
                    return Ok(update);
                }
                // The connection cut (a server killed, a proxy's timeout) said by its innermost
                // cause, as any other request's, not as reqwest's "error decoding response
                // body", which read as bad data (on-call check).
                Some(Err(eventsource_stream::EventStreamError::Transport(e))) => {
                    match crate::transport::ended(self.client.events_url().as_str(), &e) {
                        ClientError::Ended { detail, .. } => detail,
                        other => other.to_string(),
                    }
                }
                Some(Err(e)) => format!("the stream could not be read: {e}"),
                None if self.holding => "the server closed the stream".to_owned(),
                None => "the server closed the stream without an event".to_owned(),
            };
            self.messages = None;
            self.unannounced = None;
            // A quiet stream open long enough was up; one that ended sooner was a failed try.
            if self.opened.take().is_some_and(|at| at.elapsed() >= HELD) {
                self.held();
            }
            let error = ClientError::Ended {
                url: self.client.events_url().to_string(),
                detail: dropped,
            };
            return self.failed(error);
        }
    }

    /// Opens the stream after the last event seen, after a pause when the last try failed:
    /// the update to give (the first connection, a failure), or none for a reconnect, which
    /// is said once it holds.
    async fn connect(&mut self) -> Result<Option<Update>, ClientError> {
        let transport = &self.client.transport;
        self.outage.at_least(self.reconnection());
        self.outage.pause("the event stream").await;
        match transport
            .open_stream(self.client.events_url(), self.last)
            .await
        {
            Ok(response) => {
                // Where the stream starts, so a drop before the first event loses nothing.
                if self.last.is_none() {
                    self.last = response
                        .headers()
                        .get(livectl_contract::EVENTS_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse().ok());
                }
                let reconnection = self.reconnection.clone();
                let mut lines = RetryLines::default();
                let bytes = response.bytes_stream().map(move |chunk| {
                    if let Some(retry) = chunk.as_ref().ok().and_then(|b| lines.scan(b)) {
                        reconnection.store(retry, Ordering::Relaxed);
                    }
                    chunk
                });
                self.messages = Some(Box::pin(bytes.eventsource()));
                self.opened = Some(Instant::now());
                self.holding = false;
                if std::mem::replace(&mut self.connected_once, true) {
                    self.unannounced = Some(tokio::time::Instant::now() + HELD);
                    Ok(None)
                } else {
                    Ok(Some(Update::Connected { resumed: false }))
                }
            }
            Err(error) => self.failed(error).map(Some),
        }
    }

    /// The current connection is up: a next failure starts a new outage.
    fn held(&mut self) {
        self.unannounced = None;
        if !self.holding {
            self.holding = true;
            self.outage.up();
        }
    }

    /// The reconnection time the stream gave, if it did.
    fn reconnection(&self) -> Option<Duration> {
        match self.reconnection.load(Ordering::Relaxed) {
            u64::MAX => None,
            ms => Some(Duration::from_millis(ms)),
        }
    }

    fn failed(&mut self, error: ClientError) -> Result<Update, ClientError> {
        if self.outage.failed(&error, self.connected_once) {
            Ok(Update::Disconnected { error })
        } else {
            Err(error)
        }
    }
}

/// The `retry:` lines of a stream, read from its bytes as they pass: the SSE parser keeps one
/// only on an event with data, and a server may send it alone (the sandbox does, first).
#[derive(Default)]
struct RetryLines {
    /// The line so far, up to `LONGEST` bytes.
    line: Vec<u8>,
    /// The line is longer than any `retry:` line.
    long: bool,
}

impl RetryLines {
    const LONGEST: usize = 32;

    /// The last reconnection time (in ms) that `bytes` ended a line with, if any.
    fn scan(&mut self, bytes: &[u8]) -> Option<u64> {
        let mut found = None;
        for &byte in bytes {
            if byte == b'\n' || byte == b'\r' {
                if !self.long {
                    found = retry_field(&self.line).or(found);
                }
                self.line.clear();
                self.long = false;
            } else if self.line.len() < Self::LONGEST {
                self.line.push(byte);
            } else {
                self.long = true;
            }
        }
        found
    }
}

/// The value of a `retry:` line: ASCII digits alone, in ms (the SSE spec ignores any other).
fn retry_field(line: &[u8]) -> Option<u64> {
    let value = line.strip_prefix(b"retry:")?;
    let value = value.strip_prefix(b" ").unwrap_or(value);
    if value.is_empty() || !value.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(value).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Log, Token};
    use std::time::Duration;

    fn refused(retry_after: Option<u64>) -> ClientError {
        ClientError::Status {
            status: 503,
            reason: "Service Unavailable".into(),
            body: String::new(),
            request: "GET /v1/events".into(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    /// How many refusals in a row, at start, a stream takes before it gives up (at most 20).
    fn refusals_taken(retry_after: Option<u64>) -> u32 {
        let client =
            Client::new("http://127.0.0.1:1", Token::new("t"), Log::silent()).expect("a client");
        let mut stream = EventStream::new(&client, None);
        (0..20)
            .take_while(|_| stream.failed(refused(retry_after)).is_ok())
            .count() as u32
    }

    #[test]
    fn retry_lines_are_read_across_chunks_and_only_as_the_spec_reads_them() {
        let mut lines = RetryLines::default();
        assert_eq!(lines.scan(b"retry: 2000\n\n"), Some(2000));
        assert_eq!(lines.scan(b"id: 4\nret"), None);
        assert_eq!(lines.scan(b"ry:150\r\n"), Some(150));
        assert_eq!(lines.scan(b"retry: 2s\ndata: retry: 9\nretry:\n"), None);
        let long = format!("retry: {}\n", "9".repeat(40));
        assert_eq!(lines.scan(long.as_bytes()), None);
        assert_eq!(lines.scan(b": keep-alive\nretry: 7\n"), Some(7));
    }

    /// A platform that says when to come back is there: the outage's time, not the policy's
    /// attempts. `Retry-After: 0` says nothing of when, so it is not counted as saying so.
    #[test]
    fn a_retry_after_of_some_seconds_counts_as_reached_and_zero_does_not() {
        let attempts = crate::retry::RetryPolicy::default().attempts;
        assert_eq!(refusals_taken(None), attempts - 1);
        assert_eq!(refusals_taken(Some(0)), attempts - 1);
        assert_eq!(refusals_taken(Some(1)), 20);
    }
}
