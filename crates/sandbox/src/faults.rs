//! Injected faults for testing clients: `--faults error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7`.
//!
//! Only `/v1/` routes are affected. `error` answers 500 or 503 without acting; `throttle` answers
//! 429 with Retry-After without acting; `drop` lets the request act and commit, then closes the
//! connection without an answer (the case idempotency keys exist for); `latency` delays each
//! request by a random time in the range; `expire=N` lets N POSTs through, then answers every
//! request 401 as for a token the sandbox does not know, without acting (a token revoked in the
//! middle of a run); `path=/v1/events` keeps the faults to the paths that start so (a stream
//! refused while everything else answers); `events-close` answers a GET of the event stream 200
//! with its `retry:` alone and ends it at once, without an event (a server or proxy that hangs
//! up on streams).
//!
//! With a `seed`, what a request meets depends only on its method, its path (not its query)
//! and how many requests with the same method and path came before it. Requests to other paths
//! arriving in between (many clients, a bulk run's workers each on its own intervention)
//! change nothing, so a failure replays; requests racing each other to the same method and
//! path draw in the order they arrive. The counts are kept while the sandbox runs: one entry
//! for each method and path asked.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::server::ConnectionKill;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultSpec {
    pub error: f64,
    pub drop: f64,
    pub throttle: f64,
    pub latency: Option<(Duration, Duration)>,
    pub seed: Option<u64>,
    /// POSTs let through before every request is refused as with an unknown token.
    pub expire: Option<u64>,
    /// The event stream answered and ended at once, without an event.
    pub events_close: f64,
    /// Only paths that start with this meet faults (every `/v1/` path when None).
    pub path: Option<String>,
}

const SPEC_HELP: &str = "expected a comma list such as error=0.2,drop=0.05,throttle=0.05,latency=0..50ms,seed=7 (also expire=N, events-close=1 and path=/v1/events)";

