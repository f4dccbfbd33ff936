//! Rule 8, rate limits (DESIGN.md section 4): a short burst of reads; when the platform answers
//! 429, the answer carries `Retry-After` (seconds), the `RateLimit` and `RateLimit-Policy`
//! headers and a `rate_limited` problem. A platform that never throttles the burst is not
//! wrong: the case is skipped as not observed.

use futures_util::StreamExt;
use futures_util::stream;
use livectl_client::{Endpoint, RawAnswer, RawRequest};
use livectl_contract::ProblemCode;

use super::{Outcome, Suite, expect, outcome, skipped};

/// Requests in the burst, at most; it stops at the first 429.
const BURST: usize = 200;
/// Requests in flight at once.
const IN_FLIGHT: usize = 8;

const CASE: &str = "a 429 carries Retry-After and RateLimit";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    let request = RawRequest::get(Endpoint::Me);
    let mut answers = stream::iter(0..BURST)
        .map(|_| s.admin().raw(&request))
        .buffer_unordered(IN_FLIGHT);
    let mut sent = 0;
    let mut throttled = None;
    while let Some(answer) = answers.next().await {
        if s.stopped() {
            break;
        }
        sent += 1;
        match answer {
            Ok(answer) if answer.status.as_u16() == 429 => {
                throttled = Some(answer);
                break;
            }
            Ok(_) => {}
            Err(e) => {
                return vec![outcome(
                    CASE,
                    Err(format!("request {sent} of the burst: {e}")),
                )];
            }
        }
    }
    drop(answers);
    match throttled {
        None => vec![skipped(
            CASE,
            format!("not observed: {sent} requests in a burst, none answered 429"),
        )],
        Some(answer) => vec![outcome(CASE, throttle(&answer, sent))],
    }
}

fn throttle(answer: &RawAnswer, sent: usize) -> Result<String, String> {
    let retry_after = answer
        .header("retry-after")
        .ok_or("429 without Retry-After")?;
    if retry_after.trim().parse::<u64>().is_err() {
        return Err(format!(
            "429 with Retry-After `{retry_after}`, not a number of seconds"
        ));
    }
    let missing: Vec<&str> = ["RateLimit", "RateLimit-Policy"]
        .into_iter()
        .filter(|h| answer.header(h).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(format!("429 without the {} header", missing.join(" and ")));
    }
    expect::problem(answer, 429, ProblemCode::RateLimited)?;
    Ok(format!(
        "429 after {sent} requests, Retry-After {retry_after}, RateLimit `{}`",
        answer.header("ratelimit").unwrap_or_default()
    ))
}
