//! Items no agent has room for are left where they are, and said one way wherever a run meets
//! them: planned so by a first run, or refused by the platform (409 `at_capacity`) when a resume
//! sends them to an agent that filled up since; the hint fits who `--to` named and how that
//! agent stands now.

use serde_json::{Value, json};

use crate::harness::{Api, Run, Sandbox, Workspace};

/// Bo Chen (ag_3) takes at most `max_load`, and is `status`.
fn bo(api: &Api, w: &Workspace, max_load: u32, status: &str) {
    api.post(
        "/v1/agents",
        json!({"key": "bo", "name": "Bo Chen", "email": "bo@example.com", "department": w.support,
            "max_load": max_load, "status": status}),
    )
    .expect(200);
}

/// A new intervention that Cy owns.
fn cys(api: &Api, w: &Workspace) -> String {
    let id = w.queued();
    api.post(
        &format!("/v1/interventions/{id}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    id
}

/// A run's stdout and stderr as one text, without what changes from run to run: the journal's
/// path and its run id, and how long the run took.
fn said(run: &Run, journal: &str) -> String {
    let mut text =
        format!("{}--- stderr\n{}", run.stdout, run.stderr).replace(journal, "[journal]");
    if let Ok(written) = std::fs::read_to_string(journal) {
        let header: Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
        text = text.replace(header["run_id"].as_str().unwrap(), "[id]");
    }
    text.lines()
        .map(
            |line| match (line.rfind(" in "), line.find(" s; journal ")) {
                (Some(start), Some(end)) if start < end => {
                    format!("{} in [elapsed]{}", &line[..start], &line[end + 2..])
                }
                _ => line.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A run that left its items where they were for want of room said it as "no agent has capacity
/// in Bo Chen", the agent read as a pool; a resume whose agent had filled up since said "no agent
/// has capacity: cannot give intervention iv_1 to ag_3: …", another wording of the same thing.
/// Both hints talked about pools and --include-away, though the run named one agent.
#[test]
fn an_agent_with_no_room_is_named_with_its_max_load_first_and_on_resume() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 1, "online");
    let (first, second, third) = (cys(&api, &w), cys(&api, &w), cys(&api, &w));
    // Bo has room for one: the first is planned to Bo, the second left where it is. The token
    // expires at the first action, so nothing is done and the rest is never sent.
    let expiring = Sandbox::start_in(clean.home.clone(), &["--faults", "expire=0"]);
    let journal = clean.home.path().join("full.ndjson");
    let path = journal.to_str().unwrap();
    let args = [
        "reassign",
        &first,
        &second,
        "--to",
        "bo",
        "--yes",
        "--concurrency",
        "1",
        "--journal",
        path,
    ];
    expiring
        .cli(&api.token, &args)
        .fails(4, "the platform stopped accepting the token");
    drop(expiring);
    // Meanwhile Bo fills up: the platform refuses the first, the plan left the second.
    api.post(
        &format!("/v1/interventions/{third}/reassign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    let resumed = clean.cli(&api.token, &["reassign", "--resume", path, "--yes"]);
    assert_eq!(resumed.code, 3, "{}", resumed.stderr);
    insta::assert_snapshot!(said(&resumed, path), @"
    iv_1	skipped	Bo Chen (ag_3) is at its max_load of 1; left where it is
    iv_2	skipped	Bo Chen (ag_3) is at its max_load of 1; left where it is
    --- stderr
    resuming run [id] from [journal]; concurrency 1, no rate limit, 2 end-of-run retries
    reassign: 0 done, 2 skipped, 0 failed of 2 in [elapsed]; journal [journal]
    error: 2 of 2 items were left where they are: Bo Chen (ag_3) is at its max_load of 1
    hint: Bo Chen (ag_3) takes at most 1 (its max_load): raise a max_load, or give the items left to another agent or to a pool such as --to @online; `livectl queues` shows each agent's load
    hint: they ended where they are, so a resume would not send them again
    ");
    for id in [&first, &second] {
        assert_eq!(api.intervention(id)["owner"], json!(w.cy), "{id} stays");
    }

    // A first run says it the same way, and so does its dry run.
    let fourth = cys(&api, &w);
    let dry = clean.cli(
        &api.token,
        &["reassign", &fourth, &second, "--to", "bo", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    insta::assert_snapshot!(said(&dry, path), @"
    iv_4	reassign	-	not sent: Bo Chen (ag_3) is at its max_load of 1; left where it is
    iv_2	reassign	-	not sent: Bo Chen (ag_3) is at its max_load of 1; left where it is
    --- stderr
    dry run: 0 interventions would be changed, 2 left where they are (Bo Chen (ag_3) is at its max_load of 1); nothing was sent
    ");
    let run = clean.cli(
        &api.token,
        &["reassign", &fourth, &second, "--to", "bo", "--yes"],
    );
    run.fails(3, "");
    let summary = said(&run, path);
    let resumed = said(&resumed, path);
    // But for the lines that name its journal (a first run's own, in the default place).
    let told = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.contains("journal"))
            .map(|l| l.replace("iv_1", "iv_4"))
            .collect()
    };
    assert_eq!(
        told(&summary),
        told(&resumed),
        "the first run says what the resume said"
    );
}

/// `--include-away` was offered for an agent who is offline: it widens a pool to agents who are
/// away, never to those offline. An offline agent is said to be, with what would help.
#[test]
fn an_offline_agent_with_no_room_is_said_to_be_offline_and_no_flag_is_offered() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 0, "offline");
    let ids = [cys(&api, &w), cys(&api, &w)];
    let journal = sandbox.home.path().join("offline.ndjson");
    let path = journal.to_str().unwrap();
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign",
            &ids[0],
            &ids[1],
            "--to",
            "bo",
            "--yes",
            "--journal",
            path,
        ],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    insta::assert_snapshot!(said(&run, path), @"
    iv_1	skipped	Bo Chen (ag_3) is at its max_load of 0; left where it is
    iv_2	skipped	Bo Chen (ag_3) is at its max_load of 0; left where it is
    --- stderr
    warning: Bo Chen (ag_3) is offline
    journal: [journal]
    reassign: 0 done, 2 skipped, 0 failed of 2 in [elapsed]; journal [journal]
    error: 2 of 2 items were left where they are: Bo Chen (ag_3) is at its max_load of 0
    hint: Bo Chen (ag_3) is offline: give the items left to another agent, or to a pool such as --to @online
    hint: they ended where they are, so a resume would not send them again
    ");
    // Its resume has nothing to send, and says what the run left as the run did, exit 3: it
    // exited 0, so a loop resuming until success took the items left as done (new user).
    let resumed = sandbox.cli(&api.token, &["reassign", "--resume", path, "--yes"]);
    assert_eq!(resumed.code, 3, "{}", resumed.stderr);
    insta::assert_snapshot!(said(&resumed, path), @"
    iv_1	skipped	Bo Chen (ag_3) is at its max_load of 0; left where it is
    iv_2	skipped	Bo Chen (ag_3) is at its max_load of 0; left where it is
    --- stderr
    run [id] from [journal] has nothing left to send: every item ended, as its summary says
    reassign: 0 done, 2 skipped, 0 failed of 2 in [elapsed]; journal [journal]
    error: 2 of 2 items were left where they are: Bo Chen (ag_3) is at its max_load of 0
    hint: Bo Chen (ag_3) is offline: give the items left to another agent, or to a pool such as --to @online
    hint: they ended where they are, so a resume would not send them again
    ");

    // Several agents named, none online: the same.
    api.post(
        &format!("/v1/agents/{}/status", w.ana),
        json!({"status": "offline"}),
    )
    .expect(200);
    let run = sandbox.cli(
        &api.token,
        &["reassign", &ids[0], "--to", "ana", "--to", "bo", "--yes"],
    );
    run.fails(2, "no agent named is online");
    run.hints(
        "they are offline: name an online agent, or give the work to a pool such as --to @online",
    );
    assert!(!run.stderr.contains("--include-away"), "{}", run.stderr);

    // A pool is what --include-away widens: offered there, unless it is widened already.
    for a in ["ag_1", &w.cy] {
        api.post(
            &format!("/v1/agents/{a}/status"),
            json!({"status": "offline"}),
        )
        .expect(200);
    }
    let pooled = |args: &[&str]| -> Value {
        let run = sandbox.cli(
            &api.token,
            &[&["reassign", &ids[0], "--to", "@online", "--yes"][..], args].concat(),
        );
        // One id: one action, refused as one agent with no room refuses it (exit 6).
        let who = if args.is_empty() {
            "online"
        } else {
            "online or away"
        };
        let said = format!("no agent of @online is {who} with room under its max_load");
        run.fails(6, &format!("{said}; {} is left where it is", ids[0]));
        json!(
            run.stderr
                .lines()
                .filter(|l| l.starts_with("hint: "))
                .collect::<Vec<_>>()
        )
    };
    // Nobody is away: widening would add nobody, so it is not offered.
    assert_eq!(
        pooled(&[]),
        json!([
            "hint: @online takes only online agents below their max_load: `livectl queues` shows who is online and their loads; raise a max_load, or give the items left to agents named with --to"
        ])
    );
    bo(&api, &w, 0, "away");
    assert_eq!(
        pooled(&[]),
        json!([
            "hint: @online takes only online agents below their max_load: `livectl queues` shows who is online and their loads; raise a max_load, or give the items left to agents named with --to, or widen it to agents who are away with --include-away"
        ])
    );
    assert_eq!(
        pooled(&["--include-away"]),
        json!([
            "hint: @online (and away) takes only online and away agents below their max_load: `livectl queues` shows who is online and their loads; raise a max_load, or give the items left to agents named with --to"
        ])
    );
}

/// `assign --to AGENT --dry-run` said every item would be changed though the agent had room for
/// fewer; the run then left the rest where they were (exit 3). The dry run counts one agent's
/// room as a spread does, by filters and by ids alike, and says which items find none; the run
/// still sends each (one agent is taken at their word) and the platform refuses the rest.
#[test]
fn a_dry_run_to_one_agent_says_which_items_find_no_room() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 2, "online");
    let token = api.token.clone();
    let queued: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let dry = sandbox.cli(
        &token,
        &["assign", "--owner", "none", "--to", "bo", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    insta::assert_snapshot!(format!("{}--- stderr\n{}", dry.stdout, dry.stderr), @"
    iv_1	assign	1	agent ag_3
    iv_2	assign	1	agent ag_3
    iv_3	assign	1	not sent: Bo Chen (ag_3) is at its max_load of 2; left where it is
    --- stderr
    dry run: 2 interventions would be changed, 1 left where it is (Bo Chen (ag_3) is at its max_load of 2); nothing was sent
    ");
    let mut ids: Vec<&str> = vec!["assign"];
    ids.extend(queued.iter().map(String::as_str));
    ids.extend(["--to", "bo", "--dry-run"]);
    let by_ids = sandbox.cli(&token, &ids);
    assert_eq!(by_ids.code, 0, "{}", by_ids.stderr);
    assert!(
        by_ids
            .stdout
            .contains("not sent: Bo Chen (ag_3) is at its max_load of 2")
            && by_ids
                .stderr
                .contains("2 interventions would be changed, 1 left where"),
        "{}{}",
        by_ids.stdout,
        by_ids.stderr
    );
    // The run does what the dry run said: two given, one left where it is, in the same words.
    let run = sandbox.cli(
        &token,
        &["assign", "--owner", "none", "--to", "bo", "--yes"],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("skipped\tBo Chen (ag_3) is at its max_load of 2; left where it is"),
        "{}",
        run.stdout
    );
    // Sent at once, the items race for Bo's room: which one is left is the platform's draw.
    let owners: Vec<Value> = queued
        .iter()
        .map(|id| api.intervention(id)["owner"].clone())
        .collect();
    let bos = owners.iter().filter(|o| **o == json!(w.bo)).count();
    let left = owners.iter().filter(|o| o.is_null()).count();
    assert_eq!((bos, left), (2, 1), "{owners:?}");
}

/// Items the platform refuses whatever agent they name (closed, unknown) took room all the same:
/// with Bo at 0 of 2, a dry run of two completed and two queued said the queued ones found no
/// room; a spread over Bo and Cy (1 each) left both queued ones in the queue while the
/// completed ones were refused; and a pool's run kept the room of a pick the platform refused.
#[test]
fn items_the_platform_refuses_anyway_take_no_room() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 2, "online");
    let ids = |n: usize| -> Vec<String> {
        let mut ids: Vec<String> = (0..n).map(|_| w.in_state("completed")).collect();
        ids.extend((0..n).map(|_| w.queued()));
        ids
    };
    let args = |ids: &[String], tail: &[&'static str]| -> Vec<String> {
        let mut args = vec!["assign".to_owned()];
        args.extend(ids.iter().cloned());
        args.extend(tail.iter().map(|s| (*s).to_owned()));
        args
    };
    let run = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        sandbox.cli(&api.token, &args)
    };
    let first = ids(2);
    // An unknown id first: it takes no room either (the review: last, it proved nothing).
    let mut unknown_first = vec!["iv_999".to_owned()];
    unknown_first.extend(first.iter().cloned());
    let dry = run(&args(&unknown_first, &["--to", "bo", "--dry-run"]));
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(
        dry.stderr,
        "dry run: 2 interventions would be changed, 3 would be refused; nothing was sent\n"
    );

    // Two agents with room for one each: the completed ones are refused, both queued given.
    let cy = |max_load: u32| {
        api.post(
            "/v1/agents",
            json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com",
                "department": w.support, "max_load": max_load, "status": "online"}),
        )
        .expect(200);
    };
    bo(&api, &w, 1, "online");
    cy(1);
    let spread = run(&args(
        &first,
        &["--to", "bo,cy", "--yes", "--concurrency", "1"],
    ));
    spread.fails(3, "2 of 4 items failed");
    let owners: Vec<Value> = first[2..]
        .iter()
        .map(|id| api.intervention(id)["owner"].clone())
        .collect();
    assert_eq!(owners, [json!(w.bo), json!(w.cy)], "{}", spread.stdout);

    // A pool: each refused pick gives its room back to the items that follow.
    bo(&api, &w, 3, "online");
    let second = ids(2);
    // Each has one now, and room for one more.
    bo(&api, &w, 2, "online");
    cy(2);
    api.post(
        "/v1/agents",
        json!({"key": "ana", "name": "Ana Lima", "email": "ana@example.com", "role": "admin",
            "department": w.support, "max_load": 0}),
    )
    .expect(200);
    let pool = run(&args(
        &second,
        &["--to", "@department:support", "--yes", "--concurrency", "1"],
    ));
    pool.fails(3, "2 of 4 items failed");
    for id in &second[2..] {
        let owner = api.intervention(id)["owner"].clone();
        assert!(
            owner == json!(w.bo) || owner == json!(w.cy),
            "{id} given: {owner} {}",
            pool.stdout
        );
    }
}

/// Reassigning to one agent who owns some of the items: those are refused (the owner already),
/// and took room all the same, so items the agent had room for were said to find none.
#[test]
fn items_an_agent_owns_take_none_of_its_room() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 3, "online");
    for _ in 0..2 {
        w.in_state("assigned");
    }
    for _ in 0..2 {
        cys(&api, &w);
    }
    let dry = sandbox.cli(
        &api.token,
        &["reassign", "--state", "assigned", "--to", "bo", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    insta::assert_snapshot!(format!("{}--- stderr\n{}", dry.stdout, dry.stderr), @"
    iv_1	reassign	2	refused: ag_3 owns it already: reassign needs another agent
    iv_2	reassign	2	refused: ag_3 owns it already: reassign needs another agent
    iv_3	reassign	2	agent ag_3
    iv_4	reassign	2	not sent: Bo Chen (ag_3) is at its max_load of 3; left where it is
    --- stderr
    dry run: 1 intervention would be changed, 1 left where it is (Bo Chen (ag_3) is at its max_load of 3), 2 would be refused; nothing was sent
    ");
}

/// A reassign by ids to one agent with a max_load: its dry run judged the ids looked up, its
/// run counted them unlooked, so an item the dry run gave was left where it was (the review).
/// Both plan on the items as they stand: what the dry run says is what the run does.
#[test]
fn a_reassign_to_one_full_agent_does_what_its_dry_run_says() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 2, "online");
    let bos = w.in_state("assigned");
    let (first, second) = (cys(&api, &w), cys(&api, &w));
    let args = ["reassign", &bos, &first, &second, "--to", "bo"];
    let dry = sandbox.cli(&api.token, &[&args[..], &["--dry-run"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(
        dry.stderr,
        "dry run: 1 intervention would be changed, 1 left where it is (Bo Chen (ag_3) is at its \
         max_load of 2), 1 would be refused; nothing was sent\n"
    );
    let run = sandbox.cli(&api.token, &[&args[..], &["--yes"]].concat());
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        api.intervention(&first)["owner"],
        json!(w.bo),
        "{}",
        run.stdout
    );
    assert_eq!(api.intervention(&second)["owner"], json!(w.cy));
}

/// A run that would change nothing (every item left where it is for want of room) asked to be
/// confirmed all the same: "0 interventions, 2 left where they are (…)? (y/n)". It is not asked
/// about, on a terminal or off one (where it asked for --yes): it says what it would do, as its
/// dry run counts it, and ends before anything is sent with exit 3, as a run that left its items
/// undone ends.
#[test]
fn a_run_that_would_change_nothing_is_not_asked_about_and_sends_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 1, "online");
    let full = w.queued();
    api.post(
        &format!("/v1/interventions/{full}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    let ids = [cys(&api, &w), cys(&api, &w)];
    let said = "error: reassign to Bo Chen would change no intervention: 2 left where they are \
                (Bo Chen (ag_3) is at its max_load of 1); nothing was sent\n\
                hint: Bo Chen (ag_3) takes at most 1 (its max_load): raise a max_load, or give the \
                items left to another agent or to a pool such as --to @online; `livectl queues` \
                shows each agent's load\n";
    let before = api.everything();

    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm")
        .args(["reassign", &ids[0], &ids[1], "--to", "bo"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    let shown = p.exp_eof().unwrap();
    let code = crate::terminal::exit_code(&mut p);
    assert_eq!((code, shown.replace("\r\n", "\n")), (3, said.to_owned()));

    // Off a terminal, without --yes: the same, rather than "pass --yes".
    let run = sandbox.cli(&api.token, &["reassign", &ids[0], &ids[1], "--to", "bo"]);
    assert_eq!((run.code, run.stderr.as_str()), (3, said));
    let run = sandbox.cli(&api.token, &["reassign", "--from", "cy", "--to", "bo"]);
    assert_eq!((run.code, run.stderr.as_str()), (3, said));
    assert_eq!(api.everything(), before, "nothing was sent");
    let runs = sandbox.home.path().join("state/livectl/runs");
    let journals = std::fs::read_dir(&runs).map_or(0, |dir| dir.count());
    assert_eq!(journals, 0, "no journal is left in {}", runs.display());
}

/// One id given to one agent with no room was a bulk run of one: a journal, "1 of 1 item was
/// left where it is" and exit 3, where `assign` of one id says the platform's refusal with
/// exit 6 (hostile-input check). One id is sent at once, whatever the agent's load.
#[test]
fn one_id_to_a_full_agent_is_refused_as_one_action_with_no_journal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 1, "online");
    w.in_state("assigned");
    let cy = cys(&api, &w);
    let queued = w.queued();
    for (args, id) in [
        (vec!["reassign", cy.as_str(), "--to", "bo"], &cy),
        (vec!["assign", queued.as_str(), "--to", "bo"], &queued),
    ] {
        let run = sandbox.cli(&api.token, &args);
        // Said as a bulk run says it, by the agent's name, with what would place it.
        run.fails(
            6,
            &format!("Bo Chen (ag_3) is at its max_load of 1; {id} is left where it is (now "),
        );
        run.hints("Bo Chen (ag_3) takes at most 1 (its max_load): raise a max_load, or give the items left to another agent or to a pool such as --to @online; `livectl queues` shows each agent's load");
        run.hints(&format!("look at it as it is now with `livectl show {id}`"));
        assert!(!run.stderr.contains("journal"), "{}", run.stderr);
    }
    let runs = sandbox.home.path().join("state/livectl/runs");
    assert!(
        std::fs::read_dir(&runs).map_or(true, |d| d.count() == 0),
        "no journal"
    );
    assert_eq!(api.intervention(&cy)["owner"], json!(w.cy));
    // With room made, the same command does it.
    bo(&api, &w, 2, "online");
    let run = sandbox.cli(&api.token, &["reassign", &cy, "--to", "bo"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(api.intervention(&cy)["owner"], json!(w.bo));
}

/// A spread with room for fewer items than the queue holds serves the queue as a queue: those
/// waiting longest first. It placed the items in id order, so one created early but queued
/// late (returned, or queued by another system) went before one that had waited for hours.
#[test]
fn a_spread_short_of_room_serves_the_longest_waiting_first() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    bo(&api, &w, 1, "online");
    api.post(
        "/v1/agents",
        json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "department": w.support,
            "max_load": 1, "status": "online"}),
    )
    .expect(200);
    // iv_1 to iv_4, created in that order; iv_3 and iv_2 have waited longest.
    for (n, at) in ["10:30", "10:10", "10:00", "10:20"].iter().enumerate() {
        api.post(
            "/v1/conversations",
            json!({"key": format!("c-{n}"), "user": {"key": format!("u-{n}"), "name": "U", "channel": "web"},
                "intervention": {"summary": "help", "department": w.support,
                    "queued_at": format!("2026-11-24T{at}:00Z")}}),
        )
        .expect(201);
    }
    let token = api.token.clone();
    let dry = sandbox.cli(
        &token,
        &["assign", "--owner", "none", "--to", "bo,cy", "--dry-run"],
    );
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    insta::assert_snapshot!(format!("{}--- stderr\n{}", dry.stdout, dry.stderr), @"
    iv_3	assign	1	agent ag_3
    iv_2	assign	1	agent ag_4
    iv_4	assign	1	not sent: neither Bo Chen (ag_3) nor Cy Diaz (ag_4) can take it: each is at its max_load; left where it is
    iv_1	assign	1	not sent: neither Bo Chen (ag_3) nor Cy Diaz (ag_4) can take it: each is at its max_load; left where it is
    --- stderr
    dry run: 2 interventions would be changed, 2 left where they are (neither Bo Chen (ag_3) nor Cy Diaz (ag_4) can take it: each is at its max_load); nothing was sent
    dry run: would give Bo Chen (ag_3) 1, Cy Diaz (ag_4) 1
    ");
    let run = sandbox.cli(
        &token,
        &["assign", "--owner", "none", "--to", "bo,cy", "--yes"],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let owned: Vec<bool> = (1..=4)
        .map(|n| !api.intervention(&format!("iv_{n}"))["owner"].is_null())
        .collect();
    assert_eq!(owned, [false, true, true, false]);
}
