//! HTTP as clients expect it: conditional GETs, compression on request (never on the event
//! stream), the Bearer challenge, the stream's `retry:`, and one rule for fields a body does
//! not define, /v1/batch included.

use std::io::{BufRead, BufReader, Read};

use serde_json::{Value, json};

use crate::harness::{Api, Resp, Sandbox, Workspace};

fn get_with(api: &Api, path: &str, headers: &[(&str, &str)]) -> reqwest::blocking::Response {
    let mut request = api.request(reqwest::Method::GET, path);
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    request.send().expect("the sandbox answers")
}

fn etag(response: &reqwest::blocking::Response) -> String {
    response.headers()["etag"].to_str().unwrap().to_owned()
}

#[test]
fn if_none_match_is_answered_304_on_an_intervention_and_on_a_list() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let path = format!("/v1/interventions/{id}");

    // A single intervention: its ETag is its version.
    let first = get_with(&api, &path, &[]);
    assert_eq!(etag(&first), "\"1\"");
    for held in ["\"1\"", "W/\"1\"", "\"9\", \"1\"", "*"] {
        let again = get_with(&api, &path, &[("If-None-Match", held)]);
        assert_eq!(again.status(), 304, "If-None-Match: {held}");
        assert_eq!(etag(&again), "\"1\"");
        assert_eq!(again.text().unwrap(), "", "a 304 has no body");
    }
    api.post(&format!("{path}/assign"), json!({"agent": w.bo}))
        .expect(200);
    let changed = get_with(&api, &path, &[("If-None-Match", "\"1\"")]);
    assert_eq!(changed.status(), 200);
    assert_eq!(etag(&changed), "\"2\"");

    // A list: a weak tag of its content, which changes when the list does.
    let list = get_with(&api, "/v1/agents", &[]);
    let tag = etag(&list);
    assert!(tag.starts_with("W/\""), "{tag}");
    let same = get_with(&api, "/v1/agents", &[("If-None-Match", &tag)]);
    assert_eq!(same.status(), 304);
    assert_eq!(etag(&same), tag);
    api.post(
        "/v1/agents",
        json!({"key": "eve", "name": "Eve", "email": "eve@example.com"}),
    )
    .expect(201);
    let grown = get_with(&api, "/v1/agents", &[("If-None-Match", &tag)]);
    assert_eq!(grown.status(), 200);
    assert_ne!(etag(&grown), tag);

    // Nothing but a GET's JSON answer is conditional: an action ignores If-None-Match.
    let acted = api.post_with(
        &format!("{path}/return"),
        json!({}),
        &[("If-None-Match", "*")],
    );
    assert_eq!(acted.status, 200, "{}", acted.body);
}

#[test]
fn answers_are_compressed_when_asked_and_the_event_stream_never() {
    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let api = sandbox.api();

    let plain = get_with(&api, "/v1/interventions?limit=50", &[]);
    assert_eq!(plain.headers().get("content-encoding"), None);
    let plain: Value = plain.json().unwrap();

    let gzipped = get_with(
        &api,
        "/v1/interventions?limit=50",
        &[("Accept-Encoding", "gzip")],
    );
    assert_eq!(gzipped.headers()["content-encoding"], "gzip");
    let mut text = String::new();
    flate2::read::GzDecoder::new(gzipped)
        .read_to_string(&mut text)
        .unwrap();
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), plain);

    // Errors too are compressed only on request, and stay problem+json.
    let missing = get_with(
        &api,
        "/v1/interventions/iv_99999",
        &[("Accept-Encoding", "gzip")],
    );
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );

    // The stream asked for gzip is sent as it is, and its events arrive as they happen.
    // Where each stream starts: where it was asked to (before the first seq is the start),
    // or after the newest event.
    for (path, after) in [("/v1/events?after=3", "3"), ("/v1/events?after=-5", "0")] {
        let opened = get_with(&api, path, &[]);
        assert_eq!(opened.headers()["events-after"], after, "{path}");
    }
    let newest: i64 = get_with(&api, "/v1/events", &[]).headers()["events-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(newest > 3, "{newest}");
    let stream = get_with(&api, "/v1/events", &[("Accept-Encoding", "gzip")]);
    assert_eq!(stream.status(), 200);
    assert_eq!(stream.headers().get("content-encoding"), None);
    let mut lines = BufReader::new(stream).lines();
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "retry: 2000",
        "the stream opens with its reconnection delay"
    );
    let queued = api
        .get("/v1/interventions?state=queued&limit=1")
        .expect(200)["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.post(&format!("/v1/interventions/{queued}/cancel"), json!({}))
        .expect(200);
    // The stream has no end: reading it is bounded by the client's timeout, and this loop by
    // its count of lines.
    let event = lines
        .take(100)
        .map(|l| l.expect("the stream stays open"))
        .find_map(|l| l.strip_prefix("data:").map(str::to_owned))
        .expect("the event arrives");
    let event: Value = serde_json::from_str(event.trim()).unwrap();
    assert_eq!(
        (event["intervention_id"].as_str(), event["action"].as_str()),
        (Some(queued.as_str()), Some("cancelled"))
    );
}

