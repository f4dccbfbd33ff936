//! Group commit changes no answer: writes that arrive together commit together, each refused or
//! failed write is answered alone and leaves the others committed, a group that cannot commit
//! answers all its writes 5xx and the sandbox goes on, and the token cache never outlives a
//! change of role.

use std::collections::HashMap;
use std::sync::{Arc, Barrier};

use serde_json::{Value, json};

use crate::harness::{Api, Resp, Sandbox, Workspace};

/// Runs `requests` at once, one thread each, and returns their answers in order.
fn at_once(api: &Api, requests: Vec<(String, Value, Option<String>)>) -> Vec<Resp> {
    let barrier = Arc::new(Barrier::new(requests.len()));
    let handles: Vec<_> = requests
        .into_iter()
        .map(|(path, body, key)| {
            let (api, barrier) = (api.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                match key {
                    Some(key) => api.post_with(&path, body, &[("Idempotency-Key", &key)]),
                    None => api.post(&path, body),
                }
            })
        })
        .collect();
    handles
        .into_iter()
        .map(|h| h.join().expect("request thread"))
        .collect()
}

fn queue_count(api: &Api, agent: &str) -> i64 {
    let queues = api.get("/v1/queues").expect(200);
    queues["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["agent"] == agent)
        .map_or(0, |q| q["count"].as_i64().unwrap())
}

#[test]
fn refused_writes_among_many_leave_the_others_committed() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..24).map(|_| w.queued()).collect();
    // Each intervention is assigned twice at once, to Bo and to Cy: one wins, the other is
    // refused by the state machine (409) in the same moment, very likely in the same group.
    // Requests that are refused earlier (404, 412, 422) are mixed in.
    let mut requests = Vec::new();
    for id in &ids {
        for agent in [&w.bo, &w.cy] {
            requests.push((
                format!("/v1/interventions/{id}/assign"),
                json!({"agent": agent}),
                None,
            ));
        }
    }
    for (n, id) in ids.iter().take(6).enumerate() {
        requests.push((
            format!("/v1/interventions/iv_{}/assign", 900_000 + n),
            json!({"agent": w.bo}),
            None,
        ));
        requests.push((
            format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.dan_inactive}),
            None,
        ));
    }
    let answers = at_once(&api, requests);

    let mut winners: HashMap<&str, Vec<&Resp>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        let pair = [&answers[2 * i], &answers[2 * i + 1]];
        let won: Vec<&Resp> = pair.iter().copied().filter(|r| r.status == 200).collect();
        assert_eq!(won.len(), 1, "{id}: exactly one assign wins: {pair:?}");
        let lost = pair.iter().find(|r| r.status != 200).unwrap();
        lost.problem(409, "invalid_transition");
        winners.entry(id).or_default().push(won[0]);
    }
    for r in &answers[2 * ids.len()..] {
        match r.status {
            404 => assert_eq!(r.code(), "not_found"),
            // The inactive target is refused whether or not the intervention was taken first.
            409 => assert_eq!(r.code(), "invalid_transition"),
            422 => assert_eq!(r.code(), "validation_failed"),
            _ => panic!("a refusal was expected: {r:?}"),
        }
    }

    // Every answered write is there, as answered, and nothing else.
    let mut owned: HashMap<String, i64> = HashMap::new();
    for (id, won) in &winners {
        let answer = &won[0].body;
        assert_eq!(&api.intervention(id), answer, "{id} reads as answered");
        *owned
            .entry(answer["owner"].as_str().unwrap().to_owned())
            .or_default() += 1;
        let events = api.events_of(id);
        let assigned = events.iter().filter(|e| e["action"] == "assigned").count();
        assert_eq!(assigned, 1, "{id}: one assigned event");
    }
    assert_eq!(api.all("/v1/audit?action=assigned").len(), ids.len());
    // The kept queue sizes agree with what was committed.
    for agent in [&w.bo, &w.cy] {
        assert_eq!(
            queue_count(&api, agent),
            owned.get(agent.as_str()).copied().unwrap_or(0)
        );
    }
    assert_eq!(api.get("/v1/queues").expect(200)["general"]["count"], 0);
}

/// Each test hook key in `LIVECTL_SANDBOX_WRITE_FAULTS` fails the write that carries it.
const FAULTS: &str = "panic=write-panics,commit=group-fails";

#[test]
fn a_write_that_panics_is_answered_500_alone() {
    let sandbox = Sandbox::start_env(&[], &[("LIVECTL_SANDBOX_WRITE_FAULTS", FAULTS)]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..12).map(|_| w.queued()).collect();
    let requests = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let key = if n == 5 {
                "write-panics".to_owned()
            } else {
                format!("fine-{n}")
            };
            (
                format!("/v1/interventions/{id}/assign"),
                json!({"agent": w.bo}),
                Some(key),
            )
        })
        .collect();
    let answers = at_once(&api, requests);
    for (n, (id, r)) in ids.iter().zip(&answers).enumerate() {
        if n == 5 {
            r.problem(500, "internal");
            let iv = api.intervention(id);
            assert_eq!(iv["state"], "queued", "nothing of the failed write is kept");
            assert!(api.events_of(id).iter().all(|e| e["action"] != "assigned"));
        } else {
            assert_eq!(r.status, 200, "{id}: {r:?}");
            assert_eq!(&api.intervention(id), &r.body);
        }
    }
    assert_eq!(queue_count(&api, &w.bo), 11);
    // The sandbox goes on: the failed intervention can be assigned with another key.
    api.post_with(
        &format!("/v1/interventions/{}/assign", ids[5]),
        json!({"agent": w.bo}),
        &[("Idempotency-Key", "after-the-panic")],
    )
    .expect(200);
    assert_eq!(queue_count(&api, &w.bo), 12);
}

