//! `--to @online`, `@department`, `@department:NAME`: pools resolved as items are handed out,
//! least loaded first, never above `max_load`; what fits nowhere stays and is reported (exit 3).

use serde_json::{Value, json};

use crate::harness::{Api, Sandbox, Workspace};

/// Upserts an agent of the workspace with a capacity (and a department, a status).
fn agent(api: &Api, key: &str, department: &str, status: &str, max_load: Value) -> String {
    let name = format!("{}{} Test", key[..1].to_uppercase(), &key[1..]);
    api.post(
        "/v1/agents",
        json!({"key": key, "name": name, "email": format!("{key}@example.com"),
            "department": department, "status": status, "max_load": max_load}),
    )
    .body["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// `assign IDS --yes -q` with `to`, journaled at `name` in the sandbox's HOME: the journal's
/// path and the run.
fn assign_journaled(
    sandbox: &Sandbox,
    api: &Api,
    to: &[&str],
    ids: &[String],
    name: &str,
) -> (std::path::PathBuf, crate::harness::Run) {
    let journal = sandbox.home.path().join(name);
    let path = journal.to_str().unwrap();
    let mut run = vec!["assign", "--yes", "-q", "--journal", path];
    run.extend(to);
    run.extend(ids.iter().map(String::as_str));
    let run = sandbox.cli(&api.token, &run);
    (journal, run)
}

fn owners(api: &Api, ids: &[String]) -> Vec<Option<String>> {
    ids.iter()
        .map(|id| api.intervention(id)["owner"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn a_pool_fills_online_agents_up_to_capacity_and_leaves_the_rest_reported() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Ana (admin) takes 2 at most, Cy none at all; Bo is away; Dan inactive; the admin offline.
    agent(&api, "ana", &w.support, "online", json!(2));
    agent(&api, "bo", &w.support, "away", Value::Null);
    agent(&api, "cy", &w.support, "online", json!(0));
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &["assign", "--state", "queued", "--to", "@online", "--yes"],
    );
    let stderr = run.fails(
        3,
        "1 of 3 items was left where it is: no agent of @online is online with room under its max_load",
    );
    assert!(
        stderr.contains("2 done, 1 skipped, 0 failed of 3"),
        "{stderr}"
    );
    assert!(
        run.stdout.contains(
            "no agent of @online is online with room under its max_load; left where it is"
        ),
        "each item left is reported: {}",
        run.stdout
    );
    let now = owners(&api, &ids);
    assert_eq!(
        now.iter()
            .filter(|o| o.as_deref() == Some(w.ana.as_str()))
            .count(),
        2
    );
    assert_eq!(
        now.iter().filter(|o| o.is_none()).count(),
        1,
        "one stays queued"
    );

    // --include-away widens the pool to Bo, who has room.
    sandbox
        .cli(
            &api.token,
            &[
                "assign",
                "--state",
                "queued",
                "--to",
                "@online",
                "--include-away",
                "--yes",
            ],
        )
        .ok();
    assert!(owners(&api, &ids).contains(&Some(w.bo.clone())));
    // Each moved once: one assign event per intervention in the audit log.
    let assigned = api
        .all("/v1/audit")
        .into_iter()
        .filter(|e| e["action"] == "assigned")
        .count();
    assert_eq!(assigned, 3);
}

#[test]
fn department_pools_follow_each_interventions_department() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let billing = api.department("billing", "Billing");
    let fay = agent(&api, "fay", &billing, "online", Value::Null);
    // Bo owns one support and one billing intervention, then goes offline.
    let support_item = w.in_state("assigned");
    let conversation = json!({
        "key": "billing-conv", "user": {"key": "bu", "name": "Billy", "channel": "web"},
        "messages": [{"sender": "user", "text": "invoice"}],
        "intervention": {"summary": "Invoice", "department": billing},
    });
    let billing_item =
        api.post("/v1/conversations", conversation).expect(201)["intervention"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
    api.post(
        &format!("/v1/interventions/{billing_item}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    sandbox
        .cli(
            &api.token,
            &["reassign", "--from", "bo", "--to", "@department", "--yes"],
        )
        .ok();
    let now = owners(&api, &[support_item.clone(), billing_item.clone()]);
    assert_eq!(now[1], Some(fay.clone()), "billing goes to billing");
    assert_ne!(now[0], Some(fay), "support stays in support");
    assert_ne!(now[0], Some(w.bo.clone()));

    // A named department; an unknown one names the valid ones.
    sandbox
        .cli(
            &api.token,
            &["reassign", &support_item, "--to", "@department:billing"],
        )
        .ok();
    sandbox
        .cli(
            &api.token,
            &["reassign", &support_item, "--to", "@department:sales"],
        )
        .fails(2, "valid values: Support (support), Billing (billing)");
}

#[test]
fn a_pool_with_nobody_in_it_moves_nothing_and_says_so_for_each_item() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    for agent in ["ag_1", &w.ana, &w.cy] {
        api.post(
            &format!("/v1/agents/{agent}/status"),
            json!({"status": "offline"}),
        )
        .expect(200);
    }
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign", "--from", "bo", "--to", "@online", "--yes", "-o", "json",
        ],
    );
    run.fails(3, "2 of 2 items were left where they are");
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["skipped"], 2, "{summary}");
    let reasons: Vec<&str> = summary["items"]
        .as_array()
        .map(|r| r.iter().filter_map(|i| i["reason"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(reasons.len(), 2, "{summary}");
    assert!(
        reasons.iter().all(|r| *r
            == "no agent of @online is online with room under its max_load; left where it is")
    );
    assert_eq!(
        owners(&api, &ids),
        vec![Some(w.bo.clone()); 2],
        "nothing moved"
    );
    // A department's pool is named as it was asked, in the run as in its dry run: the run
    // said the plan's `@department:dp_1` (new user).
    let to = ["reassign", "--from", "bo", "--to", "@department:support"];
    let dry = sandbox.cli(&api.token, &[&to[..], &["--dry-run"]].concat());
    let run = sandbox.cli(&api.token, &[&to[..], &["--yes"]].concat());
    for said in [&dry.stderr, &run.stderr] {
        assert!(
            said.contains("no agent of @department:support is online with room"),
            "{said}"
        );
    }
    assert!(!run.stderr.contains(&w.support), "{}", run.stderr);
}

#[test]
fn a_pool_that_is_not_one_names_the_valid_forms() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    for (args, words) in [
        (
            vec!["reassign", "--from", "bo", "--to", "@everyone"],
            "`@everyone` is not a pool; a pool is @online, @department or @department:NAME",
        ),
        (
            vec!["assign", "iv_1", "--to", "@department:"],
            "`@department:` names no department",
        ),
        (
            vec!["reassign", "iv_1", "--to", "@online", "--to", "bo"],
            "a pool goes alone",
        ),
        (
            vec!["stuck", "--fix", "reassign", "--to", "@away"],
            "a pool is @online, @department or @department:NAME",
        ),
    ] {
        sandbox.cli(&api.token, &args).fails(2, words);
    }
}

/// A run killed after the server took an item to a pool's agent, before the journal heard back:
/// the resume sends it to the same agent with the same key, which replays the answer. Another
/// agent's request under that key would be refused as a different request (422), and the item
/// reported failed although it was done.
#[test]
fn a_resumed_pool_run_sends_an_item_in_flight_to_the_agent_it_picked() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(5));
    agent(&api, "cy", &w.support, "online", json!(5));
    let ids: Vec<String> = (0..2).map(|_| w.queued()).collect();
    let (journal, run) =
        assign_journaled(&sandbox, &api, &["--to", "@online"], &ids, "pool.ndjson");
    run.ok();
    let path = journal.to_str().unwrap();
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(text.contains("\"event\":\"pick\""), "{text}");
    // The first item's end is lost, as a kill -9 right after the answer would lose it.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !(l.contains("\"event\":\"end\"") && l.contains("\"n\":0,")))
        .collect();
    assert_eq!(lines.len(), text.lines().count() - 1, "{text}");
    std::fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let owner = api.intervention(&ids[0])["owner"].clone();

    let resumed = sandbox.cli(&api.token, &["assign", "--resume", path, "--yes"]);
    assert_eq!(resumed.code, 0, "{}{}", resumed.stdout, resumed.stderr);
    assert!(
        resumed.stderr.contains("1 in flight")
            && resumed.stderr.contains("2 done, 0 skipped, 0 failed of 2"),
        "{}",
        resumed.stderr
    );
    assert_eq!(
        api.intervention(&ids[0])["owner"],
        owner,
        "still with its agent"
    );
    let assigned = api
        .events_of(&ids[0])
        .iter()
        .filter(|e| e["action"] == "assigned")
        .count();
    assert_eq!(assigned, 1, "assigned once");
}

/// An agent's token aiming at a colleague with no room is refused for its role, as the platform
/// refuses it whatever the room: it was told "left where they are (at its max_load)", exit 3,
/// and with --yes every item came back 403 (supervisor check).
#[test]
fn an_agents_token_aiming_at_a_full_colleague_is_refused_for_its_role() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "cy", &w.support, "online", json!(0));
    let ids = [w.queued(), w.queued()];
    let bo = sandbox.home.token(Some(&w.bo));
    let before = api.everything();
    let assign = ["assign", &ids[0], &ids[1], "--to", "cy"];
    let dry = sandbox.cli(&bo, &[&assign[..], &["--dry-run", "-o", "csv"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(
        dry.stderr,
        "dry run: 0 interventions would be changed, 2 would be refused; nothing was sent\n"
    );
    assert!(
        dry.stdout
            .contains("forbidden: an agent may assign only to itself"),
        "{}",
        dry.stdout
    );
    // By filters, the listing judged: refused for the role before anything is sent, exit 4.
    let by_filters = sandbox.cli(&bo, &["assign", "--owner", "none", "--to", "cy"]);
    by_filters.fails(
        4,
        "assign to Cy Test would change no intervention: 2 would be refused; nothing was sent",
    );
    assert!(
        !by_filters.stderr.contains("max_load"),
        "{}",
        by_filters.stderr
    );
    assert_eq!(api.everything(), before, "nothing was sent");
}

/// A dry run of a spread over agents with no room printed the plan's mark as the agent
/// (`agent @none: Ana Test and Cy Test`), put it in the JSON body, and counted the items as
/// changes the run would then leave where they are.
#[test]
fn a_dry_run_says_which_items_no_agent_has_room_for() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(1));
    agent(&api, "cy", &w.support, "online", json!(0));
    for _ in 0..3 {
        w.queued();
    }
    let before = api.everything();
    let args = ["assign", "--state", "queued", "--to", "ana,cy", "--dry-run"];
    let run = sandbox.cli(&api.token, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        // Queued: no one owns them (the new-user check: "or owns it" was said of them too).
        "dry run: 1 intervention would be changed, 2 left where they are (neither Ana Test \
         (ag_2) nor Cy Test (ag_4) can take it: each is at its max_load); nothing was sent\n\
         dry run: would give Ana Test (ag_2) 1\n"
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(!run.stdout.contains("@none"), "{}", run.stdout);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with(
                "not sent: neither Ana Test (ag_2) nor Cy Test (ag_4) can take it: each is at \
                 its max_load; left where it is"
            ))
            .count(),
        2,
        "{}",
        run.stdout
    );
    let json = sandbox.cli(&api.token, &[&args[..], &["-o", "json"]].concat());
    let items: Vec<Value> = serde_json::from_str(&json.ok()).unwrap();
    let unplaced: Vec<&Value> = items.iter().filter(|i| i["body"].is_null()).collect();
    assert_eq!(unplaced.len(), 2, "{items:?}");
    assert!(
        unplaced.iter().all(|i| i["not_sent"]
            == "neither Ana Test (ag_2) nor Cy Test (ag_4) can take it: each is at its \
                    max_load; left where it is"),
        "{items:?}"
    );
    assert_eq!(
        items
            .iter()
            .filter(|i| i["body"]["agent"] == json!(w.ana))
            .count(),
        1
    );
    let csv = sandbox
        .cli(&api.token, &[&args[..], &["-o", "csv"]].concat())
        .ok();
    assert_eq!(csv.lines().next(), Some("id,action,version,body,not_sent"));
    assert!(!csv.contains("@none"), "{csv}");
    assert_eq!(api.everything(), before, "a dry run changes nothing");
    // The count a confirmation asks about is the dry run's (it counted the 2 as changes).
    let unconfirmed = sandbox.cli(&api.token, &args[..5]);
    unconfirmed.fails(
        2,
        "this run would change 1 intervention, 2 left where they are (neither Ana Test (ag_2) \
         nor Cy Test (ag_4) can take it: each is at its max_load) (assign to Ana Test and Cy \
         Test); nothing was changed",
    );
    assert_eq!(api.everything(), before);
}

