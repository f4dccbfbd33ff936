//! The HTTP face of the sandbox: routes, shared state and how answers are written.

mod agents;
mod catalog;
mod conditional;
pub(crate) mod events;
pub mod extract;
mod interventions;
pub mod openapi;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;

use crate::error::ApiError;
use crate::store::{Caller, Fingerprint, KeyCheck, Reply, Store};

#[derive(Clone)]
pub struct App {
    pub store: Arc<Store>,
    /// How a repeated Idempotency-Key is matched (a test knob may break it).
    pub keys: KeyCheck,
    /// It serves the user's demo workspace, said at `GET /healthz`.
    pub demo: bool,
    /// The workspace id its database holds, said at `GET /healthz`: read once, as no workspace
    /// changes while it is served (`sandbox reset` refuses a database in use), so `/healthz`
    /// stays the trivial answer `bench/sandbox.sh` measures actions against.
    pub workspace: Option<HeaderValue>,
}

impl App {
    /// Runs blocking database work off the async threads.
    pub async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let store = self.store.clone();
        tokio::task::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| ApiError::Internal(format!("a worker failed: {e}")))?
    }

    /// A read with the caller authenticated on the same connection.
    pub async fn read<T: Send + 'static>(
        &self,
        token: String,
        f: impl FnOnce(&rusqlite::Connection, Caller) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        self.blocking(move |store| {
            store.read(|conn| {
                let caller = store.caller(conn, &token)?;
                f(conn, caller)
            })
        })
        .await
    }

    /// A POST of `body`: one write of the writer's next group, answered from the stored
    /// response for a repeated Idempotency-Key (the same request: the same path and `body`).
    pub async fn post<B: serde::Serialize + Send + 'static>(
        &self,
        token: String,
        key: Option<String>,
        path: String,
        body: B,
        mut op: impl FnMut(
            &rusqlite::Transaction,
            Caller,
            jiff::Timestamp,
            &B,
        ) -> Result<Reply, ApiError>
        + Send
        + 'static,
    ) -> Result<Response, ApiError> {
        let idempotency = key.map(|k| (k, Fingerprint::new("POST", &path, &body)));
        let op = move |tx: &rusqlite::Transaction, caller, now| op(tx, caller, now, &body);
        let reply = self.store.post(token, idempotency, self.keys, op).await?;
        Ok(reply_response(reply))
    }
}

/// The Idempotency-Keys of the requests being handled now, per token.
#[derive(Clone, Default)]
pub struct Running(Arc<Mutex<HashSet<(String, String)>>>);

/// Refuses with 409 a POST whose Idempotency-Key is already being handled for the same token.
/// It wraps every other layer, so a request counts as running from arrival to answer.
pub async fn running_layer(
    State(running): State<Running>,
    request: Request,
    next: Next,
) -> Response {
    let key = (request.method() == Method::POST)
        .then(|| request.headers().get("idempotency-key"))
        .flatten()
        .map(|k| String::from_utf8_lossy(k.as_bytes()).into_owned());
    let Some(key) = key else {
        return next.run(request).await;
    };
    // Who asks, as the Authorization header says it: only held while the request runs, so no
    // digest is needed to keep the token out of anything that lasts.
    let who = request
        .headers()
        .get(header::AUTHORIZATION)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    let entry = (who, key);
    let inserted = running
        .0
        .lock()
        .map(|mut set| set.insert(entry.clone()))
        .unwrap_or(false);
    if !inserted {
        return ApiError::IdempotencyInFlight.into_response();
    }
    let _guard = Leave(running, entry);
    next.run(request).await
}

struct Leave(Running, (String, String));

impl Drop for Leave {
    fn drop(&mut self) {
        if let Ok(mut set) = (self.0).0.lock() {
            set.remove(&self.1);
        }
    }
}

fn reply_response(reply: Reply) -> Response {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::OK);
    let mut response = (status, reply.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(version) = reply.etag
        && let Ok(v) = HeaderValue::from_str(&format!("\"{version}\""))
    {
        headers.insert(header::ETAG, v);
    }
    if reply.replayed {
        headers.insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    if let Some(upsert) = reply.upsert {
        headers.insert("upsert-result", HeaderValue::from_static(upsert.as_str()));
    }
    response
}

/// A 200 JSON answer.
pub fn json<T: Serialize>(value: &T) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value).map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// Every route of the contract; `refs` false leaves out `GET /v1/interventions/refs` (a test
/// knob, `Knobs::without_refs`).
pub fn router(app: App, refs: bool) -> Router {
    let mut v1 = Router::new()
        .route("/me", get(catalog::me))
        .route(
            "/agents",
            get(catalog::list_agents).post(catalog::create_agent),
        )
        .route("/agents/{id}", get(catalog::get_agent))
        .route("/agents/{id}/status", post(agents::set_status))
        .route(
            "/departments",
            get(catalog::list_departments).post(catalog::create_department),
        )
        .route("/departments/{id}", get(catalog::get_department))
        .route(
            "/topics",
            get(catalog::list_topics).post(catalog::create_topic),
        )
        .route("/topics/{id}", get(catalog::get_topic))
        .route(
            "/outcomes",
            get(catalog::list_outcomes).post(catalog::create_outcome),
        )
        .route("/outcomes/{id}", get(catalog::get_outcome))
        .route(
            "/blocks",
            get(catalog::list_blocks).post(catalog::create_block),
        )
        .route("/blocks/{id}", get(catalog::get_block))
        .route("/users", get(catalog::list_users))
        .route("/users/{id}", get(catalog::get_user))
        .route("/users/{id}/history", get(events::user_history))
        .route("/history", get(events::history))
        .route(
            "/conversations",
            get(interventions::list_conversations).post(interventions::create_conversation),
        )
        .route("/conversations/{id}", get(interventions::get_conversation))
        .route("/interventions", get(interventions::list_interventions))
        .route("/interventions/{id}", get(interventions::get_intervention))
        .route("/interventions/{id}/assign", post(interventions::assign))
        .route(
            "/interventions/{id}/reassign",
            post(interventions::reassign),
        )
        .route(
            "/interventions/{id}/return",
            post(interventions::return_to_queue),
        )
        .route("/interventions/{id}/cancel", post(interventions::cancel))
        .route(
            "/interventions/{id}/complete",
            post(interventions::complete),
        )
        .route("/queues", get(interventions::queues))
        .route("/batch", post(interventions::batch))
        .route("/events", get(events::stream))
        .route("/audit", get(events::audit));
    if refs {
        v1 = v1.route(
            "/interventions/refs",
            get(interventions::list_intervention_refs),
        );
    }
    Router::new()
        .nest("/v1", v1)
        .route("/openapi.json", get(openapi::serve))
        // `health::PATH`, written out as every route is (the role table's test reads them).
        .route("/healthz", get(health))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(conditional::layer))
        .layer(DefaultBodyLimit::max(extract::BODY_LIMIT))
        .with_state(app)
}

/// `ok`, the workspace its database holds, and whether that is the user's demo.
async fn health(State(app): State<App>) -> impl IntoResponse {
    use livectl_contract::health::{DEMO, WORKSPACE, WORKSPACE_ID};
    let demo = app.demo.then_some([(WORKSPACE, DEMO)]);
    let id = app.workspace.map(|id| [(WORKSPACE_ID, id)]);
    (demo, id, "ok")
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!(
        "no such resource: {}; the API's routes are listed at /openapi.json",
        uri.path()
    ))
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::MethodNotAllowed(format!("{method} is not allowed on {}", uri.path()))
}
