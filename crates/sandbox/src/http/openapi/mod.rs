//! The OpenAPI 3.1 document of the contract, generated from the handlers and model types.
//!
//! utoipa writes what each handler says about itself (its parameters, bodies, successes and the
//! problems only it can answer). `common.rs` then adds, from one table each, what every
//! operation shares by what it is: the problems (a POST can always meet a running
//! Idempotency-Key, an operation with a path id a 404...), the headers read and sent (described
//! once in `headers.rs`), the conditional GETs; `links.rs` adds the links between operations;
//! and the event stream gets the schema of each of its events.

mod common;
mod headers;
mod links;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{agents, catalog, events, interventions};
use crate::error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Live Conversations API",
        version = "1",
        description = "Human takeovers (interventions) of chatbot conversations: queues, owners, \
the five actions, the catalog used to complete them, users' history and the event log. \
The rules that a schema cannot say (the state machine, roles, idempotency, preconditions, \
pagination, events) are in docs/contract.md; `livectl conformance` checks an implementation \
against them.\n\n\
- Errors are RFC 9457 `application/problem+json` with a `code`; each operation lists every \
status it can answer.\n\
- A request body or query with a field the operation does not define is 400 `bad_request` \
(every body schema is closed); a body that parses but lacks a required field, or names an \
unknown agent, topic, outcome, block or department, is 422 `validation_failed`.\n\
- Every POST accepts `Idempotency-Key`; every action accepts `If-Match`.\n\
- Every JSON answer to a GET carries an `ETag`, lists included: an intervention's is its \
version (`\"7\"`), any other a weak tag of the content. `If-None-Match` naming it is answered \
304 with no body.\n\
- Answers are compressed (gzip or deflate) when the request's `Accept-Encoding` asks, except \
the event stream.\n\
- Lists page with `limit` and `cursor`."
    ),
    modifiers(&Bearer),
    security(("bearer" = [])),
    components(schemas(livectl_contract::BatchOp, livectl_contract::StatusEvent)),
    paths(
        catalog::me,
        catalog::list_agents, catalog::get_agent, catalog::create_agent, agents::set_status,
        catalog::list_departments, catalog::get_department, catalog::create_department,
        catalog::list_topics, catalog::get_topic, catalog::create_topic,
        catalog::list_outcomes, catalog::get_outcome, catalog::create_outcome,
        catalog::list_blocks, catalog::get_block, catalog::create_block,
        catalog::list_users, catalog::get_user,
        events::user_history, events::history,
        interventions::list_conversations, interventions::get_conversation, interventions::create_conversation,
        interventions::list_interventions, interventions::list_intervention_refs,
        interventions::get_intervention,
        interventions::assign, interventions::reassign, interventions::return_to_queue,
        interventions::cancel, interventions::complete,
        interventions::queues,
        interventions::batch,
        events::stream, events::audit,
    )
)]
pub struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The whole document.
pub fn value() -> Result<Value, String> {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).map_err(|e| e.to_string())?;
    common::apply(&mut doc)?;
    links::apply(&mut doc)?;
    event_stream(&mut doc)?;
    page_items(&mut doc)?;
    Ok(doc)
}

/// The document as committed under `docs/openapi.json`.
pub fn document() -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(&value()?).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

pub async fn serve() -> Result<Response, ApiError> {
    let text = document().map_err(ApiError::Internal)?;
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}

/// A mutable object at `path` in the document, or what is missing.
fn at<'v>(
    doc: &'v mut Value,
    path: &[&str],
) -> Result<&'v mut serde_json::Map<String, Value>, String> {
    let mut node = doc;
    for key in path {
        node = node
            .get_mut(*key)
            .ok_or_else(|| format!("the document has no {}", path.join("/")))?;
    }
    node.as_object_mut()
        .ok_or_else(|| format!("{} is not an object", path.join("/")))
}

