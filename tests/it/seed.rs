//! Seeding from files and generated specs, and exports of history at any size.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::harness::{Api, Home, Sandbox};

fn example() -> String {
    format!("{}/examples/ci-seed.yaml", env!("CARGO_MANIFEST_DIR"))
}

fn tally(stdout: &str) -> (u64, u64, u64, u64) {
    let v: Value = serde_json::from_str(stdout).unwrap();
    (
        v["created"].as_u64().unwrap(),
        v["changed"].as_u64().unwrap(),
        v["unchanged"].as_u64().unwrap(),
        v["actions"].as_u64().unwrap(),
    )
}

#[test]
fn the_example_loads_every_state_and_a_second_run_changes_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let first = sandbox.cli(&api.token, &["seed", &example(), "-o", "json"]);
    assert_eq!(tally(&first.ok()), (18, 0, 0, 9));
    let before = api.everything();
    let second = sandbox.cli(&api.token, &["seed", &example(), "-o", "json"]);
    let again = second.ok();
    assert_eq!(
        tally(&again),
        (0, 0, 18, 0),
        "a second run reports 0 created and 0 changed"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&again).unwrap()["kept"],
        serde_json::json!([]),
        "and keeps nothing it was asked to change"
    );
    assert_eq!(api.everything(), before, "and changes nothing");

    let by_summary = |summary: &str| {
        api.all("/v1/interventions")
            .into_iter()
            .find(|i| i["summary"] == summary)
            .unwrap()
    };
    assert_eq!(by_summary("Cannot log in after a reset")["state"], "queued");
    let charged = by_summary("Charged twice");
    assert_eq!(charged["state"], "assigned");
    let bo = api
        .all("/v1/agents")
        .into_iter()
        .find(|a| a["key"] == "bo")
        .unwrap();
    assert_eq!(charged["owner"], bo["id"]);
    let crash = by_summary("App crashes on start");
    assert_eq!(
        (crash["state"].as_str(), crash["tags"].clone()),
        (Some("completed"), serde_json::json!(["vip", "android"]))
    );
    assert!(crash["completion"]["block"].is_string());
    assert_eq!(by_summary("User left")["state"], "cancelled");
    assert_eq!(
        by_summary("Duplicate of an earlier question")["state"],
        "cancelled"
    );
    let events: Vec<String> = api
        .events_of(crash["id"].as_str().unwrap())
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        events,
        ["started", "assigned", "returned", "assigned", "completed"],
        "states reached through the real actions"
    );
    let dee = api
        .all("/v1/agents")
        .into_iter()
        .find(|a| a["key"] == "dee")
        .unwrap();
    assert_eq!(dee["status"], "away");
}

#[test]
fn a_seed_document_piped_to_seed_dash_loads_as_a_file_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = std::fs::read_to_string(example()).unwrap();
    let piped = sandbox.cli_stdin(&api.token, &["seed", "-", "-o", "json"], &yaml);
    assert_eq!(tally(&piped.ok()), (18, 0, 0, 9));
    let bad = "departments:\n  - key: ops\n    nam: Ops\n";
    let refused = sandbox.cli_stdin(&api.token, &["seed", "-"], bad);
    refused.fails(
        2,
        "  stdin:3: departments[0].nam: unknown field `nam`, expected `key` or `name`",
    );
}

#[test]
fn a_seed_file_saved_with_a_byte_order_mark_loads_as_without() {
    // Some Windows editors begin UTF-8 files with U+FEFF; it is not part of the document.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = std::fs::read_to_string(example()).unwrap();
    let as_json =
        r#"{"agents": [{"key": "zed", "name": "Zed", "email": "zed@example.com"}]}"#.to_owned();
    for (name, text) in [("bom.yaml", yaml), ("bom.json", as_json)] {
        let path = sandbox.home.path().join(name);
        std::fs::write(&path, format!("\u{feff}{text}")).unwrap();
        let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap(), "-o", "json"]);
        assert!(tally(&run.ok()).0 > 0, "{name} loaded");
    }
}

/// A tab inside a block of text (a message pasting code) is text: it loads as written, while a
/// tab that indents the document's structure is still said as such (the malformed files'
/// test). Every line with a tab was refused before.
#[test]
fn a_tab_inside_a_block_of_text_loads_as_written() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let path = sandbox.home.path().join("tab.yaml");
    let text = "users:\n  - key: u1\n    name: Una\n    channel: web\nconversations:\n  - key: c1\n    user: u1\n    messages:\n      - sender: user\n        text: |\n          my code:\n          \tif x:\n          \t\treturn\n";
    std::fs::write(&path, text).unwrap();
    sandbox
        .cli(&api.token, &["seed", path.to_str().unwrap()])
        .ok();
    let history = api.all("/v1/history");
    let texts: Vec<&str> = history.iter().filter_map(|m| m["text"].as_str()).collect();
    assert_eq!(texts, ["my code:\n\tif x:\n\t\treturn\n"]);
}

