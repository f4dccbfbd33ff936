//! What operations share by what they are, each in one table: the problems they can answer,
//! the headers they read and the headers they send. Handlers declare only what is theirs alone
//! (their successes, a 403 of their role rule, a 422 of their query); every error a handler
//! declares is rewritten into the shared problem response of its status.

use serde_json::{Map, Value, json};

use super::at;
use super::headers::{HEADERS, header_ref, rate_headers, response_headers};
use livectl_contract::PROBLEM_JSON;

/// What the tables ask of an operation.
struct Facts {
    post: bool,
    path_id: bool,
    query: bool,
    body: bool,
    /// The request headers it reads, by their component name.
    headers: Vec<String>,
    /// A GET answered with JSON: it carries an ETag and answers `If-None-Match`.
    json_get: bool,
    /// A creation by key (it declares 201).
    creation: bool,
}

impl Facts {
    fn of(method: &str, op: &Value) -> Facts {
        let params: Vec<&Value> = op["parameters"].as_array().into_iter().flatten().collect();
        let is_in = |place: &str| params.iter().any(|p| p["in"] == place);
        let headers = params
            .iter()
            .filter(|p| p["in"] == "header")
            .filter_map(|p| p["name"].as_str())
            .filter_map(|name| HEADERS.iter().find(|h| h.name == name))
            .map(|h| h.component.to_owned())
            .collect();
        Facts {
            post: method == "post",
            path_id: is_in("path"),
            query: is_in("query"),
            body: op.get("requestBody").is_some(),
            headers,
            json_get: method == "get"
                && op
                    .pointer("/responses/200/content/application~1json")
                    .is_some(),
            creation: op.pointer("/responses/201").is_some(),
        }
    }

    fn reads(&self, component: &str) -> bool {
        self.headers.iter().any(|h| h == component)
    }
}

/// A problem an operation can answer, and when.
struct ProblemRow {
    status: &'static str,
    component: &'static str,
    description: &'static str,
    /// When every operation of this kind can answer it; a handler declares the others.
    applies: fn(&Facts) -> bool,
    /// Response headers sent with it, by component name, and whether always.
    headers: &'static [(&'static str, &'static str, bool)],
}

const PROBLEMS: &[ProblemRow] = &[
    ProblemRow {
        status: "400",
        component: "BadRequest",
        description: "`bad_request`: a header, the query or the body does not parse (not JSON, \
            a wrong type, a field the operation does not define, a malformed cursor, \
            `Idempotency-Key`, `If-Match` or `Last-Event-ID`).",
        applies: |f| {
            f.query
                || f.body
                || f.reads("IdempotencyKey")
                || f.reads("IfMatch")
                || f.reads("LastEventId")
        },
        headers: &[],
    },
    ProblemRow {
        status: "401",
        component: "Unauthorized",
        description: "`unauthorized`: no bearer token, one the server does not know, or one of an agent deactivated.",
        applies: |_| true,
        headers: &[("WWW-Authenticate", "WWWAuthenticate", true)],
    },
    ProblemRow {
        status: "403",
        component: "Forbidden",
        description: "`forbidden`: the caller's role may not do this (docs/contract.md, Roles).",
        applies: |_| false,
        headers: &[],
    },
    ProblemRow {
        status: "404",
        component: "NotFound",
        description: "`not_found`: no resource has the id in the path.",
        applies: |f| f.path_id,
        headers: &[],
    },
    ProblemRow {
        status: "409",
        component: "Conflict",
        description: "`invalid_transition` with `current` (the action is not allowed from the \
            intervention's state), or `idempotency_conflict` (a request with this \
            Idempotency-Key is still running: retry it).",
        applies: |f| f.post,
        headers: &[],
    },
    ProblemRow {
        status: "412",
        component: "PreconditionFailed",
        description: "`precondition_failed` with `current`: `If-Match` names a version the \
            intervention is no longer at.",
        applies: |f| f.reads("IfMatch"),
        headers: &[],
    },
    ProblemRow {
        status: "413",
        component: "ContentTooLarge",
        description: "`bad_request`: the body is larger than the limit of the contract.",
        applies: |f| f.body,
        headers: &[],
    },
    ProblemRow {
        status: "422",
        component: "UnprocessableContent",
        description: "`validation_failed` (the body parses but misses a required field, breaks \
            a limit, or names an unknown agent, topic, outcome, block, department or \
            conversation; or a filter names something unknown), or `idempotency_conflict` (this \
            Idempotency-Key was used with another body).",
        applies: |f| f.post,
        headers: &[],
    },
    ProblemRow {
        status: "429",
        component: "TooManyRequests",
        description: "`rate_limited`: wait `Retry-After` seconds.",
        applies: |_| true,
        headers: &[("Retry-After", "RetryAfter", true)],
    },
    ProblemRow {
        status: "500",
        component: "InternalError",
        description: "`internal`: the server failed; the request may be retried with the same \
            Idempotency-Key.",
        applies: |_| true,
        headers: &[],
    },
    ProblemRow {
        status: "503",
        component: "Unavailable",
        description: "`unavailable`: the server cannot serve the request now (too many \
            connections); retry after `Retry-After` seconds when given.",
        applies: |_| true,
        headers: &[("Retry-After", "RetryAfterMaybe", false)],
    },
];

