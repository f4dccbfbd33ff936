//! Conversations, interventions, the five actions and the queues.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::Response;

use super::extract::{ActionRequest, Bearer, Id, IdempotencyKey, JsonBody, NoQuery, Q};
use super::{App, json};
use crate::error::ApiError;
use crate::store::interventions as store;
use crate::store::{Reply, batch as batches, conversations, visibility};
use livectl_contract::{
    Action, ActionKind, AssignRequest, BatchRequest, BatchResponse, CompleteRequest, Conversation,
    ConversationCreated, ConversationInput, ConversationQuery, Intervention, InterventionQuery,
    InterventionRef, Page, Problem, Queues, ReasonRequest,
};

/// Every conversation with its messages, in id order.
///
/// Admin only.
#[utoipa::path(get, path = "/v1/conversations", tag = "conversations", params(ConversationQuery),
    responses((status = 200, description = "a page of conversations with their messages, in id order", body = Page<Conversation>),
        (status = 403, body = Problem)))]
pub async fn list_conversations(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<ConversationQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            visibility::admin_only(caller, "the list of every conversation")?;
            conversations::list_conversations(conn, q.user.as_deref(), q.limit, q.cursor.as_deref())
        })
        .await?,
    )
}

/// One conversation with its messages.
///
/// An admin, or an agent for the conversation of an intervention it may see (queued, or its
/// own).
#[utoipa::path(get, path = "/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)),
    responses((status = 200, description = "the conversation with its messages", body = Conversation), (status = 403, body = Problem)))]
pub async fn get_conversation(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
    query: NoQuery,
) -> Result<Response, ApiError> {
    let conversation = app
        .read(token, move |conn, caller| {
            let conversation = conversations::get_conversation(conn, &id)?;
            visibility::conversation(conn, caller, &conversation.id)?;
            Ok(conversation)
        })
        .await?;
    query.check()?;
    json(&conversation)
}

/// Creates a conversation with its messages and, when `intervention` is given, starts a queued
/// intervention on it (admin only; the same key again changes nothing or updates in place).
#[utoipa::path(post, path = "/v1/conversations", tag = "conversations", request_body = ConversationInput,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, description = "created, with its intervention when one was asked for", body = ConversationCreated), (status = 200, description = "a conversation with this key existed", body = ConversationCreated), (status = 403, body = Problem)))]
pub async fn create_conversation(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<ConversationInput>,
) -> Result<Response, ApiError> {
    app.post(
        token,
        key,
        "/v1/conversations".into(),
        input.body,
        move |tx, caller, now, body| {
            let (created, result) = conversations::create_conversation(tx, caller, body, now)?;
            let mut reply = Reply::new(result.status(), &created)?;
            reply.upsert = Some(result);
            Ok(reply)
        },
    )
    .await
}

/// Interventions matching the filters, in id order.
///
/// Any valid token. An agent's list holds only the interventions it may see: queued ones and
/// its own, in any state. A filter naming what an agent may not see (such as another agent's
/// `owner`) returns nothing more.
#[utoipa::path(get, path = "/v1/interventions", tag = "interventions", params(InterventionQuery),
    responses((status = 200, description = "a page of the interventions matching the filters, in id order", body = Page<Intervention>),
        (status = 422, body = Problem)))]
pub async fn list_interventions(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<InterventionQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            store::list_interventions(conn, caller, &q)
        })
        .await?,
    )
}

/// Interventions matching the filters, in id order, each in part.
///
/// The same pages as `GET /v1/interventions` (filters, order, cursors, and what an agent may
/// see), each intervention as its id, state, owner, department and version: what a bulk run
/// plans from. Any valid token.
#[utoipa::path(get, path = "/v1/interventions/refs", tag = "interventions", params(InterventionQuery),
    responses((status = 200, description = "the same page as `GET /v1/interventions` answers, each intervention in part", body = Page<InterventionRef>),
        (status = 422, body = Problem)))]
pub async fn list_intervention_refs(
    State(app): State<App>,
    Bearer(token): Bearer,
    Q(q): Q<InterventionQuery>,
) -> Result<Response, ApiError> {
    json(
        &app.read(token, move |conn, caller| {
            store::list_intervention_refs(conn, caller, &q)
        })
        .await?,
    )
}

/// One intervention.
///
/// An admin, or an agent for an intervention it may see: queued, or its own (in any state).
#[utoipa::path(get, path = "/v1/interventions/{id}", tag = "interventions", params(("id" = String, Path)),
    responses((status = 200, description = "the intervention; its version is the ETag", body = Intervention), (status = 403, body = Problem)))]
pub async fn get_intervention(
    State(app): State<App>,
    Bearer(token): Bearer,
    Id(id): Id,
    query: NoQuery,
) -> Result<Response, ApiError> {
    let intervention = app
        .read(token, move |conn, caller| {
            let intervention = store::get_intervention(conn, &id)?;
            visibility::intervention(caller, &intervention)?;
            Ok(intervention)
        })
        .await?;
    query.check()?;
    let mut response = json(&intervention)?;
    if let Ok(v) = HeaderValue::from_str(&format!("\"{}\"", intervention.version)) {
        response.headers_mut().insert(header::ETAG, v);
    }
    Ok(response)
}

