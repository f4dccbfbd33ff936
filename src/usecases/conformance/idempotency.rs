//! Rule 3, idempotency (DESIGN.md sections 4 and 9): the same `Idempotency-Key` with the same
//! body replays the stored answer and acts once (one event in `/v1/audit`); the same key with
//! another body is 422 `idempotency_conflict` and acts not at all.

use livectl_client::RawRequest;
use livectl_contract::{EventAction, ProblemCode};

use super::suite::assign;
use super::{Outcome, Suite, expect, outcome};

const REPLAYED: &str = "same key and body: the stored answer is replayed";
const ONCE: &str = "same key and body: it acts once";
const CONFLICT: &str = "same key, another body: 422 idempotency_conflict";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    let key = s.fresh("idempotency-key");
    let (replayed, once) = match replay(s, &key).await {
        Ok((replayed, once)) => (replayed, once),
        Err(setup) => (Err(setup.clone()), Err(setup)),
    };
    vec![
        outcome(REPLAYED, replayed),
        outcome(ONCE, once),
        outcome(CONFLICT, conflict(s).await),
    ]
}

/// Sends one assign twice with one key: whether the second answer is the first, and whether it
/// acted once.
async fn replay(
    s: &Suite,
    key: &str,
) -> Result<(Result<String, String>, Result<String, String>), String> {
    let queued = s.queued().await?;
    let request = RawRequest::action(&queued.id, &assign(&s.agent_a)).idempotency_key(key);
    let first = s.send(&request).await?;
    expect::intervention(&first).map_err(|e| format!("the first request: {e}"))?;
    let second = s.send(&request).await?;
    let replayed = if second.status != first.status {
        Err(format!(
            "the first answer was {}, the repeat {}",
            first.status.as_u16(),
            expect::seen(&second)
        ))
    } else if second.json() != first.json() {
        Err(format!(
            "the repeat answered another body: first {}, then {}",
            first.snippet(120),
            second.snippet(120)
        ))
    } else {
        Ok(format!(
            "{} with the same body, twice",
            first.status.as_u16()
        ))
    };
    let events = s
        .admin()
        .events_of(&queued.id)
        .await
        .map_err(|e| format!("reading /v1/audit: {e}"))?;
    let assigned = events
        .iter()
        .filter(|e| e.action == EventAction::Assigned)
        .count();
    let once = if assigned == 1 {
        Ok(format!(
            "one `assigned` event for {} in /v1/audit",
            queued.id
        ))
    } else {
        Err(format!(
            "{assigned} `assigned` events for {} in /v1/audit after one key sent twice",
            queued.id
        ))
    };
    Ok((replayed, once))
}

/// Sends one key with two bodies: the second is refused and changes nothing.
async fn conflict(s: &Suite) -> Result<String, String> {
    let key = s.fresh("idempotency-key");
    let queued = s.queued().await?;
    let first = s
        .send(&RawRequest::action(&queued.id, &assign(&s.agent_a)).idempotency_key(&key))
        .await?;
    let before = expect::intervention(&first).map_err(|e| format!("the first request: {e}"))?;
    let other = RawRequest::action(&queued.id, &assign(&s.agent_b)).idempotency_key(&key);
    let answer = s.send(&other).await?;
    if answer.status.as_u16() == first.status.as_u16() && answer.json() == first.json() {
        return Err(format!(
            "expected 422 idempotency_conflict, got {}: the first answer replayed for another body",
            answer.status.as_u16()
        ));
    }
    expect::problem(&answer, 422, ProblemCode::IdempotencyConflict)?;
    expect::unchanged(&before, &s.get(&queued.id).await?)?;
    Ok(format!(
        "422 idempotency_conflict; {} still owned by agent A",
        queued.id
    ))
}