fn components() -> (Value, Value) {
    let mut responses = Map::new();
    for row in PROBLEMS {
        let mut headers = Map::new();
        for (name, component, _) in row.headers {
            headers.insert((*name).into(), header_ref(component));
        }
        rate_headers(&mut headers);
        responses.insert(
            row.component.into(),
            json!({
                "description": row.description,
                "headers": headers,
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            }),
        );
    }
    let mut headers = Map::new();
    headers.insert("ETag".into(), header_ref("ETag"));
    rate_headers(&mut headers);
    responses.insert(
        "NotModified".into(),
        json!({
            "description": "`If-None-Match` names the answer's ETag: nothing changed, no body.",
            "headers": headers,
        }),
    );
    let mut parameters = Map::new();
    for h in HEADERS {
        parameters.insert(
            h.component.into(),
            json!({
                "name": h.name,
                "in": "header",
                "required": false,
                "description": h.description,
                "schema": (h.schema)(),
            }),
        );
    }
    (Value::Object(responses), Value::Object(parameters))
}

/// Adds the shared components, and to every operation what the tables say it has.
pub fn apply(doc: &mut Value) -> Result<(), String> {
    let (responses, parameters) = components();
    let components = at(doc, &["components"])?;
    components.insert("responses".into(), responses);
    components.insert("parameters".into(), parameters);
    components.insert("headers".into(), response_headers());
    let paths = at(doc, &["paths"])?;
    for (path, item) in paths.iter_mut() {
        let item = item
            .as_object_mut()
            .ok_or_else(|| format!("{path} is not an object"))?;
        for (method, op) in item.iter_mut() {
            operation(method, op).map_err(|e| format!("{} {path}: {e}", method.to_uppercase()))?;
        }
    }
    Ok(())
}

fn operation(method: &str, op: &mut Value) -> Result<(), String> {
    let facts = Facts::of(method, op);
    // The headers it reads, as references to their one description.
    if let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) {
        for p in params.iter_mut() {
            if let Some(h) = HEADERS
                .iter()
                .find(|h| p["in"] == "header" && p["name"] == h.name)
            {
                *p = json!({"$ref": format!("#/components/parameters/{}", h.component)});
            }
        }
    }
    if facts.json_get {
        let params = op
            .as_object_mut()
            .ok_or("not an object")?
            .entry("parameters")
            .or_insert_with(|| json!([]));
        if let Some(params) = params.as_array_mut() {
            params.push(json!({"$ref": "#/components/parameters/IfNoneMatch"}));
        }
    }
    let responses = op
        .get_mut("responses")
        .and_then(Value::as_object_mut)
        .ok_or("no responses")?;
    // Problems a handler declared, as the shared response of their status.
    for (status, response) in responses.iter_mut() {
        if status.as_str() >= "400" {
            let row = PROBLEMS
                .iter()
                .find(|row| row.status == status)
                .ok_or_else(|| format!("{status} is not in the table of problems"))?;
            *response = json!({"$ref": format!("#/components/responses/{}", row.component)});
        }
    }
    for row in PROBLEMS.iter().filter(|row| (row.applies)(&facts)) {
        responses.insert(
            row.status.into(),
            json!({"$ref": format!("#/components/responses/{}", row.component)}),
        );
    }
    // The headers of its successes.
    for (status, response) in responses.iter_mut() {
        if !status.starts_with('2') {
            continue;
        }
        let headers = response
            .as_object_mut()
            .ok_or("a response is not an object")?
            .entry("headers")
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .ok_or("headers is not an object")?;
        rate_headers(headers);
        if facts.post {
            headers.insert(
                "Idempotent-Replayed".into(),
                header_ref("IdempotentReplayed"),
            );
        }
        if facts.creation {
            headers.insert("Upsert-Result".into(), header_ref("UpsertResult"));
        }
        if (facts.json_get || facts.reads("IfMatch")) && status == "200" {
            headers.insert("ETag".into(), header_ref("ETag"));
        }
        // The event stream: where it starts.
        if facts.reads("LastEventId") && status == "200" {
            headers.insert("Events-After".into(), header_ref("EventsAfter"));
        }
    }
    if facts.json_get {
        responses.insert(
            "304".into(),
            json!({"$ref": "#/components/responses/NotModified"}),
        );
    }
    Ok(())
}