/// Runs an action with the request's key and precondition; the answer is the intervention as
/// it now is, its version as the ETag.
async fn act(
    app: App,
    kind: ActionKind,
    request: ActionRequest<Action>,
) -> Result<Response, ApiError> {
    let ActionRequest {
        token,
        key,
        if_match,
        id,
        body,
    } = request;
    let action = match body {
        Ok(action) => action,
        // An incomplete body is refused after what the intervention itself refuses.
        Err(incomplete) => {
            let path = format!("/v1/interventions/{id}/{kind}");
            let mut incomplete = Some(incomplete);
            return app
                .post(token, key, path, (), move |tx, caller, _, ()| {
                    store::judge(tx, caller, &id, kind, if_match)?;
                    Err(incomplete.take().unwrap_or_else(|| {
                        ApiError::Validation("the request body is incomplete".into())
                    }))
                })
                .await;
        }
    };
    let path = format!(
        "/v1/interventions/{id}/{}?if-match={}",
        action.name(),
        if_match.unwrap_or(0)
    );
    let event_key = key.clone();
    app.post(
        token,
        key,
        path,
        Posted(action),
        move |tx, caller, now, posted| {
            let intervention = store::act(
                tx,
                caller,
                &id,
                &posted.0,
                if_match,
                event_key.as_deref(),
                now,
            )?;
            let mut reply = Reply::new(200, &intervention)?;
            reply.etag = Some(intervention.version);
            Ok(reply)
        },
    )
    .await
}

/// An action as its request is identified: by its body alone, the path naming the action (as
/// the body was hashed before requests were read into their types).
struct Posted(Action);

impl serde::Serialize for Posted {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.body().serialize(s)
    }
}

/// One handler per action, so the document describes each body.
macro_rules! action {
    ($name:ident, $variant:ident, $body:ty, $path:literal, $doc:literal) => {
        #[doc = $doc]
        #[utoipa::path(post, path = $path, tag = "actions", request_body = $body,
            params(("id" = String, Path), ("Idempotency-Key" = Option<String>, Header), ("If-Match" = Option<String>, Header)),
            responses((status = 200, description = "the intervention after the action; its version is the ETag", body = Intervention), (status = 403, body = Problem)))]
        pub async fn $name(
            State(app): State<App>,
            request: ActionRequest<$body>,
        ) -> Result<Response, ApiError> {
            act(app, ActionKind::$variant, request.map(Action::$variant)).await
        }
    };
}

action!(
    assign,
    Assign,
    AssignRequest,
    "/v1/interventions/{id}/assign",
    "Assigns a queued intervention: an agent to itself, an admin to anyone."
);
action!(
    reassign,
    Reassign,
    AssignRequest,
    "/v1/interventions/{id}/reassign",
    "Moves an assigned intervention to another agent's My Queue (the owner or an admin)."
);
action!(
    return_to_queue,
    Return,
    ReasonRequest,
    "/v1/interventions/{id}/return",
    "Returns an assigned intervention to the general queue (the owner or an admin)."
);
action!(
    cancel,
    Cancel,
    ReasonRequest,
    "/v1/interventions/{id}/cancel",
    "Cancels the takeover: the user goes back to the bot (the owner or an admin)."
);
action!(
    complete,
    Complete,
    CompleteRequest,
    "/v1/interventions/{id}/complete",
    "Completes an assigned intervention with its wrap-up (the owner or an admin)."
);

/// The general queue and every agent's My Queue, with counts and oldest wait.
///
/// Any valid token.
#[utoipa::path(get, path = "/v1/queues", tag = "interventions",
    responses((status = 200, description = "the general queue and every agent's My Queue, with counts", body = Queues)))]
pub async fn queues(
    State(app): State<App>,
    Bearer(token): Bearer,
    query: NoQuery,
) -> Result<Response, ApiError> {
    query.check()?;
    json(
        &app.read(token, |conn, _| store::queues(conn, jiff::Timestamp::now()))
            .await?,
    )
}

/// Applies up to 1000 creations and actions in order, in one transaction (admin only): what
/// `livectl seed` uses to load large data sets quickly. Each action still writes its event.
#[utoipa::path(post, path = "/v1/batch", tag = "conversations", request_body = BatchRequest,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, description = "every operation applied, its result in order", body = BatchResponse), (status = 403, body = Problem)))]
pub async fn batch(
    State(app): State<App>,
    Bearer(token): Bearer,
    IdempotencyKey(key): IdempotencyKey,
    input: JsonBody<BatchRequest>,
) -> Result<Response, ApiError> {
    app.post(
        token,
        key,
        "/v1/batch".into(),
        input.body,
        move |tx, caller, now, body| {
            let results = batches::batch(tx, caller, &body.operations, now)?;
            Reply::new(200, &BatchResponse { results })
        },
    )
    .await
}
