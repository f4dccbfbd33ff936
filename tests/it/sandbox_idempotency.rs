//! Idempotency-Key on every POST and If-Match on every action.

use std::sync::{Arc, Barrier};

use serde_json::json;

use crate::harness::{Api, Sandbox, Workspace};

#[test]
fn the_same_key_and_body_replays_without_acting_again() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let path = format!("/v1/interventions/{id}/assign");
    let key = [("Idempotency-Key", "run-1:assign:x")];
    let first = api.post_with(&path, json!({"agent": w.bo}), &key);
    assert_eq!(first.status, 200);
    assert_eq!(first.header("idempotent-replayed"), None);
    // Someone else moves it on meanwhile; the replay still answers what the first call did.
    api.post(
        &format!("/v1/interventions/{id}/reassign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    let again = api.post_with(&path, json!({"agent": w.bo}), &key);
    assert_eq!((again.status, &again.body), (200, &first.body));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.header("etag"), first.header("etag"));
    let assigned: Vec<_> = api
        .events_of(&id)
        .into_iter()
        .filter(|e| e["action"] == "assigned")
        .collect();
    assert_eq!(assigned.len(), 1, "the replay did not act");
    assert_eq!(assigned[0]["idempotency_key"], "run-1:assign:x");
    // The key belongs to its token: another agent's same key is a new request.
    let bo = api.with_token(&sandbox.home.token(Some(&w.bo)));
    let other = w.queued();
    bo.post_with(
        &format!("/v1/interventions/{other}/assign"),
        json!({"agent": w.bo}),
        &key,
    )
    .expect(200);
}

#[test]
fn the_same_key_with_another_body_is_refused() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let key = [("Idempotency-Key", "k-1")];
    api.post_with(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.bo}),
        &key,
    )
    .expect(200);
    let other_body = api.post_with(
        &format!("/v1/interventions/{id}/reassign"),
        json!({"agent": w.cy}),
        &key,
    );
    assert!(
        other_body
            .problem(422, "idempotency_conflict")
            .contains("k-1")
    );
    let other_agent = api.post_with(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.cy}),
        &key,
    );
    other_agent.problem(422, "idempotency_conflict");
    assert_eq!(api.intervention(&id)["owner"], w.bo.as_str());
    // Key order in the JSON body does not make it another request.
    let conv =
        json!({"key": "c", "user": {"key": "u", "name": "U", "channel": "web"}, "messages": []});
    let first = api
        .post_with(
            "/v1/conversations",
            conv.clone(),
            &[("Idempotency-Key", "conv")],
        )
        .expect(201);
    let reordered: serde_json::Value = serde_json::from_str(
        r#"{"messages": [], "user": {"channel": "web", "name": "U", "key": "u"}, "key": "c"}"#,
    )
    .unwrap();
    let replay = api.post_with(
        "/v1/conversations",
        reordered,
        &[("Idempotency-Key", "conv")],
    );
    assert_eq!((replay.status, replay.body), (201, first));
}

/// The writer finds stored answers through an index in its memory (`idempotency::Keys`): it
/// holds what was stored before the process started, and what another process serving the
/// same database stored meanwhile.
#[test]
fn an_answer_is_replayed_by_another_process_on_the_same_database_and_after_a_restart() {
    let mut first = Sandbox::start(&[]);
    let second = Sandbox::start_in(first.home.clone(), &[]);
    let (one, two) = (first.api(), second.api());
    let w = Workspace::new(&one);
    let (a, b) = (w.queued(), w.queued());
    let assign = |api: &Api, id: &str, agent: &str, key: &str| {
        api.post_with(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": agent}),
            &[("Idempotency-Key", key)],
        )
    };
    let stored = assign(&one, &a, &w.bo, "k-a");
    assert_eq!(
        (stored.status, stored.header("idempotent-replayed")),
        (200, None)
    );
    let again = assign(&two, &a, &w.bo, "k-a");
    assert_eq!((again.status, &again.body), (200, &stored.body));
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    // The other way round, after the first has written again.
    let stored_b = assign(&two, &b, &w.bo, "k-b");
    assert_eq!(stored_b.header("idempotent-replayed"), None);
    let again_b = assign(&one, &b, &w.bo, "k-b");
    assert_eq!((again_b.status, &again_b.body), (200, &stored_b.body));
    assert_eq!(again_b.header("idempotent-replayed"), Some("true"));
    // Another request with a key the other process stored is refused.
    assign(&one, &b, &w.cy, "k-b").problem(422, "idempotency_conflict");
    // A new process on the file knows every key from the start.
    first.kill();
    drop(second);
    let third = Sandbox::start_in(first.home.clone(), &[]);
    let api = third.api();
    for (id, key, body) in [(&a, "k-a", &stored.body), (&b, "k-b", &stored_b.body)] {
        let replay = assign(&api, id, &w.bo, key);
        assert_eq!((replay.status, &replay.body), (200, body));
        assert_eq!(replay.header("idempotent-replayed"), Some("true"));
        let assigned = api
            .events_of(id)
            .into_iter()
            .filter(|e| e["action"] == "assigned")
            .count();
        assert_eq!(assigned, 1, "{id} was assigned once");
    }
}

