//! `livectl autopilot` against the sandbox: work leaves owners absent past the grace period,
//! within the pool's capacity, each item moved once whoever else acts; nothing moves for a
//! flap, a dry run or an agent's token. Time is driven by short grace periods and conditions
//! polled with deadlines, never slept through.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{Api, Sandbox, Workspace};

const DEADLINE: Duration = Duration::from_secs(30);

/// A running `livectl autopilot -o ndjson`, its stdout (decisions) and stderr read as they come.
struct Pilot {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    decisions: Vec<Value>,
    log: Vec<String>,
}

impl Pilot {
    fn start(sandbox: &Sandbox, token: &str, args: &[&str]) -> Pilot {
        let mut child = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", token)
            .args(["autopilot", "-o", "ndjson"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run livectl autopilot");
        let lines = |from: Box<dyn std::io::Read + Send>| {
            let (send, receive) = channel();
            std::thread::spawn(move || {
                for line in BufReader::new(from).lines().map_while(Result::ok) {
                    if send.send(line).is_err() {
                        break;
                    }
                }
            });
            receive
        };
        let stdout = lines(Box::new(child.stdout.take().unwrap()));
        let stderr = lines(Box::new(child.stderr.take().unwrap()));
        let mut pilot = Pilot {
            child,
            stdout,
            stderr,
            decisions: Vec::new(),
            log: Vec::new(),
        };
        pilot.wait_log("caught up; watching");
        pilot
    }

    /// Waits for a line on stderr containing `words`.
    fn wait_log(&mut self, words: &str) {
        let end = Instant::now() + DEADLINE;
        while !self.log.iter().any(|l| l.contains(words)) {
            let left = end.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => self.log.push(line),
                Err(_) => panic!("no `{words}` on stderr within {DEADLINE:?}: {:?}", self.log),
            }
        }
    }

    /// Waits until `n` decisions with `result` were logged.
    fn wait_decisions(&mut self, result: &str, n: usize) -> Vec<Value> {
        let end = Instant::now() + DEADLINE;
        loop {
            let matching: Vec<Value> = self
                .decisions
                .iter()
                .filter(|d| d["result"] == result)
                .cloned()
                .collect();
            if matching.len() >= n {
                return matching;
            }
            let left = end.saturating_duration_since(Instant::now());
            match self.stdout.recv_timeout(left) {
                Ok(line) => self.decisions.push(serde_json::from_str(&line).unwrap()),
                Err(_) => panic!(
                    "{n} `{result}` decisions not logged within {DEADLINE:?}: {:?}\nstderr: {:?}",
                    self.decisions, self.log
                ),
            }
        }
    }

    /// SIGTERM; the exit code, every decision and the summary.
    fn stop(mut self) -> (Option<i32>, Vec<Value>, Value) {
        // SAFETY: a signal to our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let status = self.child.wait().unwrap();
        let mut summary = Value::Null;
        for line in self.stdout.iter() {
            let value: Value = serde_json::from_str(&line).unwrap();
            match value.get("summary") {
                Some(s) => summary = s.clone(),
                None => self.decisions.push(value),
            }
        }
        self.log.extend(self.stderr.iter());
        assert!(
            !self.log.iter().any(|l| l.contains("panicked")),
            "{:?}",
            self.log
        );
        // Stopped, it says what it did: without a summary, why it ended is on stderr.
        assert!(
            !summary.is_null(),
            "no summary; exit {:?}, stderr: {:?}",
            status.code(),
            self.log
        );
        (status.code(), self.decisions, summary)
    }
}

/// One look of an autopilot with only the queued rule (an hour), as admin.
fn once_on_queued(sandbox: &Sandbox, api: &Api, more: &[&str]) -> crate::harness::Run {
    let mut args = vec!["autopilot", "--once", "--rule", "queued", "--queued", "1h"];
    args.extend_from_slice(more);
    sandbox.cli(&api.token, &args)
}

fn set_status(api: &Api, agent: &str, status: &str) {
    api.post(
        &format!("/v1/agents/{agent}/status"),
        json!({"status": status}),
    )
    .expect(200);
}

fn agent(api: &Api, w: &Workspace, key: &str, max_load: Value) -> String {
    api.post(
        "/v1/agents",
        json!({"key": key, "name": format!("Agent {key}"), "email": format!("{key}@example.com"),
            "department": w.support, "max_load": max_load}),
    )
    .body["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Bo deactivated by an admin.
fn deactivate_bo(api: &Api, w: &Workspace) {
    api.post(
        "/v1/agents",
        json!({"key": "bo", "name": "Bo Chen", "email": "bo@example.com", "role": "agent", "department": w.support, "active": false}),
    )
    .expect(200);
}

fn owner(api: &Api, id: &str) -> Option<String> {
    api.intervention(id)["owner"].as_str().map(str::to_owned)
}

/// How many times each intervention changed owner by reassign, return or assign after `seq`.
fn moves(api: &Api, ids: &[String], after: i64) -> Vec<usize> {
    let audit = api.all("/v1/audit");
    ids.iter()
        .map(|id| {
            audit
                .iter()
                .filter(|e| e["intervention_id"] == json!(id) && e["seq"].as_i64() > Some(after))
                .filter(|e| e["action"] != "started")
                .count()
        })
        .collect()
}

fn last_seq(api: &Api) -> i64 {
    api.all("/v1/audit")
        .last()
        .and_then(|e| e["seq"].as_i64())
        .unwrap_or(0)
}

#[test]
fn an_owner_offline_past_the_grace_loses_its_work_to_online_agents_within_capacity() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Ana takes nothing (max_load 0), Eve one, Cy any number; the built-in admin is offline.
    agent(&api, &w, "ana", json!(0));
    let eve = agent(&api, &w, "eve", json!(1));
    set_status(&api, "ag_1", "offline");
    let ids: Vec<String> = (0..3).map(|_| w.in_state("assigned")).collect();
    let before = last_seq(&api);
    let journals = sandbox.home.path().join("autopilot-journals");
    std::fs::create_dir(&journals).unwrap();
    let mut pilot = Pilot::start(
        &sandbox,
        &api.token,
        &["--grace", "1s", "--journal-dir", journals.to_str().unwrap()],
    );
    set_status(&api, &w.bo, "offline");
    let done = pilot.wait_decisions("done", 3);
    let (code, decisions, summary) = pilot.stop();
    assert_eq!(code, Some(0));
    assert!(
        done.iter()
            .all(|d| d["rule"] == "owner-offline" && d["action"] == "reassign")
    );
    let owners: Vec<Option<String>> = ids.iter().map(|id| owner(&api, id)).collect();
    let count = |a: &str| owners.iter().filter(|o| o.as_deref() == Some(a)).count();
    assert_eq!(
        (count(&w.cy), count(&eve), count(&w.ana)),
        (2, 1, 0),
        "{owners:?}"
    );
    assert_eq!(moves(&api, &ids, before), [1, 1, 1], "each moved once");
    assert_eq!(decisions.len(), 3, "{decisions:?}");
    assert_eq!(summary["done"], 3, "{summary}");
    // Each move was journaled with its key before it was sent: the keys the audit log records.
    let mut keys = Vec::new();
    for entry in std::fs::read_dir(&journals).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        // Named after the run id its header holds, as `livectl runs` lists it and `--resume
        // ID` looks for it (a name of its own made the id a dead end).
        let header: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(
            path.file_name().unwrap().to_str().unwrap(),
            format!("{}.ndjson", header["run_id"].as_str().unwrap())
        );
        for line in text.lines() {
            let line: Value = serde_json::from_str(line).unwrap();
            if line["event"] == "start" {
                keys.push(line["key"].as_str().unwrap().to_owned());
            }
        }
    }
    let mut audited: Vec<String> = api
        .all("/v1/audit")
        .into_iter()
        .filter(|e| e["seq"].as_i64() > Some(before) && e["action"] == "reassigned")
        .map(|e| e["idempotency_key"].as_str().unwrap().to_owned())
        .collect();
    keys.sort();
    audited.sort();
    assert_eq!(keys, audited);
}

/// Like the streams, the autopilot rides out a platform gone a while (restarted here): a look
/// that falls due meanwhile fails, is said, and is tried again until the platform answers;
/// then it acts on what fell due.
#[test]
fn it_rides_out_a_platform_restarted_and_acts_once_it_is_back() {
    let home = crate::harness::Home::new();
    let db = home.db();
    let addr = crate::harness::free_addr();
    let mut sandbox = Sandbox::start_at(home.clone(), &db, &addr, &[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Queued now: due for the queued rule 5 s from now, while the platform is down.
    let id = w.queued();
    let mut pilot = Pilot::start(
        &sandbox,
        &api.token,
        &["--rule", "queued", "--queued", "5s"],
    );
    sandbox.stop(libc::SIGTERM);
    pilot.wait_log("the platform is down (");
    sandbox = Sandbox::start_at(home.clone(), &db, &addr, &[]);
    pilot.wait_log("the platform is back after ");
    let done = pilot.wait_decisions("done", 1);
    assert_eq!(
        (&done[0]["intervention"], &done[0]["rule"]),
        (&json!(id), &json!("queued"))
    );
    let (code, _, summary) = pilot.stop();
    assert_eq!(code, Some(0));
    assert_eq!(summary["done"], 1, "{summary}");
    assert_eq!(api.intervention(&id)["state"], "assigned");
    drop(sandbox);
}

#[test]
fn an_owner_back_within_the_grace_keeps_its_work() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bos: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    let cys = w.queued();
    api.post(
        &format!("/v1/interventions/{cys}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    let before = last_seq(&api);
    let mut pilot = Pilot::start(&sandbox, &api.token, &["--grace", "2s"]);
    // Bo flaps; then Cy leaves for good. By the time Cy's work moves, Bo's grace is over too.
    set_status(&api, &w.bo, "offline");
    set_status(&api, &w.bo, "away");
    set_status(&api, &w.bo, "online");
    set_status(&api, &w.cy, "offline");
    let done = pilot.wait_decisions("done", 1);
    let (code, decisions, _) = pilot.stop();
    assert_eq!(code, Some(0));
    assert_eq!(done[0]["intervention"], json!(cys));
    assert_eq!(
        decisions.len(),
        1,
        "nothing else was decided: {decisions:?}"
    );
    for id in &bos {
        assert_eq!(owner(&api, id), Some(w.bo.clone()));
    }
    assert_eq!(moves(&api, &bos, before), [0, 0]);
}

#[test]
fn with_nobody_online_the_work_goes_back_to_the_general_queue() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    for a in ["ag_1", &w.ana, &w.cy] {
        set_status(&api, a, "offline");
    }
    let mut pilot = Pilot::start(
        &sandbox,
        &api.token,
        &["--grace", "1s", "--to", "@department"],
    );
    set_status(&api, &w.bo, "offline");
    let done = pilot.wait_decisions("done", 2);
    pilot.stop();
    assert!(done.iter().all(|d| d["action"] == "return"), "{done:?}");
    for id in &ids {
        let i = api.intervention(id);
        assert_eq!((&i["state"], &i["owner"]), (&json!("queued"), &Value::Null));
    }
}

/// A deactivated owner's work moves at the first look, `--once` too: the grace counted from
/// when the autopilot first saw the deactivation, which `--once` never saw end (automation
/// check). A deactivation does not flap, as a status does.
#[test]
fn a_deactivated_owners_work_moves_at_the_first_look() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    deactivate_bo(&api, &w);
    let run = sandbox.cli(
        &api.token,
        &["autopilot", "--once", "--grace", "10m", "-o", "ndjson"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let decision: Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(decision["rule"], "owner-inactive", "{decision}");
    assert_eq!(
        decision["why"],
        format!("owner Bo Chen ({}) is inactive", w.bo),
        "{decision}"
    );
    assert_ne!(owner(&api, &id), Some(w.bo.clone()), "moved off Bo");
}

/// One look cut short while its moves are on their way exits 130, as a bulk run does, and
/// counts the moves whose answer had not come as unknown: it exited 0 saying "0 done, 0
/// failed" of moves it had sent (automation check).
#[test]
fn one_look_cut_short_exits_130_and_counts_what_it_does_not_know() {
    let sandbox = Sandbox::start(&["--faults", "latency=5000..5000ms,path=/v1/interventions/iv"]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let _id = w.in_state("assigned");
    // Bo deactivated: due at the first look.
    deactivate_bo(&api, &w);
    let mut run =
        crate::harness::Running::start(&sandbox, &api.token, &["autopilot", "--once", "-vv"]);
    // Its move is on its way (the -vv line of the request), held by the platform.
    run.until("/reassign", std::time::Duration::from_secs(30));
    run.signal(libc::SIGINT);
    run.until(
        "stopping: the move on its way finishes first",
        std::time::Duration::from_secs(10),
    );
    run.signal(libc::SIGINT);
    let (code, said) = run.end(std::time::Duration::from_secs(30));
    assert_eq!(code, Some(130), "{said}");
    assert!(
        said.contains(
            "1 decision: 0 done, 0 skipped (changed by someone else), 0 failed, 0 left, 1 unknown"
        ),
        "{said}"
    );
    assert!(
        said.contains("hint: run it again: it looks at the platform anew, and moves nothing twice"),
        "{said}"
    );
}

#[test]
fn two_autopilots_and_a_person_move_each_item_exactly_once() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..6).map(|_| w.in_state("assigned")).collect();
    let before = last_seq(&api);
    let mut one = Pilot::start(&sandbox, &api.token, &["--grace", "1s"]);
    let two = Pilot::start(&sandbox, &api.token, &["--grace", "1s"]);
    set_status(&api, &w.bo, "offline");
    // A person moves one while the autopilots wait out the grace period.
    sandbox
        .cli(&api.token, &["reassign", &ids[0], "--to", "ana"])
        .ok();
    // Every other item leaves Bo, whichever autopilot moves it.
    let end = Instant::now() + DEADLINE;
    while ids.iter().any(|id| owner(&api, id) == Some(w.bo.clone())) {
        assert!(
            Instant::now() < end,
            "Bo still owns some after {DEADLINE:?}"
        );
        let _ = one
            .stdout
            .recv_timeout(Duration::from_millis(50))
            .map(|l| one.decisions.push(serde_json::from_str(&l).unwrap()));
    }
    let (_, first, s1) = one.stop();
    let (_, second, s2) = two.stop();
    assert_eq!(moves(&api, &ids, before), [1; 6], "each moved exactly once");
    let done = s1["done"].as_u64().unwrap() + s2["done"].as_u64().unwrap();
    assert_eq!(done, 5, "{first:?} {second:?}");
    for d in first.iter().chain(&second) {
        assert!(d["result"] == "done" || d["result"] == "skipped", "{d}");
    }
}

#[test]
fn on_start_it_catches_up_on_what_became_stuck_while_it_was_not_running() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Queued since 2026-11-24: long past any threshold when the autopilot starts.
    let old = w.fixed(1, "Ada", "web", "Old question", "2026-11-24T09:00:00Z");
    let young = w.queued();
    let run = once_on_queued(&sandbox, &api, &["-o", "ndjson"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "one decision and the summary: {lines:?}");
    assert_eq!(
        (
            &lines[0]["intervention"],
            &lines[0]["rule"],
            &lines[0]["action"],
            &lines[0]["result"]
        ),
        (
            &json!(old),
            &json!("queued"),
            &json!("assign"),
            &json!("done")
        )
    );
    assert_eq!(lines[1]["summary"]["done"], 1);
    assert_eq!(api.intervention(&old)["state"], "assigned");
    assert_eq!(api.intervention(&young)["state"], "queued");

    // An owner gone before the autopilot started: caught up once the grace has passed.
    let bos: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    set_status(&api, &w.bo, "offline");
    let end = Instant::now() + DEADLINE;
    loop {
        let run = sandbox.cli(&api.token, &["autopilot", "--once", "--grace", "1s", "-q"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        if bos.iter().all(|id| owner(&api, id) != Some(w.bo.clone())) {
            break;
        }
        assert!(Instant::now() < end, "not caught up within {DEADLINE:?}");
    }
}

#[test]
fn a_dry_run_says_what_it_would_do_and_changes_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    let mut pilot = Pilot::start(&sandbox, &api.token, &["--grace", "1s", "--dry-run"]);
    let before = api.everything();
    set_status(&api, &w.bo, "offline");
    let would = pilot.wait_decisions("dry run", 2);
    let (code, _, summary) = pilot.stop();
    assert_eq!(code, Some(0));
    assert!(would.iter().all(|d| d["action"] == "reassign"));
    assert_eq!(summary["would"], 2);
    assert_eq!(summary["done"], 0);
    for id in &ids {
        assert_eq!(owner(&api, id), Some(w.bo.clone()));
    }
    let after = api.everything();
    // Only Bo's status changed, which is no intervention's event.
    assert_eq!(before.len(), after.len());
    assert_eq!(moves(&api, &ids, 0), [1, 1], "only their first assign");
}

#[test]
fn bad_settings_and_an_agents_token_are_refused_before_it_watches() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bo = sandbox.home.token_in(&sandbox.db, Some(&w.bo));
    let dan = w.dan_inactive.as_str();
    sandbox.cli(&bo, &["autopilot"]).fails(
        4,
        "autopilot moves other agents' work and needs an admin's token",
    );
    for (args, words) in [
        (vec!["--grace", "0"], "--grace: `0` is not a duration"),
        (vec!["--grace", "-1m"], "--grace: `-1m` is negative"),
        (vec!["--grace", "0s"], "such as 30m"),
        (
            vec!["--rule", "owner-gone"],
            "the rules are owner-offline, owner-away, owner-inactive, queued, no-reply",
        ),
        (
            vec!["--to", "@offline"],
            "a pool is @online, @department or @department:NAME",
        ),
        (
            vec!["--queued", "soon"],
            "--queued: `soon` is not a duration",
        ),
        (
            vec!["--to", "@department:Nowhere"],
            "--to @department: no department is called `Nowhere`",
        ),
        (vec!["--to", dan], "is inactive and receives no work"),
    ] {
        let mut all = vec!["autopilot"];
        all.extend(args);
        let run = sandbox.cli(&api.token, &all);
        // Refused before it says it runs.
        assert!(
            !run.fails(2, words).contains("autopilot: rules"),
            "{}",
            run.stderr
        );
    }
    let run = sandbox.cli(&api.token, &["autopilot", "--to", "zed"]);
    run.fails(5, "--to: no agent is called `zed`");
    assert!(!run.stderr.contains("autopilot: rules"), "{}", run.stderr);
    let config = sandbox.home.path().join("autopilot.toml");
    std::fs::write(&config, "grace = \"1m\"\nrule = [\"queued\"]\n").unwrap();
    sandbox
        .cli(
            &api.token,
            &["autopilot", "--config", config.to_str().unwrap()],
        )
        .fails(2, "unknown field `rule`");
}

/// A threshold flag names its rule: with the rules listed by `--rule`, one for a rule left out
/// is a contradiction (exit 2); with the rules from the file, the flag turns its rule on.
#[test]
fn a_threshold_flag_is_never_ignored_whatever_lists_the_rules() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // A user waiting for a reply since 2026-11-24, in Bo's queue.
    let waiting = w.fixed(1, "Ada", "web", "Old question", "2026-11-24T09:00:00Z");
    api.post(
        &format!("/v1/interventions/{waiting}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    let look = ["autopilot", "--once", "--dry-run", "--grace", "1s"];
    let with = |more: &[&str]| {
        let mut args = look.to_vec();
        args.extend_from_slice(more);
        sandbox.cli(&api.token, &args)
    };
    with(&["--rule", "owner-offline", "--no-reply", "15m"]).fails(
        2,
        "--no-reply 15m sets the no-reply rule, which --rule leaves out; add --rule no-reply or leave out --no-reply",
    );
    with(&[
        "--rule",
        "owner-offline,queued",
        "--queued",
        "1h",
        "--no-reply",
        "15m",
    ])
    .fails(
        2,
        "--no-reply 15m sets the no-reply rule, which --rule leaves out",
    );
    with(&["--rule", "owner-offline", "--queued", "1h"]).fails(
        2,
        "--queued 1h sets the queued rule, which --rule leaves out",
    );
    let config = sandbox.home.path().join("a.toml");
    std::fs::write(&config, "rules = [\"owner-offline\"]\n").unwrap();
    let file = config.to_str().unwrap();
    // Waiting counts from the assignment: looked at again until a second has passed.
    let end = Instant::now() + DEADLINE;
    let (run, decision) = loop {
        let run = with(&["--config", file, "--no-reply", "1s", "-o", "ndjson"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let first: Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
        if first.get("summary").is_none() {
            break (run, first);
        }
        assert!(
            Instant::now() < end,
            "no decision within {DEADLINE:?}: {}",
            run.stderr
        );
    };
    assert!(
        run.stderr.contains("rules owner-offline, no-reply;")
            && run.stderr.contains("; no reply after 1s;"),
        "{}",
        run.stderr
    );
    assert_eq!(
        (
            &decision["intervention"],
            &decision["rule"],
            &decision["result"]
        ),
        (&json!(waiting), &json!("no-reply"), &json!("dry run")),
        "{}",
        run.stdout
    );
    // In the file alone, the same contradiction names the file.
    std::fs::write(&config, "rules = [\"owner-offline\"]\nno_reply = \"15m\"\n").unwrap();
    with(&["--config", file]).fails(
        2,
        &format!("{file}: no_reply = \"15m\" sets the no-reply rule, which rules = [\"owner-offline\"] leaves out; add \"no-reply\" to rules or leave out no_reply"),
    );
}

/// A value from `--config` is blamed on the file and its key (and a syntax error on its line),
/// never on a flag the user did not give.
#[test]
fn a_config_files_mistakes_name_the_file_and_its_key() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let config = sandbox.home.path().join("a.toml");
    let file = config.to_str().unwrap();
    for (text, code, words) in [
        (
            "grace = \"0s\"\n",
            2,
            ": grace = \"0s\": `0s` is no time at all",
        ),
        (
            "rules = [\"nope\"]\n",
            2,
            ": rules = [\"nope\"]: `nope` is not a rule; the rules are owner-offline",
        ),
        (
            "to = \"@nope\"\n",
            2,
            ": to = \"@nope\": `@nope` is not a pool; a pool is @online",
        ),
        (
            "to = \"zed\"\n",
            5,
            ": to = \"zed\": no agent is called `zed`",
        ),
        ("grace = \"1m\"\n\nqueued 30m\n", 2, ", line 3: expected"),
    ] {
        std::fs::write(&config, text).unwrap();
        let run = sandbox.cli(&api.token, &["autopilot", "--once", "--config", file]);
        let stderr = run.fails(code, &format!("error: {file}{words}"));
        assert!(!stderr.contains("error: --"), "{text}: {stderr}");
    }
}

/// A `--config` that is no regular file is refused at once: a FIFO with no writer held the
/// run for ever, past Ctrl-C and SIGTERM (automation check).
#[cfg(unix)]
#[test]
fn a_config_that_is_no_regular_file_is_refused_at_once() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let fifo = sandbox.home.path().join("rules.toml");
    crate::harness::mkfifo(&fifo);
    let file = fifo.to_str().unwrap();
    sandbox
        .cli(&api.token, &["autopilot", "--once", "--config", file])
        .fails(
            2,
            &format!("--config: cannot read {file}: it is not a regular file"),
        );
}

#[test]
fn each_decision_is_one_line_for_people_and_the_summary_goes_to_stderr() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    set_status(&api, "ag_1", "offline");
    set_status(&api, &w.bo, "offline");
    w.fixed(1, "Ada", "web", "Old question", "2026-11-24T09:00:00Z");
    w.fixed(2, "Bea", "sms", "Older question", "2026-11-24T08:30:00Z");
    let run = once_on_queued(&sandbox, &api, &["--utc"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"(?m)^\d\d:\d\d:\d\d  ", "[clock]  ");
    settings.add_filter(r"queued for \d+[dhms]( \d+[dhm])?", "queued for [age]");
    settings.add_filter(r"stopped after \d+s", "stopped after [n]s");
    settings.bind(|| {
        insta::assert_snapshot!(format!("{}--- stderr\n{}", run.stdout, run.stderr));
    });
}

#[test]
fn with_no_agent_in_the_pool_a_queued_item_stays_and_the_decision_says_why() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for a in ["ag_1", &w.ana, &w.bo, &w.cy] {
        set_status(&api, a, "offline");
    }
    let old = w.fixed(1, "Ada", "web", "Old question", "2026-11-24T09:00:00Z");
    // One look that leaves work undone tells a cron job or a CI step so, as a bulk run with
    // items not done does: exit 3.
    let run = once_on_queued(&sandbox, &api, &["-o", "ndjson"]);
    run.fails(
        3,
        // Who had no room, as the decision says (the last note: "no agent has capacity").
        "error: 1 of 1 decision not done: 1 left where it is (no agent of @online is online with room under its max_load)",
    );
    let decision: Value = serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(
        (
            &decision["intervention"],
            &decision["action"],
            &decision["result"],
            &decision["detail"]
        ),
        (
            &json!(old),
            &json!("none"),
            &json!("left"),
            &json!("no agent of @online is online with room under its max_load")
        )
    );
    assert_eq!(api.intervention(&old)["state"], "queued");
    // For people, the summary line says it too; a dry run only says what it would do (exit 0,
    // as a bulk command's --dry-run).
    let run = once_on_queued(&sandbox, &api, &[]);
    let stderr = run.fails(3, "1 of 1 decision not done");
    assert!(
        stderr.contains(
            "0 failed, 1 left (no agent of @online is online with room under its max_load); 1 not done: exit 3\nerror: 1 of 1"
        ),
        "{stderr}"
    );
    let run = once_on_queued(&sandbox, &api, &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("1 left (no agent of @online is online with room under its max_load)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_full_disk_stops_it_with_a_way_on_that_exists() {
    // The autopilot's batches go through the bulk engine, whose hints name `--journal` and
    // `--resume`; the autopilot has neither: started again, it decides anew.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    set_status(&api, "ag_1", "offline");
    set_status(&api, &w.bo, "offline");
    let ids: Vec<String> = (1..=30)
        .map(|n| w.fixed(n, "Ada", "web", "Old question", "2026-11-24T09:00:00Z"))
        .collect();
    let dir = sandbox.home.path().join("batches");
    let missing = [
        "autopilot",
        "--once",
        "--journal-dir",
        dir.to_str().unwrap(),
    ];
    sandbox.cli(&api.token, &missing).fails(
        2,
        &format!(
            "--journal-dir: the directory {} does not exist",
            dir.display()
        ),
    );
    std::fs::create_dir(&dir).unwrap();
    let dir = dir.to_str().unwrap();
    // The platform reached by a flag: the command the hint names gives it too.
    let args = [
        "autopilot",
        "--once",
        "--rule",
        "queued",
        "--queued",
        "1h",
        "--journal-dir",
        dir,
        "-o",
        "ndjson",
    ];
    let queued = || {
        ids.iter()
            .filter(|id| api.intervention(id)["state"] == "queued")
            .count()
    };
    // A budget too small for the plan, or for its first start: nothing is sent. A larger
    // one: the disk fills midway.
    let mut midway = None;
    for limit in (64..16384).step_by(64) {
        let run = sandbox.cli_by_flag(
            &api.token,
            &args,
            &[("LIVECTL_JOURNAL_LIMIT", &limit.to_string())],
        );
        run.fails(1, "No space left on device");
        assert!(!run.stderr.contains("--resume"), "{}", run.stderr);
        if run.stderr.contains("the run did not start") {
            assert!(
                run.stderr
                    .contains("or name another place with --journal-dir"),
                "{}",
                run.stderr
            );
            assert_eq!(queued(), ids.len(), "nothing was sent");
            continue;
        }
        run.hints(&format!(
            "free some space, then start `livectl autopilot --api-url={}` again with its rules and agents: it decides from the platform as it is",
            sandbox.url
        ));
        if queued() == ids.len() {
            continue;
        }
        midway = Some(run);
        break;
    }
    let run = midway.expect("a budget that fills the disk while the moves are sent");
    // Ended by an error, it still says what it did: the summary is its last object.
    let last: Value = serde_json::from_str(run.stdout.lines().last().unwrap_or("null")).unwrap();
    assert!(
        last["summary"]["decisions"].as_u64() > Some(0),
        "{}",
        run.stdout
    );
    let left = queued();
    assert!(
        left > 0 && left < ids.len(),
        "stopped midway: {left} queued\n{}",
        run.stderr
    );
    // The moves sent before the disk filled are logged, each once: done, or unknown when its
    // end could not be written.
    let logged: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|d| d["result"] == "done" || d["result"] == "unknown")
        .collect();
    assert_eq!(logged.len(), ids.len() - left, "{}", run.stdout);
    // Its journal is refused by the bulk commands, with the same way on.
    let journal = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    // The platform reached by a flag: the command it names gives the flag too.
    let resume = sandbox.cli_by_flag(
        &api.token,
        &["assign", "--resume", journal.to_str().unwrap()],
        &[],
    );
    resume.fails(2, "is the journal of a run of `autopilot`, not `assign`");
    resume.hints(&format!(
        "no command resumes it; start `livectl autopilot --api-url={}` again with its rules and agents: it decides from the platform as it is",
        sandbox.url
    ));
    // Started again with room, it moves what is left.
    let run = sandbox.cli_by_flag(&api.token, &args, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(queued(), 0);
}

/// The README's config file, as a user copies it, is one the autopilot takes: it listed
/// `no_reply` with rules that left the no-reply rule out, which is refused (exit 2).
#[test]
fn the_readmes_config_file_is_taken_as_written() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let bullet: String = readme
        .split("\n- ")
        .find(|b| b.starts_with("The config file is TOML:"))
        .expect("the README describes the config file")
        .split(". ")
        .next()
        .unwrap()
        .to_owned();
    // Every `key = value` of the sentence, a line each.
    let toml: String = bullet
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|pair| format!("{pair}\n"))
        .collect();
    assert!(toml.contains("no_reply = "), "{toml}");
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let file = sandbox.home.path().join("autopilot.toml");
    std::fs::write(&file, &toml).unwrap();
    sandbox
        .cli(
            &api.token,
            &[
                "autopilot",
                "--config",
                file.to_str().unwrap(),
                "--once",
                "--dry-run",
            ],
        )
        .ok();
}

/// `--rule no-reply --to bo` on Bo's own waiting users: the dry run said "would be done", the
/// run reassigned them to Bo, refused ("already owns it") at every look, exit 3 saying "none of
/// Bo Chen is online with room" (new user). Both now leave them, saying Bo owns them, and what
/// went to Bo from others is done.
#[test]
fn the_one_agent_named_is_not_given_work_it_owns() {
    let home = crate::harness::Home::new();
    let args = [
        "autopilot",
        "--once",
        "--no-reply",
        "10m",
        "--rule",
        "no-reply",
        "--to",
        "bo",
    ];
    let dry = home.cli(&[&args[..], &["--dry-run"]].concat());
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    let owned = "left (Bo Chen (ag_3) owns it already)";
    assert!(dry.stdout.contains(owned), "{}", dry.stdout);
    assert!(
        !dry.stdout
            .lines()
            .any(|l| l.contains("to Bo Chen") && l.contains("from Bo Chen")),
        "{}",
        dry.stdout
    );
    let run = home.cli(&args);
    let said = run.fails(3, "left where it is (Bo Chen (ag_3) owns it already)");
    assert!(said.contains(" 0 failed,"), "{said}");
    assert!(run.stdout.contains(owned), "{}", run.stdout);
}

/// A profile's `output = json` is not forced on the autopilot, which writes no JSON document:
/// it wrote its NDJSON lines, which `-o json` refuses (review). Its default, lines for people.
#[test]
fn a_profile_s_json_is_not_forced_on_the_autopilot_s_log() {
    let home = crate::harness::Home::new();
    home.cli(&["config", "set", "output", "json"]).ok();
    let run = home.cli(&[
        "--sandbox",
        "autopilot",
        "--once",
        "--dry-run",
        "--rule",
        "no-reply",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stdout.is_empty() && run.stdout.lines().all(|l| !l.starts_with('{')),
        "{}",
        run.stdout
    );
    // What writes JSON still takes the profile's.
    let whoami = home.cli(&["--sandbox", "whoami"]).ok();
    assert!(whoami.starts_with('{'), "{whoami}");
}

/// The one agent named fills up between the look that chose it and the move (its max_load
/// lowered meanwhile): the platform refuses the move for want of room, and the item stays
/// where it is. Said as a decision the look left so, it fails `--once` with exit 3; it was
/// counted "skipped" and the run exited 0, where the same item left at the look exited 3
/// (review of `no_room`).
#[test]
fn an_agent_filled_before_the_move_leaves_the_item_and_once_says_so() {
    let mut first = Sandbox::start(&[]);
    let api = first.api();
    let w = Workspace::new(&api);
    let id = w.fixed(1, "Ada", "web", "Old question", "2026-11-24T09:00:00Z");
    first.stop(libc::SIGTERM);
    // The same database served again, each move on this intervention held two seconds before
    // it acts: the window in which Cy fills up.
    let held = format!("latency=2000..2000ms,path=/v1/interventions/{id}/");
    let sandbox = Sandbox::start_in(first.home.clone(), &["--faults", &held]);
    let api = sandbox.api();
    let dir = sandbox.home.path().join("batches");
    std::fs::create_dir(&dir).unwrap();
    let run = crate::harness::Running::start(
        &sandbox,
        &api.token,
        &[
            "autopilot",
            "--once",
            "--rule",
            "queued",
            "--queued",
            "1h",
            "--to",
            "cy",
            "--journal-dir",
            dir.to_str().unwrap(),
        ],
    );
    // The move's key is in the journal before it is sent.
    let end = Instant::now() + DEADLINE;
    let sent = || {
        std::fs::read_dir(&dir).unwrap().any(|e| {
            std::fs::read_to_string(e.unwrap().path())
                .is_ok_and(|t| t.contains(r#""event":"start""#))
        })
    };
    while !sent() {
        assert!(Instant::now() < end, "no move started within {DEADLINE:?}");
        std::thread::yield_now();
    }
    api.post(
        "/v1/agents",
        json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "role": "agent",
            "department": w.support, "max_load": 0}),
    )
    .expect(200);
    let (code, said) = run.end(DEADLINE);
    assert_eq!(code, Some(3), "{said}");
    let why = format!("Cy Diaz ({}) is at its max_load of 0", w.cy);
    assert!(
        said.contains(&format!(
            "0 skipped (changed by someone else), 0 failed, 1 left ({why})"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "error: 1 of 1 decision not done: 1 left where it is ({why})"
        )),
        "{said}"
    );
    assert_eq!(api.intervention(&id)["state"], "queued");
}
