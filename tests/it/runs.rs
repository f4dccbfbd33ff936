//! `livectl runs`: the runs whose journals say they are unfinished, each with the command that
//! resumes it; a run going on, a finished one (with --all), and files that cannot be resumed,
//! none of which stops the listing or reaches the terminal raw.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::bulk::{acted, livectl_at};
use crate::bulk_journal::assign_until_the_disk_is_full;
use crate::harness::{Home, NOW, Run, Sandbox, Workspace};

/// The runs directory of a HOME.
fn runs_dir(home: &Path) -> PathBuf {
    home.join("state").join("livectl").join("runs")
}

/// `runs ARGS -o json` from `sandbox`'s HOME: its rows.
fn rows(sandbox: &Sandbox, token: &str, args: &[&str]) -> Vec<Value> {
    let args = [&["runs"], args, &["-o", "json"]].concat();
    let run = sandbox.cli(token, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn row_of<'a>(rows: &'a [Value], run_id: &str) -> Option<&'a Value> {
    rows.iter().find(|r| r["run_id"] == run_id)
}

#[test]
fn a_run_killed_midway_is_listed_with_the_command_that_finishes_it() {
    // Ten cancels, two at a time, each answered after 300 ms: the run goes on for a while,
    // against a second address of the same database.
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..10).map(|_| w.queued()).collect();
    let slow = Sandbox::start_in(clean.home.clone(), &["--faults", "latency=300..300ms"]);
    let mut child = livectl_at(
        &clean,
        &slow.url,
        &api.token,
        &["cancel", "--state", "queued", "--yes", "--concurrency", "2"],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    // While it goes on, it is `running`, and no command is offered to resume it.
    let dir = runs_dir(clean.home.path());
    let deadline = Instant::now() + Duration::from_secs(60);
    let running = loop {
        let found = rows(&clean, &api.token, &[]);
        if let Some(row) = found.iter().find(|r| r["done"].as_u64() >= Some(2)) {
            break row.clone();
        }
        assert!(Instant::now() < deadline, "the run never showed: {found:?}");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(running["state"], "running", "{running}");
    assert_eq!(running["resume"], Value::Null, "{running}");
    child.kill().unwrap();
    child.wait().unwrap();
    let run_id = running["run_id"].as_str().unwrap().to_owned();
    let journal = dir.join(format!("{run_id}.ndjson"));
    assert_eq!(running["journal"], journal.to_str().unwrap());
    // A kill in the middle of a write leaves half a line: the run is still listed, as its
    // resume reads it (the half line dropped).
    let mut text = std::fs::read(&journal).unwrap();
    text.extend_from_slice(br#"{"event":"end","n":9,"id":"iv_"#);
    std::fs::write(&journal, &text).unwrap();
    // Beside it, a file that is not a journal, and a journal whose header carries escape
    // sequences: neither stops the listing, and neither reaches the output raw.
    std::fs::write(dir.join("notes.txt"), "hello \x1b[31mworld\n").unwrap();
    let header = std::fs::read_to_string(&journal).unwrap();
    let header = header.lines().next().unwrap().replace(
        r#""action":"cancel""#,
        r#""action":"cancel\u001b]0;owned\u0007""#,
    );
    let crafted = header.replace(&run_id, "20261124T120000Z-abcdef");
    std::fs::write(
        dir.join("crafted.ndjson"),
        format!("{crafted}\n{{\"event\":\"planned\",\"items\":0}}\n"),
    )
    .unwrap();

    let found = rows(&clean, &api.token, &[]);
    let row = row_of(&found, &run_id).expect("the killed run is listed");
    assert_eq!(row["state"], "unfinished", "{row}");
    assert_eq!(row["action"], "cancel");
    assert_eq!(row["target"], slow.url.as_str());
    let (total, done, left) = (
        row["total"].as_u64().unwrap(),
        row["done"].as_u64().unwrap(),
        row["left"].as_u64().unwrap(),
    );
    assert_eq!(total, 10);
    assert!(done >= 2 && left > 0 && done + left == total, "{row}");
    // It ran at another address than LIVECTL_API_URL's: its command says which.
    let resume = format!("livectl cancel --api-url={} --resume {run_id}", slow.url);
    assert_eq!(row["resume"], resume.as_str());
    // A file of the directory that is no journal is left out (the second new user: `runs .`
    // listed pid files and exports as unusable journals, with serde's words); named, it is
    // said not to be one.
    assert!(
        !found
            .iter()
            .any(|r| r["journal"].as_str().unwrap().ends_with("notes.txt")),
        "{found:?}"
    );
    let named = rows(
        &clean,
        &api.token,
        &[dir.join("notes.txt").to_str().unwrap()],
    );
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!(named[0]["state"], "unusable");
    assert_eq!(
        named[0]["problem"],
        "notes.txt is not a livectl journal: its first line is not a journal's header"
    );
    // A finished run (its plan closed, nothing left) is hidden without --all.
    assert!(row_of(&found, "20261124T120000Z-abcdef").is_none());
    // For people, one line a run; what the journals hold is escaped.
    let plain = clean.cli(&api.token, &["runs", "--all"]).ok();
    assert!(
        plain.contains("cancel\\u{1b}]0;owned\\u{7}\t") && !plain.contains('\x1b'),
        "{plain}"
    );
    assert!(
        plain.contains(&format!("\tunfinished\t{resume}\n")),
        "{plain}"
    );

    // The command given, as it is, finishes the run: every item cancelled once.
    let words: Vec<&str> = resume.split(' ').skip(1).collect();
    let resumed = clean.cli(&api.token, &words);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.keys().cloned().collect::<HashSet<_>>(), ids);
    assert!(cancelled.values().all(|n| *n == 1), "none cancelled twice");
    // Finished now: hidden, and listed with --all.
    assert!(row_of(&rows(&clean, &api.token, &[]), &run_id).is_none());
    let all = rows(&clean, &api.token, &["--all"]);
    let row = row_of(&all, &run_id).unwrap();
    assert_eq!(
        (&row["state"], &row["done"], &row["left"], &row["resume"]),
        (
            &Value::from("finished"),
            &Value::from(10),
            &Value::from(0),
            &Value::Null
        )
    );
    assert!(row_of(&all, "20261124T120000Z-abcdef").is_some());
}

/// A journal's header, run `run_id` of `action` at `at`, against `target`.
fn header(run_id: &str, action: &str, at: &str, target: &str) -> String {
    format!(
        r#"{{"journal":"livectl-bulk-journal","version":3,"run_id":"{run_id}","action":"{action}","workspace":"ws_1","agent":"ag_1","target":"{target}","created_at":"{at}"}}"#
    )
}

fn plan(n: u64, id: &str) -> String {
    format!(r#"{{"event":"plan","n":{n},"id":"{id}","action":"return","body":{{"reason":null}}}}"#)
}

fn end(n: u64, id: &str, outcome: &str, retry: bool) -> String {
    format!(r#"{{"event":"end","n":{n},"id":"{id}","outcome":"{outcome}","retry":{retry}}}"#)
}

/// `runs ARGS` from `home` at the tests' NOW, with no platform configured.
fn runs(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = home.livectl();
    command.env("LIVECTL_NOW", NOW).args(["runs"]).args(args);
    for (k, v) in env {
        command.env(k, v);
    }
    command.stdin(Stdio::null()).output().unwrap().into()
}

#[test]
fn runs_read_as_a_table_newest_first_with_what_cannot_be_resumed() {
    let home = Home::new();
    // No run yet: no runs directory, nothing listed, and none made.
    let none = runs(&home, &[], &[]);
    assert_eq!(
        (none.code, none.stdout.as_str()),
        (0, ""),
        "{}",
        none.stderr
    );
    assert_eq!(
        none.stderr,
        "no unfinished runs (--all lists the finished ones too)\n"
    );
    // On a terminal too, where a table of nothing said only "nothing to show".
    let seen = runs(&home, &[], &[("LIVECTL_FORCE_TTY", "1")]);
    assert_eq!(
        (seen.code, seen.stdout.as_str(), seen.stderr.as_str()),
        (
            0,
            "",
            "no unfinished runs (--all lists the finished ones too)\n"
        )
    );
    let dir = runs_dir(home.path());
    assert!(!dir.exists());
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, lines: &[String]| {
        std::fs::write(dir.join(name), lines.join("\n") + "\n").unwrap();
    };
    // Stopped after one item done, one failed for good, one failed for a passing reason
    // (a resume sends it again) and one never sent.
    let stopped = "20261124T090000Z-a1b2c3";
    write(
        &format!("{stopped}.ndjson"),
        &[
            header(
                stopped,
                "return",
                "2026-11-24T09:00:00Z",
                "https://live.example.com",
            ),
            plan(0, "iv_1"),
            plan(1, "iv_2"),
            plan(2, "iv_3"),
            plan(3, "iv_4"),
            r#"{"event":"planned","items":4}"#.into(),
            end(0, "iv_1", "done", false),
            end(1, "iv_2", "failed", false),
            end(2, "iv_3", "failed", true),
        ],
    );
    // Finished, in the embedded sandbox.
    let finished = "20261124T100000Z-d4e5f6";
    write(
        &format!("{finished}.ndjson"),
        &[
            header(
                finished,
                "return",
                "2026-11-24T10:00:00Z",
                "embedded sandbox /tmp/sandbox.db",
            ),
            plan(0, "iv_5"),
            r#"{"event":"planned","items":1}"#.into(),
            end(0, "iv_5", "done", false),
        ],
    );
    // Written elsewhere (--journal) and copied here: resumed by its path.
    let elsewhere = "20261124T110000Z-0a0b0c";
    write(
        "moved.ndjson",
        &[
            header(
                elsewhere,
                "stuck --fix return",
                "2026-11-24T11:00:00Z",
                "https://live.example.com",
            ),
            plan(0, "iv_6"),
            r#"{"event":"planned","items":1}"#.into(),
        ],
    );
    // Damaged in the middle, and not a journal at all.
    write(
        "damaged.ndjson",
        &[
            header(
                "20261124T113000Z-111111",
                "return",
                "2026-11-24T11:30:00Z",
                "https://live.example.com",
            ),
            plan(0, "iv_7"),
            "{not json".into(),
            r#"{"event":"planned","items":1}"#.into(),
        ],
    );
    // Not a journal at all: left out of a directory's listing.
    write("notes.txt", &["just notes".into()]);
    // A hidden file is not looked at.
    write(".lock", &["x".into()]);

    let table = runs(
        &home,
        &["--all"],
        &[("LIVECTL_FORCE_TTY", "1"), ("COLUMNS", "170")],
    );
    assert_eq!(table.code, 0, "{}", table.stderr);
    let plain = runs(&home, &[], &[]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    // Sorted by the titles of the table's columns as by their fields.
    for (title, field) in [
        ("started", "created_at"),
        ("run", "run_id"),
        ("against", "target"),
    ] {
        let sorted = |by: &str| runs(&home, &["--all", "--sort", by, "-o", "ids"], &[]).ok();
        assert_eq!(sorted(title), sorted(field), "runs --sort {title}");
    }
    let dir_text = dir.to_str().unwrap();
    insta::assert_snapshot!(format!(
        "--- runs --all, on a terminal\n{}--- runs, piped\n{}--- stderr\n{}",
        table.stdout.replace(dir_text, "RUNS"),
        plain.stdout.replace(dir_text, "RUNS"),
        plain.stderr
    ));
}

#[test]
fn the_resume_command_names_the_platform_only_where_the_defaults_would_not_reach_it() {
    let home = Home::new();
    let dir = runs_dir(home.path());
    std::fs::create_dir_all(&dir).unwrap();
    let unfinished = |run_id: &str, target: &str| {
        let lines = [
            header(run_id, "return", "2026-11-24T09:00:00Z", target),
            plan(0, "iv_1"),
            r#"{"event":"planned","items":1}"#.into(),
        ];
        std::fs::write(
            dir.join(format!("{run_id}.ndjson")),
            lines.join("\n") + "\n",
        )
        .unwrap();
    };
    unfinished("20261124T090000Z-000001", "https://live.example.com");
    unfinished("20261124T090000Z-000002", "https://other.example.com");
    unfinished(
        "20261124T090000Z-000003",
        "embedded sandbox /tmp/sandbox.db",
    );
    unfinished("20261124T090000Z-000004", "http://10.0.0.7:8080");
    let resumes = |env: &[(&str, &str)]| -> Vec<String> {
        let run = runs(&home, &["-o", "json", "--sort", "run_id"], env);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
        rows.iter()
            .map(|r| r["resume"].as_str().unwrap().to_owned())
            .collect()
    };
    // No platform configured: the embedded sandbox is the default.
    assert_eq!(
        resumes(&[]),
        [
            "livectl return --api-url=https://live.example.com --resume 20261124T090000Z-000001",
            "livectl return --api-url=https://other.example.com --resume 20261124T090000Z-000002",
            "livectl return --resume 20261124T090000Z-000003",
            "livectl return --api-url=http://10.0.0.7:8080 --allow-insecure-http --resume 20261124T090000Z-000004",
        ]
    );
    // A profile with that address, the default one: no flag; the sandbox then needs its own.
    let set = home.run(&[
        "--profile",
        "prod",
        "config",
        "set",
        "api_url",
        "https://live.example.com",
    ]);
    assert!(set.status.success());
    let set = home.run(&["config", "set", "default_profile", "prod"]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    assert_eq!(
        resumes(&[])[..3],
        [
            "livectl return --resume 20261124T090000Z-000001",
            "livectl return --api-url=https://other.example.com --resume 20261124T090000Z-000002",
            "livectl return --sandbox --resume 20261124T090000Z-000003",
        ]
    );
    // LIVECTL_API_URL names another platform: the profile is named, with its address.
    assert_eq!(
        resumes(&[("LIVECTL_API_URL", "https://other.example.com")])[..2],
        [
            "livectl return --profile=prod --api-url=https://live.example.com --resume 20261124T090000Z-000001",
            "livectl return --resume 20261124T090000Z-000002",
        ]
    );
    // LIVECTL_PROFILE naming a profile without an address refuses a command typed with no
    // flag (the review: no flag was given, so the command offered was refused): each gets
    // the flags that reach its platform, as `connect` decides where a run goes.
    let set = home.run(&["--profile", "bare", "config", "set", "workspace", "acme"]);
    assert!(set.status.success());
    let bare = [("LIVECTL_PROFILE", "bare")];
    home.cli_env(&["whoami"], &bare)
        .fails(2, "profile `bare` has no api_url");
    assert_eq!(
        resumes(&bare)[..3],
        [
            "livectl return --profile=prod --resume 20261124T090000Z-000001",
            "livectl return --api-url=https://other.example.com --resume 20261124T090000Z-000002",
            "livectl return --sandbox --resume 20261124T090000Z-000003",
        ]
    );
}

#[test]
fn the_resume_command_empties_a_variable_that_names_a_missing_profile() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: HashSet<String> = (0..200).map(|_| w.queued()).collect();
    let journal = sandbox.home.path().join("stopped.ndjson");
    let path = journal.to_str().unwrap();
    assign_until_the_disk_is_full(&sandbox, &api, path, "25000");
    // LIVECTL_PROFILE naming no profile refuses every run that reads it, its address given by
    // --api-url or not (this HOME has no config at all).
    let missing = [("LIVECTL_PROFILE", "nonexistent")];
    sandbox
        .home
        .cli_env(&["--api-url", &sandbox.url, "whoami"], &missing)
        .fails(2, "there is no profile `nonexistent`");
    let listed = sandbox
        .home
        .cli_env(&["runs", path, "-o", "json"], &missing);
    let rows: Vec<Value> = serde_json::from_str(&listed.ok()).unwrap();
    let resume = rows[0]["resume"].as_str().unwrap();
    assert_eq!(
        resume,
        format!(
            "LIVECTL_PROFILE= livectl assign --api-url={} --resume {path}",
            sandbox.url
        )
    );
    // Run as given by a shell where the variable still names the missing profile, it resumes
    // the run: every item assigned, none twice.
    let livectl = sandbox.home.livectl();
    let bin_dir = Path::new(livectl.get_program()).parent().unwrap();
    let mut sh = std::process::Command::new("sh");
    sh.env_clear();
    for (name, value) in livectl.get_envs() {
        if let Some(value) = value {
            sh.env(name, value);
        }
    }
    let search = std::env::join_paths(
        std::iter::once(bin_dir.to_owned())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let resumed: Run = sh
        .env("PATH", search)
        .env("LIVECTL_TOKEN", &api.token)
        .envs(missing)
        .args(["-c", resume])
        .stdin(Stdio::null())
        .output()
        .unwrap()
        .into();
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    let assigned = acted(&api, "assigned");
    assert_eq!(assigned.keys().cloned().collect::<HashSet<_>>(), ids);
    assert!(assigned.values().all(|n| *n == 1), "none assigned twice");
}

/// A resume of a platform's run where nothing names a platform is refused before the
/// embedded sandbox starts: it made a demo database only to refuse the run (new user).
#[test]
fn a_resume_of_a_platforms_run_with_no_platform_named_makes_no_sandbox() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let journal = sandbox.home.path().join("run.ndjson");
    let path = journal.to_str().unwrap();
    sandbox
        .cli(
            &api.token,
            &["cancel", &id, "--yes", "-q", "--journal", path],
        )
        .ok();
    let elsewhere = Home::new();
    let run = elsewhere.cli(&["cancel", "--resume", path]);
    run.fails(4, &format!("the run's journal names {}", sandbox.url));
    assert!(run.stderr.contains("nothing was sent"), "{}", run.stderr);
    assert!(
        !elsewhere.path().join("data/livectl/sandbox.db").exists(),
        "no demo sandbox was made"
    );
}

/// A FIFO among the journals is not one: `livectl runs DIR` opened it to look, and waited for
/// a writer forever, deaf to Ctrl-C (hostile-input check). It lists the journals beside it.
#[cfg(unix)]
#[test]
fn a_fifo_in_the_directory_is_passed_over() {
    let home = Home::new();
    let dir = home.path().join("with-a-fifo");
    std::fs::create_dir(&dir).unwrap();
    let fifo = dir.join("pipe.ndjson");
    crate::harness::mkfifo(&fifo);
    let mut child = home
        .livectl()
        .env("LIVECTL_NOW", NOW)
        .args(["runs", dir.to_str().unwrap(), "-o", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("`livectl runs` still waits on the FIFO");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let run: Run = child.wait_with_output().unwrap().into();
    assert_eq!(run.ok(), "[]\n");
}

/// A run on another HOME's embedded sandbox (another XDG_DATA_HOME): `--sandbox` reaches this
/// HOME's database, not the run's, so the command offered sets XDG_DATA_HOME to the run's,
/// in `runs` and in the hint of a resume refused here; pasted, it finishes the run (new user).
#[test]
fn a_run_on_another_embedded_database_is_resumed_with_its_data_home() {
    let (theirs, ours) = (Home::new(), Home::new());
    let journal = theirs.path().join("moved.ndjson");
    let path = journal.to_str().unwrap();
    theirs
        .cli(&[
            "reassign",
            "--from",
            "bo",
            "--to",
            "dee",
            "--yes",
            "-q",
            "--journal",
            path,
        ])
        .ok();
    // Unfinished: the ends lost, as a kill would lose them.
    let text = std::fs::read_to_string(&journal).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.contains("\"event\":\"end\""))
        .collect();
    std::fs::write(&journal, kept.join("\n") + "\n").unwrap();
    let data = theirs.path().join("data");
    let command = format!(
        "XDG_DATA_HOME={} livectl reassign --resume {path}",
        data.display()
    );
    let run = ours.cli(&["runs", path, "-o", "json"]);
    let rows: Vec<Value> = serde_json::from_str(&run.ok()).unwrap();
    assert_eq!(rows[0]["resume"], command.as_str(), "{rows:?}");
    // Resumed here, it is refused (another workspace), with the same command.
    let refused = ours.cli(&["reassign", "--resume", path, "--yes"]);
    refused.fails(2, "is a run in workspace");
    refused.hints(&format!(
        "resume it against the workspace it started in: `XDG_DATA_HOME={} livectl reassign --sandbox --resume {path}`",
        data.display()
    ));
    // Pasted, it reaches the run's own database and finishes it.
    ours.cli_env(
        &["reassign", "--resume", path, "--yes"],
        &[("XDG_DATA_HOME", data.to_str().unwrap())],
    )
    .ok();
}

/// A path named that does not exist is said, after the runs the other paths hold: it hid them
/// all, and said only that it could not be read (bulk tester).
#[test]
fn a_missing_path_is_said_beside_the_runs_the_others_hold() {
    let home = Home::new();
    let dir = runs_dir(home.path());
    std::fs::create_dir_all(&dir).unwrap();
    let run_id = "20261124T090000Z-000001";
    let lines = [
        header(
            run_id,
            "return",
            "2026-11-24T09:00:00Z",
            "https://live.example.com",
        ),
        plan(0, "iv_1"),
        r#"{"event":"planned","items":1}"#.into(),
    ];
    let journal = dir.join(format!("{run_id}.ndjson"));
    std::fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let missing = home.path().join("nonexistent.ndjson");
    let run = runs(
        &home,
        &[
            journal.to_str().unwrap(),
            missing.to_str().unwrap(),
            "-o",
            "ids",
        ],
        &[],
    );
    assert_eq!(run.stdout, format!("{run_id}\n"));
    run.fails(
        2,
        &format!(
            "cannot read {}: No such file or directory (os error 2)",
            missing.display()
        ),
    );
    // Named alone, it is the error it was.
    runs(&home, &[missing.to_str().unwrap()], &[]).fails(2, "cannot read");
}

/// A run killed while its ids still came on stdin left an empty file in the runs directory,
/// which `runs` left out as not a journal, for ever (bulk tester): its header is written when
/// the journal is made, so `runs` lists it, saying nothing was sent.
#[test]
fn a_run_killed_while_its_ids_come_is_listed() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let mut child = livectl_at(
        &sandbox,
        &sandbox.url,
        &api.token,
        &["assign", "-", "--to", "bo", "--yes"],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    // One id, and stdin held open: the run waits for the rest.
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, format!("{id}\n").as_bytes()).unwrap();
    let dir = runs_dir(sandbox.home.path());
    let deadline = Instant::now() + Duration::from_secs(60);
    let journal = loop {
        let made = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                p.extension().is_some_and(|x| x == "ndjson")
                    && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
            });
        if let Some(path) = made {
            break path;
        }
        assert!(
            Instant::now() < deadline,
            "no journal with its header was made"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    let found = rows(&sandbox, &api.token, &[]);
    let row = found
        .iter()
        .find(|r| r["journal"] == journal.to_str().unwrap())
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(row["state"], "unusable", "{row}");
    assert!(
        row["problem"]
            .as_str()
            .unwrap()
            .ends_with("its run stopped while planning, before anything was sent"),
        "{row}"
    );
    assert_eq!(api.intervention(&id)["owner"], serde_json::Value::Null);
}
