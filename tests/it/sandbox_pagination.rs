//! Cursors neither skip nor repeat an item while others are inserted or change state.

use std::collections::HashSet;

use serde_json::json;

use crate::harness::{Sandbox, Workspace};

#[test]
fn paging_under_concurrent_inserts_and_moves() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let initial: Vec<String> = (0..120).map(|_| w.queued()).collect();
    let open_before: HashSet<String> = initial.iter().cloned().collect();

    let writer = {
        let (api, ids, bo) = (api.clone(), initial.clone(), w.bo.clone());
        let support = w.support.clone();
        std::thread::spawn(move || {
            for (n, id) in ids.iter().enumerate() {
                let action = if n % 3 == 0 { "cancel" } else { "assign" };
                let body = if action == "assign" {
                    json!({"agent": bo})
                } else {
                    json!({})
                };
                api.post(&format!("/v1/interventions/{id}/{action}"), body)
                    .expect(200);
                api.post(
                    "/v1/conversations",
                    json!({"key": format!("late-{n}"), "user": {"key": format!("late-{n}"), "name": "Late", "channel": "sms"},
                           "intervention": {"summary": "late", "department": support}}),
                )
                .expect(201);
            }
        })
    };

    for filter in ["", "&state=queued,assigned"] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let path = match &cursor {
                Some(c) => format!("/v1/interventions?limit=7{filter}&cursor={c}"),
                None => format!("/v1/interventions?limit=7{filter}"),
            };
            let page = api.get(&path).expect(200);
            seen.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_str().unwrap().to_owned()),
            );
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        let unique: HashSet<&String> = seen.iter().collect();
        assert_eq!(unique.len(), seen.len(), "no item repeated ({filter})");
        if filter.is_empty() {
            for id in &open_before {
                assert!(unique.contains(id), "{id} was skipped");
            }
        }
    }
    writer.join().unwrap();
    assert_eq!(api.all("/v1/interventions").len(), 240);
}

#[test]
fn history_pages_in_time_order_without_gaps() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let messages: Vec<_> = (0..25)
        .map(|i| json!({"sender": if i % 2 == 0 { "user" } else { "bot" }, "text": format!("m{i}"), "at": format!("2026-11-0{}T10:{:02}:00Z", 1 + i % 3, i)}))
        .collect();
    api.post("/v1/conversations", json!({"key": "c1", "user": {"key": "u1", "name": "Una", "channel": "teams"}, "messages": messages})).expect(201);
    api.post("/v1/conversations", json!({"key": "c2", "user": {"key": "u2", "name": "Two", "channel": "web"}, "messages": [{"sender": "user", "text": "other", "at": "2026-11-02T00:00:00Z"}]})).expect(201);
    let mut texts = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/v1/users/us_1/history?limit=4&cursor={c}"),
            None => "/v1/users/us_1/history?limit=4".to_owned(),
        };
        let page = api.get(&path).expect(200);
        for r in page["items"].as_array().unwrap() {
            assert_eq!(r["user"]["id"], "us_1");
            texts.push((
                r["at"].as_str().unwrap().to_owned(),
                r["text"].as_str().unwrap().to_owned(),
            ));
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(texts.len(), 25);
    let mut sorted = texts.clone();
    sorted.sort();
    assert_eq!(texts, sorted, "oldest first");
    let day2 = api.all("/v1/history?since=2026-11-02T00:00:00Z&until=2026-11-03T00:00:00Z");
    assert_eq!(day2.len(), 9, "8 of Una's and 1 of Two's on the 2nd");
}

/// `order=queued_at` pages the general queue as it is served, longest waiting first (ties by
/// id), whole or as refs, for an admin and for an agent, without skipping or repeating across
/// pages; the queued interventions alone (a returned one is queued again, at the back).
#[test]
fn the_queue_pages_longest_waiting_first() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    // Created in an order the waits do not follow; two share an instant.
    let waits = [
        "2026-11-20T10:05:00Z",
        "2026-11-20T10:01:00Z",
        "2026-11-20T10:03:00Z",
        "2026-11-20T10:01:00Z",
        "2026-11-20T09:59:00Z",
        "2026-11-20T10:04:00Z",
        "2026-11-20T10:02:00Z",
    ];
    let ids: Vec<String> = waits
        .iter()
        .enumerate()
        .map(|(n, at)| {
            admin
                .post(
                    "/v1/conversations",
                    json!({"key": format!("q-{n}"),
                           "user": {"key": format!("q-{n}"), "name": "Q", "channel": "web"},
                           "intervention": {"summary": "waiting", "department": w.support, "queued_at": at}}),
                )
                .expect(201)["intervention"]["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // One assigned (not in the queue), one assigned and returned (queued again, now).
    let assigned = w.in_state("assigned");
    admin
        .post(
            &format!("/v1/interventions/{}/assign", ids[6]),
            json!({"agent": w.bo}),
        )
        .expect(200);
    admin
        .post(&format!("/v1/interventions/{}/return", ids[6]), json!({}))
        .expect(200);
    let served: Vec<&String> = [4, 1, 3, 2, 5, 0, 6].iter().map(|&n| &ids[n]).collect();

    let bo = admin.with_token(&sandbox.home.token(Some(&w.bo)));
    for (who, api) in [("admin", &admin), ("bo", &bo)] {
        for list in ["/v1/interventions", "/v1/interventions/refs"] {
            let mut seen = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let mut path = format!("{list}?state=queued&order=queued_at&limit=2");
                if let Some(c) = &cursor {
                    path.push_str(&format!("&cursor={c}"));
                }
                let page = api.get(&path).expect(200);
                seen.extend(
                    page["items"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|i| i["id"].as_str().unwrap().to_owned()),
                );
                match page["next_cursor"].as_str() {
                    Some(c) => cursor = Some(c.to_owned()),
                    None => break,
                }
            }
            assert_eq!(seen.iter().collect::<Vec<_>>(), served, "{who}, {list}");
            assert!(!seen.contains(&assigned));
        }
    }

    // The order is the queue's alone, and each order's cursors are its own.
    let problem = admin
        .get("/v1/interventions?order=queued_at")
        .problem(400, "bad_request")
        .to_owned();
    assert!(
        problem.contains("order=queued_at lists the queued interventions alone: give state=queued"),
        "{problem}"
    );
    admin
        .get("/v1/interventions/refs?state=assigned&order=queued_at")
        .problem(400, "bad_request");
    admin
        .get("/v1/interventions?order=waiting")
        .problem(400, "bad_request");
    let by_id = admin
        .get("/v1/interventions?state=queued&limit=1")
        .expect(200)["next_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    let problem = admin
        .get(&format!(
            "/v1/interventions?state=queued&order=queued_at&cursor={by_id}"
        ))
        .problem(400, "bad_request")
        .to_owned();
    assert!(problem.contains("not valid for this list"), "{problem}");
}
