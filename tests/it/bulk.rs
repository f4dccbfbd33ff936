//! Bulk runs: exactly once under faults and kills, skipped when changed meanwhile, safe by
//! default, resumable from the journal.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{Api, Run, Sandbox, Workspace};

/// Every intervention acted on by `action`, with how many times.
pub(crate) fn acted(api: &Api, action: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for e in api.all(&format!("/v1/audit?action={action}")) {
        *counts
            .entry(e["intervention_id"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    counts
}

#[test]
fn two_thousand_assigns_and_a_spread_reassign_under_faults_act_exactly_once() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..2000).map(|_| w.queued()).collect();
    // As the issue measured it: one request in five fails, some connections drop after the
    // action committed, some are throttled. One run, no resume, ends with every item done once:
    // what exhausts its retries gets end-of-run passes with its same key (with --retries 0, the
    // assign of this seed ends whole, but four items of the reassign fail and it exits 3).
    let faulty = Sandbox::start_in(
        clean.home.clone(),
        &["--faults", "error=0.2,drop=0.05,throttle=0.05,seed=1"],
    );
    let dir = clean.home.path();

    let journal = dir.join("assign.ndjson");
    let journal = journal.to_str().unwrap();
    let run = faulty.cli(
        &api.token,
        &[
            "assign",
            "--owner",
            "none",
            "--to",
            "bo",
            "-q",
            "--yes",
            "--journal",
            journal,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let assigned = acted(&api, "assigned");
    assert_eq!(
        assigned.keys().cloned().collect::<HashSet<_>>(),
        ids,
        "every item was assigned"
    );
    assert!(assigned.values().all(|n| *n == 1), "and none twice");

    let journal = dir.join("reassign.ndjson");
    let journal = journal.to_str().unwrap();
    let run = faulty.cli(
        &api.token,
        &[
            "reassign",
            "--from",
            "bo",
            "--to",
            "ana",
            "--to",
            "cy",
            "-q",
            "--yes",
            "--journal",
            journal,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reassigned = acted(&api, "reassigned");
    assert_eq!(reassigned.len(), 2000);
    assert!(
        reassigned.values().all(|n| *n == 1),
        "none reassigned twice"
    );
    let queues = api.get("/v1/queues").expect(200);
    let load: HashMap<&str, i64> = queues["agents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["agent"].as_str().unwrap(), q["count"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        (
            load[w.ana.as_str()],
            load[w.cy.as_str()],
            load[w.bo.as_str()]
        ),
        (1000, 1000, 0),
        "spread evenly"
    );
}

#[test]
fn a_page_of_the_listing_that_fails_its_retries_is_asked_again_as_items_are() {
    // CI, 2026-11-29: under one fault in three, the second page of a reassign's listing failed
    // its five attempts; the run stopped after the first 1,000 items with exit 1 and a resume
    // hint, though a failed item would have been sent again in an end-of-run pass.
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..1001).map(|_| w.queued()).collect();
    // Seed 703 makes the first page pass, the five attempts of the second (a page holds 1,000)
    // fail, and its sixth pass: see `faults.rs`, whose draws depend on the request alone.
    let faulty = Sandbox::start_in(clean.home.clone(), &["--faults", "error=0.3,seed=703"]);
    let journal = clean.home.path().join("cancel.ndjson");
    let run = faulty.cli(
        &api.token,
        &[
            "cancel",
            "--owner",
            "none",
            "-q",
            "-vv",
            "--yes",
            "--journal",
            journal.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let again: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| {
            l.contains("  asking for GET /v1/interventions/refs?") && l.contains(" again in ")
        })
        .collect();
    assert_eq!(again.len(), 1, "{}", run.stderr);
    assert!(
        again[0].contains("in 1000 ms (pass 1 of 2) after: ")
            && again[0].contains("injected fault"),
        "{}",
        again[0]
    );
    let cancelled = acted(&api, "cancelled");
    assert_eq!(
        cancelled.keys().cloned().collect::<HashSet<_>>(),
        ids,
        "every item was cancelled, the one on the second page too"
    );
    assert!(cancelled.values().all(|n| *n == 1), "and none twice");
}

/// livectl from `sandbox`'s HOME against `url` with `token` and `args`, no stdin.
pub(crate) fn livectl_at(
    sandbox: &Sandbox,
    url: &str,
    token: &str,
    args: &[&str],
) -> std::process::Command {
    let mut command = sandbox.home.livectl();
    command
        .env("LIVECTL_API_URL", url)
        .env("LIVECTL_TOKEN", token)
        .args(args)
        .stdin(Stdio::null());
    command
}

fn spawn(sandbox: &Sandbox, token: &str, args: &[&str]) -> Child {
    livectl_at(sandbox, &sandbox.url, token, args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until the journal holds `line` (a part of one).
fn wait_for_line(journal: &std::path::Path, line: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let text = std::fs::read_to_string(journal).unwrap_or_default();
        if text.contains(line) {
            return text;
        }
        assert!(Instant::now() < deadline, "the journal never held {line}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// A cancel of 3 queued interventions, one at a time at `rate` a second, with its journal,
/// once its first item ended: the sandbox, its API, the journal's text then and the run.
fn paced_cancel(rate: &str) -> (Sandbox, Api, String, Child) {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..3 {
        w.queued();
    }
    let journal = sandbox.home.path().join("paced.ndjson");
    let child = spawn(
        &sandbox,
        &api.token,
        &[
            "cancel",
            "--state",
            "queued",
            "--yes",
            "--journal",
            journal.to_str().unwrap(),
            "--rate",
            rate,
            "--concurrency",
            "1",
        ],
    );
    let text = wait_for_line(&journal, r#"{"event":"end","n":0,"#);
    (sandbox, api, text, child)
}

/// Waits until the journal records at least `n` started items.
pub(crate) fn wait_for_starts(journal: &std::path::Path, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let text = std::fs::read_to_string(journal).unwrap_or_default();
        if text.matches("\"event\":\"start\"").count() >= n {
            return;
        }
        assert!(Instant::now() < deadline, "the run never reached {n} items");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn kill_9_at_random_moments_then_resume_acts_exactly_once() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..600).map(|_| w.queued()).collect();
    let journal = sandbox.home.path().join("run.ndjson");
    let path = journal.to_str().unwrap();
    let mut child = spawn(
        &sandbox,
        &api.token,
        &[
            "assign",
            "--owner",
            "none",
            "--to",
            "cy",
            "--yes",
            "--journal",
            path,
            "--rate",
            "400",
        ],
    );
    let mut rng = fastrand::Rng::new();
    let mut reached = 0;
    for _ in 0..3 {
        reached += rng.usize(20..150);
        wait_for_starts(&journal, reached);
        child.kill().unwrap();
        child.wait().unwrap();
        child = spawn(
            &sandbox,
            &api.token,
            &["assign", "--resume", path, "--yes", "--rate", "400"],
        );
    }
    let status = child.wait().unwrap();
    assert!(status.success(), "the last resume finished the run");
    let assigned = acted(&api, "assigned");
    assert_eq!(assigned.keys().cloned().collect::<HashSet<_>>(), ids);
    assert!(assigned.values().all(|n| *n == 1), "no item acted on twice");
    let again = sandbox.cli(
        &api.token,
        &["assign", "--resume", path, "--yes", "-o", "json"],
    );
    let summary: Value = serde_json::from_str(&again.ok()).unwrap();
    assert_eq!(
        (summary["done"].as_u64(), summary["failed"].as_u64()),
        (Some(600), Some(0)),
        "a finished journal has nothing left"
    );
    assert_eq!(acted(&api, "assigned").len(), 600);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_dispatching_and_the_rest_resumes() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..200 {
        w.queued();
    }
    let journal = sandbox.home.path().join("interrupted.ndjson");
    let path = journal.to_str().unwrap();
    let child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args([
            "cancel",
            "--state",
            "queued",
            "--yes",
            "--journal",
            path,
            "--rate",
            "100",
            "-o",
            "json",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_starts(&journal, 20);
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["interrupted"], true);
    let done = summary["done"].as_u64().unwrap();
    assert!((20..200).contains(&done), "{done}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--resume"));
    assert_eq!(
        acted(&api, "cancelled").len() as u64,
        done,
        "in-flight items finished and were counted"
    );
    // Each worker's last end, held to share a write with its next start, was written when
    // it stopped (and before each wait for the rate): none is left for the resume to replay.
    let ends_done = std::fs::read_to_string(&journal)
        .unwrap()
        .lines()
        .filter(|l| l.contains(r#""event":"end""#) && l.contains(r#""outcome":"done""#))
        .count() as u64;
    assert_eq!(ends_done, done, "every item done has its end line");
    // A dry run of the resume lists what is left, sends nothing and leaves the journal as it
    // is, a last line torn by a kill included (a resume cuts it).
    let mut torn = std::fs::OpenOptions::new()
        .append(true)
        .open(&journal)
        .unwrap();
    std::io::Write::write_all(&mut torn, br#"{"event":"end","n":"#).unwrap();
    drop(torn);
    let before = std::fs::read(&journal).unwrap();
    let dry = sandbox.cli(
        &api.token,
        &["cancel", "--resume", path, "--dry-run", "-o", "ids"],
    );
    let left: String = api
        .all("/v1/interventions?state=queued")
        .iter()
        .map(|i| format!("{}\n", i["id"].as_str().unwrap()))
        .collect();
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert_eq!(dry.stdout, left);
    assert!(
        dry.stderr.ends_with(&format!(
            "would send {} intervention{}; nothing was sent\n",
            200 - done,
            if 200 - done == 1 { "" } else { "s" }
        )),
        "{}",
        dry.stderr
    );
    assert_eq!(
        acted(&api, "cancelled").len() as u64,
        done,
        "nothing was sent"
    );
    assert_eq!(
        std::fs::read(&journal).unwrap(),
        before,
        "the journal is as it was"
    );
    // The resume keeps the run's rate; what is given again (the concurrency) wins.
    let resumed = sandbox.cli(
        &api.token,
        &["cancel", "--resume", path, "--yes", "--concurrency", "4"],
    );
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed
            .stderr
            .contains("; concurrency 4, at most 100 a second, 2 end-of-run retries\n"),
        "{}",
        resumed.stderr
    );
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.len(), 200);
    assert!(cancelled.values().all(|n| *n == 1));
}

/// An item done is in the journal as done while the run waits for its rate: its end line is
/// not held back for the next item's start, which may be seconds away.
#[test]
fn a_done_items_end_is_written_before_the_run_waits_for_its_rate() {
    // One item every 2 seconds.
    let (_sandbox, _api, text, mut child) = paced_cancel("0.5");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        !text.contains(r#"{"event":"start","n":1,"#),
        "the first item's end waited for the second's start: {text}"
    );
    assert!(text.contains(r#""outcome":"done""#), "{text}");
}

/// A Ctrl-C while the run waits for its turn (the rate) stops it then, not at the next turn.
#[cfg(unix)]
#[test]
fn ctrl_c_while_the_run_waits_for_its_rate_stops_it_then() {
    // The next turn is 100 seconds after the first.
    let (_sandbox, api, _, mut child) = paced_cancel("0.01");
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("still waiting for its next turn after a Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    assert_eq!(status.code(), Some(130));
    assert_eq!(acted(&api, "cancelled").len(), 1, "nothing sent after it");
}

#[test]
fn a_partial_failure_exits_3_and_names_the_failed_items() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ok: Vec<String> = (0..3).map(|_| w.in_state("assigned")).collect();
    let done = w.in_state("completed");
    let mut args = vec!["return", "--yes", "-q"];
    args.extend(ok.iter().map(String::as_str));
    args.extend([done.as_str(), "iv_9999"]);
    let run = sandbox.cli(&api.token, &args);
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "{done}\tfailed\tcannot return intervention {done}: it is completed; return needs it assigned\niv_9999\tfailed\tintervention `iv_9999` does not exist\n"
        )
    );
    // The whole hint: it named "the summary", which the console's status line does not show.
    run.hints("none failed for a passing reason, so a resume would not send them again");
    assert!(
        run.stderr.contains("2 of 5 items failed") && !run.stderr.contains("--resume"),
        "{}",
        run.stderr
    );
    assert_eq!(acted(&api, "returned").len(), 3);
}

/// Failures a resume would send again are counted in the hint that offers it, and the resume
/// does what they missed.
#[test]
fn the_hint_offers_a_resume_for_the_failures_it_would_send_again() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let gone = "iv_999999";
    // Seeded, a request's fault depends only on its path and how often it was asked: with
    // these, the run starts, some of the cancels fail 5xx after every attempt, and the cancel
    // of an intervention that does not exist gets its 404 through.
    let faulty = Sandbox::start_in(clean.home.clone(), &["--faults", "error=0.8,seed=1"]);
    let journal = clean.home.path().join("cancel.ndjson");
    let path = journal.to_str().unwrap();
    let mut args = vec!["cancel", "--retries", "0", "--yes", "-q", "--journal", path];
    args.extend(ids.iter().map(String::as_str));
    args.push(gone);
    // The platform named by the flag (no LIVECTL_API_URL): the command the hint offers names it
    // too, so it can be pasted as it is.
    let out = clean
        .home
        .livectl()
        .env("LIVECTL_TOKEN", &api.token)
        .args(["--api-url", &faulty.url])
        .args(&args)
        .output()
        .unwrap();
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert_eq!(run.code, 3, "{}{}", run.stdout, run.stderr);
    let failed: Vec<&str> = run.stdout.lines().collect();
    assert!(
        failed.contains(&format!("{gone}\tfailed\tintervention `{gone}` does not exist").as_str()),
        "{}",
        run.stdout
    );
    let passing = failed.len() - 1;
    assert!(passing > 0, "{}", run.stdout);
    assert!(
        run.stderr.contains(&format!(
            "error: {} of 4 items failed\nhint: {passing} of them failed for a passing reason, which `livectl cancel --api-url={} --resume {path}` sends again",
            failed.len(),
            faulty.url
        )),
        "{}",
        run.stderr
    );
    // The unknown one fails again, for good; the others are done.
    let resumed = clean.cli(&api.token, &["cancel", "--resume", path, "--yes", "-q"]);
    assert_eq!(resumed.code, 3, "{}", resumed.stderr);
    assert!(
        resumed.stderr.contains("none failed for a passing reason"),
        "{}",
        resumed.stderr
    );
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.len(), 3);
    assert!(cancelled.values().all(|n| *n == 1));
}

#[test]
fn items_changed_by_someone_else_meanwhile_are_skipped_not_overwritten() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..12).map(|_| w.in_state("assigned")).collect();
    let journal = sandbox.home.path().join("slow.ndjson");
    let child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args([
            "reassign",
            "--from",
            "bo",
            "--to",
            "cy",
            "--yes",
            "--rate",
            "5",
            "--concurrency",
            "1",
            "--journal",
            journal.to_str().unwrap(),
            "-o",
            "ndjson",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for_starts(&journal, 1);
    // Meanwhile a supervisor moves the last four by hand.
    for id in &ids[8..] {
        api.post(
            &format!("/v1/interventions/{id}/reassign"),
            json!({"agent": w.ana}),
        )
        .expect(200);
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let skipped: Vec<&str> = results
        .iter()
        .filter(|r| r["result"] == "skipped")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        ids[8..].iter().map(String::as_str).collect::<Vec<_>>()
    );
    assert!(
        results
            .iter()
            .filter(|r| r["result"] == "skipped")
            .all(|r| r["reason"]
                .as_str()
                .unwrap()
                .starts_with("changed by someone else"))
    );
    for id in &ids[8..] {
        assert_eq!(
            api.intervention(id)["owner"],
            w.ana.as_str(),
            "the supervisor's change stands"
        );
    }
}

/// A listing piped in as NDJSON carries each intervention's version, and the run sends
/// If-Match with it as a run by filters does: one a colleague moved after the listing is
/// skipped, not moved again (the colleague's reassign was undone: supervisor check). Ids alone
/// act on the intervention as it is.
#[test]
fn a_listing_piped_in_is_acted_on_as_listed_and_a_change_since_stands() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..3).map(|_| w.in_state("assigned")).collect();
    let listed = sandbox
        .cli(&api.token, &["list", "--owner", "bo", "-o", "ndjson"])
        .ok();
    api.post(
        &format!("/v1/interventions/{}/reassign", ids[0]),
        json!({"agent": w.ana}),
    )
    .expect(200);
    let run = sandbox.cli_stdin(
        &api.token,
        &["reassign", "-", "--to", "cy", "--yes", "-o", "ndjson"],
        &listed,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let skipped: Value = serde_json::from_str(run.stdout.trim()).unwrap();
    assert_eq!(skipped["id"], ids[0].as_str());
    assert_eq!(skipped["result"], "skipped");
    assert!(
        skipped["reason"]
            .as_str()
            .unwrap()
            .starts_with("changed by someone else"),
        "{skipped}"
    );
    assert_eq!(
        api.intervention(&ids[0])["owner"],
        w.ana.as_str(),
        "the colleague's change stands"
    );
    for id in &ids[1..] {
        assert_eq!(api.intervention(id)["owner"], w.cy.as_str());
    }
    // The ids alone: acted on as it is now.
    sandbox
        .cli_stdin(
            &api.token,
            &["reassign", "-", "--to", "cy", "--yes"],
            &format!("{}\n", ids[0]),
        )
        .ok();
    assert_eq!(api.intervention(&ids[0])["owner"], w.cy.as_str());
}

#[test]
fn dry_run_and_missing_yes_change_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let a = w.queued();
    let b = w.queued();
    let before = api.all("/v1/audit").len();
    let dry = sandbox.cli(&api.token, &["assign", &a, &b, "--to", "bo", "--dry-run"]);
    assert_eq!(
        dry.ok(),
        format!("{a}\tassign\t-\tagent ag_3\n{b}\tassign\t-\tagent ag_3\n")
    );
    let refused = sandbox.cli(&api.token, &["assign", &a, &b, "--to", "bo"]);
    refused.fails(2, "pass --yes to go ahead");
    assert!(refused.stderr.contains("this run names 2 interventions"));
    assert_eq!(api.all("/v1/audit").len(), before, "nothing was sent");
    assert!(
        !sandbox.home.path().join("state/livectl/runs").exists(),
        "no journal was started"
    );
    // Chosen by filters, even one item needs --yes: its count was not known when the command
    // was written.
    let one = w.in_state("assigned");
    sandbox
        .cli(&api.token, &["cancel", "--state", "assigned"])
        .fails(2, "this run names 1 intervention (cancel");
    assert_eq!(api.intervention(&one)["state"], "assigned");
    sandbox
        .cli(&api.token, &["stuck", "--dry-run"])
        .fails(2, "go with --fix");
}

#[test]
fn ids_from_stdin_with_blank_lines_repeats_and_ndjson() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..3).map(|_| w.queued()).collect();
    let listed = sandbox.cli(&api.token, &["list", "-o", "ndjson"]).ok();
    let input = format!("{}\n\n{}\n{listed}", ids[0], ids[0]);
    let run = sandbox.cli_stdin(
        &api.token,
        &["assign", "-", "--to", "cy", "--yes", "-o", "ids"],
        &input,
    );
    assert!(
        run.stderr.contains("ignored 2 repeated ids"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("3 done, 0 skipped, 0 failed of 3"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.ok(),
        "",
        "the summary lists what was skipped or failed: nothing"
    );
    assert_eq!(
        acted(&api, "assigned")
            .keys()
            .cloned()
            .collect::<HashSet<_>>(),
        ids.iter().cloned().collect::<HashSet<_>>()
    );

    let pipe = |input: &str, args: &[&str]| {
        let run = sandbox.cli_stdin(&api.token, args, input);
        (Some(run.code), run.stderr)
    };
    let (code, stderr) = pipe("iv_1\n{\"id\": 7}\n", &["cancel", "-", "--yes"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("stdin line 2: the object has no string \"id\""),
        "{stderr}"
    );
    let (code, stderr) = pipe("iv_1\n{\"id\":\n", &["cancel", "-", "--yes"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("stdin line 2: not valid JSON"), "{stderr}");
    // A version that is not one was dropped, and the item acted on without If-Match: a
    // colleague's change since the listing was overwritten (new user, `"version":"2"`).
    for (bad, said) in [
        ("\"2\"", "\"2\""),
        ("1.5", "1.5"),
        ("1e0", "1.0"),
        ("null", "null"),
        ("-1", "-1"),
        ("0", "0"),
        ("true", "true"),
        ("[2]", "[2]"),
        ("1000000000000000000", "1000000000000000000"),
    ] {
        let input = format!("iv_1\n{{\"id\":\"iv_2\",\"version\":{bad}}}\n");
        for args in [&["cancel", "-", "--yes"][..], &["cancel", "-", "--dry-run"]] {
            let (code, stderr) = pipe(&input, args);
            assert_eq!(code, Some(2), "{bad}: {stderr}");
            assert!(
                stderr.contains(&format!(
                    "stdin line 2: \"version\" is the version listed, a whole number from 1, not {said}"
                )) && stderr.contains("leave \"version\" out to act on it as it stands then"),
                "{bad}: {stderr}"
            );
        }
    }
    // A listing that found nothing, piped: nothing to do, as filters that match nothing.
    let (code, stderr) = pipe("\n\n", &["cancel", "-", "--yes"]);
    assert_eq!(
        (code, stderr.as_str()),
        (Some(0), "stdin held no ids: no intervention was changed\n")
    );
    assert_eq!(
        acted(&api, "cancelled").len(),
        0,
        "nothing acted on bad input"
    );
}

#[test]
fn bad_targets_rates_and_journals_are_refused_before_acting() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let a = w.in_state("assigned");
    let b = w.in_state("assigned");
    let cli = |args: &[&str]| sandbox.cli(&api.token, args);
    cli(&["reassign", &a, &b, "--to", "nobody", "--yes"]).fails(5, "no agent is called `nobody`");
    cli(&["reassign", &a, &b, "--to", "cy", "--to", "dan", "--yes"])
        .fails(2, "is inactive and receives no work");
    // Rates too slow for a timer (1e-20 once panicked converting to a duration) or too fast
    // to be a limit are refused with the range.
    for rate in [
        "0", "1e-20", "1e-300", "-5", "0.0009", "2e6", "1e400", "NaN", "fast",
    ] {
        let flag = format!("--rate={rate}");
        cli(&["reassign", &a, &b, "--to", "cy", &flag, "--yes"]).fails(2, "from 0.001 to 1000000");
    }
    cli(&["reassign", &a, "--owner", "bo", "--to", "cy", "--yes"])
        .fails(2, "give ids or filters, not both");
    // A negative count is the flag's value given wrong, with its range; clap's tip was to pass
    // it as `-- -1`, an id (the second new user).
    for (flag, range) in [("--retries", "0 to 10"), ("--concurrency", "1 to 256")] {
        let run = cli(&["cancel", &a, &b, flag, "-1", "--yes"]);
        run.fails(
            2,
            &format!(
                "invalid value '-1' for '{flag} <N>': -1 is out of range; give a whole number from {range}"
            ),
        );
        assert!(!run.stderr.contains("'-- -1'"), "{}", run.stderr);
        // In words, not Rust's `1..=256`; a number too large is one, not "not a number".
        for (given, said) in [
            ("0", "out of range"),
            ("99999999999999999999", "out of range"),
            ("ten", "is not a whole number"),
        ] {
            if flag == "--retries" && given == "0" {
                continue;
            }
            cli(&["cancel", &a, &b, flag, given, "--yes"]).fails(2, &format!("{said}; give"));
        }
    }
    let missing = sandbox.home.path().join("missing.ndjson");
    let run = cli(&["reassign", "--resume", missing.to_str().unwrap()]);
    run.fails(2, "cannot read the journal");
    // Where to find one (the new-user check: only "the path printed when the run started").
    run.hints(
        "give a run id or journal that `livectl runs` lists, or the path printed when the run started",
    );
    // A directory given as the journal is a path given wrong, as a missing file is.
    cli(&[
        "reassign",
        "--resume",
        sandbox.home.path().to_str().unwrap(),
    ])
    .fails(2, "Is a directory");
    let corrupt = sandbox.home.path().join("corrupt.ndjson");
    std::fs::write(&corrupt, "not json\n").unwrap();
    cli(&["reassign", "--resume", corrupt.to_str().unwrap()]).fails(2, "is not a livectl journal");

    let journal = sandbox.home.path().join("real.ndjson");
    cli(&[
        "return",
        &a,
        &b,
        "--yes",
        "--journal",
        journal.to_str().unwrap(),
        "-q",
    ])
    .ok();
    cli(&["cancel", "--resume", journal.to_str().unwrap()])
        .fails(2, "is the journal of a run of `return`, not `cancel`");
    // The journal holds each item's request: what would change it is refused, not ignored.
    for (args, flag) in [
        (&["return", "--reason", "r"][..], "--reason <REASON>"),
        (&["reassign", "--to", "cy"][..], "--to <AGENT>"),
        (&["complete", "--topic", "login"][..], "--topic <TOPIC>"),
    ] {
        let mut args = args.to_vec();
        args.extend(["--resume", journal.to_str().unwrap()]);
        let stderr = cli(&args).fails(2, "cannot be used with").to_owned();
        assert!(
            stderr.contains(&format!("'{flag}'")) && stderr.contains("'--resume <JOURNAL>'"),
            "{stderr}"
        );
    }
    for command in ["assign", "reassign"] {
        cli(&[
            command,
            "--include-away",
            "--resume",
            journal.to_str().unwrap(),
        ])
        .fails(2, "--include-away does not go with --resume");
    }
    for threshold in ["--no-reply", "--queued"] {
        cli(&[
            "stuck",
            "--fix",
            "return",
            threshold,
            "5m",
            "--resume",
            journal.to_str().unwrap(),
        ])
        .fails(2, "cannot be used with");
    }
    // The command it names reaches the platform the way this one did.
    sandbox
        .cli_by_flag(
            &api.token,
            &["cancel", "--resume", journal.to_str().unwrap()],
            &[],
        )
        .hints(&format!(
            "resume it with `livectl return --api-url={} --resume {}`",
            sandbox.url,
            journal.display()
        ));
    let bo = sandbox.home.token(Some("bo"));
    sandbox
        .cli(&bo, &["return", "--resume", journal.to_str().unwrap()])
        .fails(
            2,
            "resume with the profile (and token) the run started with",
        );
    // Damage in the middle (not a torn last line) is refused.
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.insert_str(text.find('\n').unwrap() + 1, "{garbage\n");
    let damaged = sandbox.home.path().join("damaged.ndjson");
    std::fs::write(&damaged, text).unwrap();
    cli(&["return", "--resume", damaged.to_str().unwrap()]).fails(2, "is damaged at line 2");
    cli(&[
        "return",
        &a,
        &b,
        "--yes",
        "--journal",
        journal.to_str().unwrap(),
    ])
    .fails(2, "cannot create the journal");
    assert_eq!(
        acted(&api, "returned").len(),
        2,
        "only the one real run acted"
    );
    // Spreading ids whose owner is one of the targets never hands an item to its own owner.
    for id in [&a, &b] {
        api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    }
    // Cy is busier, so least-loaded alone would pick Bo, who owns both.
    for _ in 0..3 {
        let other = w.queued();
        api.post(
            &format!("/v1/interventions/{other}/assign"),
            json!({"agent": w.cy}),
        )
        .expect(200);
    }
    cli(&[
        "reassign", &a, &b, "--to", "bo", "--to", "cy", "--yes", "-q",
    ])
    .ok();
    assert_eq!(api.intervention(&a)["owner"], w.cy.as_str());
    assert_eq!(api.intervention(&b)["owner"], w.cy.as_str());
}

#[test]
fn stuck_finds_each_kind_in_the_demo_and_fixes_them() {
    let home = crate::harness::Home::new();
    let found = home.cli(&["stuck", "-o", "json", "-q"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    let stuck: Vec<Value> = serde_json::from_str(&found.stdout).unwrap();
    let reasons: Vec<Value> = stuck
        .iter()
        .flat_map(|s| s["reasons"].as_array().unwrap().clone())
        .collect();
    // Each reason as data beside its sentence.
    for (kind, text) in [
        ("queued_too_long", "queued for 2h"),
        ("owner_offline", "owner Sam Okafor offline for "),
        ("owner_away", "owner Eli Novak away for "),
        ("no_reply", "for a reply"),
    ] {
        assert!(
            reasons
                .iter()
                .any(|r| r["kind"] == kind && r["text"].as_str().unwrap().contains(text)),
            "no `{kind}` saying `{text}` in {reasons:?}"
        );
    }
    for r in &reasons {
        match r["kind"].as_str().unwrap() {
            "queued_too_long" | "no_reply" => {
                let since: jiff::Timestamp = r["since"].as_str().unwrap().parse().unwrap();
                let seconds = r["seconds"].as_i64().unwrap();
                assert!(seconds > 0 && since < jiff::Timestamp::now(), "{r}");
            }
            // An owner's absence counts from its status_since: the demo's load, here.
            "owner_offline" | "owner_away" => {
                let since: jiff::Timestamp = r["since"].as_str().unwrap().parse().unwrap();
                let seconds = r["seconds"].as_i64().unwrap();
                assert!(seconds >= 0 && since <= jiff::Timestamp::now(), "{r}");
            }
            _ => assert!(r["since"].is_null() && r["seconds"].is_null(), "{r}"),
        }
    }
    // Thresholds move what counts as stuck.
    let lenient = home
        .cli(&[
            "stuck",
            "--queued",
            "3h",
            "--no-reply",
            "2h",
            "-o",
            "ids",
            "-q",
        ])
        .ok();
    assert_eq!(
        lenient.lines().count(),
        3,
        "only the owners who are away or offline: {lenient}"
    );
    let fixed = home.cli(&[
        "stuck", "--fix", "reassign", "--to", "ana", "--to", "dee", "--yes", "-o", "json", "-q",
    ]);
    let summary: Value = serde_json::from_str(&fixed.ok()).unwrap();
    assert_eq!(summary["done"].as_u64().unwrap() as usize, stuck.len());
    // Moved to online agents: no longer stuck for their owner or the queue (users still wait for
    // the new owner's first reply).
    let after: Vec<Value> =
        serde_json::from_str(&home.cli(&["stuck", "-o", "json", "-q"]).ok()).unwrap();
    let left: Vec<String> = after
        .iter()
        .flat_map(|s| {
            s["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_owned())
        })
        .collect();
    assert!(left.iter().all(|r| r.contains("for a reply")), "{left:?}");
}

#[test]
fn watch_shows_a_change_made_by_another_process() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let mut child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["watch", "--owner", "cy"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
    let ready = stderr.next().unwrap().unwrap();
    assert_eq!(ready, "watching changes (Ctrl-C to stop)");
    // Another process acts: one change for Bo (filtered out), then one for Cy.
    let other = w.queued();
    sandbox
        .cli(&api.token, &["assign", &other, "--to", "bo"])
        .ok();
    sandbox.cli(&api.token, &["assign", &id, "--to", "cy"]).ok();
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let line: Value = serde_json::from_str(&stdout.next().unwrap().unwrap()).unwrap();
    assert_eq!(
        (
            line["intervention_id"].as_str(),
            line["action"].as_str(),
            line["to_owner"].as_str()
        ),
        (Some(id.as_str()), Some("assigned"), Some(w.cy.as_str()))
    );
    // Leaving Cy's queue is news for a watch on Cy too.
    sandbox
        .cli(&api.token, &["reassign", &id, "--to", "bo"])
        .ok();
    let line: Value = serde_json::from_str(&stdout.next().unwrap().unwrap()).unwrap();
    assert_eq!(
        (line["action"].as_str(), line["from_owner"].as_str()),
        (Some("reassigned"), Some(w.cy.as_str()))
    );
    // SAFETY: SIGINT to our own child.
    #[cfg(unix)]
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT)
    };
    assert_eq!(
        child.wait().unwrap().code(),
        Some(0),
        "Ctrl-C ends watch with 0"
    );
}

#[test]
fn a_spread_leaves_out_agents_who_are_away_unless_include_away() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let status = |key: &str, name: &str, status: &str| {
        let body = json!({"key": key, "name": name, "email": format!("{key}@example.com"), "department": w.support, "status": status});
        let answer = api.post("/v1/agents", body);
        assert!(answer.status / 100 == 2, "{answer:?}");
    };
    status("cy", "Cy Diaz", "away");
    for _ in 0..4 {
        let id = w.queued();
        api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": w.bo}),
        )
        .expect(200);
    }
    let load = || -> HashMap<String, i64> {
        api.get("/v1/queues").expect(200)["agents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                (
                    q["agent"].as_str().unwrap().to_owned(),
                    q["count"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    // Cy is away: left out, and the run says so; Ana gets everything.
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign", "--from", "bo", "--to", "ana", "--to", "cy", "--yes",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "leaving out Cy Diaz ({}, away): only online agents get work unless --include-away",
            w.cy
        )),
        "{}",
        run.stderr
    );
    let now = load();
    assert_eq!((now[&w.ana], now.get(&w.cy).copied().unwrap_or(0)), (4, 0));
    // --include-away: Cy shares the work, with a warning.
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign",
            "--from",
            "ana",
            "--to",
            "bo",
            "--to",
            "cy",
            "--include-away",
            "--yes",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("is away"), "{}", run.stderr);
    let now = load();
    assert_eq!((now[&w.bo], now[&w.cy]), (2, 2));
    // Nobody named is online: refused, nothing moved.
    status("bo", "Bo Chen", "offline");
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign", "--from", "cy", "--to", "bo", "--to", "cy", "--yes",
        ],
    );
    run.fails(2, "no agent named is online");
    assert_eq!(load(), now);
}

#[test]
fn a_bulk_run_opens_a_new_connection_when_the_sandbox_closed_its_idle_one() {
    // The sandbox closes a connection idle for a second; at one item every 2.5 s, the worker's
    // connection is closed between its two requests. The second request goes on a new
    // connection, without a failed attempt first, and each item is acted on once.
    let sandbox = Sandbox::start(&["--idle-timeout", "1s"]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..2).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &[
            "-vv",
            "assign",
            "--owner",
            "none",
            "--to",
            "bo",
            "--concurrency",
            "1",
            "--rate",
            "0.4",
            "--yes",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("retrying"), "{}", run.stderr);
    let assigned = acted(&api, "assigned");
    assert_eq!(assigned.keys().cloned().collect::<HashSet<_>>(), ids);
    assert!(assigned.values().all(|n| *n == 1), "{assigned:?}");
}

#[test]
fn a_bulk_run_reaches_the_sandbox_by_host_name() {
    // `localhost` is resolved, not parsed: each worker's connection goes to what it names.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..3).map(|_| w.queued()).collect();
    let by_name = sandbox.url.replace("127.0.0.1", "localhost");
    let run = sandbox.cli_env(
        &api.token,
        &["assign", "--owner", "none", "--to", "bo", "--yes", "-q"],
        &[("LIVECTL_API_URL", by_name.as_str())],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let assigned = acted(&api, "assigned");
    assert_eq!(assigned.keys().cloned().collect::<HashSet<_>>(), ids);
}

/// What livectl prints piped is input to its actions: `list`'s rows (no header, the id first)
/// and `-o ids`; a JSON array (`-o json`) is refused naming what works, before anything is sent.
#[test]
fn livectls_own_piped_listing_is_taken_on_stdin() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bos: HashSet<String> = (0..3).map(|_| w.in_state("assigned")).collect();
    w.queued();
    let rows = sandbox.cli(&api.token, &["list", "--owner", "bo"]).ok();
    assert_eq!(
        rows.lines().count(),
        3,
        "one row an item, no header: {rows}"
    );
    assert!(rows.lines().all(|l| l.contains('\t')), "{rows}");
    let json = sandbox
        .cli(&api.token, &["list", "--owner", "bo", "-o", "json"])
        .ok();
    let before = api.everything();
    let refused = sandbox.cli_stdin(
        &api.token,
        &["reassign", "-", "--to", "cy", "--dry-run"],
        &json,
    );
    refused.fails(
        2,
        "stdin line 1: a JSON array (as `-o json` prints) is not read: stdin takes one id a \
         line, or one JSON object with an \"id\" a line",
    );
    refused.hints("pipe `livectl list -o ids` or `livectl list -o ndjson`");
    // A CSV listing is named as one, with the same way out (new user).
    let csv = sandbox
        .cli(&api.token, &["list", "--owner", "bo", "-o", "csv"])
        .ok();
    let refused = sandbox.cli_stdin(
        &api.token,
        &["reassign", "-", "--to", "cy", "--dry-run"],
        &csv,
    );
    refused.fails(2, "is a CSV header; stdin takes one id a line");
    refused.hints("pipe `livectl list -o ids` or `livectl list -o ndjson`");
    // `-` twice is one stdin, not ids beside it.
    sandbox
        .cli_stdin(&api.token, &["cancel", "-", "-", "--dry-run"], "")
        .fails(2, "`-` is given more than once; stdin is read once");
    let agents = sandbox.cli(&api.token, &["agents"]).ok();
    sandbox
        .cli_stdin(
            &api.token,
            &["reassign", "-", "--to", "cy", "--yes"],
            &agents,
        )
        .fails(
            2,
            "stdin line 1: a row's first field is its id, and `ag_1` is not an intervention id \
             (those look like iv_42): `ag_` is the prefix of agents",
        );
    assert_eq!(api.everything(), before, "nothing was sent");

    let run = sandbox.cli_stdin(&api.token, &["reassign", "-", "--to", "cy", "--yes"], &rows);
    assert!(
        run.stderr.contains("3 done, 0 skipped, 0 failed of 3"),
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        acted(&api, "reassigned")
            .keys()
            .cloned()
            .collect::<HashSet<_>>(),
        bos
    );
}

#[test]
fn an_id_no_header_can_carry_is_refused_before_anything_is_sent() {
    // An NDJSON id with a control character is not an intervention id: the whole stdin is
    // refused while planning, naming the line, and no journal is left.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    w.queued();
    let journal = sandbox.home.path().join("control.ndjson");
    let run = sandbox.cli_stdin(
        &api.token,
        &[
            "cancel",
            "--yes",
            "--journal",
            journal.to_str().unwrap(),
            "-",
        ],
        "iv_1\n{\"id\":\"iv_1\\u0001\"}\n",
    );
    run.fails(
        2,
        "stdin line 2: `iv_1\\u{1}` is not an intervention id (those look like iv_42)",
    );
    assert!(!journal.exists(), "no journal is left");
    assert!(acted(&api, "cancelled").is_empty(), "nothing was sent");
}

/// A platform without `/v1/interventions/refs` (older than runs by filters): the run lists the
/// same pages whole, all of them, and acts on every item once, saying so at `-v`.
#[test]
fn a_run_by_filters_lists_whole_pages_where_refs_are_missing() {
    let sandbox = Sandbox::start(&["--without-refs"]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // More than a page of 1,000: the second is asked for by the first one's cursor.
    let ids: HashSet<String> = (0..1001).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &["cancel", "--state", "queued", "--yes", "-q", "-v"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "GET /v1/interventions/refs?state=queued&order=queued_at&limit=1000 answered 404: listing /v1/interventions whole instead"
        ) && run.stderr.contains("GET /v1/interventions?"),
        "{}",
        run.stderr
    );
    let whole: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("livectl: GET ") && l.contains("/v1/interventions?"))
        .collect();
    assert!(
        whole.len() == 2 && whole[1].contains("cursor="),
        "{whole:?}"
    );
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.keys().cloned().collect::<HashSet<_>>(), ids);
    assert!(cancelled.values().all(|n| *n == 1));
}

