//! `--rate-limit N`: at most N requests a second per bearer token on `/v1/` routes, answered
//! beyond that with 429, `Retry-After` and the `RateLimit` headers of the IETF draft.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::store::caller_of;

pub struct RateLimit {
    per_second: u32,
    started: Instant,
    /// Token hash -> (second of the current window, requests in it).
    windows: Mutex<HashMap<String, (u64, u32)>>,
}

impl RateLimit {
    pub fn new(per_second: u32) -> Arc<RateLimit> {
        Arc::new(RateLimit {
            per_second,
            started: Instant::now(),
            windows: Mutex::default(),
        })
    }

    /// Counts a request; returns how many remain in this window, or None when over the limit.
    fn take(&self, who: String) -> (Option<u32>, f64) {
        let elapsed = self.started.elapsed().as_secs_f64();
        let second = elapsed as u64;
        let reset = 1.0 - elapsed.fract();
        let Ok(mut windows) = self.windows.lock() else {
            return (Some(0), reset);
        };
        let entry = windows.entry(who).or_insert((second, 0));
        if entry.0 != second {
            *entry = (second, 0);
        }
        if entry.1 >= self.per_second {
            return (None, reset);
        }
        entry.1 += 1;
        (Some(self.per_second - entry.1), reset)
    }
}

pub async fn layer(State(limit): State<Arc<RateLimit>>, request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/v1/") {
        return next.run(request).await;
    }
    let who = caller_of(request.headers());
    let (remaining, reset) = limit.take(who);
    let reset_secs = reset.ceil().max(1.0) as u64;
    let mut response = match remaining {
        Some(_) => next.run(request).await,
        None => ApiError::RateLimited {
            detail: format!(
                "more than {} requests in one second with this token; retry after {reset_secs} s",
                limit.per_second
            ),
            retry_after: reset_secs,
        }
        .into_response(),
    };
    said(
        &mut response,
        limit.per_second,
        remaining.unwrap_or(0),
        reset_secs,
    );
    response
}

/// The `RateLimit-Policy` and `RateLimit` headers (IETF draft) on `response`: `quota` requests
/// a second, `remaining` of them left, the window resetting in `reset_secs`. Every 429 carries
/// them (DESIGN.md section 4), the throttle fault's too.
pub fn said(response: &mut Response, quota: u32, remaining: u32, reset_secs: u64) {
    let policy = format!("\"sandbox\";q={quota};w=1");
    let state = format!("\"sandbox\";r={remaining};t={reset_secs}");
    if let (Ok(p), Ok(s)) = (
        HeaderValue::from_str(&policy),
        HeaderValue::from_str(&state),
    ) {
        let headers = response.headers_mut();
        headers.insert("ratelimit-policy", p);
        headers.insert("ratelimit", s);
    }
}
