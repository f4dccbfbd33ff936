//! Every action from every state: the allowed moves of DESIGN.md section 3 and a 409 with the
//! intervention as it is now for every other.

use serde_json::{Value, json};

use crate::harness::{Sandbox, Workspace};

const STATES: [&str; 4] = ["queued", "assigned", "completed", "cancelled"];

fn body(w: &Workspace, action: &str) -> Value {
    match action {
        "assign" => json!({"agent": w.cy}),
        "reassign" => json!({"agent": w.cy, "reason": "Cy knows this customer"}),
        "return" | "cancel" => json!({"reason": "testing"}),
        "complete" => {
            json!({"topic": w.topic, "outcome": w.outcome, "tags": [" VIP ", "login"], "block": w.block})
        }
        _ => unreachable!(),
    }
}

/// The state each action leads to from each state, or None when the move is refused.
fn expected(action: &str, from: &str) -> Option<&'static str> {
    match (action, from) {
        ("assign", "queued") => Some("assigned"),
        ("reassign", "assigned") => Some("assigned"),
        ("return", "assigned") => Some("queued"),
        ("cancel", "queued" | "assigned") => Some("cancelled"),
        ("complete", "assigned") => Some("completed"),
        _ => None,
    }
}

fn event_name(action: &str) -> &'static str {
    match action {
        "assign" => "assigned",
        "reassign" => "reassigned",
        "return" => "returned",
        "cancel" => "cancelled",
        "complete" => "completed",
        _ => unreachable!(),
    }
}

#[test]
fn every_action_from_every_state() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for action in ["assign", "reassign", "return", "cancel", "complete"] {
        for from in STATES {
            let id = w.in_state(from);
            let before = api.intervention(&id);
            let events_before = api.events_of(&id).len();
            let r = api.post(
                &format!("/v1/interventions/{id}/{action}"),
                body(&w, action),
            );
            match expected(action, from) {
                Some(to) => {
                    assert_eq!(r.status, 200, "{action} from {from}: {}", r.body);
                    assert_eq!(r.body["state"], to, "{action} from {from}");
                    assert_eq!(r.body["version"], before["version"].as_i64().unwrap() + 1);
                    assert_eq!(
                        r.header("etag"),
                        Some(format!("\"{}\"", r.body["version"]).as_str())
                    );
                    assert_eq!(
                        api.intervention(&id),
                        r.body,
                        "the answer is the intervention as it now is"
                    );
                    let events = api.events_of(&id);
                    assert_eq!(
                        events.len(),
                        events_before + 1,
                        "exactly one event per change"
                    );
                    assert_eq!(events.last().unwrap()["action"], event_name(action));
                }
                None => {
                    r.problem(409, "invalid_transition");
                    assert_eq!(
                        r.body["current"], before,
                        "{action} from {from}: 409 carries the current intervention"
                    );
                    assert_eq!(
                        api.intervention(&id),
                        before,
                        "a refused move changes nothing"
                    );
                    assert_eq!(
                        api.events_of(&id).len(),
                        events_before,
                        "a refused move writes no event"
                    );
                }
            }
        }
    }
}

#[test]
fn actions_record_owners_reasons_and_the_wrap_up() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let moved = api
        .post(
            &format!("/v1/interventions/{id}/reassign"),
            json!({"agent": w.cy, "reason": "shift change"}),
        )
        .expect(200);
    assert_eq!(moved["owner"], w.cy.as_str());
    let done = api
        .post(&format!("/v1/interventions/{id}/complete"), json!({"topic": w.topic, "outcome": w.outcome, "tags": [" VIP ", "Login", "vip"], "block": w.block}))
        .expect(200);
    assert_eq!(
        done["tags"],
        json!(["vip", "login"]),
        "tags are trimmed, lower-cased and kept once"
    );
    let admin = api.get("/v1/me").expect(200)["id"].clone();
    assert_eq!(
        done["completion"],
        json!({"topic": w.topic, "outcome": w.outcome, "tags": ["vip", "login"], "block": w.block, "completed_by": admin})
    );
    assert!(done["closed_at"].is_string());
    let events: Vec<(String, Value, Value, Value)> = api
        .events_of(&id)
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["from_owner"].clone(),
                e["to_owner"].clone(),
                e["reason"].clone(),
            )
        })
        .collect();
    assert_eq!(
        events,
        vec![
            ("started".into(), Value::Null, Value::Null, Value::Null),
            ("assigned".into(), Value::Null, json!(w.bo), Value::Null),
            (
                "reassigned".into(),
                json!(w.bo),
                json!(w.cy),
                json!("shift change")
            ),
            ("completed".into(), json!(w.cy), json!(w.cy), Value::Null),
        ]
    );

    let returned = w.in_state("assigned");
    let back = api
        .post(&format!("/v1/interventions/{returned}/return"), json!({}))
        .expect(200);
    assert_eq!(
        (
            back["state"].as_str(),
            back["owner"].as_str(),
            back["assigned_at"].as_str()
        ),
        (Some("queued"), None, None)
    );
}

#[test]
fn reassign_refuses_the_current_owner_and_inactive_or_unknown_agents() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let path = format!("/v1/interventions/{id}/reassign");
    api.post(&path, json!({"agent": w.bo}))
        .problem(409, "invalid_transition");
    let detail = api
        .post(&path, json!({"agent": w.dan_inactive}))
        .problem(422, "validation_failed")
        .to_owned();
    assert!(detail.contains("inactive"), "{detail}");
    api.post(&path, json!({"agent": "ag_999"}))
        .problem(422, "validation_failed");
    let queued = w.queued();
    api.post(
        &format!("/v1/interventions/{queued}/assign"),
        json!({"agent": w.dan_inactive}),
    )
    .problem(422, "validation_failed");
    assert_eq!(
        api.events_of(&id).len(),
        2,
        "nothing refused wrote an event"
    );
}

#[test]
fn complete_checks_the_catalog() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let path = format!("/v1/interventions/{id}/complete");
    for (body, names) in [
        (json!({"topic": "tp_999", "outcome": w.outcome}), "tp_999"),
        (json!({"topic": w.topic, "outcome": "oc_999"}), "oc_999"),
        (
            json!({"topic": w.topic, "outcome": w.outcome, "block": "bk_999"}),
            "bk_999",
        ),
        (
            json!({"topic": w.outcome, "outcome": w.outcome}),
            w.outcome.as_str(),
        ),
        (
            json!({"topic": w.topic, "outcome": w.outcome, "tags": ["a;b'"]}),
            ";",
        ),
    ] {
        let r = api.post(&path, body);
        let detail = r.problem(422, "validation_failed");
        assert!(detail.contains(names), "{detail} should name {names}");
    }
    let missing = api.post(&path, json!({"topic": w.topic}));
    assert!(
        missing
            .problem(422, "validation_failed")
            .contains("outcome")
    );
    assert_eq!(api.intervention(&id)["state"], "assigned");
}