#[test]
fn a_group_that_cannot_commit_answers_5xx_and_the_next_commits() {
    let sandbox = Sandbox::start_env(&[], &[("LIVECTL_SANDBOX_WRITE_FAULTS", FAULTS)]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..16).map(|_| w.queued()).collect();
    let requests = ids
        .iter()
        .enumerate()
        .map(|(n, id)| {
            let key = if n == 7 {
                "group-fails".to_owned()
            } else {
                format!("fine-{n}")
            };
            (
                format!("/v1/interventions/{id}/assign"),
                json!({"agent": w.cy}),
                Some(key),
            )
        })
        .collect();
    let answers = at_once(&api, requests);
    // Whatever shared the failing write's group failed with it; every write answered 200 is
    // committed and every write answered 5xx left nothing.
    answers[7].problem(500, "internal");
    let mut committed = 0;
    for (id, r) in ids.iter().zip(&answers) {
        let iv = api.intervention(id);
        match r.status {
            200 => {
                committed += 1;
                assert_eq!(&iv, &r.body, "{id} reads as answered");
            }
            500 => {
                assert_eq!(r.code(), "internal");
                assert_eq!(iv["state"], "queued", "{id}: nothing kept");
                assert!(api.events_of(id).iter().all(|e| e["action"] != "assigned"));
            }
            _ => panic!("{id}: 200 or 500 expected: {r:?}"),
        }
    }
    assert_eq!(queue_count(&api, &w.cy), committed);
    assert_eq!(api.all("/v1/audit?action=assigned").len() as i64, committed);
    // The next writes commit, including a retry of those that failed (with their keys, which
    // the failed group did not keep).
    for (n, (id, r)) in ids.iter().zip(&answers).enumerate() {
        if r.status == 500 && n != 7 {
            api.post_with(
                &format!("/v1/interventions/{id}/assign"),
                json!({"agent": w.cy}),
                &[("Idempotency-Key", &format!("fine-{n}"))],
            )
            .expect(200);
        }
    }
    assert_eq!(queue_count(&api, &w.cy), 15);
}

#[test]
fn a_changed_role_takes_effect_on_the_next_request() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ana = api.with_token(&sandbox.home.token_in(&sandbox.db, Some("ana")));
    let bo = api.with_token(&sandbox.home.token_in(&sandbox.db, Some("bo")));
    let agent = |key: &str, name: &str, role: &str| {
        api.post(
            "/v1/agents",
            json!({"key": key, "name": name, "email": format!("{key}@example.com"), "role": role, "department": w.support}),
        )
        .expect(200);
    };
    // Ana is an admin, and her token is remembered as such (a read and a write).
    ana.get("/v1/audit").expect(200);
    ana.post(
        &format!("/v1/interventions/{}/cancel", w.queued()),
        json!({}),
    )
    .expect(200);
    bo.get("/v1/me").expect(200);
    // Demoted: her next write and her next read are an agent's.
    agent("ana", "Ana Lima", "agent");
    ana.post(
        &format!("/v1/interventions/{}/cancel", w.queued()),
        json!({}),
    )
    .problem(403, "forbidden");
    assert_eq!(ana.get("/v1/me").expect(200)["role"], "agent");
    // Bo promoted: his next write is an admin's.
    agent("bo", "Bo Chen", "admin");
    bo.post(
        &format!("/v1/interventions/{}/cancel", w.queued()),
        json!({}),
    )
    .expect(200);
    // And back again.
    agent("bo", "Bo Chen", "agent");
    bo.post(
        &format!("/v1/interventions/{}/cancel", w.queued()),
        json!({}),
    )
    .problem(403, "forbidden");
}

/// A write alone in its group runs without a savepoint: refused, it keeps nothing of what it
/// did before the refusal, and the next write commits.
#[test]
fn a_write_alone_that_is_refused_keeps_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let conversation = json!({"key": "alone-1", "user": {"key": "alone-u", "name": "A", "channel": "web"},
        "intervention": {"summary": "s"}});
    let refused = api.post(
        "/v1/batch",
        json!({"operations": [
            {"op": "conversation", "body": conversation},
            {"op": "action", "conversation": "no-such-conversation", "index": 0, "action": "cancel", "body": {}},
        ]}),
    );
    let detail = refused.problem(422, "validation_failed");
    assert!(detail.contains("operations[1]"), "{detail}");
    // The conversation of the first operation was not kept: creating it now creates it.
    let created = api.post("/v1/conversations", conversation);
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.header("upsert-result"), Some("created"));
}