/// Filters that match nothing are no error, with the refs or without them (their listing ends
/// at once, and is not asked past its end).
#[test]
fn filters_that_match_nothing_change_nothing_and_exit_0() {
    for knobs in [&[][..], &["--without-refs"][..]] {
        let sandbox = Sandbox::start(knobs);
        let api = sandbox.api();
        // With -o json, the summary of a run of nothing: a script parses a document.
        let summary = "{\"action\":\"return\",\"done\":0,\"failed\":0,\"given\":[],\"interrupted\":false,\"items\":[],\"journal\":null,\"not_sent\":0,\"run_id\":null,\"skipped\":0,\"total\":0}\n";
        for (args, stdout) in [
            (&["cancel", "--state", "queued", "--yes"][..], ""),
            (&["cancel", "--state", "queued", "--dry-run"][..], ""),
            (
                &["return", "--owner", "me", "--yes", "-o", "ndjson"][..],
                "",
            ),
            (
                &["return", "--owner", "me", "--yes", "--jq", "."][..],
                summary,
            ),
        ] {
            let run = sandbox.cli(&api.token, args);
            assert_eq!(
                (run.code, run.stdout.as_str(), run.stderr.as_str()),
                (0, stdout, "nothing matches: no intervention was changed\n"),
                "{knobs:?} {args:?}"
            );
        }
        let json = sandbox.cli(
            &api.token,
            &["return", "--owner", "me", "--yes", "-o", "json"],
        );
        let parsed: serde_json::Value = serde_json::from_str(&json.ok()).unwrap();
        assert_eq!(
            parsed,
            serde_json::from_str::<serde_json::Value>(summary).unwrap()
        );
    }
}

