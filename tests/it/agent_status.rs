//! Agents' capacity (`max_load`) and status: set through the API and `livectl status`, each
//! change an event on the stream; the sandbox never lets an agent pass its capacity.

use serde_json::json;

use crate::harness::{Sandbox, Workspace};
use crate::sandbox_events::Stream;

#[test]
fn a_status_change_is_an_event_on_the_stream_with_who_from_to_and_when() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bo_token = sandbox.home.token_in(&sandbox.db, Some(&w.bo));
    let bo = api.with_token(&bo_token);
    let queued = w.queued();
    let seq = api.all("/v1/audit").last().unwrap()["seq"]
        .as_i64()
        .unwrap();
    let mut stream = Stream::open(&api, Some(seq));

    // An agent sets its own status; the same status again changes nothing.
    let agent = bo
        .post(
            &format!("/v1/agents/{}/status", w.bo),
            json!({"status": "away"}),
        )
        .expect(200);
    assert_eq!(agent["status"], "away");
    bo.post(
        &format!("/v1/agents/{}/status", w.bo),
        json!({"status": "away"}),
    )
    .expect(200);
    // Not another's; an admin sets anyone's, with a reason.
    let refused = bo.post(
        &format!("/v1/agents/{}/status", w.cy),
        json!({"status": "offline"}),
    );
    assert!(refused.problem(403, "forbidden").contains("only an admin"));
    api.post(
        &format!("/v1/agents/{}/status", w.bo),
        json!({"status": "offline", "reason": "went home"}),
    )
    .expect(200);
    // Status events share the stream's seq with the interventions' events.
    api.post(
        &format!("/v1/interventions/{queued}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);

    let (first, away) = stream.next();
    assert_eq!(first, seq + 1);
    assert_eq!(
        (&away["agent"], &away["actor"], &away["from"], &away["to"]),
        (&json!(w.bo), &json!(w.bo), &json!("online"), &json!("away"))
    );
    assert!(away["at"].is_string());
    let (second, offline) = stream.next();
    assert_eq!(second, seq + 2);
    assert_eq!(offline["actor"], json!("ag_1"));
    assert_eq!(offline["reason"], "went home");
    let (third, assigned) = stream.next();
    assert_eq!(third, seq + 3);
    assert_eq!(assigned["action"], "assigned");

    // `status_since` is when it changed; the stream resumes across both kinds.
    let agent = api.get(&format!("/v1/agents/{}", w.bo)).expect(200);
    assert_eq!(agent["status"], "offline");
    assert_eq!(agent["status_since"], offline["at"]);
    let mut resumed = Stream::open(&api, Some(seq + 1));
    assert_eq!(resumed.next().0, seq + 2);

    // A status that is not one is named with the valid ones.
    let bad = api.post(
        &format!("/v1/agents/{}/status", w.bo),
        json!({"status": "busy"}),
    );
    assert!(bad.problem(400, "bad_request").contains("online"));
}

#[test]
fn livectl_status_shows_and_sets_an_agents_status() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bo_token = sandbox.home.token_in(&sandbox.db, Some(&w.bo));
    let shown = sandbox.cli(&bo_token, &["status"]).ok();
    assert!(
        shown.starts_with("Bo Chen (ag_3) is online, for "),
        "{shown}"
    );
    let set = sandbox.cli(&bo_token, &["status", "away"]).ok();
    assert_eq!(set, "Bo Chen (ag_3): online -> away\n");
    let again = sandbox.cli(&bo_token, &["status", "away"]).ok();
    assert!(
        again.starts_with("Bo Chen (ag_3) is already away"),
        "{again}"
    );
    // Another's status needs an admin.
    sandbox
        .cli(&bo_token, &["status", "offline", "--agent", "cy"])
        .fails(4, "only an admin");
    let json = sandbox
        .cli(
            &api.token,
            &["status", "offline", "--agent", "cy", "-o", "json"],
        )
        .ok();
    let agent: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (&agent["id"], &agent["status"]),
        (&json!(w.cy), &json!("offline"))
    );
    // A word that is not a status names the valid ones.
    sandbox
        .cli(&api.token, &["status", "busy"])
        .fails(2, "[possible values: online, away, offline]");
    let events: Vec<serde_json::Value> = api.all("/v1/audit");
    assert!(
        events.iter().all(|e| e.get("intervention_id").is_some()),
        "the audit log stays the interventions' events"
    );
}

