//! `--seed demo`: a workspace to try livectl on, with every state and every kind of stuck.

use jiff::Timestamp;
use serde_json::Value;

use crate::harness::Sandbox;

fn ts(v: &Value) -> Timestamp {
    v.as_str().unwrap().parse().unwrap()
}

#[test]
fn the_demo_has_every_state_and_every_kind_of_stuck() {
    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let api = sandbox.api();
    let agents = api.all("/v1/agents");
    let demo_agents: Vec<&Value> = agents.iter().filter(|a| !a["key"].is_null()).collect();
    assert_eq!(demo_agents.len(), 6);
    assert_eq!(
        demo_agents.iter().filter(|a| a["role"] == "admin").count(),
        1
    );
    let offline: Vec<&str> = demo_agents
        .iter()
        .filter(|a| a["status"] == "offline")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(offline.len(), 1);
    assert_eq!(api.all("/v1/departments").len(), 2);
    assert!(demo_agents.iter().all(|a| a["department"].is_string()));
    assert!(
        api.all("/v1/topics")
            .iter()
            .all(|t| t["department"].is_string())
    );
    assert!(!api.all("/v1/outcomes").is_empty() && !api.all("/v1/blocks").is_empty());
    assert_eq!(api.all("/v1/users").len(), 40);

    let interventions = api.all("/v1/interventions");
    for state in ["queued", "assigned", "completed", "cancelled"] {
        assert!(
            interventions.iter().any(|i| i["state"] == state),
            "no {state} intervention"
        );
    }
    let now = Timestamp::now();
    let hours = |v: &Value| (now - ts(v)).get_seconds() as f64 / 3600.0;
    assert!(
        interventions
            .iter()
            .any(|i| i["state"] == "queued" && hours(&i["queued_at"]) >= 2.0),
        "one queued for two hours"
    );
    assert!(
        interventions
            .iter()
            .any(|i| i["state"] == "assigned"
                && offline.contains(&i["owner"].as_str().unwrap_or(""))),
        "one owned by an offline agent"
    );
    assert!(
        interventions.iter().any(|i| i["state"] == "assigned"
            && !i["last_user_message_at"].is_null()
            && ts(&i["last_user_message_at"]) > ts(&i["last_agent_message_at"])
            && hours(&i["last_user_message_at"]) >= 1.0),
        "one whose user has waited an hour for a reply"
    );
    let completed = interventions
        .iter()
        .find(|i| i["state"] == "completed")
        .unwrap();
    assert!(completed["completion"]["topic"].is_string());
    // History over several days.
    let history = api.all("/v1/users/us_4/history");
    let days: std::collections::HashSet<_> = history
        .iter()
        .map(|r| &r["at"].as_str().unwrap()[..10])
        .collect();
    assert!(days.len() >= 3, "{days:?}");
    // Every state was reached through the actions: the audit log explains each intervention.
    let audit = api.all("/v1/audit");
    for i in &interventions {
        let events: Vec<&Value> = audit
            .iter()
            .filter(|e| e["intervention_id"] == i["id"])
            .collect();
        assert_eq!(
            events.len() as i64,
            i["version"].as_i64().unwrap(),
            "{}: one event per change",
            i["id"]
        );
    }
}

#[test]
fn the_demo_s_offline_and_away_agents_went_so_hours_ago_and_the_autopilot_acts() {
    // Counted from the creation of the database, Sam was "offline for 0s" on a first try, and
    // a plain autopilot moved nothing for its two minutes of grace.
    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let api = sandbox.api();
    let agents = api.all("/v1/agents");
    let since = |key: &str| ts(&agents.iter().find(|a| a["key"] == key).unwrap()["status_since"]);
    let admin = ts(&agents.iter().find(|a| a["key"].is_null()).unwrap()["status_since"]);
    assert!(admin.duration_since(since("sam")) >= jiff::SignedDuration::from_mins(179));
    assert_eq!(
        since("eli").duration_since(since("sam")),
        jiff::SignedDuration::from_mins(155),
        "offline 3h, away 25m, from one anchor"
    );
    let sam = agents.iter().find(|a| a["key"] == "sam").unwrap()["id"].clone();
    let decisions = sandbox
        .cli(&api.token, &["autopilot", "--once", "--dry-run"])
        .ok();
    let reassign = format!(
        "owner-offline: reassign from Sam Okafor ({})",
        sam.as_str().unwrap()
    );
    assert!(decisions.contains(&reassign), "{decisions}");
}

#[test]
fn seeding_the_demo_again_changes_nothing() {
    let mut first = Sandbox::start(&["--seed", "demo"]);
    assert_eq!(
        first.started,
        ["livectl sandbox loaded the demo data: 150 created, 0 changed, 0 unchanged, 42 actions"]
    );
    let before = first.api().everything();
    first.kill();
    let mut again = Sandbox::start_in(first.home.clone(), &["--seed", "demo"]);
    assert_eq!(again.api().everything(), before);
    assert_eq!(
        again.started,
        ["livectl sandbox loaded the demo data: 0 created, 0 changed, 150 unchanged, 0 actions"]
    );
    // An agent changed since is written back as the demo has it: said, not done unseen.
    let api = again.api();
    let ana = api
        .all("/v1/agents")
        .into_iter()
        .find(|a| a["key"] == "ana")
        .unwrap();
    let mut body = serde_json::Map::new();
    for field in [
        "key",
        "name",
        "email",
        "role",
        "department",
        "status",
        "active",
    ] {
        body.insert(field.into(), ana[field].clone());
    }
    body.insert("max_load".into(), serde_json::json!(3));
    api.post("/v1/agents", serde_json::Value::Object(body))
        .expect(200);
    again.kill();
    let third = Sandbox::start_in(again.home.clone(), &["--seed", "demo"]);
    assert_eq!(
        third.started,
        ["livectl sandbox loaded the demo data: 0 created, 1 changed, 149 unchanged, 0 actions"]
    );
}

#[test]
fn serve_without_seed_starts_empty_but_for_the_admin() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let agents = api.all("/v1/agents");
    assert_eq!(agents.len(), 1);
    assert_eq!(agents[0]["role"], "admin");
    let mut me = api.get("/v1/me").expect(200);
    let workspace = me
        .as_object_mut()
        .and_then(|me| me.remove("workspace"))
        .unwrap();
    assert_eq!(
        me, agents[0],
        "/v1/me is the caller's agent and its workspace"
    );
    assert_eq!(workspace["name"], "Sandbox");
    let id = workspace["id"].as_str().unwrap();
    assert!(
        id.len() == 27 && id.starts_with("ws_") && id[3..].bytes().all(|b| b.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(api.all("/v1/interventions").is_empty());
    let queues = api.get("/v1/queues").expect(200);
    assert_eq!(
        queues["general"],
        serde_json::json!({"count": 0, "oldest_queued_at": null, "oldest_wait_seconds": null})
    );
}
