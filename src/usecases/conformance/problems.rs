//! Rule 7, problems (DESIGN.md sections 4 and 9): errors are `application/problem+json` with
//! `type`, `title`, `status`, `detail` and `code`: for an unknown id (404), a query that does not
//! parse (400), a body naming an unknown agent (422) and a token the platform does not know
//! (401).

use livectl_client::{Endpoint, RawRequest, Token};
use livectl_contract::ProblemCode;

use super::suite::assign;
use super::{Outcome, Suite, expect, outcome};

pub async fn check(s: &Suite) -> Vec<Outcome> {
    vec![
        outcome("404 for an unknown id", not_found(s).await),
        outcome("400 for a query that does not parse", bad_query(s).await),
        outcome("422 for an unknown agent", unknown_agent(s).await),
        outcome("401 for a wrong token", wrong_token(s).await),
    ]
}

async fn not_found(s: &Suite) -> Result<String, String> {
    let id = s.fresh("no-such-intervention");
    let answer = s
        .send(&RawRequest::get(Endpoint::Intervention(id.clone())))
        .await?;
    expect::problem(&answer, 404, ProblemCode::NotFound)?;
    Ok(format!("GET of intervention {id}"))
}

async fn bad_query(s: &Suite) -> Result<String, String> {
    let request = RawRequest::get(Endpoint::Interventions).query("limit", "not-a-number");
    expect::problem(&s.send(&request).await?, 400, ProblemCode::BadRequest)?;
    Ok("GET /v1/interventions?limit=not-a-number".into())
}

async fn unknown_agent(s: &Suite) -> Result<String, String> {
    let queued = s.queued().await?;
    let nobody = s.fresh("no-such-agent");
    let answer = s
        .send(&RawRequest::action(&queued.id, &assign(&nobody)))
        .await?;
    expect::problem(&answer, 422, ProblemCode::ValidationFailed)?;
    expect::unchanged(&queued, &s.get(&queued.id).await?)?;
    Ok(format!("assign {} to agent {nobody}", queued.id))
}

async fn wrong_token(s: &Suite) -> Result<String, String> {
    let stranger = s.admin().with_token(Token::new(s.fresh("not-a-token")));
    let answer = s.send_as(&stranger, &RawRequest::get(Endpoint::Me)).await?;
    expect::problem(&answer, 401, ProblemCode::Unauthorized)?;
    Ok("GET /v1/me with a token nobody was given".into())
}