/// A seed sets every field of an agent it names, a field left out to its default: a file giving
/// Ana (an admin of Support) her name and email alone made her an agent of no department, and
/// said "1 changed" (the new-user check). Each change to an agent there is said before anything
/// is sent, and a dry run lists them.
#[test]
fn a_seed_says_what_it_changes_of_the_agents_there_before_sending() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = crate::harness::Workspace::new(&api);
    let path = sandbox.home.path().join("ana.yaml");
    std::fs::write(
        &path,
        "departments:\n  - {key: support, name: Support}\n\
         agents:\n  - {key: ana, name: Ana Lima, email: ana@example.com}\n  \
         - {key: bo, name: Bo Chen, email: bo@example.com, department: support}\n",
    )
    .unwrap();
    let change = "agent `ana` (Ana Lima): role admin -> agent, department Support -> none";
    let dry = sandbox.cli(
        &api.token,
        &["seed", path.to_str().unwrap(), "--dry-run", "-o", "json"],
    );
    assert!(
        dry.stderr
            .starts_with(&format!("warning: would change {change}\n")),
        "{}",
        dry.stderr
    );
    let said: Value = serde_json::from_str(&dry.ok()).unwrap();
    // As data, for scripts (the review: it was a list of sentences).
    assert_eq!(
        said["would_change"],
        serde_json::json!([{"agent": "ana", "name": "Ana Lima", "fields": [
            {"field": "role", "was": "admin", "now": "agent"},
            {"field": "department", "was": "Support", "now": "none"},
        ]}])
    );
    assert_eq!(
        api.agent(&w.ana)["role"],
        "admin",
        "a dry run changes nothing"
    );
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "warning: changes {change}\nwarning: a seed sets every field of an agent it names; a \
             field it leaves out becomes its default (role agent, status online, active true, \
             department none, max_load none)\n"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(api.agent(&w.ana)["role"], "agent");
    // Loaded again, it changes nothing, and says nothing.
    let again = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
    assert!(!again.stderr.contains("warning"), "{}", again.stderr);
}

/// A seed renamed the catalog entries it names by key without a word: `seed --generate` into
/// a workspace holding its keys said "2 changed", and its dry run `"would_change": []`, while
/// two outcomes lost their names (new user). Departments, topics, outcomes and blocks are said
/// as agents are; and the generated catalog names the demo's entries as the demo does.
#[test]
fn a_seed_says_what_it_changes_of_the_catalog_and_generated_data_keeps_the_demos_names() {
    let sandbox = Sandbox::start(&["--seed", "demo"]);
    let api = sandbox.api();
    let generated = sandbox.cli(
        &api.token,
        &[
            "seed",
            "--generate",
            "interventions=5,seed=5",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    let stderr = generated.stderr.clone();
    let said: Value = serde_json::from_str(&generated.ok()).unwrap();
    assert_eq!(said["would_change"], serde_json::json!([]), "{stderr}");
    let path = sandbox.home.path().join("renames.yaml");
    std::fs::write(
        &path,
        "departments:\n  - {key: support, name: Help desk}\n\
         topics:\n  - {key: refund, name: Refunds, department: support}\n\
         outcomes:\n  - {key: escalated, name: Escalated}\n\
         blocks:\n  - {key: survey, name: Satisfaction survey}\n",
    )
    .unwrap();
    let dry = sandbox.cli(
        &api.token,
        &["seed", path.to_str().unwrap(), "--dry-run", "-o", "json"],
    );
    let stderr = dry.stderr.clone();
    let said: Value = serde_json::from_str(&dry.ok()).unwrap();
    let kinds: Vec<String> = said["would_change"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let kind = ["department", "topic", "outcome", "block"]
                .into_iter()
                .find(|k| c.get(k).is_some())
                .unwrap();
            format!("{kind} {} {}", c[kind].as_str().unwrap(), c["fields"])
        })
        .collect();
    assert_eq!(
        kinds,
        [
            r#"department support [{"field":"name","now":"Help desk","was":"Support"}]"#,
            r#"topic refund [{"field":"name","now":"Refunds","was":"Refund request"},{"field":"department","now":"Support","was":"Billing"}]"#,
            r#"outcome escalated [{"field":"name","now":"Escalated","was":"Escalated to second line"}]"#,
        ],
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning: would change outcome `escalated` (Escalated to second line): name Escalated to second line -> Escalated\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("every field of an agent"), "{stderr}");
}

/// A user is created with its first conversation: one listed alone was dropped without a
/// word ("would load 2 users", then "1 created", exit 0).
#[test]
fn users_without_a_conversation_are_said_not_to_be_created() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let path = sandbox.home.path().join("alone.yaml");
    std::fs::write(
        &path,
        "users:\n  - {key: ada, name: Ada, email: ada@example.com, channel: web}\n  \
         - {key: bo, name: Bo, email: bo@example.com, channel: sms}\n\
         conversations:\n  - key: c1\n    user: ada\n    messages:\n      - {sender: user, text: hi}\n",
    )
    .unwrap();
    let warning = "warning: 1 user has no conversation, so this load leaves them out (a user is loaded with its first conversation): bo\n";
    for dry in [true, false] {
        let args = [
            &["seed", path.to_str().unwrap()][..],
            if dry { &["--dry-run"] } else { &[] },
        ]
        .concat();
        let run = sandbox.cli(&api.token, &args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.starts_with(warning), "{}", run.stderr);
        // The dry run counted the user it warned of ("2 users"); it counts what it creates.
        if dry {
            assert_eq!(
                run.stdout,
                format!(
                    "would load 0 departments, 0 agents, 0 topics, 0 outcomes, 0 blocks, 1 user, \
                     1 conversation (0 with an intervention, 0 actions) into {}\n",
                    sandbox.url
                )
            );
        }
    }
    assert_eq!(api.all("/v1/users").len(), 1);
}

