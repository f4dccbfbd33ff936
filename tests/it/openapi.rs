//! The committed OpenAPI document is the one the binary generates, and the one it serves.

use crate::harness::{Home, Sandbox};

const COMMITTED: &str = include_str!("../../docs/openapi.json");

#[test]
fn the_committed_openapi_document_is_fresh() {
    let out = Home::new().run(&["sandbox", "openapi"]);
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).unwrap();
    assert!(
        generated == COMMITTED,
        "docs/openapi.json is stale: run `cargo run -- sandbox openapi > docs/openapi.json` and commit it"
    );
}

#[test]
fn the_served_document_is_the_committed_one_and_covers_every_route() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let served = api
        .send(api.http.get(format!("{}/openapi.json", api.base)))
        .expect(200);
    let committed: serde_json::Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(served, committed);
    assert_eq!(committed["openapi"], "3.1.0");
    let paths: Vec<&str> = committed["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for path in [
        "/v1/me",
        "/v1/agents",
        "/v1/agents/{id}",
        "/v1/departments",
        "/v1/topics",
        "/v1/outcomes",
        "/v1/blocks",
        "/v1/users/{id}",
        "/v1/users/{id}/history",
        "/v1/history",
        "/v1/conversations",
        "/v1/interventions",
        "/v1/interventions/{id}",
        "/v1/interventions/{id}/assign",
        "/v1/interventions/{id}/reassign",
        "/v1/interventions/{id}/return",
        "/v1/interventions/{id}/cancel",
        "/v1/interventions/{id}/complete",
        "/v1/queues",
        "/v1/events",
        "/v1/audit",
    ] {
        assert!(paths.contains(&path), "{path} is missing from the document");
    }
}

fn document() -> serde_json::Value {
    serde_json::from_str(COMMITTED).unwrap()
}

/// Every operation: (METHOD path, operation).
fn operations(doc: &serde_json::Value) -> Vec<(String, serde_json::Value)> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            ops.push((format!("{} {path}", method.to_uppercase()), op.clone()));
        }
    }
    ops
}

/// A `$ref` followed in the document.
fn resolve<'d>(doc: &'d serde_json::Value, value: &'d serde_json::Value) -> &'d serde_json::Value {
    match value["$ref"].as_str() {
        Some(r) => doc
            .pointer(r.trim_start_matches('#'))
            .expect("the reference resolves"),
        None => value,
    }
}

/// A generated client's documentation reads these: each success says what it answers.
#[test]
fn every_answer_of_every_operation_is_described() {
    let doc = document();
    let mut bare = Vec::new();
    for (op_name, op) in operations(&doc) {
        for (status, response) in op["responses"].as_object().unwrap() {
            let text = resolve(&doc, response)["description"]
                .as_str()
                .unwrap_or("");
            if text.trim().is_empty() {
                bare.push(format!("{op_name} {status}"));
            }
        }
    }
    assert!(bare.is_empty(), "answers without a description: {bare:?}");
}