#[test]
fn a_key_still_running_gets_409() {
    // The latency fault holds each request for 800 ms, so the second one arrives while the first
    // is still running.
    let sandbox = Sandbox::start(&["--faults", "latency=800..800ms"]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (api, barrier, path, agent) = (
                api.clone(),
                barrier.clone(),
                format!("/v1/interventions/{id}/assign"),
                w.bo.clone(),
            );
            std::thread::spawn(move || {
                barrier.wait();
                api.post_with(
                    &path,
                    json!({"agent": agent}),
                    &[("Idempotency-Key", "same")],
                )
            })
        })
        .collect();
    let mut answers: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    answers.sort_by_key(|r| r.status);
    assert_eq!(answers[0].status, 200);
    answers[1].problem(409, "idempotency_conflict");
    assert!(answers[1].detail().contains("still being processed"));
    // Once the first is done the key replays.
    let replay = api.post_with(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.bo}),
        &[("Idempotency-Key", "same")],
    );
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
}

#[test]
fn creations_are_upserts_by_key() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let first = api.post("/v1/departments", json!({"key": "sales", "name": "Sales"}));
    assert_eq!(
        (first.status, first.header("upsert-result")),
        (201, Some("created"))
    );
    let same = api.post("/v1/departments", json!({"key": "sales", "name": "Sales"}));
    assert_eq!(
        (same.status, same.header("upsert-result")),
        (200, Some("unchanged"))
    );
    assert_eq!(same.body, first.body);
    let renamed = api.post(
        "/v1/departments",
        json!({"key": "sales", "name": "Sales EMEA"}),
    );
    assert_eq!(
        (renamed.status, renamed.header("upsert-result")),
        (200, Some("updated"))
    );
    assert_eq!(renamed.body["id"], first.body["id"]);
    assert_eq!(api.all("/v1/departments").len(), 1);

    let conversation = json!({
        "key": "conv-a",
        "user": {"key": "user-a", "name": "Ada", "email": "ada@example.com", "channel": "whatsapp"},
        "started_at": "2026-11-20T10:00:00Z",
        "messages": [
            {"sender": "user", "text": "hello", "at": "2026-11-20T10:00:00Z"},
            {"sender": "bot", "text": "hi"},
        ],
        "intervention": {"summary": "wants a human", "queued_at": "2026-11-20T10:01:00Z"},
    });
    let created = api.post("/v1/conversations", conversation.clone());
    assert_eq!(created.status, 201);
    let iv = created.body["intervention"].clone();
    assert_eq!(
        (iv["state"].as_str(), iv["queued_at"].as_str()),
        (Some("queued"), Some("2026-11-20T10:01:00.000Z"))
    );
    assert_eq!(iv["last_user_message_at"], "2026-11-20T10:00:00.000Z");
    let again = api.post("/v1/conversations", conversation);
    assert_eq!(
        (again.status, again.header("upsert-result")),
        (200, Some("unchanged"))
    );
    assert_eq!(again.body, created.body);
    assert_eq!(api.all("/v1/conversations").len(), 1);
    assert_eq!(api.all("/v1/interventions").len(), 1);
    assert_eq!(api.all("/v1/users").len(), 1);
    assert_eq!(api.all("/v1/audit").len(), 1, "one started event, not two");
    let conv = api
        .get(&format!(
            "/v1/conversations/{}",
            created.body["conversation_id"].as_str().unwrap()
        ))
        .expect(200);
    assert_eq!(
        conv["messages"][1]["at"], "2026-11-20T10:00:00.000Z",
        "a message without `at` follows the one before"
    );
}

#[test]
fn if_match_guards_every_action() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let v1 = api.get(&format!("/v1/interventions/{id}"));
    assert_eq!(v1.header("etag"), Some("\"1\""));
    api.post_with(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.bo}),
        &[("If-Match", "\"1\"")],
    )
    .expect(200);
    let now = api.intervention(&id);
    for (action, body) in [
        ("reassign", json!({"agent": w.cy})),
        ("return", json!({})),
        ("cancel", json!({})),
        ("complete", json!({"topic": w.topic, "outcome": w.outcome})),
        ("assign", json!({"agent": w.cy})),
    ] {
        let r = api.post_with(
            &format!("/v1/interventions/{id}/{action}"),
            body,
            &[("If-Match", "\"1\"")],
        );
        r.problem(412, "precondition_failed");
        assert_eq!(
            r.body["current"], now,
            "{action}: 412 carries the intervention as it is now"
        );
    }
    assert_eq!(api.intervention(&id), now, "nothing changed");
    api.post_with(
        &format!("/v1/interventions/{id}/return"),
        json!({}),
        &[("If-Match", "\"2\"")],
    )
    .expect(200);
}

/// A body that reads as the same request is the same request: `{"reason": null}` and no
/// reason at all were two (422 `idempotency_conflict` for a retry whose client writes its
/// nulls), as were a default written out and left out.
#[test]
fn a_body_that_reads_the_same_is_the_same_request() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let path = format!("/v1/interventions/{id}/assign");
    let key = [("Idempotency-Key", "k-null")];
    let first = api
        .post_with(&path, json!({"agent": w.bo}), &key)
        .expect(200);
    let again = api.post_with(&path, json!({"agent": w.bo, "reason": null}), &key);
    assert_eq!((again.status, again.body), (200, first));

    let key = [("Idempotency-Key", "k-agent")];
    let zed = json!({"key": "zed", "name": "Zed", "email": "zed@example.com"});
    let first = api.post_with("/v1/agents", zed, &key).expect(201);
    let written_out = json!({"key": "zed", "name": "Zed", "email": "zed@example.com",
        "role": "agent", "department": null});
    let again = api.post_with("/v1/agents", written_out, &key);
    assert_eq!((again.status, again.body), (201, first));
    // What does change the request still does.
    let other = json!({"key": "zed", "name": "Zed", "email": "zed@example.com", "role": "admin"});
    api.post_with("/v1/agents", other, &key)
        .problem(422, "idempotency_conflict");
}
