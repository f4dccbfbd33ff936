//! What an answer must be, checked exactly: each check gives what it found, or the evidence
//! of what was wrong (the status and the start of the body).

use livectl_client::RawAnswer;
use livectl_contract::{Intervention, PROBLEM_JSON, Problem, ProblemCode};
use serde_json::Value;

/// How much of a body evidence quotes.
const QUOTED: usize = 160;

/// `status NNN: <the start of the body>`, for evidence.
pub fn seen(answer: &RawAnswer) -> String {
    let body = answer.snippet(QUOTED);
    if body.trim().is_empty() {
        format!("{} with an empty body", answer.status.as_u16())
    } else {
        format!("{}: {body}", answer.status.as_u16())
    }
}

/// A 200 whose body is an intervention.
pub fn intervention(answer: &RawAnswer) -> Result<Intervention, String> {
    if answer.status.as_u16() != 200 {
        return Err(format!("expected 200, got {}", seen(answer)));
    }
    answer.decode().map_err(|e| {
        format!(
            "200 whose body is not an intervention ({e}): {}",
            seen(answer)
        )
    })
}

/// An RFC 9457 problem with this status and code: `application/problem+json`, with `type`,
/// `title`, `status` (the HTTP status), `detail` and `code`.
pub fn problem(answer: &RawAnswer, status: u16, code: ProblemCode) -> Result<Problem, String> {
    let got = answer.status.as_u16();
    if got != status {
        return Err(format!("expected {status} {code}, got {}", seen(answer)));
    }
    let media = answer.header("content-type").unwrap_or("");
    let essence = media.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case(PROBLEM_JSON) {
        return Err(format!(
            "{got} with Content-Type `{media}`, not {PROBLEM_JSON}: {}",
            answer.snippet(QUOTED)
        ));
    }
    let Some(body) = answer.json().filter(Value::is_object) else {
        return Err(format!(
            "{got} whose body is not a JSON object: {}",
            seen(answer)
        ));
    };
    let missing: Vec<&str> = ["type", "title", "detail", "code"]
        .into_iter()
        .filter(|field| body[field].as_str().is_none_or(|s| s.trim().is_empty()))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "{got} problem without {} (as non-empty text): {}",
            missing.join(", "),
            answer.snippet(QUOTED)
        ));
    }
    if body["status"].as_u64() != Some(u64::from(status)) {
        return Err(format!(
            "{got} problem whose `status` is {}, not {status}",
            body["status"]
        ));
    }
    if body["code"] != code.as_str() {
        return Err(format!(
            "{got} problem with code `{}`, expected `{code}`",
            body["code"].as_str().unwrap_or_default()
        ));
    }
    serde_json::from_value(body).map_err(|e| format!("{got} problem that does not read: {e}"))
}

/// The `current` of a 409 or 412: there, and the intervention as it is now.
pub fn current(problem: &Problem, now: &Intervention) -> Result<Intervention, String> {
    let current = problem
        .current
        .as_deref()
        .cloned()
        .ok_or_else(|| format!("{} {} without `current`", problem.status, problem.code))?;
    if current != *now {
        return Err(format!(
            "`current` is not the intervention as it is: it says {} version {}, the intervention is {} version {}",
            current.state, current.version, now.state, now.version
        ));
    }
    Ok(current)
}

/// A refused request changed nothing.
pub fn unchanged(before: &Intervention, now: &Intervention) -> Result<(), String> {
    if before != now {
        return Err(format!(
            "the refused request changed {}: {} version {} became {} version {}",
            before.id, before.state, before.version, now.state, now.version
        ));
    }
    Ok(())
}
