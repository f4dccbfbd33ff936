//! Retries (the contract's reliability rules, docs/contract.md): exponential backoff with full jitter, Retry-After honoured
//! (capped and jittered), and a budget shared by all requests of a run so a failing server is
//! not hammered. Passes (`pass_pause`) come after a request's retries: a bulk run's items, or
//! a page of its listing, sent again a second or more later, outside the budget (at most
//! `--retries` of them).

use std::sync::Mutex;
use std::time::Duration;

use livectl_contract::ProblemCode;

#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    pub base: Duration,
    pub cap: Duration,
    /// The longest Retry-After honoured.
    pub retry_after_cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            attempts: 5,
            base: Duration::from_millis(100),
            cap: Duration::from_secs(5),
            retry_after_cap: RETRY_AFTER_CAP,
        }
    }
}

impl RetryPolicy {
    /// How long to wait before retry number `retry` (0 for the first retry).
    pub fn delay(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        match retry_after {
            Some(after) => honoured(after, self.retry_after_cap),
            None => {
                let ceiling = self
                    .base
                    .saturating_mul(1u32 << retry.min(16))
                    .min(self.cap);
                Duration::from_millis(fastrand::u64(0..=ceiling.as_millis() as u64))
            }
        }
    }
}

impl RetryPolicy {
    /// The pause before a stream's reconnect number `retry`: `delay`, never shorter than the
    /// reconnection time the stream gave (its SSE `retry:`), which is honoured as a
    /// `Retry-After` is (capped, jittered).
    pub fn delay_at_least(
        &self,
        retry: u32,
        retry_after: Option<Duration>,
        floor: Option<Duration>,
    ) -> Duration {
        let delay = self.delay(retry, retry_after);
        floor.map_or(delay, |floor| {
            delay.max(honoured(floor, self.retry_after_cap))
        })
    }
}

/// The longest `Retry-After` a client honours: a server asking for more is asked again then.
pub const RETRY_AFTER_CAP: Duration = Duration::from_secs(30);

/// A `Retry-After` longer than this is not waited for at all: the request fails at once and
/// says the wait asked for. Asking again every `RETRY_AFTER_CAP` held a `whoami` two minutes
/// against a server that asked for three years (hostile-input check).
pub const RETRY_AFTER_GIVE_UP: Duration = Duration::from_secs(10 * 60);

/// The wait a server's `Retry-After` asks for, with a little jitter so clients told the same
/// delay do not return together: never past `cap` (a wait asked for longer is the cap, less up
/// to a tenth of it).
fn honoured(after: Duration, cap: Duration) -> Duration {
    let spread =
        |d: Duration| Duration::from_millis(fastrand::u64(0..=(d.as_millis() as u64 / 10).max(50)));
    if after >= cap {
        cap.saturating_sub(spread(cap))
    } else {
        (after + spread(after)).min(cap)
    }
}

/// The pause before pass `pass` (1 for the first) over what failed for a reason that may pass:
/// a bulk run's end-of-run passes over its items, and a page of its plan asked for again. It
/// grows with each pass so a failing server can recover: 1 s, 2 s, 4 s, then 8 s; longer when
/// the server asked for longer (`Retry-After`, honoured as a retry honours it: capped at
/// `RETRY_AFTER_CAP`, jittered).
pub fn pass_pause(pass: u32, retry_after: Option<Duration>) -> Duration {
    let grown = Duration::from_millis(500 << pass.min(4));
    retry_after.map_or(grown, |asked| {
        grown.max(honoured(asked, RetryPolicy::default().retry_after_cap))
    })
}

/// A token bucket of retries: every request adds half a retry, every retry takes one, so a
/// server failing everything sees at most one retry for every two requests. Counted in tenths.
/// Closed (`close`), it holds no retry any more, and a retry waiting for its turn gives up.
#[derive(Debug)]
pub struct RetryBudget {
    tenths: Mutex<u32>,
    max: u32,
    closed: tokio::sync::watch::Sender<bool>,
}

impl RetryBudget {
    /// A budget holding at most `max` retries, full at the start.
    pub fn new(max: u32) -> RetryBudget {
        RetryBudget {
            tenths: Mutex::new(max * 10),
            max: max * 10,
            closed: tokio::sync::watch::channel(false).0,
        }
    }

