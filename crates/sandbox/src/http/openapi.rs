//! The OpenAPI 3.1 document of the contract, generated from the handlers and model types.

use axum::response::Response;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{catalog, events, interventions, json};
use crate::error::ApiError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Live Conversations API",
        version = "1",
        description = "Human takeovers (interventions) of chatbot conversations: queues, owners, \
the five actions, the catalog used to complete them, users' history and the event log. \
Errors are RFC 9457 problem+json with a `code`; every POST accepts `Idempotency-Key`; every \
action accepts `If-Match`; lists page with `limit` and `cursor`."
    ),
    modifiers(&Bearer),
    security(("bearer" = [])),
    paths(
        catalog::me,
        catalog::list_agents, catalog::get_agent, catalog::create_agent,
        catalog::list_departments, catalog::get_department, catalog::create_department,
        catalog::list_topics, catalog::get_topic, catalog::create_topic,
        catalog::list_outcomes, catalog::get_outcome, catalog::create_outcome,
        catalog::list_blocks, catalog::get_block, catalog::create_block,
        catalog::list_users, catalog::get_user,
        events::user_history, events::history,
        interventions::list_conversations, interventions::get_conversation, interventions::create_conversation,
        interventions::list_interventions, interventions::get_intervention,
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

/// The document as committed under `docs/openapi.json`.
pub fn document() -> Result<String, serde_json::Error> {
    let mut text = ApiDoc::openapi().to_pretty_json()?;
    text.push('\n');
    Ok(text)
}

pub async fn serve() -> Result<Response, ApiError> {
    json(&ApiDoc::openapi())
}