/// A dry run to a pool said `agent @online` for every item, and counted as changes the items
/// the pool then had no room for: it resolves the pool now, as the run does at its start, and
/// says who would get each. The run then gives each agent as many.
#[test]
fn a_dry_run_to_a_pool_names_who_would_get_each_item_as_the_run_then_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ana = agent(&api, "ana", &w.support, "online", json!(2));
    agent(&api, "bo", &w.support, "away", Value::Null);
    let cy = agent(&api, "cy", &w.support, "online", json!(1));
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    let ids: Vec<String> = (0..4).map(|_| w.queued()).collect();
    let args = ["assign", "--state", "queued", "--to", "@online"];
    let run = sandbox.cli(
        &api.token,
        &[&args[..], &["--dry-run", "-o", "json"]].concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "dry run: 3 interventions would be changed, 1 left where it is (no agent of @online \
             is online with room under its max_load); nothing was sent\n\
             dry run: would give Ana Test ({ana}) 2, Cy Test ({cy}) 1\n"
        )
    );
    let planned: Value = serde_json::from_str(&run.stdout).unwrap();
    let given = |agent: &str| {
        planned
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| item["body"]["agent"] == agent)
            .count()
    };
    assert_eq!((given(&ana), given(&cy)), (2, 1), "{}", run.stdout);
    sandbox
        .cli(&api.token, &[&args[..], &["--yes"]].concat())
        .fails(3, "1 of 4 items was left where it is");
    let now = owners(&api, &ids);
    let owned = |agent: &str| now.iter().filter(|o| o.as_deref() == Some(agent)).count();
    assert_eq!((owned(&ana), owned(&cy)), (2, 1));
}