#[test]
fn max_load_is_checked_shown_and_never_passed() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let agent = |max_load: serde_json::Value| {
        api.post(
            "/v1/agents",
            json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "department": w.support, "max_load": max_load}),
        )
    };
    for bad in [json!(-1), json!("two"), json!(1.5), json!(10_001)] {
        let detail = agent(bad.clone())
            .problem(422, "validation_failed")
            .to_owned();
        assert!(
            detail.contains("max_load must be a whole number from 0 to 10000"),
            "{bad}: {detail}"
        );
    }
    // A whole number written as a float is that number (`1e2` was refused as `not 100.0`).
    assert_eq!(agent(json!(1e2)).expect(200)["max_load"], 100);
    assert_eq!(agent(json!(1)).expect(200)["max_load"], 1);
    let queues = api.get("/v1/queues").expect(200);
    let cy = queues["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["agent"] == json!(w.cy))
        .unwrap();
    assert_eq!(cy["max_load"], 1);

    let (first, second) = (w.queued(), w.queued());
    api.post(
        &format!("/v1/interventions/{first}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    let full = api.post(
        &format!("/v1/interventions/{second}/assign"),
        json!({"agent": w.cy}),
    );
    let detail = full.problem(409, "at_capacity");
    assert!(detail.contains("its max_load is 1"), "{detail}");
    assert_eq!(api.intervention(&second)["state"], "queued");

    // A capacity of 0 receives nothing, not even from an admin's reassign.
    agent(json!(0)).expect(200);
    api.post(
        &format!("/v1/interventions/{second}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    api.post(
        &format!("/v1/interventions/{second}/reassign"),
        json!({"agent": w.cy}),
    )
    .problem(409, "at_capacity");
    // One id named by the CLI is sent, as any action on one id, and refused so.
    sandbox
        .cli(&api.token, &["reassign", &second, "--to", "cy"])
        .fails(6, "is at its max_load of 0");
    // In a bulk run it is not even asked: the item stays and the run says why.
    let run = sandbox.cli_stdin(
        &api.token,
        &["reassign", "--to", "cy", "--yes", "-"],
        &format!("{second}\n"),
    );
    run.fails(
        3,
        "1 of 1 item was left where it is: Cy Diaz (ag_4) is at its max_load of 0",
    );
    run.hints("Cy Diaz (ag_4) takes at most 0 (its max_load): raise a max_load, or give the items left to another agent or to a pool such as --to @online; `livectl queues` shows each agent's load");
    assert!(
        run.stdout
            .ends_with("\tskipped\tCy Diaz (ag_4) is at its max_load of 0; left where it is\n"),
        "{}",
        run.stdout
    );
    assert_eq!(api.intervention(&second)["owner"], json!(w.bo));
}

#[test]
fn a_seed_file_with_a_bad_max_load_names_its_line() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    for (value, shown) in [("-1", "not -1"), ("lots", "not \"lots\"")] {
        let path = sandbox.home.path().join("agents.yaml");
        std::fs::write(
            &path,
            format!(
                "agents:\n  - key: zed\n    name: Zed\n    email: zed@example.com\n    max_load: {value}\n"
            ),
        )
        .unwrap();
        let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
        let stderr = run.fails(2, "nothing was sent");
        assert!(
            stderr.contains(&format!(
                "agents.yaml:5: agents[0].max_load: must be a whole number from 0 to 10000 (null for no limit), {shown}"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn watch_shows_an_agents_status_change_and_owner_filters_it() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let mut child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["watch", "-o", "ndjson", "--owner", "bo"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("watching changes") {
        line.clear();
        assert!(
            stderr.read_line(&mut line).unwrap() > 0,
            "watch never connected"
        );
    }
    // Filtered to Bo's queue: Cy's change is not shown, Bo's is.
    for agent in [&w.cy, &w.bo] {
        api.post(
            &format!("/v1/agents/{agent}/status"),
            json!({"status": "away"}),
        )
        .expect(200);
    }
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut event = String::new();
    stdout.read_line(&mut event).unwrap();
    // SAFETY: a signal to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    child.wait().unwrap();
    // Its kind first, then the contract's own order.
    assert!(event.starts_with(r#"{"type":"status","seq":"#), "{event}");
    let event: serde_json::Value = serde_json::from_str(&event).unwrap();
    assert_eq!(
        (
            &event["type"],
            &event["agent"],
            &event["from"],
            &event["to"],
            &event["actor"]
        ),
        (
            &json!("status"),
            &json!(w.bo),
            &json!("online"),
            &json!("away"),
            &json!("ag_1")
        )
    );
}

#[test]
fn an_upsert_dates_the_status_it_sets_with_status_since() {
    // A workspace seeded with agents who went offline hours ago: their status counts from
    // then, and so does the change's event; an upsert that changes no status keeps its own.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let zed = |status: &str, since: &str| json!({"key": "zed", "name": "Zed", "email": "zed@example.com", "status": status, "status_since": since});
    let created = api.post("/v1/agents", zed("offline", "2026-11-24T10:00:00Z"));
    assert_eq!(created.status, 201);
    let id = created.expect(201)["id"].as_str().unwrap().to_owned();
    let agent = api.get(&format!("/v1/agents/{id}")).expect(200);
    assert_eq!(agent["status_since"], "2026-11-24T10:00:00.000Z");

    let seq = api
        .all("/v1/audit")
        .last()
        .map_or(0, |e| e["seq"].as_i64().unwrap());
    let mut stream = Stream::open(&api, Some(seq));
    let changed = api.post("/v1/agents", zed("away", "2026-11-25T10:00:00Z"));
    assert_eq!(changed.header("upsert-result"), Some("updated"));
    assert_eq!(
        changed.expect(200)["status_since"],
        "2026-11-25T10:00:00.000Z"
    );
    let (_, event) = stream.next();
    assert_eq!(
        (&event["from"], &event["to"], &event["at"]),
        (
            &json!("offline"),
            &json!("away"),
            &json!("2026-11-25T10:00:00.000Z")
        )
    );

    let same = api.post("/v1/agents", zed("away", "2026-11-26T10:00:00Z"));
    assert_eq!(same.header("upsert-result"), Some("unchanged"));
    assert_eq!(same.expect(200)["status_since"], "2026-11-25T10:00:00.000Z");

    // `now-3h` is a seed file's, resolved by its load; the API takes instants.
    let relative = api.post("/v1/agents", zed("online", "now-3h"));
    let detail = relative.problem(422, "validation_failed");
    assert!(
        detail.contains("status_since `now-3h` is relative") && detail.contains("RFC 3339"),
        "{detail}"
    );
    // A status that begins later would never age (`stuck`, the autopilot's grace).
    let later = api.post("/v1/agents", zed("offline", "2099-01-01T00:00:00Z"));
    assert_eq!(
        later.problem(422, "validation_failed"),
        "status_since 2099-01-01T00:00:00.000Z is in the future; a status began at or before now"
    );
    let agent = api.get(&format!("/v1/agents/{id}")).expect(200);
    assert_eq!(agent["status"], "away", "a refused upsert changed nothing");
}

#[test]
fn a_seed_file_s_status_since_counts_from_its_load() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let path = sandbox.home.path().join("late.yaml");
    std::fs::write(
        &path,
        "agents:\n  - {key: sam, name: Sam, email: sam@example.com, status: offline, status_since: now-2h}\n  - {key: ana, name: Ana, email: ana@example.com, status_since: now-5h30m}\n",
    )
    .unwrap();
    // livectl's "now" is the harness's (`LIVECTL_NOW`), which the load's instants count from.
    sandbox
        .cli(&api.token, &["seed", path.to_str().unwrap()])
        .ok();
    let since = |key: &str| -> jiff::Timestamp {
        let agents = api.all("/v1/agents");
        let agent = agents.iter().find(|a| a["key"] == key).unwrap();
        agent["status_since"].as_str().unwrap().parse().unwrap()
    };
    assert_eq!(since("sam").to_string(), "2026-11-24T10:00:00Z");
    // A written instant after now is the file's problem, at its line; nothing is sent.
    let later = sandbox.home.path().join("later.yaml");
    std::fs::write(
        &later,
        "agents:\n  - key: wes\n    name: Wes\n    email: wes@example.com\n    status: offline\n    status_since: 2099-01-01T00:00:00Z\n",
    )
    .unwrap();
    sandbox
        .cli(&api.token, &["seed", later.to_str().unwrap()])
        .fails(2, "later.yaml:6: agents[0].status_since: 2099-01-01T00:00:00.000Z is in the future; a status began at or before now (now-3h counts back from the load)");
    // One load, one `now`: the two are exactly 3h30m apart.
    assert_eq!(
        since("sam").duration_since(since("ana")),
        jiff::SignedDuration::from_mins(210)
    );
}
