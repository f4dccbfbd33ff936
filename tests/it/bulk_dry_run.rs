//! A dry run by ids (arguments or stdin) says what the run would do with each intervention as it
//! stands: a dry run by ids used to count every id as a change, queued ones for `return`, final
//! ones and ids that do not exist included, where the run itself would be refused on each.

use crate::harness::{Sandbox, Workspace};

#[test]
fn a_dry_run_by_ids_says_which_the_run_would_refuse_and_why() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = w.queued();
    let assigned = w.in_state("assigned");
    let completed = w.in_state("completed");
    let missing = "iv_999";
    assert_eq!(
        [queued.as_str(), &assigned, &completed],
        ["iv_1", "iv_2", "iv_3"]
    );
    let before = api.everything();
    let ids = [queued.as_str(), &assigned, &completed, missing];
    let dry = |format: &[&str]| {
        let run = sandbox.cli(
            &api.token,
            &[&["return"][..], &ids, &["--dry-run"], format].concat(),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        format!("{}--- stderr\n{}", run.stdout, run.stderr)
    };
    insta::assert_snapshot!(dry(&[]), @"
    iv_1	return	-	refused: queued: return acts on assigned
    iv_2	return	-	
    iv_3	return	-	refused: completed: return acts on assigned
    iv_999	return	-	refused: not found
    --- stderr
    dry run: 1 intervention would be changed, 3 would be refused; nothing was sent
    ");
    insta::assert_snapshot!(dry(&["-o", "json"]), @r#"
    [
    {"action":"return","body":{},"id":"iv_1","not_sent":"queued: return acts on assigned"},
    {"action":"return","body":{},"id":"iv_2","not_sent":null},
    {"action":"return","body":{},"id":"iv_3","not_sent":"completed: return acts on assigned"},
    {"action":"return","body":{},"id":"iv_999","not_sent":"not found"}
    ]
    --- stderr
    dry run: 1 intervention would be changed, 3 would be refused; nothing was sent
    "#);
    insta::assert_snapshot!(dry(&["-o", "csv"]), @"
    id,action,version,body,not_sent
    iv_1,return,,{},queued: return acts on assigned
    iv_2,return,,{},
    iv_3,return,,{},completed: return acts on assigned
    iv_999,return,,{},not found
    --- stderr
    dry run: 1 intervention would be changed, 3 would be refused; nothing was sent
    ");
    // The same ids on stdin, the same plan.
    let piped = sandbox.cli_stdin(
        &api.token,
        &["return", "-", "--dry-run", "-o", "ids"],
        &format!("{}\n", ids.join("\n")),
    );
    assert_eq!(
        (piped.code, piped.stdout.as_str(), piped.stderr.as_str()),
        (
            0,
            "iv_1\niv_2\niv_3\niv_999\n",
            "dry run: 1 intervention would be changed, 3 would be refused; \
             nothing was sent\n"
        )
    );
    // Refused for want of --yes, the ids are not looked up: a GET an id only to say "pass
    // --yes" (a million of them on stdin) helps nobody; the dry run the hint names does.
    let unconfirmed = sandbox.cli(&api.token, &[&["-v", "return"][..], &ids].concat());
    unconfirmed.fails(
        2,
        "this run names 4 interventions (return to the queue); nothing was changed",
    );
    unconfirmed.hints("stdin is not a terminal, so nobody can be asked to confirm: pass --yes to go ahead, or --dry-run to see what it would do");
    assert!(
        !unconfirmed.stderr.contains("/v1/interventions/"),
        "{}",
        unconfirmed.stderr
    );
    // On a terminal, --no-input is the reason said (review: "without a terminal" was said).
    let no_input = sandbox.cli_env(
        &api.token,
        &[&["--no-input", "return"][..], &ids].concat(),
        &[("LIVECTL_FORCE_TTY", "1")],
    );
    no_input.fails(2, "this run names 4 interventions");
    no_input.hints("--no-input asks nobody, so nobody can be asked to confirm: pass --yes to go ahead, or --dry-run to see what it would do");
    assert_eq!(api.everything(), before, "nothing was sent");
}

/// An agent's token: what it may not see, and what its role may not do, as the platform would
/// refuse them.
#[test]
fn a_dry_run_by_ids_says_what_an_agents_role_would_be_refused() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = w.queued();
    let bos = w.in_state("assigned");
    let cys = w.queued();
    api.post(
        &format!("/v1/interventions/{cys}/assign"),
        serde_json::json!({"agent": w.cy}),
    )
    .expect(200);
    let bo = sandbox.home.token(Some("bo"));
    let run = sandbox.cli(&bo, &["cancel", &queued, &bos, &cys, "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(format!("{}--- stderr\n{}", run.stdout, run.stderr), @"
    iv_1	cancel	-	refused: forbidden: nobody owns it, so only an admin may cancel it
    iv_2	cancel	-	
    iv_3	cancel	-	refused: forbidden: intervention iv_3 is neither queued nor yours: an agent sees the queued interventions and its own; ask an admin
    --- stderr
    dry run: 1 intervention would be changed, 2 would be refused; nothing was sent
    ");
    // Assigning to someone else is an admin's, and only from the queue; reassigning to the owner
    // is no change.
    let run = sandbox.cli(&bo, &["assign", &queued, &bos, "--to", "cy", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(format!("{}--- stderr\n{}", run.stdout, run.stderr), @"
    iv_1	assign	-	refused: forbidden: an agent may assign only to itself (ag_3); only an admin may assign to ag_4
    iv_2	assign	-	refused: assigned: assign acts on queued
    --- stderr
    dry run: 0 interventions would be changed, 2 would be refused; nothing was sent
    ");
    let run = sandbox.cli(
        &api.token,
        &["reassign", &bos, &cys, "--to", "cy", "--dry-run"],
    );
    insta::assert_snapshot!(format!("{}--- stderr\n{}", run.stdout, run.stderr), @"
    iv_2	reassign	-	agent ag_4
    iv_3	reassign	-	refused: ag_4 owns it already: reassign needs another agent
    --- stderr
    dry run: 1 intervention would be changed, 1 would be refused; nothing was sent
    ");
    // On a terminal, agents are named as its table names them, the reasons too (they said
    // `ag_4 owns it already` beside `agent Cy Diaz`: supervisor check); piped, ids as above.
    let tty = [("LIVECTL_FORCE_TTY", "1"), ("COLUMNS", "200")];
    let run = sandbox.cli_env(
        &api.token,
        &["reassign", &bos, &cys, "--to", "cy", "--dry-run"],
        &tty,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("agent Cy Diaz")
            && run
                .stdout
                .contains("refused: Cy Diaz owns it already: reassign needs another agent"),
        "{}",
        run.stdout
    );
    let run = sandbox.cli_env(&bo, &["assign", &queued, "--to", "cy", "--dry-run"], &tty);
    assert!(
        run.stdout.contains(
            "refused: forbidden: an agent may assign only to itself (Bo Chen); only an admin \
             may assign to Cy Diaz"
        ),
        "{}",
        run.stdout
    );
}

/// A dry run by filters with an agent's token promised every item it listed ("2 interventions
/// would be changed"), which the run then saw refused 403 one by one. The listing says what
/// the platform would judge (owner, state, version): each item is judged as listed, with no
/// request more.
#[test]
fn a_dry_run_by_filters_says_what_an_agents_role_would_be_refused() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    w.queued();
    w.queued();
    let bo = sandbox.home.token(Some("bo"));
    let run = sandbox.cli(&bo, &["-v", "cancel", "--state", "queued", "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "iv_1\tcancel\t1\trefused: forbidden: nobody owns it, so only an admin may cancel it\n\
         iv_2\tcancel\t1\trefused: forbidden: nobody owns it, so only an admin may cancel it\n"
    );
    assert!(
        run.stderr.ends_with(
            "dry run: 0 interventions would be changed, 2 would be refused; nothing was sent\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("GET /v1/interventions/iv_"),
        "judged as listed, not looked up: {}",
        run.stderr
    );
    let run = sandbox.cli(
        &bo,
        &["assign", "--state", "queued", "--to", "cy", "--dry-run"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.lines().count() == 2
            && run.stdout.lines().all(|l| l.ends_with(
                "refused: forbidden: an agent may assign only to itself (ag_3); only an admin may \
                 assign to ag_4"
            )),
        "{}",
        run.stdout
    );
    // Without --yes, the count is judged the same way (it was free): a run that would change
    // nothing is not asked for a --yes, which would only send what the platform refuses. The
    // caller may act on none: exit 4, as the same run sent ends (the review: it was 3 here).
    let unasked = sandbox.cli(&bo, &["cancel", "--state", "queued"]);
    unasked.fails(
        4,
        "cancel would change no intervention: 2 would be refused; nothing was sent",
    );
    unasked.hints("--dry-run lists each item with why the platform would refuse it");
    unasked.hints("run it with an admin's token, or, for one assigned, with its owner's");
    // The run then meets what the dry run said.
    sandbox
        .cli(&bo, &["cancel", "--state", "queued", "--yes"])
        .fails(4, "");
}

/// A dry run of a resume printed what the resume would send without looking it up, where a dry
/// run by ids says which the platform would refuse as they stand. Items sent before (in flight,
/// or failed for a reason that may pass) are left as they are: their keys may replay what the
/// platform answered then.
#[test]
fn a_dry_run_of_a_resume_looks_up_what_it_would_send() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids = [
        w.in_state("assigned"),
        w.in_state("assigned"),
        w.in_state("assigned"),
    ];
    // The token expires at the first action: the first item meets it, the rest is never sent.
    let expiring = Sandbox::start_in(clean.home.clone(), &["--faults", "expire=0"]);
    let journal = clean.home.path().join("return.ndjson");
    let path = journal.to_str().unwrap();
    let mut args = vec!["return", "--yes", "--concurrency", "1", "--journal", path];
    args.extend(ids.iter().map(String::as_str));
    args.push("iv_999");
    expiring
        .cli(&api.token, &args)
        .fails(4, "the platform stopped accepting the token");
    drop(expiring);
    // Both completed since: the one never sent is refused as it stands; the one sent before
    // (its answer lost to the 401) is left to what its key replays, so no verdict.
    for id in [&ids[0], &ids[1]] {
        api.post(
            &format!("/v1/interventions/{id}/complete"),
            serde_json::json!({"topic": w.topic, "outcome": w.outcome}),
        )
        .expect(200);
    }
    let before = api.everything();
    let run = clean.cli(&api.token, &["return", "--resume", path, "--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header = std::fs::read_to_string(&journal).unwrap();
    let header: serde_json::Value = serde_json::from_str(header.lines().next().unwrap()).unwrap();
    let text = format!("{}--- stderr\n{}", run.stdout, run.stderr)
        .replace(header["run_id"].as_str().unwrap(), "[id]");
    insta::assert_snapshot!(text, @"
    iv_1	return	-	
    iv_2	return	-	refused: completed: return acts on assigned
    iv_3	return	-	
    iv_999	return	-	refused: not found
    --- stderr
    dry run: resuming run [id] would send 2 interventions, 2 would be refused; nothing was sent
    ");
    assert_eq!(api.everything(), before, "a dry run changes nothing");
}

/// A dry run that spreads ids over agents looked each intervention up twice: once for its owner
/// (never given its own item), once to say whether the platform would refuse it.
#[test]
fn a_dry_run_spread_by_ids_looks_each_intervention_up_once() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids = [w.in_state("assigned"), w.in_state("completed")];
    let run = sandbox.cli(
        &api.token,
        &[
            "-v",
            "reassign",
            &ids[0],
            &ids[1],
            "--to",
            "ana",
            "--to",
            "cy",
            "--dry-run",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{}\treassign\t-\tagent {}\n{}\treassign\t-\trefused: completed: reassign acts on \
             assigned\n",
            ids[0], w.ana, ids[1]
        )
    );
    for id in &ids {
        let asked = run
            .stderr
            .lines()
            .filter(|l| l.contains("GET ") && l.ends_with(&format!("/v1/interventions/{id}")))
            .count();
        assert_eq!(asked, 1, "{id}: {}", run.stderr);
    }
}