/// A run to a pool not confirmed counted every item as a change ("this run would change 2
/// interventions … pass --yes"), while its dry run, which resolves the pool, said none would
/// be (the review): judged for a person, the pool is resolved as the dry run resolves it.
#[test]
fn a_run_to_a_pool_asked_about_counts_as_its_dry_run_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(0));
    agent(&api, "bo", &w.support, "away", Value::Null);
    agent(&api, "cy", &w.support, "online", json!(0));
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    for _ in 0..2 {
        w.queued();
    }
    let before = api.everything();
    let run = sandbox.cli(
        &api.token,
        &["assign", "--state", "queued", "--to", "@online"],
    );
    run.fails(
        3,
        "assign to @online would change no intervention: 2 left where they are (no agent of \
         @online is online with room under its max_load); nothing was sent",
    );
    assert_eq!(api.everything(), before);
}

/// An item sent to a pool's agent whose answer was lost after the commit, so failed for a
/// passing reason, is sent again by a resume to the same agent: the same request, which its
/// key replays. The resume picked again, another agent, and the key refused it as another
/// request: work done was reported failed for good (new user, `--faults drop`).
#[test]
fn a_resume_sends_an_item_failed_after_its_commit_to_the_agent_it_picked() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(5));
    let cy = agent(&api, "cy", &w.support, "offline", json!(5));
    let ids: Vec<String> = (0..2).map(|_| w.queued()).collect();
    let journal = clean.home.path().join("pool.ndjson");
    let path = journal.to_str().unwrap();
    // The first item's action commits, then its connection is cut (its GET, without the
    // slash, is answered): it fails, to be sent again.
    let scope = format!("drop=1,path=/v1/interventions/{}/", ids[0]);
    let dropping = Sandbox::start_in(clean.home.clone(), &["--faults", &scope]);
    let mut run = vec![
        "assign",
        "--to",
        "@online",
        "--yes",
        "-q",
        "--retries",
        "0",
        "--journal",
        path,
    ];
    run.extend(ids.iter().map(String::as_str));
    dropping
        .cli(&api.token, &run)
        .fails(3, "1 of 2 items failed");
    let before = owners(&api, &ids);
    assert!(before.iter().all(Option::is_some), "{before:?}");
    // Now every agent the pool had is away, and a new pick could only be cy.
    clean.cli(&api.token, &["status", "offline"]).ok();
    agent(&api, "ana", &w.support, "offline", json!(5));
    agent(&api, "bo", &w.support, "offline", json!(5));
    agent(&api, "cy", &w.support, "online", json!(50));
    let resumed = clean.cli(&api.token, &["assign", "--resume", path, "--yes"]);
    assert_eq!(resumed.code, 0, "{}{}", resumed.stdout, resumed.stderr);
    assert!(
        resumed.stderr.contains("2 done, 0 skipped, 0 failed of 2"),
        "{}",
        resumed.stderr
    );
    assert_eq!(owners(&api, &ids), before, "not {cy}");
    for id in &ids {
        let assigned = api
            .events_of(id)
            .iter()
            .filter(|e| e["action"] == "assigned")
            .count();
        assert_eq!(assigned, 1, "{id} assigned once");
    }
}

