//! `livectl stuck`: what counts as stuck, and fixes that do not move the same items twice.

use serde_json::Value;

use crate::harness::Home;

fn stuck_ids(home: &Home) -> Vec<String> {
    let out = home.cli(&["stuck", "-o", "json", "-q"]).ok();
    let stuck: Vec<Value> = serde_json::from_str(&out).unwrap();
    stuck
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_reassigning_fix_run_twice_moves_nothing_the_second_time() {
    let home = Home::new();
    assert!(!stuck_ids(&home).is_empty(), "the demo has stuck takeovers");
    let first = home.cli(&[
        "stuck", "--fix", "reassign", "--to", "ana", "--to", "dee", "--yes", "-o", "json", "-q",
    ]);
    let summary: Value = serde_json::from_str(&first.ok()).unwrap();
    assert!(summary["done"].as_u64().unwrap() > 0);
    // The users who waited for their former owner are not the new owners' delay.
    assert_eq!(
        stuck_ids(&home),
        Vec::<String>::new(),
        "nothing is stuck any more"
    );
    let second = home.cli(&[
        "stuck", "--fix", "reassign", "--to", "ana", "--to", "dee", "--yes", "-q",
    ]);
    assert_eq!(second.code, 0, "{}", second.stderr);
}

/// A fix's dry run judges what `stuck` listed, asking for nothing more: it sent a GET per
/// stuck intervention once a plan by filters was judged (the review of 244401a).
#[test]
fn a_fix_s_dry_run_judges_what_stuck_listed_without_asking_again() {
    let home = Home::new();
    let ids = stuck_ids(&home);
    assert!(!ids.is_empty(), "the demo has stuck takeovers");
    let dry = home.cli(&["-v", "stuck", "--fix", "return", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    for id in &ids {
        assert!(
            !dry.stderr.contains(&format!("GET /v1/interventions/{id}")),
            "{id} asked for again: {}",
            dry.stderr
        );
    }
    assert!(dry.stderr.contains("would be changed"), "{}", dry.stderr);
}

#[test]
fn a_fix_resumes_without_naming_the_fix_again() {
    let home = Home::new();
    let journal = home.path().join("fix.ndjson");
    let journal = journal.to_str().unwrap();
    let fixed = home.cli(&[
        "stuck",
        "--fix",
        "return",
        "--yes",
        "-q",
        "--journal",
        journal,
    ]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    // The journal says which fix: `--fix` need not be given again.
    let resumed = home.cli(&["stuck", "--resume", journal, "--yes"]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed.stderr.contains("nothing left"),
        "{}",
        resumed.stderr
    );
    // Another command's journal is named, with the command that resumes it.
    let other = home.path().join("cancel.ndjson");
    let other = other.to_str().unwrap();
    let ids = home.cli(&["list", "--state", "queued", "-o", "ids"]).ok();
    let first = ids.lines().next().unwrap();
    home.cli(&["cancel", first, "--yes", "-q", "--journal", other])
        .ok();
    let refused = home.cli(&["stuck", "--resume", other]);
    refused.fails(
        2,
        "is the journal of a run of `cancel`, not of `stuck --fix`",
    );
    refused.hints(&format!("resume it with `livectl cancel --resume {other}`"));
}

/// Agents named for a fix that moves nothing to agents were dropped without a word:
/// `stuck --fix return --to ana` returned them all and exited 0.
#[test]
fn agents_named_for_a_fix_that_names_none_are_refused() {
    let home = crate::harness::Home::new();
    let before = home.cli(&["list", "--state", "all", "-o", "json"]).ok();
    for (args, said) in [
        (
            &["stuck", "--fix", "return", "--to", "ana", "--yes"][..],
            "--to goes with --fix reassign; --fix return names no agent",
        ),
        (
            &["stuck", "--fix", "cancel", "--include-away", "--yes"][..],
            "--include-away goes with --fix reassign; --fix cancel names no agent",
        ),
        (
            &["stuck", "--include-away"][..],
            "--include-away goes with --fix reassign",
        ),
    ] {
        let run = home.cli(args);
        run.fails(2, said);
        assert!(
            run.stderr
                .contains("hint: to move them to agents: `livectl stuck --fix reassign --"),
            "{}",
            run.stderr
        );
    }
    // The command the hint gives runs: --fix reassign needs its agents.
    home.cli(&["stuck", "--include-away"])
        .hints("to move them to agents: `livectl stuck --fix reassign --include-away --to AGENT`");
    assert_eq!(
        home.cli(&["list", "--state", "all", "-o", "json"]).ok(),
        before,
        "nothing changed"
    );
}

/// An agent's token sees only the queued interventions and its own: `stuck` said "nothing is
/// stuck" to Bo while an admin saw four, Sam's offline takeovers among them (on-call check).
/// It says whose view it is, empty or not.
#[test]
fn an_agent_s_stuck_says_it_sees_only_what_an_agent_sees() {
    let home = Home::new();
    assert!(!stuck_ids(&home).is_empty(), "the demo has stuck takeovers");
    let bo = home.cli(&["sandbox", "token", "--agent", "bo"]).ok();
    let bo = bo.trim();
    let as_bo = |args: &[&str]| home.cli_env(args, &[("LIVECTL_TOKEN", bo)]);
    // Bo's view lists fewer than the admin's, and says so.
    let run = as_bo(&["stuck", "-o", "ids"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let admins = stuck_ids(&home);
    let bos: Vec<&str> = run.stdout.lines().collect();
    assert!(
        !bos.is_empty()
            && bos.len() < admins.len()
            && bos.iter().all(|id| admins.contains(&id.to_string())),
        "{bos:?} of {admins:?}"
    );
    assert_eq!(
        run.stderr,
        "these are the stuck ones among the interventions Bo Chen sees: an agent sees the queued \
         interventions and its own; an admin's token sees every one\n"
    );
    // Nothing in Bo's view: not "nothing is stuck", as if the workspace had nothing.
    let patient = ["--queued", "1000h", "--no-reply", "1000h"];
    let run = as_bo(&[&["stuck"][..], &patient].concat());
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "",
            "nothing is stuck among the interventions Bo Chen sees: an agent sees the queued \
             interventions and its own; an admin's token sees every one\n"
        )
    );
    let json = as_bo(&[&["stuck", "-o", "json"][..], &patient].concat());
    assert_eq!(json.stdout, "[]\n");
    assert!(
        json.stderr.contains("among the interventions Bo Chen sees"),
        "{}",
        json.stderr
    );
    // An admin's is every one, said without a word of roles.
    let admin = home.cli(&[&["stuck"][..], &patient].concat());
    assert!(!admin.stdout.is_empty(), "the offline owner's takeovers");
    assert_eq!(admin.stderr, "");
}

/// `stuck --sort why` groups the reasons by kind, the longest wait first within each, as every
/// sort by an instant does (`queues --sort oldest`); `-why` the other way. It compared the
/// reasons as JSON text, so 72 seconds came after 3975 (new user).
#[test]
fn sorted_by_why_it_groups_the_reasons_the_longest_wait_first() {
    let home = Home::new();
    let order = |sort: &str| -> Vec<(String, String)> {
        let args = [
            "stuck",
            "--no-reply",
            "1m",
            "--queued",
            "1m",
            "--sort",
            sort,
            "-o",
            "json",
            "-q",
        ];
        let stuck: Vec<Value> = serde_json::from_str(&home.cli(&args).ok()).unwrap();
        stuck
            .iter()
            .map(|s| {
                let first = &s["reasons"][0];
                let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
                (text(&first["kind"]), text(&first["since"]))
            })
            .collect()
    };
    let ascending = order("why");
    let mut sorted = ascending.clone();
    sorted.sort();
    assert_eq!(ascending, sorted);
    let kinds: std::collections::BTreeSet<&str> =
        ascending.iter().map(|(kind, _)| kind.as_str()).collect();
    assert!(
        kinds.len() >= 3,
        "the demo has reasons of several kinds: {kinds:?}"
    );
    // The longest wait first within a kind: the earliest instant, the most seconds.
    let mut descending = order("-why");
    descending.reverse();
    assert_eq!(descending, sorted);
    assert_eq!(
        order("reasons"),
        ascending,
        "the field sorts as its column does"
    );
}

/// `stuck` narrowed as a list is, and by why: on call at night, only what an absent owner
/// holds, or one agent's, or one department's, is fixed. It took no filter, and `--fix` acted
/// on everything stuck (new user).
#[test]
fn what_is_stuck_is_narrowed_by_owner_department_and_rule() {
    let home = Home::new();
    let ids = |args: &[&str]| {
        let out = home
            .cli(&[&["stuck", "-o", "json", "-q"], args].concat())
            .ok();
        let stuck: Vec<Value> = serde_json::from_str(&out).unwrap();
        stuck
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids(&["--rule", "owner-offline,owner-away"]),
        ["iv_14", "iv_15", "iv_16"]
    );
    assert_eq!(ids(&["--owner", "sam"]), ["iv_14", "iv_15"]);
    assert_eq!(
        ids(&[
            "--department",
            "billing",
            "--rule",
            "queued",
            "--queued",
            "1h"
        ]),
        ["iv_2"]
    );
    assert_eq!(ids(&["--state", "queued", "--rule", "owner-away"]), [""; 0]);
    // Nothing stuck among those chosen is said so, not as "nothing is stuck".
    let none = home.cli(&["stuck", "--owner", "ana"]);
    assert_eq!(
        (none.code, none.stdout.as_str(), none.stderr.as_str()),
        (
            0,
            "",
            "nothing is stuck among the interventions chosen (--owner ana)\n"
        )
    );
    // Every state means the open ones.
    assert_eq!(
        ids(&["--state", "all", "--owner", "sam"]),
        ["iv_14", "iv_15"]
    );
    // An agent's token is told what it does not see, filters or not (it was dropped once a
    // filter was given: review).
    let bo = home.cli(&["sandbox", "token", "--agent", "bo"]).ok();
    let unseen = home.cli_env(
        &["stuck", "--rule", "owner-offline"],
        &[("LIVECTL_TOKEN", bo.trim())],
    );
    assert_eq!(unseen.code, 0, "{}", unseen.stderr);
    assert!(
        unseen.stderr.contains(
            "nothing is stuck among the interventions chosen (--rule owner-offline) that Bo Chen \
             sees: "
        ) && unseen.stderr.contains("an admin's token sees every one"),
        "{}",
        unseen.stderr
    );
    // A fix acts on those chosen alone.
    let fixed = home.cli(&[
        "stuck",
        "--rule",
        "owner-offline",
        "--fix",
        "return",
        "--yes",
        "-q",
    ]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    assert_eq!(ids(&["--rule", "owner-offline"]), [""; 0]);
    assert_eq!(ids(&["--rule", "owner-away"]), ["iv_16"], "not returned");

    // Given wrong.
    home.cli(&["stuck", "--rule", "sleepy"]).fails(
        2,
        "`sleepy` is not a rule; the rules are owner-offline, owner-away, owner-inactive, queued, no-reply",
    );
    home.cli(&["stuck", "--state", "completed"]).fails(
        2,
        "--state completed: stuck looks at open interventions only (queued, assigned or open)",
    );
    // A threshold for a rule left out is refused, not ignored, as the autopilot refuses it.
    home.cli(&["stuck", "--rule", "owner-offline", "--queued", "1h"]).fails(
        2,
        "--queued 1h sets the queued rule's threshold, which --rule leaves out; add --rule queued or leave out --queued",
    );
    home.cli(&["stuck", "--owner", "nobody-such"])
        .fails(5, "nobody-such");
    let journal = home.path().join("fix.ndjson");
    home.cli(&[
        "stuck",
        "--resume",
        journal.to_str().unwrap(),
        "--owner",
        "sam",
    ])
    .fails(
        2,
        "--resume takes the interventions from the journal; give no filters or rules",
    );
}
