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