#[test]
fn sandbox_serve_loads_a_seed_file_at_start() {
    let mut first = Sandbox::start(&["--seed", &example()]);
    let before = first.api().everything();
    assert_eq!(before[7].len(), 5, "five interventions");
    first.kill();
    let again = Sandbox::start_in(first.home.clone(), &["--seed", &example()]);
    assert_eq!(again.api().everything(), before);
}

#[test]
fn a_load_that_would_edit_a_started_intervention_says_what_it_kept() {
    // An intervention's summary and department are those of its first load: changing them
    // would be a change without an event. A later load says so, and still loads the rest.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let first = "departments:\n  - key: sales\n    name: Sales\nusers:\n  - key: u1\n    name: Una\n    channel: web\nconversations:\n  - key: c1\n    user: u1\n    messages:\n      - sender: user\n        text: hi\n    intervention:\n      summary: first words\n      queued_at: now-1h\n";
    let path = sandbox.home.path().join("kept.yaml");
    std::fs::write(&path, first).unwrap();
    let file = path.to_str().unwrap();
    sandbox.cli(&api.token, &["seed", file]).ok();
    let changed = first
        .replace("first words", "other words")
        .replace(
            "      queued_at",
            "      department: sales\n      queued_at",
        )
        .replace("Una", "Una B.");
    std::fs::write(&path, changed).unwrap();
    let again = sandbox.cli(&api.token, &["seed", file, "-o", "json"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let out: Value = serde_json::from_str(&again.stdout).unwrap();
    let kept = "conversation `c1`: intervention iv_1 keeps what its first load gave it: the summary `first words` and no department";
    assert_eq!(out["kept"], serde_json::json!([kept]));
    assert_eq!(out["changed"], 1, "the user's new name is loaded: {out}");
    assert_eq!(
        again.stderr.lines().skip(1).collect::<Vec<_>>(),
        [
            format!("warning: {kept}"),
            "hint: a load does not edit an intervention it started".to_owned(),
        ],
        "{}",
        again.stderr
    );
    let iv = api.get("/v1/interventions/iv_1").expect(200);
    assert_eq!(
        (iv["summary"].as_str(), iv["department"].as_str()),
        (Some("first words"), None)
    );
    // Loaded by a sandbox at its start, it says the same.
    let mut sandbox = sandbox;
    sandbox.kill();
    let serving = Sandbox::start_in(sandbox.home.clone(), &["--seed", file]);
    assert!(
        serving
            .started
            .iter()
            .any(|l| l == &format!("warning: {kept}")),
        "{:?}",
        serving.started
    );
    // A sandbox livectl serves from a file can be started over: the hint says how, that one.
    let reset = format!(
        "hint: a load does not edit an intervention it started; to load one anew, start the sandbox over with `livectl sandbox reset --db {} --yes`",
        serving.db.display()
    );
    assert!(serving.started.contains(&reset), "{:?}", serving.started);
}

/// Writes `content` as `name` and seeds it: the run must fail with exit 2, name the file and
/// line, and send nothing.
#[track_caller]
fn refused(sandbox: &Sandbox, api: &Api, name: &str, content: &str, line: usize, words: &str) {
    let path = sandbox.home.path().join(name);
    std::fs::write(&path, content).unwrap();
    let before = api.everything();
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
    let at = format!("{}:{line}:", path.display());
    run.fails(2, &at);
    assert!(
        run.stderr.contains(words),
        "{name}: `{words}` missing from {}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing was sent"));
    assert_eq!(api.everything(), before, "{name}: nothing was sent");
}

#[test]
fn malformed_seed_files_name_file_line_and_field_and_send_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let base = "departments:\n  - key: support\n    name: Support\nagents:\n  - key: bo\n    name: Bo\n    email: bo@example.com\n    department: support\ntopics:\n  - key: login\n    name: Login\noutcomes:\n  - key: ok\n    name: OK\nusers:\n  - key: u1\n    name: Una\n    channel: web\n";
    let conv = |actions: &str| {
        format!(
            "{base}conversations:\n  - key: c1\n    user: u1\n    intervention:\n      summary: help\n      actions:\n{actions}"
        )
    };
    refused(
        &sandbox,
        &api,
        "tabs.yaml",
        "departments:\n\t- key: support\n",
        2,
        "a tab indents this line",
    );
    // A second document after the first (two generator outputs appended, a fragment left
    // over) loaded the first and dropped the rest, with exit 0.
    refused(
        &sandbox,
        &api,
        "trailing.json",
        "{\"departments\": [{\"key\": \"d1\", \"name\": \"D1\"}]}\n this is garbage ]]]\n",
        2,
        "more follows the document here; a seed file holds one document",
    );
    refused(
        &sandbox,
        &api,
        "two.json",
        "{\"departments\": []}\n{\"departments\": [{\"key\": \"d1\", \"name\": \"D1\"}]}\n",
        2,
        "a seed file holds one document",
    );
    refused(
        &sandbox,
        &api,
        "dupe-field.yaml",
        "departments: []\nagents: []\ndepartments: []\n",
        3,
        "duplicate",
    );
    // The repeat within its own entry, not the second line of that name in the file (they
    // were said at line 6 and 5: new user).
    refused(
        &sandbox,
        &api,
        "dupe-in-entry.yaml",
        "departments:\n  - key: x\n    name: X\ntopics:\n  - key: t1\n    name: T1\n    department: d\n    name: dup\n    colour: red\n",
        8,
        "duplicate",
    );
    // JSON's parser says the repeat's own line (review: the next entry's was said).
    refused(
        &sandbox,
        &api,
        "dupe-in-entry.json",
        "{\n  \"departments\": [\n    {\n      \"key\": \"a\",\n      \"name\": \"A\",\n      \"name\": \"A2\"\n    },\n    {\n      \"key\": \"b\",\n      \"name\": \"B\"\n    }\n  ]\n}\n",
        6,
        "duplicate",
    );
    refused(
        &sandbox,
        &api,
        "dupe-after-a-comment.yaml",
        "departments:\n  - key: a\n    name: A\n  - key: b\n    name: B\n    # comment\n\n    name: B2\n",
        8,
        "duplicate",
    );
    refused(
        &sandbox,
        &api,
        "unknown-field.yaml",
        &format!("{base}blocks:\n  - key: s\n    name: S\n    colour: red\n"),
        22,
        "unknown field `colour`",
    );
    refused(
        &sandbox,
        &api,
        "unknown-agent.yaml",
        &conv("        - assign: zed\n"),
        25,
        "no agent has the key `zed`; the agents are: bo",
    );
    refused(
        &sandbox,
        &api,
        "unknown-topic.yaml",
        &conv("        - assign: bo\n        - complete: {topic: weather, outcome: ok}\n"),
        26,
        "no topic has the key `weather`",
    );
    refused(
        &sandbox,
        &api,
        "unreachable.yaml",
        &conv("        - complete: {topic: login, outcome: ok}\n"),
        25,
        "complete cannot follow here: the intervention is queued by then",
    );
    refused(
        &sandbox,
        &api,
        "bad-time.yaml",
        &format!("{base}conversations:\n  - key: c1\n    user: u1\n    started_at: last tuesday\n"),
        22,
        "conversations[0].started_at",
    );
    refused(
        &sandbox,
        &api,
        "dupe-key.yaml",
        &format!("{base}  - key: u1\n    name: Again\n    channel: sms\n"),
        19,
        "the key `u1` is used twice in users",
    );
    refused(
        &sandbox,
        &api,
        "bad-ref.yaml",
        &base.replace("department: support", "department: sales"),
        8,
        "no department has the key `sales`",
    );
    refused(
        &sandbox,
        &api,
        "not-yaml.yaml",
        "just some words\n",
        1,
        "a seed file is a YAML or JSON mapping",
    );
    refused(
        &sandbox,
        &api,
        "bad.json",
        "{\n  \"departments\": [\n    {\"key\": \"a\", \"name\": 3}\n  ]\n}\n",
        3,
        "departments[0].name",
    );
    refused(
        &sandbox,
        &api,
        "blank-name.yaml",
        &base.replace("    name: Bo\n", "    name: \"\"\n"),
        6,
        "agents[0].name: must not be empty",
    );
    refused(
        &sandbox,
        &api,
        "user-email.yaml",
        &base.replace(
            "    name: Una\n",
            "    name: Una\n    email: una-at-example\n",
        ),
        18,
        "`una-at-example` is not an email address",
    );
    refused(
        &sandbox,
        &api,
        "same-email.yaml",
        &base.replace(
            "topics:\n",
            "  - key: bo2\n    name: Bo Two\n    email: BO@example.com\ntopics:\n",
        ),
        11,
        "`BO@example.com` is already the email of agent `bo`",
    );
    let binary = sandbox.home.path().join("binary.yaml");
    std::fs::write(&binary, [0xffu8, 0xfe, 0x00, 0x01]).unwrap();
    sandbox
        .cli(&api.token, &["seed", binary.to_str().unwrap()])
        .fails(2, "is not a text file");
    sandbox
        .cli(&api.token, &["seed", "/nonexistent/seed.yaml"])
        .fails(2, "cannot read the seed file");
    // The word `sandbox serve --seed` takes for the demo is no file here: said so.
    let demo = sandbox.cli(&api.token, &["seed", "demo"]);
    demo.fails(2, "cannot read the seed file demo");
    demo.hints(
        "the demo workspace is no file: `livectl sandbox serve --seed demo` serves it, as \
         the embedded sandbox does; `livectl seed` loads a file you write (docs/seed.md)",
    );
    // An empty (or truncated) file was a seed of nothing for YAML, "0 created" and exit 0, and
    // "EOF while parsing a value" for JSON.
    for (name, text) in [
        ("empty.yaml", ""),
        ("empty.json", ""),
        ("blank.yml", "\n  \n"),
        ("comments.yaml", "# agents to come\n---\n"),
        ("null.yaml", "~\n"),
    ] {
        let file = sandbox.home.path().join(name);
        std::fs::write(&file, text).unwrap();
        let file = file.to_str().unwrap();
        sandbox.cli(&api.token, &["seed", file]).fails(
            2,
            &format!(
                "the seed file {file} holds no seed data (it is empty, comments or null); \
                 nothing was sent"
            ),
        );
    }
    sandbox.cli_stdin(&api.token, &["seed", "-"], "").fails(
        2,
        "stdin holds no seed data (it is empty, comments or null); nothing was sent",
    );
    // A document of nothing is still one.
    let nothing = sandbox.home.path().join("nothing.yaml");
    std::fs::write(&nothing, "{}\n").unwrap();
    sandbox
        .cli(&api.token, &["seed", nothing.to_str().unwrap(), "--yes"])
        .ok();
}