/// An intervention with no department has no agents under `@department`: it is left where it
/// is with that reason, in a dry run as in the run, and not blamed on room (no --include-away,
/// no max_load to raise). The supervisor tester was told "no agent of @department is online
/// with room", and to widen the pool to agents who are away.
#[test]
fn an_intervention_with_no_department_is_said_to_have_none_under_at_department() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let homeless = api
        .post(
            "/v1/conversations",
            json!({"key": "no-dept", "user": {"key": "nd", "name": "Nadia", "channel": "web"},
            "messages": [{"sender": "user", "text": "hello"}],
            "intervention": {"summary": "No department"}}),
        )
        .expect(201)["intervention"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    api.post(
        &format!("/v1/interventions/{homeless}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    let placed = w.in_state("assigned");
    let to = ["reassign", "--from", "bo", "--to", "@department"];
    let reason = "it has no department, so @department has no agent for it; left where it is";
    let dry = sandbox.cli(&api.token, &[&to[..], &["--dry-run"]].concat());
    assert!(dry.stdout.contains(reason), "{}", dry.stdout);
    let run = sandbox.cli(&api.token, &[&to[..], &["--yes", "-o", "json"]].concat());
    let stderr = run.fails(3, "1 of 2 items was left where it is");
    assert!(!stderr.contains("--include-away"), "{stderr}");
    assert!(!stderr.contains("max_load"), "{stderr}");
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    let left = summary["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == homeless.as_str())
        .unwrap_or_else(|| panic!("{summary}"));
    assert_eq!(left["reason"], reason, "{summary}");
    run.hints(
        "an intervention with no department has no agent under @department: give it to a department's agents (--to @department:NAME) or to agents named with --to",
    );
    let now = owners(&api, &[homeless, placed]);
    assert_eq!(now[0], Some(w.bo.clone()), "left where it is");
    assert!(
        now[1].is_some() && now[1] != Some(w.bo.clone()),
        "the other goes to a colleague of its department: {now:?}"
    );
}

/// Who got which item where livectl chose the agent: a pool's run says how many each agent
/// got, on stderr and in the JSON summary, as the journal's picks hold it. The supervisor
/// tester found it only in the journal. A run to one agent says nothing more.
#[test]
fn a_pool_run_says_how_many_items_each_agent_was_given() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(2));
    agent(&api, "cy", &w.support, "online", json!(1));
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    api.post(
        &format!("/v1/agents/{}/status", w.bo),
        json!({"status": "offline"}),
    )
    .expect(200);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    // Its dry run says the same before, by name though piped (it said only the count: new
    // user).
    let dry = sandbox.cli(
        &api.token,
        &[
            "assign",
            "--state",
            "queued",
            "--to",
            "@online",
            "--dry-run",
        ],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stderr.ends_with(&format!(
            "dry run: would give Ana Test ({}) 2, Cy Test ({}) 1\n",
            w.ana, w.cy
        )),
        "{}",
        dry.stderr
    );
    let run = sandbox.cli(
        &api.token,
        &[
            "assign", "--state", "queued", "--to", "@online", "--yes", "-o", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        summary["given"],
        json!([
            {"agent": w.ana, "name": "Ana Test", "items": 2},
            {"agent": w.cy, "name": "Cy Test", "items": 1},
        ]),
        "{summary}"
    );
    assert!(
        run.stderr.lines().any(|l| l
            == format!(
                "assign: given to Ana Test ({}) 2, Cy Test ({}) 1",
                w.ana, w.cy
            )),
        "{}",
        run.stderr
    );
    let now = owners(&api, &ids);
    assert_eq!(now.iter().filter(|o| **o == Some(w.ana.clone())).count(), 2);

    // To one agent named, nothing to add: no `given`.
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign", &ids[0], &ids[1], "--to", "cy", "--yes", "-o", "json",
        ],
    );
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(summary["total"], 2, "{summary}");
    assert_eq!(summary["given"], json!([]), "{summary}");
    assert!(!run.stderr.contains("given to"), "{}", run.stderr);
}