/// The event stream: `schema` stays the `Event` each `data:` carries (what generators type the
/// items as), and OpenAPI 3.2's `itemSchema` describes each whole server-sent event, which
/// checkers such as schemathesis read.
fn event_stream(doc: &mut Value) -> Result<(), String> {
    let media = at(
        doc,
        &[
            "paths",
            "/v1/events",
            "get",
            "responses",
            "200",
            "content",
            "text/event-stream",
        ],
    )?;
    media.insert(
        "itemSchema".into(),
        json!({
            "type": "object",
            "description": "One server-sent event: `id:` is the event's seq (what `Last-Event-ID` \
                resumes after), `event:` is `intervention` (`data:` an Event as JSON) or `status` \
                (`data:` a StatusEvent, an agent's status change; both kinds share one seq). The stream \
                opens with `retry:` (the reconnection delay in milliseconds) and sends comments \
                to keep the connection alive.",
            "required": ["id", "event", "data"],
            "properties": {
                "id": {"type": "string", "pattern": super::extract::LAST_EVENT_ID_PATTERN},
                "event": {"enum": ["intervention", "status"]},
                "data": {
                    "type": "string",
                    "contentMediaType": "application/json",
                    "contentSchema": {"oneOf": [
                        {"$ref": "#/components/schemas/Event"},
                        {"$ref": "#/components/schemas/StatusEvent"},
                    ]},
                },
                "retry": {"type": "integer", "minimum": 0},
            },
        }),
    );
    Ok(())
}

/// A page's items by reference to their schema (utoipa writes a copy of it inline).
fn page_items(doc: &mut Value) -> Result<(), String> {
    let schemas = at(doc, &["components", "schemas"])?;
    let pages: Vec<String> = schemas
        .keys()
        .filter(|name| name.starts_with("Page_"))
        .cloned()
        .collect();
    for page in pages {
        let item = page.trim_start_matches("Page_").to_owned();
        if !schemas.contains_key(&item) {
            return Err(format!(
                "{page} lists {item}, which has no schema of its own"
            ));
        }
        let items = schemas
            .get_mut(&page)
            .and_then(|p| p.pointer_mut("/properties/items/items"))
            .ok_or_else(|| format!("{page} has no items"))?;
        *items = json!({"$ref": format!("#/components/schemas/{item}")});
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operations(doc: &Value) -> Vec<(String, String, Value)> {
        let mut ops = Vec::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                ops.push((method.clone(), path.clone(), op.clone()));
            }
        }
        ops
    }

    fn header_params(op: &Value) -> Vec<String> {
        op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["$ref"].as_str())
            .map(|r| r.rsplit('/').next().unwrap_or("").to_owned())
            .collect()
    }

    #[test]
    fn the_document_is_built() {
        let doc = value().unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let text = serde_json::to_string(&doc).unwrap();
        assert!(
            !text.contains("#/components/schemas/String"),
            "a timestamp without its format"
        );
    }

    #[test]
    fn every_post_takes_a_key_and_every_action_a_precondition() {
        let doc = value().unwrap();
        for (method, path, op) in operations(&doc) {
            let headers = header_params(&op);
            if method == "post" {
                assert!(headers.contains(&"IdempotencyKey".to_owned()), "{path}");
            }
            let action = path.starts_with("/v1/interventions/{id}/");
            assert_eq!(headers.contains(&"IfMatch".to_owned()), action, "{path}");
        }
    }

    #[test]
    fn every_reference_resolves() {
        let doc = value().unwrap();
        let mut refs = Vec::new();
        fn walk(v: &Value, refs: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    if let Some(Value::String(r)) = m.get("$ref") {
                        refs.push(r.clone());
                    }
                    m.values().for_each(|v| walk(v, refs));
                }
                Value::Array(a) => a.iter().for_each(|v| walk(v, refs)),
                _ => {}
            }
        }
        walk(&doc, &mut refs);
        for r in refs {
            let pointer = r.trim_start_matches('#');
            assert!(doc.pointer(pointer).is_some(), "{r} resolves to nothing");
        }
    }
}