/// A run chosen by filters listed interventions in states its action cannot act on, and sent
/// each to be refused: `reassign --state all --from sam` tried all of Sam's history, a dry run
/// counted the queued ones `return --owner none` would "change".
#[test]
fn filters_select_only_the_states_the_action_acts_on() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = [w.queued(), w.queued()];
    let assigned = [w.in_state("assigned"), w.in_state("assigned")];
    let completed = w.in_state("completed");
    let before = api.everything();
    let run = sandbox.cli(&api.token, &["return", "--owner", "none", "--dry-run"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", "nothing matches: no intervention was changed\n")
    );
    for state in ["completed", "queued,cancelled"] {
        let run = sandbox.cli(
            &api.token,
            &["reassign", "--state", state, "--to", "ana", "--yes"],
        );
        run.fails(
            2,
            &format!(
                "reassign acts on assigned interventions, and --state {state} selects none of \
                 them; nothing was sent"
            ),
        );
        run.hints("leave out --state: a run chosen by filters takes the assigned ones");
    }
    // Before anything is looked up: an unknown --owner beside it is not what is reported.
    sandbox
        .cli(
            &api.token,
            &["return", "--state", "completed", "--owner", "zed", "--yes"],
        )
        .fails(
            2,
            "return acts on assigned interventions, and --state completed",
        );
    assert_eq!(api.everything(), before);
    // More states than the action takes: narrowed, said, and every item sent is done (exit 0,
    // not 3 with a refusal for each queued or completed one).
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign", "--state", "all", "--to", "ana", "--yes", "-o", "ids",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "reassign acts on assigned interventions: --state all narrowed to assigned\n"
        ),
        "{}",
        run.stderr
    );
    for id in &assigned {
        assert_eq!(api.intervention(id)["state"], "assigned");
        assert_eq!(api.intervention(id)["owner"], json!(w.ana));
    }
    for id in queued.iter().chain([&completed]) {
        assert!(!acted(&api, "reassigned").contains_key(id), "{id}");
    }
    // A state the action takes, given alone, is not narrowed: nothing said.
    let run = sandbox.cli(
        &api.token,
        &["cancel", "--state", "open", "--dry-run", "-o", "ids"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("narrowed"), "{}", run.stderr);
}