/// A spread over several agents named says who got what even when one of them got every item
/// (the others full) or the one item: which of those named it was is news. It said nothing,
/// as a run to one agent does (last session's note). A resume of such a run says it too.
#[test]
fn a_spread_over_agents_named_says_who_got_the_items_even_one_agent() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(5));
    // Cy has no room at all.
    agent(&api, "cy", &w.support, "online", json!(0));
    let ids: Vec<String> = (0..2).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &[
            "assign", "--state", "queued", "--to", "cy,ana", "--yes", "-o", "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let summary: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        summary["given"],
        json!([{"agent": w.ana, "name": "Ana Test", "items": 2}]),
        "{summary}"
    );
    let said = format!("assign: given to Ana Test ({}) 2", w.ana);
    assert!(run.stderr.lines().any(|l| l == said), "{}", run.stderr);
    assert_eq!(owners(&api, &ids), vec![Some(w.ana.clone()); 2]);

    // The one item on stdin, and its resume (nothing left to send: the summary of the run).
    let one = w.queued();
    let journal = sandbox.home.path().join("one.ndjson");
    let run = sandbox.cli_stdin(
        &api.token,
        &[
            "assign",
            "-",
            "--to",
            "cy,ana",
            "--yes",
            "--journal",
            journal.to_str().unwrap(),
        ],
        &format!("{one}\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let said = format!("assign: given to Ana Test ({}) 1", w.ana);
    assert!(run.stderr.lines().any(|l| l == said), "{}", run.stderr);
    let resumed = sandbox.cli(
        &api.token,
        &["assign", "--resume", journal.to_str().unwrap(), "--yes"],
    );
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed.stderr.lines().any(|l| l == said),
        "{}",
        resumed.stderr
    );
}

