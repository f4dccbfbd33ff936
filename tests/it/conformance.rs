//! `livectl conformance`: it passes against the sandbox, checks the role rules with an agent's
//! token, catches a sandbox broken on purpose, and refuses bad input before creating anything.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::harness::{Home, Run, Sandbox, Workspace};

/// The role rules' cases, skipped without an agent's token.
const ROLE_CASES: usize = 11;
/// Cases in all: 20 moves, the roles, 3 + 2 + 4 + 3 + 4 + 1.
const CASES: usize = 20 + ROLE_CASES + 17;

/// The cases of a `-o json` run.
fn cases(run: &Run) -> Vec<Value> {
    serde_json::from_str::<Value>(&run.stdout)
        .unwrap_or_else(|e| panic!("-o json is JSON ({e}): {}", run.stdout))
        .as_array()
        .expect("an array of cases")
        .clone()
}

fn of<'a>(cases: &'a [Value], result: &str) -> Vec<&'a Value> {
    cases.iter().filter(|c| c["result"] == result).collect()
}

/// The JUnit file: (name, classname, result) per testcase, after checking the suite's counts.
fn junit(path: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).expect("the JUnit file is written");
    let doc = roxmltree::Document::parse(&text).expect("the JUnit file is XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .expect("a testsuite");
    let cases: Vec<_> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| {
            let result = if n.children().any(|c| c.has_tag_name("failure")) {
                "failed"
            } else if n.children().any(|c| c.has_tag_name("skipped")) {
                "skipped"
            } else {
                "passed"
            };
            (
                n.attribute("name").unwrap_or_default().to_owned(),
                n.attribute("classname").unwrap_or_default().to_owned(),
                result.to_owned(),
            )
        })
        .collect();
    let count = |result: &str| cases.iter().filter(|c| c.2 == result).count().to_string();
    assert_eq!(
        suite.attribute("tests"),
        Some(cases.len().to_string().as_str())
    );
    assert_eq!(suite.attribute("failures"), Some(count("failed").as_str()));
    assert_eq!(suite.attribute("skipped"), Some(count("skipped").as_str()));
    cases
}

/// What the suite must leave alone: everything that is not its own, as it was.
fn not_the_suite_s(api: &crate::harness::Api) -> Vec<Vec<Value>> {
    let mut all = api.everything();
    // The audit log grows with the suite's events; the rest is compared whole.
    all.pop();
    all.into_iter()
        .map(|items| {
            items
                .into_iter()
                .filter(|i| {
                    !i["key"]
                        .as_str()
                        .is_some_and(|k| k.starts_with("conformance-"))
                        && !i["summary"]
                            .as_str()
                            .is_some_and(|s| s.starts_with("Conformance check conformance-"))
                        && !i["user"]["name"]
                            .as_str()
                            .is_some_and(|n| n.starts_with("Conformance user"))
                })
                .collect()
        })
        .collect()
}