#[test]
fn a_seed_for_a_real_platform_needs_yes_without_a_terminal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let lan = sandbox.url.replace("127.0.0.1", "localhost.localdomain");
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &lan)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["seed", &example(), "--allow-insecure-http"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --yes to confirm"));
    let dry = sandbox
        .cli(&api.token, &["seed", &example(), "--dry-run"])
        .ok();
    assert_eq!(
        dry,
        format!(
            "would load 2 departments, 5 agents, 2 topics, 2 outcomes, 1 block, 3 users, 6 conversations (5 with an intervention, 9 actions) into {}\n",
            sandbox.url
        )
    );
    assert_eq!(api.all("/v1/agents").len(), 1, "nothing was sent");
}

const SPEC: &str = "interventions=150,users=40,days=3,messages=3,seed=5,until=2026-11-24T00:00:00Z";

#[test]
fn generate_gives_the_same_data_for_the_same_seed_and_exports_round_trip() {
    let run = || {
        let sandbox = Sandbox::start(&[]);
        let api = sandbox.api();
        sandbox
            .cli(&api.token, &["seed", "--generate", SPEC, "-q"])
            .ok();
        (sandbox, api)
    };
    let (a, api_a) = run();
    let (b, api_b) = run();
    let dump = |api: &Api| {
        (
            api.all("/v1/interventions"),
            api.all("/v1/history"),
            api.all("/v1/agents"),
        )
    };
    let (ia, ha, _) = dump(&api_a);
    assert_eq!(ia.len(), 150);
    assert!(
        ["queued", "assigned", "completed", "cancelled"]
            .iter()
            .all(|s| ia.iter().any(|i| i["state"] == *s)),
        "every state"
    );
    // Every action has its time, so only the `updated_at` of one never acted on (written when
    // it was loaded) may differ.
    let strip = |v: Vec<Value>| {
        v.into_iter()
            .map(|mut x| {
                x.as_object_mut().unwrap().remove("updated_at");
                x
            })
            .collect::<Vec<_>>()
    };
    assert!(
        strip(ia.clone()) == strip(api_b.all("/v1/interventions")),
        "same seed, same interventions"
    );
    // And they happened in order, each after it was queued and by `until`.
    let until = "2026-11-24T00:00:00Z";
    for i in &ia {
        let (queued, assigned, closed) = (&i["queued_at"], &i["assigned_at"], &i["closed_at"]);
        for later in [assigned, closed].into_iter().filter(|t| !t.is_null()) {
            assert!(later.as_str() <= Some(until), "{i}");
        }
        if !assigned.is_null() && i["state"] == "assigned" {
            assert!(queued.as_str() < assigned.as_str(), "{i}");
        }
    }
    assert!(ha == api_b.all("/v1/history"), "same seed, same history");
    drop(b);

    // Exports: the records and their ids are those of the API, in every format.
    let dir = a.home.path();
    let ndjson = dir.join("all.ndjson");
    a.cli(
        &api_a.token,
        &["history", "--all", "--out", ndjson.to_str().unwrap()],
    )
    .ok();
    let lines: Vec<Value> = std::fs::read_to_string(&ndjson)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, ha);
    let json = dir.join("all.json");
    a.cli(
        &api_a.token,
        &["history", "--all", "--out", json.to_str().unwrap()],
    )
    .ok();
    let array: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(array, ha, "-o json is one valid array");
    let csv = dir.join("all.csv");
    a.cli(
        &api_a.token,
        &[
            "history",
            "--all",
            "--out",
            csv.to_str().unwrap(),
            "--since",
            "2026-11-22T00:00:00Z",
        ],
    )
    .ok();
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut reader = csv_rows(&text);
    let header = reader.remove(0);
    assert_eq!(
        header,
        "id,conversation_id,user_id,user_name,channel,at,sender,agent,text"
    );
    let since: Vec<&Value> = ha
        .iter()
        .filter(|r| r["at"].as_str().unwrap() >= "2026-11-22T00:00:00Z")
        .collect();
    assert_eq!(reader.len(), since.len());
    assert!(
        reader
            .iter()
            .zip(&since)
            .all(|(row, r)| row.starts_with(&format!("{},", r["id"].as_str().unwrap())))
    );
}