    /// No request is retried from now on: the run is stopping (a Ctrl-C), or a retry could not
    /// come in time (a shell's completion).
    pub fn close(&self) {
        self.closed.send_replace(true);
    }

    pub fn is_closed(&self) -> bool {
        *self.closed.borrow()
    }

    /// Resolves once the budget is closed.
    pub async fn closed(&self) {
        let mut closed = self.closed.subscribe();
        // The sender lives as long as `self`, which this borrows: the channel stays open.
        let _ = closed.wait_for(|closed| *closed).await;
    }

    pub fn on_request(&self) {
        if let Ok(mut t) = self.tenths.lock() {
            *t = (*t + 5).min(self.max);
        }
    }

    /// Takes one retry from the budget; false when it is spent.
    pub fn try_retry(&self) -> bool {
        if self.is_closed() {
            return false;
        }
        match self.tenths.lock() {
            Ok(mut t) if *t >= 10 => {
                *t -= 10;
                true
            }
            _ => false,
        }
    }
}

impl Default for RetryBudget {
    fn default() -> RetryBudget {
        RetryBudget::new(100)
    }
}

/// Statuses worth another try: the request did not act, or acted and will be replayed. A 409
/// `idempotency_conflict` means the same key is still running: its answer will be replayed.
pub fn retryable_status(status: u16, code: Option<ProblemCode>) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
        || (status == 409 && code == Some(ProblemCode::IdempotencyConflict))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_full_jitter_and_stays_under_the_cap() {
        let p = RetryPolicy::default();
        for retry in 0..10 {
            let ceiling = p.base.saturating_mul(1 << retry).min(p.cap);
            for _ in 0..50 {
                assert!(p.delay(retry, None) <= ceiling);
            }
        }
        // Asked for longer than the cap: the cap, jittered below it, never past it.
        for _ in 0..50 {
            let long = p.delay(0, Some(Duration::from_secs(600)));
            assert!(long <= p.retry_after_cap && long >= p.retry_after_cap * 9 / 10);
            let near = p.delay(0, Some(p.retry_after_cap - Duration::from_millis(10)));
            assert!(near <= p.retry_after_cap);
        }
    }

    #[test]
    fn a_pass_waits_as_long_as_the_server_asked_up_to_the_cap() {
        assert_eq!(pass_pause(1, None), Duration::from_secs(1));
        assert_eq!(pass_pause(4, None), Duration::from_secs(8));
        assert_eq!(
            pass_pause(1, Some(Duration::from_millis(300))),
            Duration::from_secs(1),
            "a shorter ask does not hurry a pass"
        );
        // As long as asked, jittered by a tenth at most, and never longer than the cap.
        for _ in 0..50 {
            let asked = pass_pause(1, Some(Duration::from_secs(12)));
            assert!(asked >= Duration::from_secs(12) && asked <= Duration::from_millis(13_200));
            let capped = pass_pause(2, Some(Duration::from_secs(3600)));
            assert!(capped <= RETRY_AFTER_CAP && capped >= RETRY_AFTER_CAP * 9 / 10);
        }
    }

    #[test]
    fn the_budget_runs_out_and_refills_with_requests() {
        let b = RetryBudget::new(2);
        assert!(b.try_retry() && b.try_retry());
        assert!(!b.try_retry());
        b.on_request();
        assert!(!b.try_retry(), "one request earns half a retry");
        b.on_request();
        assert!(b.try_retry());
    }

    #[test]
    fn a_closed_budget_holds_no_retry() {
        let b = RetryBudget::new(2);
        b.close();
        assert!(!b.try_retry());
        assert!(b.is_closed());
    }

    #[test]
    fn only_transient_statuses_are_retried() {
        for s in [408, 429, 500, 502, 503, 504] {
            assert!(retryable_status(s, None));
        }
        for s in [400, 401, 403, 404, 412, 422] {
            assert!(!retryable_status(s, None));
        }
        assert!(!retryable_status(409, Some(ProblemCode::InvalidTransition)));
        assert!(retryable_status(
            409,
            Some(ProblemCode::IdempotencyConflict)
        ));
    }
}