#[test]
fn passes_against_the_sandbox_and_touches_only_its_own_data() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let theirs = [w.in_state("queued"), w.in_state("assigned")];
    let before = not_the_suite_s(&api);
    let events_before: Vec<Vec<Value>> = theirs.iter().map(|id| api.events_of(id)).collect();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("reports/conformance.xml");
    let run = sandbox.cli_env(
        &api.token,
        &["conformance", "--junit", report.to_str().unwrap()],
        &[("LIVECTL_FORCE_TTY", "1")],
    );
    let table = run.ok();
    let header = table.lines().next().unwrap_or_default();
    assert!(
        header
            .split_whitespace()
            .eq(["RULE", "CASE", "RESULT", "DETAIL"]),
        "a table on a terminal: {table}"
    );
    assert!(
        table.contains("state machine  assign from queued"),
        "{table}"
    );
    assert!(!table.contains(" failed "), "no case failed: {table}");

    let cases = junit(&report);
    assert_eq!(cases.len(), CASES, "{cases:?}");
    assert!(cases.iter().all(|c| c.2 != "failed"), "{cases:?}");
    // It names the platform and its agents: private, as an export is.
    #[cfg(unix)]
    assert_eq!(crate::harness::mode(&report), 0o600);
    let skipped: Vec<&str> = cases
        .iter()
        .filter(|c| c.2 == "skipped")
        .map(|c| c.1.as_str())
        .collect();
    let mut expected = vec!["conformance.roles"; ROLE_CASES];
    expected.push("conformance.rate limits");
    assert_eq!(
        skipped, expected,
        "no agent token, and the sandbox never throttles"
    );
    for (name, rule) in [
        ("assign from queued", "conformance.state machine"),
        ("complete from cancelled", "conformance.state machine"),
        (
            "same key, another body: 422 idempotency_conflict",
            "conformance.idempotency",
        ),
        (
            "Last-Event-ID resumes with no gap or repeat",
            "conformance.events",
        ),
        (
            "/v1/interventions/refs: the listing's items, in order, each in part",
            "conformance.pagination",
        ),
        (
            "order=queued_at: the queue longest waiting first, ties by id",
            "conformance.pagination",
        ),
        ("401 for a wrong token", "conformance.problems"),
    ] {
        assert!(
            cases.iter().any(|c| c.0 == name && c.1 == rule),
            "{rule} / {name} is a testcase: {cases:?}"
        );
    }

    // Nothing but the suite's own data changed, and none of its interventions is left open.
    assert_eq!(
        not_the_suite_s(&api),
        before,
        "the workspace's data is untouched"
    );
    let events_after: Vec<Vec<Value>> = theirs.iter().map(|id| api.events_of(id)).collect();
    assert_eq!(
        events_after, events_before,
        "the workspace's interventions got no event"
    );
    let departments = api.all("/v1/departments");
    let own = departments
        .iter()
        .find(|d| {
            d["key"]
                .as_str()
                .is_some_and(|k| k.starts_with("conformance-"))
        })
        .expect("the suite's department");
    let left_open: Vec<Value> = api
        .all(&format!(
            "/v1/interventions?department={}&state=queued,assigned",
            own["id"].as_str().unwrap()
        ))
        .into_iter()
        .map(|i| i["id"].clone())
        .collect();
    assert_eq!(
        left_open,
        Vec::<Value>::new(),
        "the suite cancels what it left open"
    );
    // Its agents end inactive and offline: no pool, no autopilot gives them real work.
    let own_agents: Vec<(Value, Value)> = api
        .all("/v1/agents")
        .into_iter()
        .filter(|a| {
            a["key"]
                .as_str()
                .is_some_and(|k| k.starts_with("conformance-"))
        })
        .map(|a| (a["active"].clone(), a["status"].clone()))
        .collect();
    assert_eq!(
        own_agents,
        vec![(Value::Bool(false), Value::from("offline")); 2],
        "the suite's agents are retired"
    );
}