fn csv_rows(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

#[test]
fn an_interrupted_export_leaves_no_file_behind() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    clean
        .cli(
            &api.token,
            &[
                "seed",
                "--generate",
                "interventions=1200,users=100,messages=4,seed=2,until=2026-11-24T00:00:00Z",
                "-q",
            ],
        )
        .ok();
    // Each page takes a while on this sandbox, so there is time to stop the export midway.
    let mut slow = Sandbox::start_in(clean.home.clone(), &["--faults", "latency=300..300ms"]);
    let dir = clean.home.path().join("exports");
    std::fs::create_dir(&dir).unwrap();
    let target = dir.join("history.csv");
    let temp_appears = || {
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::fs::read_dir(&dir).unwrap().count() == 0 {
            assert!(Instant::now() < deadline, "the export never started");
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    let export = |sandbox: &Sandbox| {
        sandbox
            .home
            .livectl()
            .env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &api.token)
            .args(["history", "--all", "--out", target.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Ctrl-C.
    let child = export(&slow);
    temp_appears();
    // SAFETY: SIGINT to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the file was not written"));
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no target and no temporary file"
    );
    // The server killed.
    let mut child = export(&slow);
    temp_appears();
    slow.kill();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    let mut stderr = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .for_each(|l| stderr.push_str(&l));
    assert!(stderr.contains("cannot reach"), "{stderr}");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no target and no temporary file"
    );
    // Bad destinations are refused before anything is fetched.
    let home = Home::new();
    let run = home
        .livectl()
        .env("LIVECTL_API_URL", &clean.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["history", "--all", "--out", "/proc/livectl-denied.csv"])
        .output()
        .unwrap();
    // A path given wrong (2), as a missing directory is; it was 1 beside 2 (a new user).
    assert_eq!(run.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("cannot write in /proc"),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn the_committed_seed_schema_is_fresh() {
    let out = Home::new().run(&["sandbox", "seed-schema"]);
    let committed = std::fs::read_to_string(format!(
        "{}/docs/seed.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert!(
        out.stdout == committed.as_bytes(),
        "docs/seed.schema.json is stale: run `cargo run -- sandbox seed-schema > docs/seed.schema.json`"
    );
    let schema: Value = serde_json::from_str(&committed).unwrap();
    assert!(schema["properties"]["conversations"].is_object());
}

#[test]
fn an_export_through_failing_pages_has_every_record_once() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    clean
        .cli(
            &api.token,
            &[
                "seed",
                "--generate",
                "interventions=700,users=60,messages=3,seed=4,until=2026-11-24T00:00:00Z",
                "-q",
            ],
        )
        .ok();
    let expected = api.all("/v1/history");
    assert!(expected.len() > 2000, "several pages");
    let faulty = Sandbox::start_in(
        clean.home.clone(),
        &["--faults", "error=0.3,drop=0.1,seed=8"],
    );
    let run = faulty.cli(&api.token, &["history", "--all", "-o", "ndjson", "-vv"]);
    assert!(
        run.stderr.contains("  retrying GET /v1/history?"),
        "pages failed and were retried: {}",
        run.stderr
    );
    let got: Vec<Value> = run
        .ok()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(got == expected, "every record exactly once, in order");
}

#[test]
fn every_entry_with_a_problem_is_listed_not_only_the_first() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let before = api.everything();
    let yaml = "departments:\n  - key: support\n    name: Support\nagents:\n  - key: zed\n    name: 5\n    email: [x]\n  - key: yan\n    nme: Yan\n    email: yan@example.com\nusers:\n  - key: u1\n    name: Una\n    channel: fax\nconversations:\n  - key: c1\n    user: u1\n    started_at: last tuesday\n  - key: c2\n    user: u1\n    messages:\n      - sender: user\n        text: hi\n        at: yesterday\n";
    let json = r#"{"agents": [{"key": "zed", "name": 5, "email": "z@x.io"},
 {"key": "yan", "nme": "Yan", "email": "y@x.io"}],
 "users": [{"key": "u1", "name": "U", "channel": "fax"}]}
"#;
    let fields = "`key`, `name`, `email`, `role`, `department`, `status`, `status_since`, `active`, `max_load`";
    let channels = "`web`, `whatsapp`, `messenger`, `teams`, `sms`";
    let instant = "is not an instant; use 2026-11-24T10:00:00Z, now or now-2h30m";
    // Items of nested lists, written under their key or deeper or in flow style, found by
    // their place; a value that reads like a parser's place is kept whole.
    let nested = "agents:\n  - key: zed\n    name: Zed\n    email: zed@example.com\n    status: gone at line 3 of the roster\nusers:\n  - key: u1\n    name: Una\n    channel: web\nconversations:\n  - key: c1\n    user: u1\n    messages:\n      - sender: user\n        text: hi\n      - sender: robot\n        text: hello\n  - key: c2\n    user: u1\n    messages:\n    - sender: user\n      text: ok\n    - text: no sender\n      sender: user\n      at: whenever\n  - key: c3\n    user: u1\n    messages: [{sender: user, text: hi}, {sender: usr, text: x}]\n";
    let senders = "`user`, `bot`, `agent`, `system`";
    // `assign:` takes an agent key or a map: each form's own problem is said.
    let assigns = "users:\n  - key: u1\n    name: Una\n    channel: web\nconversations:\n  - key: c1\n    user: u1\n    intervention:\n      summary: s\n      actions:\n        - assign: {too: bo}\n  - key: c2\n    user: u1\n    intervention:\n      summary: s\n      actions:\n        - assign: [bo]\n  - key: c3\n    user: u1\n    intervention:\n      summary: s\n      actions:\n        - assign: {reason: busy}\n";
    let assign = "an agent key (`assign: bo`) or a map of `to`, `reason`, `at` and `by`";
    for (name, content, problems) in [
        (
            "assigns.yaml",
            assigns,
            vec![
                "11: conversations[0].intervention.actions[0].assign.too: unknown field `too`, expected one of `to`, `reason`, `at`, `by`".to_owned(),
                format!("17: conversations[1].intervention.actions[0].assign: invalid type: sequence, expected {assign}"),
                "23: conversations[2].intervention.actions[0].assign: missing field `to`".to_owned(),
            ],
        ),
        (
            "nested.yaml",
            nested,
            vec![
                "5: agents[0].status: unknown variant `gone at line 3 of the roster`, expected one of `online`, `away`, `offline`".to_owned(),
                format!("16: conversations[0].messages[1].sender: unknown variant `robot`, expected one of {senders}"),
                format!("25: conversations[1].messages[1].at: `whenever` {instant}"),
                // In flow style, the line that holds it.
                format!("28: conversations[2].messages[1].sender: unknown variant `usr`, expected one of {senders}"),
            ],
        ),
        (
            "many.yaml",
            yaml,
            vec![
                // A plain 5 is a number, not text, in the whole file as alone: the entry's
                // first problem.
                "6: agents[0].name: must be text, not the number 5; write \"5\" in quotes if you mean the text".to_owned(),
                format!("9: agents[1].nme: unknown field `nme`, expected one of {fields}"),
                format!("14: users[0].channel: unknown variant `fax`, expected one of {channels}"),
                format!("18: conversations[0].started_at: `last tuesday` {instant}"),
                format!("24: conversations[1].messages[0].at: `yesterday` {instant}"),
            ],
        ),
        (
            "many.json",
            json,
            vec![
                "1: agents[0].name: must be text, not the number 5; write \"5\" in quotes if you mean the text".to_owned(),
                format!("2: agents[1].nme: unknown field `nme`, expected one of {fields}"),
                format!("3: users[0].channel: unknown variant `fax`, expected one of {channels}"),
            ],
        ),
    ] {
        let path = sandbox.home.path().join(name);
        std::fs::write(&path, content).unwrap();
        let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
        let listed: Vec<String> = problems
            .iter()
            .map(|p| format!("  {}:{p}\n", path.display()))
            .collect();
        assert_eq!(
            run.stderr,
            format!(
                "error: the seed file is not valid ({} problems); nothing was sent\n{}hint: the format is described in docs/seed.md and docs/seed.schema.json\n",
                problems.len(),
                listed.concat()
            )
        );
        assert_eq!(run.code, 2);
    }
    assert_eq!(api.everything(), before, "nothing was sent");
}

#[test]
fn an_interrupted_load_says_that_running_it_again_finishes_it() {
    // Each batch waits 300 ms on this sandbox: time to stop the load after its first one.
    let slow = Sandbox::start(&["--faults", "latency=300..300ms,path=/v1/batch"]);
    let api = slow.api();
    let spec = "interventions=3000,users=100,messages=2,seed=3,until=2026-11-24T00:00:00Z";
    let child = slow
        .home
        .livectl()
        .env("LIVECTL_API_URL", &slow.url)
        .env("LIVECTL_TOKEN", &api.token)
        .args(["seed", "--generate", spec, "-q"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while api.get("/v1/conversations?limit=1").expect(200)["items"]
        .as_array()
        .is_none_or(|items| items.is_empty())
    {
        assert!(Instant::now() < deadline, "no batch was loaded");
        std::thread::sleep(Duration::from_millis(10));
    }
    // SAFETY: SIGTERM to our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: interrupted; the batches sent before stay loaded\nhint: run the same command again: a load changes nothing twice, so it finishes the rest\n"
    );
}

#[test]
fn text_that_looks_like_a_boolean_or_a_number_loads_when_quoted() {
    // Quoted, `true` and `42` are the text they say; null where a field may be left out
    // leaves it out.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let yaml = "departments:\n  - key: \"42\"\n    name: \"true\"\ntopics:\n  - key: login\n    name: 'null'\n    department: ~\n";
    let path = sandbox.home.path().join("quoted.yaml");
    std::fs::write(&path, yaml).unwrap();
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap(), "-o", "json"]);
    assert_eq!(tally(&run.ok()).0, 2);
    let names = |path: &str| -> Vec<(Value, Value)> {
        api.all(path)
            .into_iter()
            .map(|x| (x["name"].clone(), x["department"].clone()))
            .collect()
    };
    assert_eq!(names("/v1/departments"), [("true".into(), Value::Null)]);
    assert_eq!(names("/v1/topics"), [("null".into(), Value::Null)]);
}

