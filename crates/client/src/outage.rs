//! Riding out a platform that went away: the one policy for anything that follows the platform
//! for long (the event stream, the autopilot's looks). A platform that was up, or that answered
//! when to come back (`Retry-After`: it is there, busy or starting), is given up to `OUTAGE`
//! from its first failure, tried again after the retry policy's pauses (at most its cap apart,
//! or as long as it asked); one never reached, the policy's attempts within the run's budget.
//! Only a transient failure (`ClientError::is_transient`) is ridden out.

use std::time::{Duration, Instant};

use crate::client::Client;
use crate::error::ClientError;

/// How long a platform that was up is tried again before the caller gives up: an on-call
/// `watch` or autopilot outlives a server's restart.
pub const OUTAGE: Duration = Duration::from_secs(300);

/// One outage as it goes: failures in a row, since when, and what the platform last asked.
pub struct Outage<'a> {
    client: &'a Client,
    /// Failed tries in a row.
    failures: u32,
    /// Since when the platform has been failing.
    since: Option<Instant>,
    /// How long the platform asked to be left alone when it last refused.
    retry_after: Option<Duration>,
    /// The shortest pause between tries, whatever the backoff: an event stream's reconnection
    /// time (its SSE `retry:`).
    floor: Option<Duration>,
}

impl<'a> Outage<'a> {
    pub(crate) fn new(client: &'a Client) -> Outage<'a> {
        Outage {
            client,
            failures: 0,
            since: None,
            retry_after: None,
            floor: None,
        }
    }

    /// Tries are never closer than `floor` (an event stream's `retry:`, as the SSE spec asks).
    pub fn at_least(&mut self, floor: Option<Duration>) {
        self.floor = floor;
    }

    /// A try failed with `error`: whether to try again (after `pause`). `was_up`: the platform
    /// answered before this outage began.
    pub fn failed(&mut self, error: &ClientError, was_up: bool) -> bool {
        let transport = &self.client.transport;
        self.failures += 1;
        // `Retry-After: 0` says nothing of when: the backoff decides, as without one.
        self.retry_after = error.retry_after().filter(|after| !after.is_zero());
        let since = *self.since.get_or_insert_with(Instant::now);
        let reached = was_up || self.retry_after.is_some();
        // A wait asked for that ends past the outage it would be ridden out for is not waited:
        // the stream asked again every 30 s for five minutes, against a platform that had
        // asked for a day (on-call check).
        if self
            .retry_after
            .is_some_and(|asked| since.elapsed() + asked > OUTAGE)
        {
            return false;
        }
        error.is_transient()
            && if reached {
                since.elapsed() < OUTAGE
            } else {
                self.failures < transport.policy.attempts && transport.budget.try_retry()
            }
    }

    /// The platform answered: a next failure starts a new outage.
    pub fn up(&mut self) {
        self.failures = 0;
        self.since = None;
        self.retry_after = None;
    }

    /// How long the platform has been failing, while it is.
    pub fn down_for(&self) -> Option<Duration> {
        self.since.map(|since| since.elapsed())
    }

    /// The pause before the next try, when the last one failed: the retry policy's backoff,
    /// at least the floor, and never shorter than what the platform asked (which `failed` kept
    /// within the outage). `what` names the try in the `-v` lines.
    pub async fn pause(&self, what: &str) {
        if self.failures > 0 {
            // Called off only by `Client::stop_retrying`, which no stream's or autopilot's
            // owner calls: their failures count against the same budget, which then holds no
            // try anyway.
            let transport = &self.client.transport;
            // Never sooner than the platform asked, though longer than a request's cap: an
            // outage is ridden out for minutes anyway.
            let delay = transport
                .policy
                .delay_at_least(self.failures - 1, self.retry_after, self.floor)
                .max(self.retry_after.unwrap_or_default());
            let _ = transport.wait(delay, what).await;
        }
    }
}
