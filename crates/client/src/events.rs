//! The live event stream: `GET /v1/events` followed across dropped connections with
//! `Last-Event-ID`, reconnecting under the client's one retry policy and budget; a stream that
//! was up, or refused with a `Retry-After`, rides out an outage of up to `OUTAGE` (a server
//! restarted, a network down a while, a platform busy): the policy of `outage.rs`.

use std::pin::Pin;

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

/// Changes in order, resumed after the last one seen whenever the connection drops.
pub struct EventStream<'a> {
    client: &'a Client,
    last: Option<i64>,
    messages: Option<Messages<'a>>,
    connected_once: bool,
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
        let Some(messages) = self.messages.as_mut() else {
            return self.connect().await;
        };
        let dropped = match messages.next().await {
            Some(Ok(message)) => {
                return Ok(match StreamEvent::decode(&message.event, &message.data) {
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
                });
            }
            Some(Err(e)) => e.to_string(),
            None => "the server closed the stream".to_owned(),
        };
        self.messages = None;
        let error = ClientError::Connect {
            url: self.client.events_url().to_string(),
            detail: dropped,
        };
        self.failed(error)
    }

    /// Opens the stream after the last event seen, after a pause when the last try failed.
    async fn connect(&mut self) -> Result<Update, ClientError> {
        let transport = &self.client.transport;
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
                self.messages = Some(Box::pin(response.bytes_stream().eventsource()));
                let resumed = self.connected_once;
                self.connected_once = true;
                self.outage.up();
                Ok(Update::Connected { resumed })
            }
            Err(error) => self.failed(error),
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