/// Of the agents named, the one who owns the item is said to own it in the hint too: it said
/// "Ana was at its max_load" of an agent with none (new user).
#[test]
fn the_hint_says_an_agent_named_owns_it_not_that_it_is_full() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ana = agent(&api, "ana", &w.support, "online", Value::Null);
    let bo = agent(&api, "bo", &w.support, "online", json!(0));
    let id = w.queued();
    api.post(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": ana}),
    )
    .expect(200);
    let run = sandbox.cli(&api.token, &["reassign", &id, "--to", "ana,bo", "--yes"]);
    assert_eq!(run.code, 3, "{}", run.stderr);
    let hint = run
        .stderr
        .lines()
        .find(|l| l.starts_with("hint: ") && l.contains("max_load"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(
        hint.starts_with(&format!(
            "hint: Ana Test ({ana}) owns it already; Bo Test ({bo}) takes at most 0 (its max_load)"
        )),
        "{hint}"
    );
}

/// One id given to a pool is one action, as one id given to an agent is: the pool resolved now
/// and the action sent at once, its answer the intervention and its refusal the platform's
/// (exit 6 for a queued one to `reassign`). It was a bulk run of one: a journal, "1 of 1 item
/// failed", exit 3, and `--json id,owner` refused as no field of a run's summary (new user).
#[test]
fn one_id_to_a_pool_is_one_action_with_no_journal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ana = agent(&api, "ana", &w.support, "online", json!(1));
    agent(&api, "bo", &w.support, "offline", Value::Null);
    agent(&api, "cy", &w.support, "offline", Value::Null);
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    let queued = w.queued();
    let other = w.queued();
    let cli = |args: &[&str]| sandbox.cli(&api.token, args);
    let run = cli(&["reassign", &queued, "--to", "@online"]);
    run.fails(
        6,
        &format!("cannot reassign intervention {queued}: it is queued"),
    );
    // Given to the one online agent with room, printed as any one action prints.
    let run = cli(&["assign", &queued, "--to", "@online", "--json", "id,owner"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            format!("{{\"id\":\"{queued}\",\"owner\":\"{ana}\"}}\n").as_str()
        ),
        "{}",
        run.stderr
    );
    // Ana is full now: nobody of the pool has room, said as for one agent with none (exit 6).
    let run = cli(&["assign", &other, "--to", "@department:support"]);
    run.fails(
        6,
        &format!(
            "no agent of @department:support is online with room under its max_load; {other} is left where it is"
        ),
    );
    run.hints("@department:support takes only online agents below their max_load: `livectl queues` shows who is online and their loads; raise a max_load, or give the items left to agents named with --to");
    assert_eq!(api.intervention(&other)["state"], "queued");
    let runs = sandbox.home.path().join("state/livectl/runs");
    assert!(
        std::fs::read_dir(&runs).map_or(true, |d| d.count() == 0),
        "no journal in {}",
        runs.display()
    );
    // Ids unknown and hidden are said as for an agent named.
    cli(&["assign", "iv_999", "--to", "@online"]).fails(5, "intervention `iv_999` does not exist");
}

