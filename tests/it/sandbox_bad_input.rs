//! Bad input gets the right 4xx and a problem that names it; none is a 500, none changes anything.

use serde_json::{Value, json};

use crate::harness::{Api, Sandbox, Workspace};

/// Everything a refused request could have changed.
fn snapshot(api: &Api) -> (Vec<Value>, usize, usize) {
    (
        api.all("/v1/interventions"),
        api.all("/v1/audit").len(),
        api.all("/v1/agents").len(),
    )
}

#[test]
fn bad_bodies_headers_ids_and_queries_are_refused_without_change() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let before = snapshot(&api);
    let reassign = format!("/v1/interventions/{id}/reassign");
    let raw = |path: &str, body: &str, headers: &[(&str, &str)]| {
        let mut request = api
            .request(reqwest::Method::POST, path)
            .header("content-type", "application/json")
            .body(body.to_owned());
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        api.send(request)
    };

    // (request, status, code, a word the detail must hold)
    let cases: Vec<(crate::harness::Resp, u16, &str, &str)> = vec![
        (raw(&reassign, "{\"agent\": ", &[]), 400, "bad_request", "not valid JSON"),
        (raw(&reassign, "<html>", &[]), 400, "bad_request", "not valid JSON"),
        (raw(&reassign, &json!({"agent": w.cy, "extra": 1}).to_string(), &[]), 400, "bad_request", "unknown field `extra`"),
        (raw(&reassign, &json!({"agent": 7}).to_string(), &[]), 400, "bad_request", "invalid type"),
        (raw(&reassign, "[]", &[]), 400, "bad_request", "must be a JSON object, not an array"),
        (raw(&reassign, "{}", &[]), 422, "validation_failed", "missing field `agent`"),
        (raw(&reassign, &format!("{{\"agent\": \"{}\", \"reason\": \"{}\"}}", w.cy, "x".repeat(1024 * 1024)), &[]), 413, "bad_request", "larger than"),
        (raw(&reassign, &json!({"agent": "ag_999"}).to_string(), &[]), 422, "validation_failed", "ag_999"),
        (raw(&reassign, &json!({"agent": "bo"}).to_string(), &[]), 422, "validation_failed", "`bo`"),
        (raw(&reassign, &json!({"agent": w.cy, "reason": "r".repeat(501)}).to_string(), &[]), 422, "validation_failed", "reason"),
        (raw("/v1/interventions/iv_999/return", "{}", &[]), 404, "not_found", "iv_999"),
        (raw("/v1/interventions/ag_1/return", "{}", &[]), 404, "not_found", "ag_1"),
        (raw("/v1/interventions/1%20OR%201=1/return", "{}", &[]), 404, "not_found", "OR 1=1"),
        (raw(&reassign, &json!({"agent": w.cy}).to_string(), &[("If-Match", "1")]), 400, "bad_request", "If-Match"),
        (raw(&reassign, &json!({"agent": w.cy}).to_string(), &[("If-Match", "\"one\"")]), 400, "bad_request", "If-Match"),
        (raw(&reassign, &json!({"agent": w.cy}).to_string(), &[("Idempotency-Key", &"k".repeat(300))]), 400, "bad_request", "Idempotency-Key"),
        (raw("/v1/departments", &json!({"key": "", "name": "X"}).to_string(), &[]), 422, "validation_failed", "key"),
        (raw("/v1/agents", &json!({"key": "z", "name": "Z", "email": "not-an-email"}).to_string(), &[]), 422, "validation_failed", "email"),
        (raw("/v1/agents", &json!({"key": "z", "name": "Z", "email": "bo@example.com"}).to_string(), &[]), 422, "validation_failed", "already belongs"),
        (raw("/v1/agents", &json!({"key": "z", "name": "Z", "email": "z@example.com", "role": "boss"}).to_string(), &[]), 400, "bad_request", "boss"),
        // A key a command line reads as something else: the agent could not be named by it.
        (raw("/v1/agents", &json!({"key": "me", "name": "Z", "email": "z@example.com"}).to_string(), &[]), 422, "validation_failed", "key `me` is read as the caller where agents are named"),
        (raw("/v1/agents", &json!({"key": "ag_1", "name": "Z", "email": "z@example.com"}).to_string(), &[]), 422, "validation_failed", "key `ag_1` has the shape of agent ids"),
        (raw("/v1/agents", &json!({"key": "z@example.com", "name": "Z", "email": "z@example.com"}).to_string(), &[]), 422, "validation_failed", "read as an email"),
        (raw("/v1/blocks", &json!({"key": "none", "name": "Z"}).to_string(), &[]), 422, "validation_failed", "key `none` is read as no block"),
        (raw("/v1/topics", &json!({"key": "tp_9", "name": "Z"}).to_string(), &[]), 422, "validation_failed", "tp_9"),
        (raw("/v1/conversations", &json!({"key": "c", "user": {"key": "u", "name": "U", "channel": "fax"}}).to_string(), &[]), 400, "bad_request", "fax"),
        (raw("/v1/conversations", &json!({"key": "c", "user": {"key": "u", "name": "U", "channel": "web"}, "started_at": "yesterday"}).to_string(), &[]), 400, "bad_request", "started_at"),
        (raw("/v1/conversations", &json!({"key": "c", "user": {"key": "u", "name": "U", "channel": "web"}, "messages": [{"sender": "agent", "text": "hi"}]}).to_string(), &[]), 422, "validation_failed", "messages[0].agent"),
        (raw("/v1/conversations", &json!({"key": "c", "user": {"key": "u", "name": "U", "channel": "web"}, "intervention": {"summary": "s", "department": "dp_99"}}).to_string(), &[]), 422, "validation_failed", "dp_99"),
        (api.get("/v1/interventions?limit=0"), 400, "bad_request", "limit"),
        (api.get("/v1/interventions?limit=1001"), 400, "bad_request", "limit"),
        (api.get("/v1/interventions?limit=-1"), 400, "bad_request", "limit"),
        (api.get("/v1/interventions?limit=ten"), 400, "bad_request", "limit"),
        (api.get("/v1/interventions?cursor=bm90LWEtY3Vyc29y"), 400, "bad_request", "cursor"),
        (api.get(&format!("/v1/audit?cursor={}", api.get("/v1/agents?limit=1").body["next_cursor"].as_str().unwrap())), 400, "bad_request", "cursor"),
        (api.get("/v1/interventions?state=queued'%20OR%20'1'='1"), 400, "bad_request", "state"),
        (api.get("/v1/interventions?state=open"), 400, "bad_request", "queued, assigned, completed, cancelled"),
        (api.get("/v1/interventions?owner=ag_1;DROP%20TABLE%20events"), 400, "bad_request", "owner"),
        (api.get("/v1/interventions?owner=ag_999"), 422, "validation_failed", "ag_999"),
        (api.get("/v1/interventions?department=1%20OR%201=1"), 400, "bad_request", "department"),
        (api.get("/v1/interventions?tag=x')%20OR%20('1'='1"), 400, "bad_request", "tag"),
        (api.get("/v1/interventions?queued_before=1;DELETE"), 400, "bad_request", "queued_before"),
        (api.get("/v1/interventions?sort=id"), 400, "bad_request", "sort"),
        (api.get("/v1/audit?intervention_id=iv_1%20OR%201=1"), 400, "bad_request", "intervention_id"),
        (api.get("/v1/history?since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z"), 400, "bad_request", "before"),
        (api.get("/v1/users/us_999/history"), 404, "not_found", "us_999"),
        (api.get("/v1/agents/zz"), 404, "not_found", "zz"),
        // A path that takes no query refuses one, as the lists do: it was ignored.
        (api.get("/v1/me?x=1"), 400, "bad_request", "takes no query parameters"),
        (api.get("/v1/queues?limit=5"), 400, "bad_request", "leave out `?limit=5`"),
        (api.get(&format!("/v1/interventions/{id}?x=1")), 400, "bad_request", "takes no query"),
        (api.get("/v1/users/us_1?x=1"), 400, "bad_request", "takes no query"),
        (api.get("/v1/agents/ag_1?x=1"), 400, "bad_request", "takes no query"),
        // An unknown id is still 404 first: a platform without a path answers so.
        (api.get("/v1/interventions/iv_999?x=1"), 404, "not_found", "iv_999"),
        (api.get("/v1/nothing"), 404, "not_found", "/v1/nothing"),
        (api.send(api.request(reqwest::Method::DELETE, &format!("/v1/interventions/{id}"))), 405, "method_not_allowed", "DELETE"),
        (api.send(api.http.get(format!("{}/v1/events", api.base)).bearer_auth(&api.token).header("Last-Event-ID", "x")), 400, "bad_request", "Last-Event-ID"),
    ];
    for (r, status, code, word) in &cases {
        let detail = r.problem(*status, code);
        assert!(
            detail.contains(word),
            "the detail `{detail}` should name `{word}`"
        );
    }
    assert_eq!(
        snapshot(&api),
        before,
        "no refused request changed anything"
    );
}