#[test]
fn a_401_says_how_to_authenticate() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let no_token = api.send(api.http.get(format!("{}/v1/me", api.base)));
    no_token.problem(401, "unauthorized");
    assert_eq!(no_token.header("www-authenticate"), Some("Bearer"));
    let unknown = api.with_token("not-a-token").get("/v1/me");
    unknown.problem(401, "unauthorized");
    assert_eq!(
        unknown.header("www-authenticate"),
        Some("Bearer error=\"invalid_token\"")
    );
    let ok = api.get("/v1/me");
    assert_eq!(ok.status, 200);
    assert_eq!(ok.header("www-authenticate"), None);
}

fn batch(api: &Api, op: Value) -> Resp {
    api.post("/v1/batch", json!({"operations": [op]}))
}

#[test]
fn a_field_a_body_does_not_define_is_400_everywhere_and_a_missing_one_422() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let conversation = json!({"key": "b-1", "user": {"key": "b-u", "name": "B", "channel": "web"}, "intervention": {"summary": "s"}});
    api.post("/v1/conversations", conversation.clone())
        .expect(201);

    let unknown = [
        api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo, "colour": 1}),
        ),
        api.post(
            "/v1/departments",
            json!({"key": "d", "name": "D", "colour": 1}),
        ),
        api.post("/v1/batch", json!({"operations": [], "colour": 1})),
        batch(
            &api,
            json!({"op": "conversation", "body": conversation, "colour": 1}),
        ),
        batch(
            &api,
            json!({"op": "conversation", "body": {"key": "b-2", "colour": 1, "user": {"key": "b-u", "name": "B", "channel": "web"}}}),
        ),
        batch(
            &api,
            json!({"op": "action", "conversation": "b-1", "index": 0, "action": "assign", "body": {"agent": w.bo}, "colour": 1}),
        ),
        batch(
            &api,
            json!({"op": "action", "conversation": "b-1", "index": 0, "action": "assign", "body": {"agent": w.bo, "colour": 1}}),
        ),
    ];
    for r in &unknown {
        let detail = r.problem(400, "bad_request");
        assert!(detail.contains("unknown field `colour`"), "{detail}");
    }
    // A query's bad value is named once, by its field, with the words it may be.
    for list in ["/v1/interventions", "/v1/interventions/refs"] {
        let bad = api.get(&format!("{list}?state=open"));
        assert_eq!(
            bad.problem(400, "bad_request"),
            "the query string is not valid: state: `open` is not one of: queued, assigned, completed, cancelled"
        );
    }

    let missing = [
        api.post(&format!("/v1/interventions/{id}/assign"), json!({})),
        api.post("/v1/departments", json!({"name": "D"})),
        batch(
            &api,
            json!({"op": "action", "conversation": "b-1", "index": 0, "action": "assign", "body": {}}),
        ),
        batch(
            &api,
            json!({"op": "action", "index": 0, "action": "cancel"}),
        ),
    ];
    for r in &missing {
        let detail = r.problem(422, "validation_failed");
        assert!(detail.contains("missing field"), "{detail}");
    }
    // Nothing was acted on.
    assert_eq!(api.intervention(&id)["version"], 1);
}

#[test]
fn a_batch_index_is_any_json_number_without_a_fraction() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let created = api
        .post(
            "/v1/conversations",
            json!({"key": "f-1", "user": {"key": "f-u", "name": "F", "channel": "web"}, "intervention": {"summary": "s"}}),
        )
        .expect(201);
    let id = created["intervention"]["id"].as_str().unwrap().to_owned();
    let assign = |index: Value| {
        batch(
            &api,
            json!({"op": "action", "conversation": "f-1", "index": index, "action": "assign", "body": {"agent": w.bo}}),
        )
    };
    for refused in [json!(0.5), json!(-1), json!(4294967296_u64), json!("0")] {
        assign(refused.clone()).problem(400, "bad_request");
    }
    assert_eq!(api.intervention(&id)["state"], "queued");
    let applied = assign(json!(0.0)).expect(200);
    assert_eq!(applied["results"][0]["result"], "applied");
    // The same place in its life, written as an integer, is taken: the batch is not run twice.
    let again = assign(json!(0)).expect(200);
    assert_eq!(again["results"][0]["result"], "skipped");
    assert_eq!(api.intervention(&id)["owner"], w.bo.as_str());
}

#[test]
fn preconditions_and_resumptions_take_only_what_the_document_allows() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let assign = format!("/v1/interventions/{id}/assign");
    for bad in ["\"01\"", "\"0\"", "W/\"1\"", "\"1000000000000000000\""] {
        api.post_with(&assign, json!({"agent": w.bo}), &[("If-Match", bad)])
            .problem(400, "bad_request");
    }
    for bad in ["-1", "+1", "01", "1.0"] {
        let r = api.send(
            api.http
                .get(format!("{}/v1/events", api.base))
                .bearer_auth(&api.token)
                .header("Last-Event-ID", bad),
        );
        r.problem(400, "bad_request");
    }
    api.post_with(&assign, json!({"agent": w.bo}), &[("If-Match", "\"1\"")])
        .expect(200);
}
