//! `POST /v1/agents/{id}/status`: an agent sets its own status, an admin anyone's; each change
//! is a status event on the stream.

use axum::extract::State;
use axum::response::Response;

use super::App;
use super::extract::{Bearer, Id, IdempotencyKey, JsonBody};
use crate::error::ApiError;
use crate::store::Reply;
use crate::store::agents as store;
use crate::store::catalog::Change;
use livectl_contract::{Agent, Problem, StatusRequest};

/// Sets an agent's status (`online`, `away`, `offline`): an agent its own, an admin anyone's.
///
/// A change stamps the agent's `status_since` and writes a `status` event on `/v1/events` (who,
/// from, to, when) in the same transaction; the same status again changes nothing.
#[utoipa::path(post, path = "/v1/agents/{id}/status", tag = "agents", request_body = StatusRequest,
    params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, description = "the agent with its new status", body = Agent), (status = 403, body = Problem)))]
pub async fn set_status(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    Id(id): Id,
    input: JsonBody<StatusRequest>,
) -> Result<Response, ApiError> {
    let path = format!("/v1/agents/{id}/status");
    let event_key = key.clone();
    app.post(
        token,
        key,
        path,
        input.body,
        move |tx, caller, now, body| {
            let change = Change {
                actor: caller.agent_id,
                at: now,
                key: event_key.as_deref(),
            };
            let agent = store::set_status(
                tx,
                caller,
                &id,
                body.status,
                body.reason.as_deref(),
                &change,
            )?;
            Reply::new(200, &agent)
        },
    )
    .await
}
