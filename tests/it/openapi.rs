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