#[test]
fn the_role_rules_pass_with_an_agent_token() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    // An agent created through the API before the run, so its token exists before the suite's
    // agents do.
    api.post(
        "/v1/agents",
        json!({"key": "tester", "name": "Tess Ter", "email": "tester@example.com"}),
    )
    .expect(201);
    let agent = sandbox.home.token(Some("tester"));
    let piped = sandbox.cli_stdin(
        &api.token,
        &["conformance", "--agent-token-stdin", "-o", "json"],
        &agent,
    );
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    let all = cases(&piped);
    assert_eq!(all.len(), CASES);
    let roles: Vec<&Value> = all.iter().filter(|c| c["rule"] == "roles").collect();
    assert_eq!(roles.len(), ROLE_CASES);
    for case in &roles {
        assert_eq!(case["result"], "passed", "{case}");
    }
    assert!(
        roles[0]["detail"]
            .as_str()
            .unwrap()
            .contains("owned by ag_2"),
        "the agent assigned to itself: {}",
        roles[0]
    );
    assert_eq!(of(&all, "skipped").len(), 1, "only the rate limits");

    // The same token from the environment.
    let from_env = sandbox.cli_env(
        &api.token,
        &["conformance", "-o", "json"],
        &[("LIVECTL_AGENT_TOKEN", &agent)],
    );
    assert_eq!(from_env.code, 0, "{}", from_env.stderr);
    assert!(
        cases(&from_env)
            .iter()
            .filter(|c| c["rule"] == "roles")
            .all(|c| c["result"] == "passed")
    );

    // An admin's token or an unknown one is refused before anything is created.
    let before = api.everything();
    sandbox
        .cli_stdin(
            &api.token,
            &["conformance", "--agent-token-stdin"],
            &api.token,
        )
        .fails(2, "the role rules need an agent's token");
    sandbox
        .cli_env(
            &api.token,
            &["conformance"],
            &[("LIVECTL_AGENT_TOKEN", "lvs_nobody")],
        )
        .fails(4, "the agent token was not accepted");
    sandbox
        .cli_stdin(&api.token, &["conformance", "--agent-token-stdin"], "  \n")
        .fails(2, "standard input held no token");
    assert_eq!(api.everything(), before, "nothing was created");
}