#[test]
fn reassigning_an_agents_queue_to_that_agent_is_refused_before_sending() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let _mine = (w.in_state("assigned"), w.in_state("assigned"));
    let before = api.everything();
    for from in ["--from", "--owner"] {
        let run = sandbox.cli(&api.token, &["reassign", from, "bo", "--to", "bo", "--yes"]);
        run.fails(
            2,
            "--to Bo Chen: the interventions selected are Bo Chen's already; nothing was sent",
        );
        run.hints("name another agent with --to, or several to spread them");
    }
    assert_eq!(api.everything(), before);
}

#[test]
fn several_agents_given_with_commas_are_looked_up_with_one_listing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..4).map(|_| w.queued()).collect();
    let stdin = format!("{}\n", ids.join("\n"));
    let run = sandbox.cli_stdin(
        &api.token,
        &["assign", "-", "--to", "bo", "--yes", "-q"],
        &stdin,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // A name left out is a usage error, not an agent looked for.
    sandbox
        .cli_stdin(
            &api.token,
            &["reassign", "-", "--to", "ana,", "--yes"],
            &stdin,
        )
        .fails(2, "--to: an agent's name is empty");
    // `--to ana,cy` is `--to ana --to cy`, as the autopilot's --to and the state filters are.
    let run = sandbox.cli_stdin(
        &api.token,
        &["reassign", "-", "--to", "ana,cy", "--yes", "-q", "-v"],
        &stdin,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    two_each(&api, &ids, [&w.ana, &w.cy]);
    // Before the first action (the summary names who was given what with one more).
    let listings = run
        .stderr
        .lines()
        .take_while(|l| !l.starts_with("livectl: POST "))
        .filter(|l| l.starts_with("livectl: GET ") && l.contains("/v1/agents?"))
        .count();
    assert_eq!(listings, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("livectl: POST "),
        "the actions are logged: {}",
        run.stderr
    );
}

#[test]
fn assign_spreads_the_queue_over_several_agents_as_reassign_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..4).map(|_| w.queued()).collect();
    let run = sandbox.cli(
        &api.token,
        &[
            "assign", "--owner", "none", "--to", "ana", "--to", "cy", "--yes", "-q",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    two_each(&api, &ids, [&w.ana, &w.cy]);
}

/// The four `ids` are owned two by each of `agents`: spread evenly.
#[track_caller]
fn two_each(api: &Api, ids: &[String], agents: [&String; 2]) {
    let mut owners: Vec<String> = ids
        .iter()
        .map(|id| api.intervention(id)["owner"].as_str().unwrap().to_owned())
        .collect();
    owners.sort();
    let mut spread: Vec<String> = agents
        .iter()
        .flat_map(|a| [(*a).clone(), (*a).clone()])
        .collect();
    spread.sort();
    assert_eq!(owners, spread, "spread evenly over the two");
}

/// A Ctrl-C while the run waits for its next pass over what failed for a passing reason calls
/// those retries off: the run was interrupted (130), not failed for good (3), which a script
/// reads as items that cannot be done (hostile-input check).
#[cfg(unix)]
#[test]
fn ctrl_c_between_passes_is_an_interruption() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..60).map(|_| w.queued()).collect();
    let failing = Sandbox::start_in(
        clean.home.clone(),
        &["--faults", "error=0.5,seed=1,path=/v1/interventions/iv_"],
    );
    let said = clean.home.path().join("passes.stderr");
    let journal = clean.home.path().join("passes.ndjson");
    let mut args = vec![
        "cancel",
        "--yes",
        "-vv",
        "--concurrency",
        "4",
        "--journal",
        journal.to_str().unwrap(),
    ];
    args.extend(ids.iter().map(String::as_str));
    let child = livectl_at(&clean, &failing.url, &api.token, &args)
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&said).unwrap())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !std::fs::read_to_string(&said)
        .unwrap_or_default()
        .contains(" again in ")
    {
        assert!(Instant::now() < deadline, "no pass was waited for");
        std::thread::sleep(Duration::from_millis(2));
    }
    // SAFETY: sending SIGINT to our own child process.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let mut child = child;
    let code = child.wait().unwrap().code();
    let stderr = std::fs::read_to_string(&said).unwrap();
    assert_eq!(code, Some(130), "{stderr}");
    assert!(
        stderr.contains("that had failed for a passing reason were not sent again")
            || stderr.contains("that had failed for a passing reason was not sent again"),
        "{stderr}"
    );
    assert!(stderr.contains("--resume"), "{stderr}");
    drop(failing);
    let resumed = clean.cli(
        &api.token,
        &[
            "cancel",
            "--resume",
            journal.to_str().unwrap(),
            "--yes",
            "-q",
        ],
    );
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.len(), 60);
    assert!(cancelled.values().all(|n| *n == 1), "each once");
}