#[test]
fn valid_free_text_filters_match_nothing_rather_than_fail() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    api.post(
        &format!("/v1/interventions/{id}/complete"),
        json!({"topic": w.topic, "outcome": w.outcome, "tags": ["billing-2"]}),
    )
    .expect(200);
    let page = api.get("/v1/interventions?tag=Billing-2").expect(200);
    assert_eq!(
        page["items"].as_array().unwrap().len(),
        1,
        "tags match after trimming and lower-casing"
    );
    let none = api.get("/v1/interventions?tag=unused").expect(200);
    assert_eq!(none, json!({"items": [], "next_cursor": null}));
}

/// An incomplete body (422) is refused after what the intervention itself refuses, in the
/// contract's order (404, 403, 412, 409, then 422): a missing field was answered first, before
/// an unknown id, a stale If-Match and a state that allows no such action (hostile-input check).
#[test]
fn an_incomplete_body_is_refused_after_the_interventions_own_checks() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = w.queued();
    let assigned = w.in_state("assigned");
    let before = snapshot(&api);
    let post =
        |path: &str, body: Value, headers: &[(&str, &str)]| api.post_with(path, body, headers);
    let cases = [
        (
            post(
                "/v1/interventions/iv_999/complete",
                json!({"topic": "x"}),
                &[],
            ),
            404,
            "not_found",
        ),
        (
            post(
                &format!("/v1/interventions/{queued}/assign"),
                json!({}),
                &[("If-Match", "\"7\"")],
            ),
            412,
            "precondition_failed",
        ),
        (
            post(
                &format!("/v1/interventions/{queued}/complete"),
                json!({"topic": "x"}),
                &[],
            ),
            409,
            "invalid_transition",
        ),
        // When all of those pass, the body's own refusal.
        (
            post(
                &format!("/v1/interventions/{assigned}/complete"),
                json!({"topic": "x"}),
                &[],
            ),
            422,
            "validation_failed",
        ),
        (
            post(
                &format!("/v1/interventions/{queued}/assign"),
                json!({}),
                &[],
            ),
            422,
            "validation_failed",
        ),
    ];
    for (answer, status, code) in &cases {
        answer.problem(*status, code);
    }
    assert_eq!(snapshot(&api), before, "nothing changed");
}