#[test]
fn a_sandbox_that_replays_another_body_fails_the_idempotency_case() {
    let sandbox = Sandbox::start(&["--idempotency-ignores-body"]);
    let api = sandbox.api();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("junit.xml");
    let run = sandbox.cli(
        &api.token,
        &[
            "conformance",
            "-o",
            "json",
            "--junit",
            report.to_str().unwrap(),
        ],
    );
    run.fails(
        1,
        &format!(
            "1 of {CASES} cases failed: idempotency: same key, another body: 422 idempotency_conflict"
        ),
    );
    let all = cases(&run);
    let failed = of(&all, "failed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0]["rule"], "idempotency");
    assert_eq!(
        failed[0]["detail"],
        "expected 422 idempotency_conflict, got 200: the first answer replayed for another body"
    );
    let junit = junit(&report);
    let failures: Vec<_> = junit.iter().filter(|c| c.2 == "failed").collect();
    assert_eq!(
        failures,
        [&(
            "same key, another body: 422 idempotency_conflict".to_owned(),
            "conformance.idempotency".to_owned(),
            "failed".to_owned()
        )]
    );
}

#[test]
fn a_throttling_platform_is_checked_for_its_headers() {
    let sandbox = Sandbox::start(&["--rate-limit", "40"]);
    let api = sandbox.api();
    let run = sandbox.cli(&api.token, &["conformance", "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = cases(&run);
    let limits = all
        .iter()
        .find(|c| c["rule"] == "rate limits")
        .expect("the rate-limit case");
    assert_eq!(limits["result"], "passed", "{limits}");
    assert!(
        limits["detail"].as_str().unwrap().contains("Retry-After 1"),
        "{limits}"
    );
    assert_eq!(
        of(&all, "failed").len(),
        0,
        "429s elsewhere are waited out, not verdicts"
    );
}

/// The embedded sandbox is the demo workspace: the suite asks there as on a real platform, and
/// off a terminal needs --yes. It filled the demo with its agents and department unasked (new
/// user).
#[test]
fn on_the_embedded_sandbox_the_suite_needs_a_yes() {
    let home = Home::new();
    let refused = home.cli(&["conformance"]);
    refused.fails(
        2,
        "your demo workspace, and leaves it there; nothing was sent",
    );
    refused.hints("or pass --yes to run it on the demo workspace all the same");
    let created = || {
        let agents = home.cli(&["agents", "-o", "json"]).ok();
        let departments = home.cli(&["departments", "-o", "json"]).ok();
        agents.contains("conformance-") || departments.contains("conformance-")
    };
    assert!(!created(), "nothing was created");
    // With --yes it runs there, and what it creates stays, as it was told.
    let run = home.cli(&["conformance", "--yes", "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(created());
}

/// A sandbox served on the demo workspace's database (`sandbox serve` without `--db`, or with
/// the same file by another path) is the demo workspace too: the suite asks there as on the
/// embedded sandbox. Reached by its address, it filled the demo unasked (review).
#[test]
fn on_a_sandbox_serving_the_demo_workspace_the_suite_needs_a_yes() {
    let home = Home::new();
    // The embedded sandbox makes the demo workspace on its first use.
    home.cli(&["queues"]).ok();
    let demo = home.path().join("data/livectl/../livectl/sandbox.db");
    let sandbox = Sandbox::start_on(home.clone(), &demo, &[]);
    let api = sandbox.api();
    let before = api.everything();
    let report = home.path().join("junit.xml");
    let refused = sandbox.cli(
        &api.token,
        &["conformance", "--junit", report.to_str().unwrap()],
    );
    let said = format!(
        "the conformance suite creates data in {}, your demo workspace, and leaves it there; nothing was sent",
        sandbox.url
    );
    refused.fails(2, &said);
    refused.hints("or pass --yes to run it on the demo workspace all the same");
    assert_eq!(api.everything(), before, "nothing was created");
    // CI is shown why, as for a suite that could not start: one error (there was no report).
    let text = std::fs::read_to_string(&report).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the JUnit file is XML");
    let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
    assert_eq!(error.attribute("message"), Some(said.as_str()), "{text}");
    // A sandbox of its own is not asked about.
    let own = Sandbox::start(&[]);
    let run = own.cli(&own.api().token, &["conformance", "-o", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn bad_platforms_and_tokens_get_one_clear_line_and_nothing_is_created() {
    let home = Home::new();
    let run = |url: &str, token: &str| home.cli_at(url, token, &["conformance"]);
    run("http://127.0.0.1:1", "t").fails(1, "cannot reach http://127.0.0.1:1");
    let html = crate::cli_errors::impostor("200 OK", "text/html", "<html>a login page</html>", 5);
    let page = run(&html, "t");
    page.fails(1, "is not the API's JSON");
    assert!(
        page.stderr.contains("<html>a login page</html>"),
        "{}",
        page.stderr
    );

    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let before = api.everything();
    let refused = sandbox.cli("lvs_not-a-token", &["conformance"]);
    refused.fails(
        4,
        "the bearer token is not known to this sandbox; create one with `livectl sandbox token`, giving the --db it serves",
    );
    let agent = sandbox.home.token(Some(&w.bo));
    sandbox.cli(&agent, &["conformance"]).fails(
        4,
        "the conformance suite needs an admin's token; this one is Bo Chen (ag_3), an agent",
    );
    let dir = tempfile::tempdir().unwrap();
    sandbox
        .cli(
            &api.token,
            &["conformance", "--junit", dir.path().to_str().unwrap()],
        )
        .fails(2, "that is a directory");
    for out in [&page, &refused] {
        assert_eq!(
            out.stderr
                .lines()
                .filter(|l| l.starts_with("error:"))
                .count(),
            1,
            "one error line: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(api.everything(), before, "nothing was created");
}

/// `--junit` is written as `--out` is: a FIFO (or device) through, never replaced by a file; a
/// directory where the file should be refused before anything is sent. A suite that cannot
/// start (no API there) still leaves a report, of one error, for CI to show (automation check:
/// the report replaced /dev/null as root, and a missing report showed CI nothing).
#[cfg(unix)]
#[test]
fn the_junit_report_is_written_as_an_export_and_says_why_a_suite_could_not_start() {
    let home = Home::new();
    let dir = home.path().join("reports");
    std::fs::create_dir_all(&dir).unwrap();
    let sandbox = Sandbox::start_in(home.clone(), &[]);
    let api = sandbox.api();
    let before = api.everything();
    let taken = dir.join("taken.xml");
    std::fs::create_dir_all(&taken).unwrap();
    sandbox
        .cli(
            &api.token,
            &["conformance", "--junit", taken.to_str().unwrap()],
        )
        .fails(2, "that is a directory");
    assert_eq!(api.everything(), before, "nothing was sent");

    // No API there: one error case says why.
    let report = dir.join("junit.xml");
    let html = crate::cli_errors::impostor("200 OK", "text/html", "<html>a login page</html>", 5);
    home.cli_at(
        &html,
        "t",
        &["conformance", "--junit", report.to_str().unwrap()],
    )
    .fails(1, "is not the API's JSON");
    let text = std::fs::read_to_string(&report).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("the JUnit file is XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("errors"), Some("1"), "{text}");
    let error = doc.descendants().find(|n| n.has_tag_name("error")).unwrap();
    assert!(
        error
            .attribute("message")
            .unwrap()
            .contains("is not the API's JSON"),
        "{text}"
    );
    assert_eq!(crate::harness::mode(&report), 0o600);

    // A FIFO gets the report through it, and stays a FIFO.
    let fifo = dir.join("fifo.xml");
    crate::harness::mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    sandbox
        .cli(
            &api.token,
            &["conformance", "--junit", fifo.to_str().unwrap()],
        )
        .ok();
    assert!(reader.join().unwrap().contains("<testsuites"));
    use std::os::unix::fs::FileTypeExt;
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_real_platform_needs_yes_without_a_terminal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let before = api.everything();
    let lan = sandbox.url.replace("127.0.0.1", "localhost.localdomain");
    let run = |extra: &[&str]| {
        let out = sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &lan)
            .env("LIVECTL_TOKEN", &api.token)
            .args(["conformance", "--allow-insecure-http", "-o", "json"])
            .args(extra)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        Run::from(out)
    };
    let refused = run(&[]);
    refused.fails(2, "a real platform; nothing was sent");
    assert!(
        refused.stderr.contains("pass --yes to confirm"),
        "{}",
        refused.stderr
    );
    assert_eq!(api.everything(), before, "nothing was created");
    // --yes is what it lacked: with it the run goes on, to the end where the name resolves to
    // this machine, or as far as trying to reach it where it does not.
    let confirmed = run(&["--yes"]);
    if confirmed.code == 0 {
        assert_eq!(cases(&confirmed).len(), CASES);
    } else {
        confirmed.fails(1, "cannot reach http://localhost.localdomain");
    }
}

#[test]
fn ctrl_c_stops_the_run_and_leaves_no_intervention_open() {
    // Every request a little slow, so the run is still going when it is stopped.
    let sandbox = Sandbox::start(&["--faults", "latency=20..20ms"]);
    let api = sandbox.api();
    let child = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["conformance"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Stopped once its rules have started interventions.
    let deadline = Instant::now() + Duration::from_secs(60);
    let department = loop {
        let found = api.all("/v1/departments").into_iter().find(|d| {
            d["key"]
                .as_str()
                .is_some_and(|k| k.starts_with("conformance-"))
        });
        if let Some(d) = found {
            let id = d["id"].as_str().unwrap().to_owned();
            if !api
                .all(&format!("/v1/interventions?department={id}"))
                .is_empty()
            {
                break id;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the suite never started an intervention"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    // SAFETY: SIGINT to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    let open = api.all(&format!(
        "/v1/interventions?department={department}&state=queued,assigned"
    ));
    assert!(open.is_empty(), "left open: {open:?}");
    assert!(
        !api.all(&format!("/v1/interventions?department={department}"))
            .is_empty()
    );
}

#[test]
fn a_sandbox_without_the_refs_of_interventions_fails_that_case_alone() {
    let sandbox = Sandbox::start(&["--without-refs"]);
    let api = sandbox.api();
    let run = sandbox.cli(&api.token, &["conformance", "-o", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let all = cases(&run);
    let failed = of(&all, "failed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(
        (&failed[0]["case"], &failed[0]["detail"]),
        (
            &json!("/v1/interventions/refs: the listing's items, in order, each in part"),
            &json!("listing the department's refs: intervention `refs` does not exist")
        )
    );
}