#[test]
fn every_error_every_operation_can_answer_is_declared_as_problem_json() {
    let doc = document();
    for (name, op) in operations(&doc) {
        let responses = op["responses"].as_object().unwrap();
        let post = name.starts_with("POST");
        let mut expected = vec!["401", "429", "500", "503"];
        if post {
            expected.extend(["400", "409", "413", "422"]);
        }
        if name.contains("{id}") {
            expected.push("404");
        }
        if name.starts_with("POST /v1/interventions/{id}/") {
            expected.push("412");
        }
        for status in expected {
            assert!(
                responses.contains_key(status),
                "{name} does not declare {status}"
            );
        }
        for (status, response) in responses {
            if status.as_str() < "400" {
                continue;
            }
            let response = resolve(&doc, response);
            let content = response["content"].as_object().unwrap();
            assert_eq!(
                content.keys().collect::<Vec<_>>(),
                ["application/problem+json"],
                "{name} {status}"
            );
            assert_eq!(
                content["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem"
            );
        }
        let unauthorized = resolve(&doc, &responses["401"]);
        let challenge = resolve(&doc, &unauthorized["headers"]["WWW-Authenticate"]);
        assert_eq!(challenge["required"], true, "{name}");
        let limited = resolve(&doc, &responses["429"]);
        assert_eq!(
            resolve(&doc, &limited["headers"]["Retry-After"])["required"],
            true
        );
        for header in ["RateLimit", "RateLimit-Policy"] {
            assert!(
                limited["headers"].get(header).is_some(),
                "{name} 429 {header}"
            );
        }
    }
}

#[test]
fn headers_and_parameters_are_described_as_the_server_reads_them() {
    use livectl_contract::Limit;
    let doc = document();
    let params = &doc["components"]["parameters"];
    let key = &params["IdempotencyKey"]["schema"];
    assert_eq!(key["maxLength"], Limit::IdempotencyKeyLength.max());
    assert_eq!(key["minLength"], 1);
    assert_eq!(key["pattern"], "^[!-~]+$");
    assert_eq!(
        params["IfMatch"]["schema"]["pattern"],
        "^(\\*|\"[1-9][0-9]{0,17}\")$"
    );
    assert_eq!(params["IfNoneMatch"]["name"], "If-None-Match");
    assert_eq!(params["LastEventId"]["name"], "Last-Event-ID");
    for (name, op) in operations(&doc) {
        let refs: Vec<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["$ref"].as_str())
            .collect();
        let takes = |p: &str| refs.contains(&format!("#/components/parameters/{p}").as_str());
        if name.starts_with("POST") {
            assert!(takes("IdempotencyKey"), "{name}");
            let ok = op["responses"]
                .as_object()
                .unwrap()
                .iter()
                .find(|(s, _)| s.starts_with('2'))
                .unwrap()
                .1;
            assert!(ok["headers"].get("Idempotent-Replayed").is_some(), "{name}");
        }
        assert_eq!(
            takes("IfMatch"),
            name.starts_with("POST /v1/interventions/{id}/"),
            "{name}"
        );
        let json_get = name.starts_with("GET") && name != "GET /v1/events";
        assert_eq!(takes("IfNoneMatch"), json_get, "{name}");
        if json_get {
            assert!(op["responses"].get("304").is_some(), "{name}");
            let etag = resolve(&doc, &op["responses"]["200"]["headers"]["ETag"]);
            assert_eq!(etag["required"], true, "{name}");
        }
        if name.starts_with("POST /v1/interventions/{id}/") {
            assert!(
                op["responses"]["200"]["headers"].get("ETag").is_some(),
                "{name}"
            );
        }
        for p in op["parameters"].as_array().into_iter().flatten() {
            if p["name"] == "limit" {
                assert_eq!(p["schema"]["minimum"], 1, "{name}");
                assert_eq!(p["schema"]["maximum"], Limit::PageSize.max(), "{name}");
            }
        }
    }
    assert!(takes_upsert(&doc, "/v1/agents"));
}

fn takes_upsert(doc: &serde_json::Value, path: &str) -> bool {
    let created = &doc["paths"][path]["post"]["responses"]["201"]["headers"]["Upsert-Result"];
    resolve(doc, created)["schema"]["enum"]
        == serde_json::json!(["created", "updated", "unchanged"])
}

#[test]
fn schemas_are_whole_timestamps_dated_and_pages_by_reference() {
    let doc = document();
    assert!(
        !COMMITTED.contains("#/components/schemas/String"),
        "a timestamp is a bare string"
    );
    let schemas = &doc["components"]["schemas"];
    assert_eq!(
        schemas["Intervention"]["properties"]["queued_at"]["format"],
        "date-time"
    );
    assert_eq!(
        schemas["Intervention"]["properties"]["assigned_at"]["format"],
        "date-time"
    );
    for (name, schema) in schemas.as_object().unwrap() {
        if let Some(item) = name.strip_prefix("Page_") {
            assert_eq!(
                schema["properties"]["items"]["items"]["$ref"],
                format!("#/components/schemas/{item}"),
                "{name}"
            );
        }
        if name.ends_with("Input") || name.ends_with("Request") {
            assert_eq!(
                schema["additionalProperties"], false,
                "{name} is not closed"
            );
        }
    }
    for variant in schemas["BatchOp"]["oneOf"].as_array().unwrap() {
        assert_eq!(variant["additionalProperties"], false);
    }
    let email = &schemas["AgentInput"]["properties"]["email"];
    assert!(
        email.get("format").is_none(),
        "the server accepts what format: email refuses"
    );
    let stream =
        &doc["paths"]["/v1/events"]["get"]["responses"]["200"]["content"]["text/event-stream"];
    assert_eq!(stream["schema"]["$ref"], "#/components/schemas/Event");
    assert_eq!(
        stream["itemSchema"]["properties"]["data"]["contentSchema"]["oneOf"],
        serde_json::json!([
            {"$ref": "#/components/schemas/Event"},
            {"$ref": "#/components/schemas/StatusEvent"}
        ])
    );
}

#[test]
fn links_chain_a_takeover() {
    let doc = document();
    let links = |path: &str, method: &str, status: &str| {
        doc["paths"][path][method]["responses"][status]["links"].clone()
    };
    let listed = links("/v1/interventions", "get", "200");
    assert_eq!(
        listed["assign"]["parameters"]["id"],
        "$response.body#/items/0/id"
    );
    let assigned = links("/v1/interventions/{id}/assign", "post", "200");
    for next in ["reassign", "return_to_queue", "cancel", "complete"] {
        assert_eq!(
            assigned[next]["parameters"]["If-Match"],
            "$response.header.ETag"
        );
    }
    let created = links("/v1/conversations", "post", "201");
    assert_eq!(
        created["assign"]["parameters"]["id"],
        "$response.body#/intervention/id"
    );
}