/// A resume's dry run of a run to a pool showed `agent @online` for every item left, where a new
/// run's dry run says who would get each (new user): it resolves the pool as it stands, an item
/// sent before going to the agent it was sent to (the resume sends it there again), and one no
/// agent has room for shown `not sent`.
#[test]
fn a_resume_s_dry_run_to_a_pool_names_who_would_get_each_item() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ana = agent(&api, "ana", &w.support, "online", json!(2));
    let cy = agent(&api, "cy", &w.support, "online", json!(1));
    agent(&api, "bo", &w.support, "offline", Value::Null);
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    let ids: Vec<String> = (0..4).map(|_| w.queued()).collect();
    let (journal, run) =
        assign_journaled(&sandbox, &api, &["--to", "@online"], &ids, "pool.ndjson");
    run.fails(3, "1 of 4 items was left where it is");
    let path = journal.to_str().unwrap();
    // Back to the queue, and the journal as a run stopped before it sent anything.
    for id in &ids {
        if api.intervention(id)["state"] == "assigned" {
            api.post(&format!("/v1/interventions/{id}/return"), json!({}))
                .expect(200);
        }
    }
    let text = std::fs::read_to_string(&journal).unwrap();
    let planned: Vec<&str> = text
        .lines()
        .take_while(|l| !l.contains("\"event\":\"start\""))
        .collect();
    std::fs::write(&journal, planned.join("\n") + "\n").unwrap();
    let dry = |args: &[&str]| {
        let run = sandbox.cli(
            &api.token,
            &[&["assign", "--resume", path, "--dry-run"][..], args].concat(),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    let json: Value = serde_json::from_str(&dry(&["-o", "json"]).stdout).unwrap();
    let agents: Vec<Value> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["body"]["agent"].clone())
        .collect();
    assert_eq!(
        agents,
        [json!(ana), json!(cy), json!(ana), Value::Null],
        "least loaded first, within each max_load: {json}"
    );
    assert_eq!(
        json[3]["not_sent"],
        "no agent of @online is online with room under its max_load; left where it is"
    );
    let tty = sandbox.cli_env(
        &api.token,
        &["assign", "--resume", path, "--dry-run"],
        &[("LIVECTL_FORCE_TTY", "1"), ("COLUMNS", "200")],
    );
    assert!(
        tty.stdout.contains("agent Ana Test") && !tty.stdout.contains("agent @online"),
        "{}",
        tty.stdout
    );
    // One the platform would refuse whatever the agent (cancelled since) takes no room: the
    // other three fit, as the resume would then place them (review).
    api.post(&format!("/v1/interventions/{}/cancel", ids[0]), json!({}))
        .expect(200);
    let json: Value = serde_json::from_str(&dry(&["-o", "json"]).stdout).unwrap();
    let items = json.as_array().unwrap();
    assert!(
        items[0]["not_sent"]
            .as_str()
            .is_some_and(|why| why.starts_with("refused") || why.contains("cancelled")),
        "{json}"
    );
    for item in &items[1..] {
        assert!(
            item["not_sent"].is_null()
                && item["body"]["agent"]
                    .as_str()
                    .is_some_and(|a| a.starts_with("ag_")),
            "{json}"
        );
    }
    // An item sent before goes to the agent it was sent to: the resume sends it there again.
    // (Which item found no room depends on the run's order: the first picked one is taken.)
    let first = text
        .lines()
        .find(|l| l.contains("\"event\":\"pick\""))
        .unwrap_or_else(|| panic!("{text}"));
    let picked: Value = serde_json::from_str(first).unwrap();
    let n = picked["n"].as_u64().unwrap();
    let start = text
        .lines()
        .find(|l| l.contains("\"event\":\"start\"") && l.contains(&format!("\"n\":{n},")))
        .unwrap();
    let mut kept = planned.clone();
    kept.extend([start, first]);
    std::fs::write(&journal, kept.join("\n") + "\n").unwrap();
    let json: Value = serde_json::from_str(&dry(&["-o", "json"]).stdout).unwrap();
    let sent_before = json
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ids[n as usize].as_str())
        .unwrap();
    assert_eq!(sent_before["body"]["agent"], picked["agent"], "{json}");
    // Started, and stopped before its pick was written: the resume picks it afresh, and so
    // does its dry run (it said `agent @online`: review).
    let mut started = planned.clone();
    started.push(start);
    std::fs::write(&journal, started.join("\n") + "\n").unwrap();
    let json: Value = serde_json::from_str(&dry(&["-o", "json"]).stdout).unwrap();
    let in_flight = json
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == ids[n as usize].as_str())
        .unwrap();
    assert!(
        in_flight["body"]["agent"]
            .as_str()
            .is_some_and(|a| a.starts_with("ag_")),
        "{json}"
    );
}