/// A file giving an agent the email another agent holds on the platform loaded its
/// departments, then stopped at that agent's upsert with exit 1, the rest not loaded, while
/// its dry run had said nothing (new user). It is refused before anything is sent, dry run
/// included; an email the file frees first (earlier in it) may be taken.
#[test]
fn an_email_another_agent_holds_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = crate::harness::Workspace::new(&api);
    let ana = api.agent(&w.ana);
    let email = ana["email"].as_str().unwrap().to_owned();
    let path = sandbox.home.path().join("clash.yaml");
    std::fs::write(
        &path,
        format!(
            "departments:\n  - {{key: support, name: Help desk}}\n\
             agents:\n  - {{key: zed, name: Zed, email: {email}}}\n"
        ),
    )
    .unwrap();
    let before = api.everything();
    for dry in [true, false] {
        let args = [
            &["seed", path.to_str().unwrap()][..],
            if dry { &["--dry-run"] } else { &[] },
        ]
        .concat();
        let run = sandbox.cli(&api.token, &args);
        run.fails(
            2,
            &format!("agent `zed`'s email {email} belongs to agent `ana` (Ana Lima) on the platform when it is loaded; nothing was sent"),
        );
    }
    assert_eq!(api.everything(), before, "nothing was sent");
    // Ana given another email first: hers is free when Zed's upsert comes.
    std::fs::write(
        &path,
        format!(
            "agents:\n  - {{key: ana, name: Ana Lima, email: ana.lima@example.com, role: admin, department: support}}\n  \
             - {{key: zed, name: Zed, email: {email}}}\n\
             departments:\n  - {{key: support, name: Support}}\n"
        ),
    )
    .unwrap();
    let run = sandbox.cli(&api.token, &["seed", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A load whose platform stopped answering part way said only that it could not be reached,
/// as if nothing had been loaded (hostile-input check): it says what stays, and that the same
/// seed again finishes it.
#[test]
fn a_load_cut_short_says_what_stays_and_how_to_finish() {
    let sandbox = Sandbox::start(&["--faults", "path=/v1/batch,drop=1"]);
    let api = sandbox.api();
    let run = sandbox.cli(&api.token, &["seed", "--generate", "interventions=5"]);
    run.fails(1, "/v1/batch ended");
    assert!(
        run.stderr.lines().any(|l| l.starts_with("hint: the load stopped part way: the ")
            && l.ends_with(" entries loaded before stay; once the platform answers, the same seed again finishes it (each entry is loaded by its key, none twice)")),
        "{}",
        run.stderr
    );
    // Nothing sent yet, nothing said to stay: a platform refusing the first request.
    let gone = Sandbox::start(&["--faults", "drop=1"]);
    let run = gone.cli(
        &gone.api().token,
        &["seed", "--generate", "interventions=5"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("part way"), "{}", run.stderr);
    // A token refused part way (expired after three writes): what stays is said too, and
    // what finishes it.
    let expiring = Sandbox::start(&["--faults", "expire=3"]);
    let run = expiring.cli(
        &expiring.api().token,
        &["seed", "--generate", "interventions=5"],
    );
    run.fails(4, "the bearer token has expired");
    run.hints("the load stopped part way: the 3 entries loaded before stay; with a token the platform takes, an admin's, the same seed again finishes it (each entry is loaded by its key, none twice)");
}

/// A file whose action changed since it was loaded (`assign: bob`, then `assign: cid`) left
/// Bob the owner and said the load went as the file says (hostile-input check): the action
/// kept is said, by the agents' keys.
#[test]
fn an_action_changed_since_the_first_load_is_said_kept() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let base = "agents:\n  - {key: bob, name: Bob, email: bob@example.com}\n  - {key: cid, name: Cid, email: cid@example.com}\nusers:\n  - {key: u1, name: Una, channel: web}\nconversations:\n  - key: c1\n    user: u1\n    intervention:\n      summary: help\n      actions:\n";
    let first = sandbox.home.path().join("first.yaml");
    std::fs::write(&first, format!("{base}        - assign: bob\n")).unwrap();
    let changed = sandbox.home.path().join("changed.yaml");
    std::fs::write(&changed, format!("{base}        - assign: cid\n")).unwrap();
    sandbox
        .cli(&api.token, &["seed", first.to_str().unwrap()])
        .ok();
    // The same file again: nothing to say.
    let again = sandbox.cli(&api.token, &["seed", first.to_str().unwrap()]);
    assert!(!again.stderr.contains("warning"), "{}", again.stderr);
    let run = sandbox.cli(&api.token, &["seed", changed.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.lines().any(|l| l.starts_with("warning: conversation `c1`: action 1 of iv_")
            && l.ends_with(" keeps what its first load did, assigned to bob, where this load asks assign to cid")),
        "{}",
        run.stderr
    );
}

/// A dry run with an agent's token said "would load" and exited 0, where the load itself was
/// refused (exit 4) at its first request (hostile-input check): both now say at once that a
/// load is an admin's to do, and send nothing.
#[test]
fn a_seed_with_an_agents_token_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = crate::harness::Workspace::new(&api);
    let bo = sandbox.home.token(Some(&w.bo));
    let before = api.everything();
    for dry in [true, false] {
        let mut args = vec!["seed", "--generate", "interventions=2"];
        if dry {
            args.push("--dry-run");
        }
        let run = sandbox.cli(&bo, &args);
        run.fails(
            4,
            "is an admin's to do, and this token is Bo Chen <bo@example.com>, an agent; nothing was sent",
        );
        assert!(run.stdout.is_empty(), "{}", run.stdout);
    }
    assert_eq!(api.everything(), before, "nothing was sent");
}