impl FromStr for FaultSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let mut spec = FaultSpec::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` has no value; {SPEC_HELP}"))?;
            let probability = || -> Result<f64, String> {
                value
                    .parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=1.0).contains(p))
                    .ok_or_else(|| format!("{name}={value}: a probability between 0 and 1 is expected, such as {name}=0.1"))
            };
            match name {
                "error" => spec.error = probability()?,
                "drop" => spec.drop = probability()?,
                "throttle" => spec.throttle = probability()?,
                "events-close" => spec.events_close = probability()?,
                "latency" => spec.latency = Some(parse_latency(value)?),
                "seed" => {
                    spec.seed = Some(value.parse().map_err(|_| {
                        format!("seed={value}: a whole number is expected, such as seed=7")
                    })?)
                }
                "expire" => {
                    spec.expire = Some(value.parse().map_err(|_| {
                        format!("expire={value}: a count of POSTs is expected, such as expire=100")
                    })?)
                }
                "path" if value.starts_with("/v1/") => spec.path = Some(value.to_owned()),
                "path" => {
                    return Err(format!(
                        "path={value}: only paths under /v1/ meet faults; give one such as path=/v1/events"
                    ));
                }
                _ => {
                    return Err(format!(
                        "unknown fault `{name}`: the faults are error, drop, throttle, latency, expire, events-close, seed and path"
                    ));
                }
            }
        }
        if spec.error + spec.throttle > 1.0 {
            return Err("error and throttle together must not exceed 1".into());
        }
        Ok(spec)
    }
}

fn parse_latency(value: &str) -> Result<(Duration, Duration), String> {
    let bad =
        || format!("latency={value}: a range in milliseconds is expected, such as latency=0..50ms");
    let text = value.strip_suffix("ms").ok_or_else(bad)?;
    let (low, high) = match text.split_once("..") {
        Some((l, h)) => (
            l.parse::<u64>().map_err(|_| bad())?,
            h.parse::<u64>().map_err(|_| bad())?,
        ),
        None => {
            let v = text.parse::<u64>().map_err(|_| bad())?;
            (v, v)
        }
    };
    if low > high || high > 60_000 {
        return Err(bad());
    }
    Ok((Duration::from_millis(low), Duration::from_millis(high)))
}

pub struct Faults {
    spec: FaultSpec,
    /// With a seed: how many times each method and path was asked.
    asked: Mutex<HashMap<String, u64>>,
    /// POSTs that came, for `expire`.
    posts: std::sync::atomic::AtomicU64,
}

enum Draw {
    Error(u16),
    Throttle,
    /// The event stream answered, then ended without an event.
    Close,
    Pass {
        drop: bool,
    },
}

impl Faults {
    pub fn new(spec: FaultSpec) -> Arc<Faults> {
        Arc::new(Faults {
            spec,
            asked: Mutex::new(HashMap::new()),
            posts: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// The dice of one request: drawn from the seed, the request and how many times it came
    /// before when there is a seed, at random otherwise.
    fn dice(&self, method: &str, path: &str) -> fastrand::Rng {
        let Some(seed) = self.spec.seed else {
            return fastrand::Rng::new();
        };
        let request = format!("{method} {path}");
        let nth = {
            // A panic elsewhere while the lock was held leaves the counts whole.
            let mut asked = self.asked.lock().unwrap_or_else(PoisonError::into_inner);
            let nth = asked.entry(request.clone()).or_insert(0);
            *nth += 1;
            *nth
        };
        fastrand::Rng::with_seed(fnv1a(seed, request.as_bytes(), nth))
    }

    /// Whether the token has expired (`expire`), counting this request if it is a POST.
    fn expired(&self, method: &str) -> bool {
        use std::sync::atomic::Ordering;
        let Some(expire) = self.spec.expire else {
            return false;
        };
        let posts = if method == "POST" {
            self.posts.fetch_add(1, Ordering::SeqCst) + 1
        } else {
            self.posts.load(Ordering::SeqCst)
        };
        posts > expire
    }

    fn draw(&self, method: &str, path: &str) -> (Duration, Draw) {
        let mut rng = self.dice(method, path);
        let delay = match self.spec.latency {
            Some((low, high)) => {
                Duration::from_millis(rng.u64(low.as_millis() as u64..=high.as_millis() as u64))
            }
            None => Duration::ZERO,
        };
        let roll = rng.f64();
        let draw = if roll < self.spec.error {
            Draw::Error(if rng.bool() { 500 } else { 503 })
        } else if roll < self.spec.error + self.spec.throttle {
            Draw::Throttle
        // Drawn only when asked for, so a seed meets the same other faults with it or not.
        } else if self.spec.events_close > 0.0
            && method == "GET"
            && path == "/v1/events"
            && rng.f64() < self.spec.events_close
        {
            Draw::Close
        } else {
            Draw::Pass {
                drop: rng.f64() < self.spec.drop,
            }
        };
        (delay, draw)
    }
}

/// FNV-1a over the seed, the request and its count: stable across builds and platforms, so a
/// seed means the same faults wherever it is replayed.
fn fnv1a(seed: u64, request: &[u8], nth: u64) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed
        .to_le_bytes()
        .iter()
        .chain(request)
        .chain(&nth.to_le_bytes())
    {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

pub async fn layer(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let scope = faults.spec.path.as_deref().unwrap_or("/v1/");
    if !request.uri().path().starts_with(scope) {
        return next.run(request).await;
    }
    if faults.expired(request.method().as_str()) {
        return ApiError::InvalidToken(
            "injected fault: the bearer token has expired, nothing was done".into(),
        )
        .into_response();
    }
    let (delay, draw) = faults.draw(request.method().as_str(), request.uri().path());
    if !delay.is_zero() {
        tokio::time::sleep(delay).await;
    }
    match draw {
        // A platform's failure, which a client cannot know came before or after its commit
        // (the case idempotency keys are for): said as one, not as "nothing was done", which
        // read beside the client's "it may have been done".
        Draw::Error(500) => {
            ApiError::Internal("injected fault: the platform failed".into()).into_response()
        }
        Draw::Error(_) => {
            ApiError::Unavailable("injected fault: nothing was done; retry".into()).into_response()
        }
        Draw::Throttle => {
            let mut throttled = ApiError::RateLimited {
                detail:
                    "injected fault: throttled, nothing was done; retry after the Retry-After delay"
                        .into(),
                retry_after: 1,
            }
            .into_response();
            // As a real limit says it: nothing left until the second ends (the fault has no
            // quota of its own).
            crate::ratelimit::said(&mut throttled, 0, 0, 1);
            throttled
        }
        Draw::Close => (
            [(axum::http::header::CONTENT_TYPE, "text/event-stream")],
            format!("retry: {}\n\n", crate::http::events::RETRY.as_millis()),
        )
            .into_response(),
        Draw::Pass { drop } => {
            let kill = request.extensions().get::<ConnectionKill>().cloned();
            let response = next.run(request).await;
            match (drop, kill) {
                (true, Some(kill)) => kill.close().await,
                _ => response,
            }
        }
    }
}

/// Faults inside the write path, for tests only, read once from the environment (never from the
/// command line): `LIVECTL_SANDBOX_WRITE_FAULTS=panic=K1,commit=K2` makes the write of the POST
/// whose Idempotency-Key is `K1` panic after it acted, and the group that holds the POST whose
/// key is `K2` fail at COMMIT (through a deferred foreign-key violation: a real failure of the
/// COMMIT statement, as an I/O error would be).
#[derive(Debug, Default)]
struct WriteFaults {
    panic: Option<String>,
    commit: Option<String>,
}

const WRITE_FAULTS: &str = "LIVECTL_SANDBOX_WRITE_FAULTS";

fn write_faults() -> &'static WriteFaults {
    static FAULTS: OnceLock<WriteFaults> = OnceLock::new();
    FAULTS.get_or_init(|| {
        let mut faults = WriteFaults::default();
        for part in std::env::var(WRITE_FAULTS).unwrap_or_default().split(',') {
            match part.split_once('=') {
                Some(("panic", key)) => faults.panic = Some(key.to_owned()),
                Some(("commit", key)) => faults.commit = Some(key.to_owned()),
                _ => {}
            }
        }
        faults
    })
}

/// Called by a POST's write once it acted, in its transaction: the injected write faults.
pub(crate) fn after_write(tx: &rusqlite::Transaction, key: &str) {
    let faults = write_faults();
    if faults.panic.as_deref() == Some(key) {
        panic!("injected fault: the write of Idempotency-Key {key} panicked after acting");
    }
    if faults.commit.as_deref() == Some(key) {
        // A row whose agent does not exist, checked only at COMMIT.
        let _ = tx.execute_batch(
            "PRAGMA defer_foreign_keys = ON;
             INSERT INTO tokens (hash, agent_id, created_at) VALUES ('injected-fault', -1, 0);",
        );
    }
}