/// A resumed run's summary says what the whole run gave each agent, as its `done` counts the
/// whole run: `given` summed 3 beside `"done": 5` (new user), the sessions before left out.
#[test]
fn a_resumed_run_s_given_counts_every_session_as_done_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    agent(&api, "ana", &w.support, "online", json!(10));
    agent(&api, "cy", &w.support, "online", json!(10));
    agent(&api, "bo", &w.support, "offline", Value::Null);
    api.post("/v1/agents/ag_1/status", json!({"status": "offline"}))
        .expect(200);
    for (k, to) in [
        (0, &["--to", "@online"][..]),
        (1, &["--to", "ana", "--to", "cy"]),
    ] {
        let ids: Vec<String> = (0..4).map(|_| w.queued()).collect();
        let (journal, run) =
            assign_journaled(&sandbox, &api, to, &ids, &format!("given-{k}.ndjson"));
        run.ok();
        let path = journal.to_str().unwrap();
        // Two items' ends lost, as a kill would lose them: the resume replays those two.
        let text = std::fs::read_to_string(&journal).unwrap();
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| {
                !(l.contains("\"event\":\"end\"")
                    && (l.contains("\"n\":0,") || l.contains("\"n\":1,")))
            })
            .collect();
        assert_eq!(kept.len() + 2, text.lines().count(), "{text}");
        std::fs::write(&journal, kept.join("\n") + "\n").unwrap();
        let resumed = sandbox.cli(
            &api.token,
            &["assign", "--resume", path, "--yes", "-o", "json"],
        );
        let summary: Value = serde_json::from_str(&resumed.ok()).unwrap();
        assert_eq!(summary["done"], 4, "{summary}");
        let given: u64 = summary["given"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g["items"].as_u64().unwrap())
            .sum();
        assert_eq!(given, 4, "{to:?}: {summary}");
    }
}

/// A spread's `assign` records the reason given in every event, as one action does (`assign`
/// had no `--reason`: new user).
#[test]
fn a_spread_s_assign_records_its_reason_in_each_event() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &[
            "assign",
            "--state",
            "queued",
            "--to",
            "@online",
            "--reason",
            "morning rush",
            "--yes",
            "-q",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for id in &ids {
        let event = api.events_of(id).last().cloned().unwrap();
        assert_eq!(
            (&event["action"], &event["reason"]),
            (&json!("assigned"), &json!("morning rush"))
        );
    }
}

/// A pool is the others, as the autopilot's is: the agent whose token runs it (a supervisor
/// spreading the queue, an on-call fix) gets nothing from it. The built-in admin, online with
/// nothing, was given the most (two new users); named, it gets work as any agent named.
#[test]
fn a_pool_leaves_out_the_agent_who_runs_it() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for agent in [&w.ana, &w.cy] {
        api.post(
            &format!("/v1/agents/{agent}/status"),
            json!({"status": "offline"}),
        )
        .expect(200);
    }
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let dry = sandbox.cli(
        &api.token,
        &[
            "assign",
            "--state",
            "queued",
            "--to",
            "@online",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    let planned: Value = serde_json::from_str(&dry.stdout).unwrap();
    let to: Vec<&str> = planned
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["body"]["agent"].as_str().unwrap())
        .collect();
    assert_eq!(to, [w.bo.as_str(); 3], "{}", dry.stdout);
    // Who gets them is said though one agent gets all, as the run says it (review).
    assert!(
        dry.stderr
            .ends_with(&format!("dry run: would give Bo Chen ({}) 3\n", w.bo)),
        "{}",
        dry.stderr
    );
    // One id to the pool, and a run: the same.
    let one = sandbox.cli(&api.token, &["assign", &ids[0], "--to", "@online"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    sandbox
        .cli(
            &api.token,
            &["assign", "--state", "queued", "--to", "@online", "--yes"],
        )
        .ok();
    assert_eq!(owners(&api, &ids), vec![Some(w.bo.clone()); 3]);
    // Named, the admin is given work.
    let more = w.queued();
    sandbox
        .cli(&api.token, &["assign", &more, "--to", "me"])
        .ok();
    assert_eq!(owners(&api, &[more]), [Some("ag_1".to_owned())]);
}
