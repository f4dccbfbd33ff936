//! OpenAPI links: from the operations that answer ids to the operations that take them, so a
//! client, or a stateful test such as schemathesis's, can chain calls (list, assign, reassign,
//! complete, each with the last ETag as `If-Match`).

use serde_json::{Map, Value, json};

use super::at;

/// Where an id is in an answer.
const ITEM: &str = "$response.body#/items/0/id";
const ID: &str = "$response.body#/id";
const ETAG: &str = "$response.header.ETag";

/// The actions of an intervention, with the precondition the answer gives.
const ACTIONS: &[&str] = &[
    "assign",
    "reassign",
    "return_to_queue",
    "cancel",
    "complete",
];

/// One link: from an operation's answer (every 2xx it declares) to another operation, with
/// the values of that operation's parameters.
struct Link {
    from: &'static str,
    to: &'static str,
    parameters: &'static [(&'static str, &'static str)],
}

const fn link(
    from: &'static str,
    to: &'static str,
    parameters: &'static [(&'static str, &'static str)],
) -> Link {
    Link {
        from,
        to,
        parameters,
    }
}

/// Every link but those between an intervention's actions, which `action_links` writes.
const LINKS: &[Link] = &[
    link("me", "get_agent", &[("id", ID)]),
    link("list_agents", "get_agent", &[("id", ITEM)]),
    link("create_agent", "get_agent", &[("id", ID)]),
    link("list_departments", "get_department", &[("id", ITEM)]),
    link("create_department", "get_department", &[("id", ID)]),
    link("list_topics", "get_topic", &[("id", ITEM)]),
    link("create_topic", "get_topic", &[("id", ID)]),
    link("list_outcomes", "get_outcome", &[("id", ITEM)]),
    link("create_outcome", "get_outcome", &[("id", ID)]),
    link("list_blocks", "get_block", &[("id", ITEM)]),
    link("create_block", "get_block", &[("id", ID)]),
    link("list_users", "get_user", &[("id", ITEM)]),
    link("list_users", "user_history", &[("id", ITEM)]),
    link("get_user", "user_history", &[("id", ID)]),
    link("list_conversations", "get_conversation", &[("id", ITEM)]),
    link(
        "get_conversation",
        "get_user",
        &[("id", "$response.body#/user/id")],
    ),
    link(
        "create_conversation",
        "get_conversation",
        &[("id", "$response.body#/conversation_id")],
    ),
    link(
        "create_conversation",
        "get_user",
        &[("id", "$response.body#/user_id")],
    ),
    link(
        "create_conversation",
        "assign",
        &[("id", "$response.body#/intervention/id")],
    ),
    link("list_interventions", "get_intervention", &[("id", ITEM)]),
    link("list_interventions", "assign", &[("id", ITEM)]),
    link("list_interventions", "cancel", &[("id", ITEM)]),
    link(
        "get_intervention",
        "get_conversation",
        &[("id", "$response.body#/conversation_id")],
    ),
    link(
        "get_intervention",
        "get_user",
        &[("id", "$response.body#/user/id")],
    ),
    link("get_intervention", "audit", &[("intervention_id", ID)]),
    link(
        "audit",
        "get_intervention",
        &[("id", "$response.body#/items/0/intervention_id")],
    ),
];

/// The links of every operation that answers an intervention: to each action, with its
/// version as `If-Match`, and back to the intervention.
fn action_links() -> Vec<(&'static str, &'static str, Value)> {
    let mut links = Vec::new();
    for from in ACTIONS.iter().chain(&["get_intervention"]) {
        for to in ACTIONS.iter().chain(&["get_intervention"]) {
            if from == to && *to == "get_intervention" {
                continue;
            }
            let parameters = if *to == "get_intervention" {
                json!({"id": ID})
            } else {
                json!({"id": ID, "If-Match": ETAG})
            };
            links.push((*from, *to, parameters));
        }
    }
    links
}

/// Adds each link to the successes of its operation.
pub fn apply(doc: &mut Value) -> Result<(), String> {
    let mut all: Vec<(&str, &str, Value)> = LINKS
        .iter()
        .map(|l| {
            let parameters: Map<String, Value> = l
                .parameters
                .iter()
                .map(|(name, value)| ((*name).to_owned(), json!(value)))
                .collect();
            (l.from, l.to, Value::Object(parameters))
        })
        .collect();
    all.extend(action_links());
    let paths = at(doc, &["paths"])?;
    let ids: Vec<String> = paths
        .values()
        .flat_map(|item| item.as_object().into_iter().flat_map(|m| m.values()))
        .filter_map(|op| op["operationId"].as_str().map(str::to_owned))
        .collect();
    for (from, to, parameters) in all {
        if !ids.iter().any(|id| id == to) {
            return Err(format!("a link from {from} to {to}, which is no operation"));
        }
        let op = paths
            .values_mut()
            .flat_map(|item| {
                item.as_object_mut()
                    .into_iter()
                    .flat_map(|m| m.values_mut())
            })
            .find(|op| op["operationId"] == from)
            .ok_or_else(|| format!("a link from {from}, which is no operation"))?;
        let responses = op
            .get_mut("responses")
            .and_then(Value::as_object_mut)
            .ok_or_else(|| format!("{from} has no responses"))?;
        for (status, response) in responses.iter_mut() {
            if !status.starts_with('2') {
                continue;
            }
            let links = response
                .as_object_mut()
                .ok_or("a response is not an object")?
                .entry("links")
                .or_insert_with(|| json!({}))
                .as_object_mut()
                .ok_or("links is not an object")?;
            links.insert(
                to.to_owned(),
                json!({"operationId": to, "parameters": parameters}),
            );
        }
    }
    Ok(())
}
