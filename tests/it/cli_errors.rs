//! Every exit code of DESIGN.md section 6, and bad input answered with one clear line.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::TcpListener;

use serde_json::json;

use crate::harness::{Home, Run, Sandbox, Workspace};

/// A server that is not the API: answers every request with `response`, for `count` requests.
pub fn impostor(
    status: &'static str,
    content_type: &'static str,
    body: &'static str,
    count: usize,
) -> String {
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(response.as_bytes());
        }
    });
    url
}

#[test]
fn usage_errors_exit_2_and_change_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let token = api.token.clone();
    let cli = |args: &[&str]| sandbox.cli(&token, args);
    cli(&["complete", &id, "--outcome", "resolved"])
        .fails(2, "--topic is required when not running interactively");
    let missing = cli(&["complete", &id, "--topic", "login"]);
    missing.fails(2, "--outcome is required when not running interactively");
    missing.hints("valid values of --outcome: Resolved (resolved)");
    // Both missing are named at once (the new-user check: one, then the other).
    let both = cli(&["complete", &id]);
    both.fails(
        2,
        "--topic and --outcome are required when not running interactively",
    );
    assert!(
        both.stderr
            .contains("valid values of --topic: Login problem (login); of --outcome: Resolved"),
        "{}",
        both.stderr
    );
    let unknown = cli(&[
        "complete",
        &id,
        "--topic",
        "weather",
        "--outcome",
        "resolved",
    ]);
    // A catalog value given wrong is usage, the valid ones listed (DESIGN.md section 9); an
    // agent no one is called is not found.
    unknown.fails(2, "--topic: no topic is called `weather`");
    assert!(unknown.stderr.contains("Login problem (login)"));
    // Every value given is judged before one left out is demanded: the outcome's absence was
    // said first, and the unknown topic only once it was given.
    for (args, words, valid) in [
        (
            &["--topic", "nope"][..],
            "--topic: no topic is called `nope`",
            "Login problem (login)",
        ),
        (
            &["--topic", "login", "--block", "nope"],
            "--block: no block is called `nope`",
            "Survey (survey)",
        ),
        (&["--tag", "pass$word"], "--tag:", "`$`"),
    ] {
        let run = cli(&[&["complete", id.as_str()][..], args].concat());
        assert!(run.fails(2, words).contains(valid), "{}", run.stderr);
        assert!(!run.stderr.contains("is required"), "{}", run.stderr);
    }
    // A block may be left out by name, and a block given wrong says so.
    cli(&["complete", &id, "--block", "nope"]).hints("or `none` for no block");
    // So are the targets (the last note: `complete --owner nope` demanded the outcome first,
    // and named the unknown owner only once it was given).
    for (args, code, words) in [
        (
            &["--owner", "nope"][..],
            5,
            "--owner (--from): no agent is called `nope`",
        ),
        (&["--state", "completed"], 2, "--state completed"),
        (&[], 2, "name the interventions"),
    ] {
        let run = cli(&[&["complete", "--topic", "login"][..], args].concat());
        run.fails(code, words);
        assert!(!run.stderr.contains("is required"), "{}", run.stderr);
    }
    cli(&["list", "--department", "nope"]).fails(2, "--department: no department is called `nope`");
    cli(&["list", "--owner", "nobody"]).fails(5, "--owner (--from): no agent is called `nobody`");
    cli(&["list", "--state", "open,closed"]).fails(2, "closed");
    cli(&["list", "--older-than", "soon"]).fails(2, "not a duration");
    // A negative value is the flag's own, said with its range; clap's tip to pass it after
    // `--` failed when pasted (new user).
    for (args, words) in [
        (
            &["show", "iv_1", "--messages", "-1"][..],
            "-1 is out of range; give a whole number from 0 to 10000",
        ),
        (
            &["show", "iv_1", "--messages", "x"][..],
            "`x` is not a whole number; give one from 0 to 10000",
        ),
        (
            &["cancel", "iv_1", "--rate", "-1", "--yes"][..],
            "-1 actions a second is out of range",
        ),
    ] {
        let run = cli(args);
        run.fails(2, words);
        assert!(!run.stderr.contains("'-- -1'"), "{}", run.stderr);
    }
    // Empty is no count, not "too many" (the review).
    for limit in ["0", "-1", "", " "] {
        cli(&["list", "--limit", limit]).fails(
            2,
            &format!("`{limit}` is not a count; give a whole number of 1 or more"),
        );
    }
    cli(&[
        "history",
        "us_1",
        "--since",
        "2026-11-02",
        "--until",
        "2026-11-01",
    ])
    .fails(2, "must be before --until");
    cli(&["history", "us_1", "--since", "last week"]).fails(2, "not a date");
    // Whose history: users or --all, both named (the new-user check: `<USER>...` alone).
    cli(&["history"]).fails(2, "required arguments were not provided:\n  <USER|--all>");
    cli(&["history", "us_1", "--all"]).fails(2, "cannot be used with '--all'");
    // Nothing given names nobody: usage, as `show ""` is (it was exit 5, "no user is called"),
    // before anything is asked: with no token at all too (review).
    for nobody in ["", " "] {
        cli(&["history", nobody]).fails(2, "a user's name is empty");
        Home::new()
            .cli_at("http://127.0.0.1:9", "", &["history", "us_1", nobody])
            .fails(2, "a user's name is empty");
    }
    // A time without a zone was read as its date: `--since 2026-11-29T08:00:00` asked from
    // midnight UTC, eight hours early, and exited 0.
    for no_zone in [
        "2026-11-29T08:00:00",
        "2026-11-29T08:00",
        "2026-11-29 08:00",
    ] {
        cli(&["history", "--all", "--until", no_zone]).fails(
            2,
            &format!(
                "`{no_zone}` has no zone; write 2026-11-29T08:00:00Z for UTC, or its offset, \
                 such as 2026-11-29T08:00:00+01:00"
            ),
        );
    }
    // ISO 8601's basic form of a date is a date (as it was before times were checked).
    cli(&["history", "us_1", "--since", "20261129", "-o", "ids"]).ok();
    cli(&["history", "us_1", "--since", "2026112"]).fails(2, "not a date");
    // The fraction is kept in what to write; a zone by name is a zone.
    cli(&["history", "--all", "--since", "2026-11-29T08:00:00.5"])
        .fails(2, "write 2026-11-29T08:00:00.5Z for UTC");
    let since = |instant: &str| cli(&["history", "--all", "--since", instant, "-o", "ids"]);
    for taken in [
        "2026-11-29T08:00:00[Europe/Paris]",
        "2026-11-29T08:00:00+01:00[Europe/Paris]",
        // An annotation that names no zone (RFC 9557's calendar) leaves an instant one.
        "2026-11-29T08:00:00Z[u-ca=iso8601]",
    ] {
        since(taken).ok();
    }
    for (refused, words) in [
        (
            "2026-11-29T08:00:00[Mars/Base]",
            "failed to find time zone `Mars/Base`",
        ),
        // After an offset the zone's name was skipped: a zone not known, or at odds with the
        // offset, passed with exit 0.
        (
            "2026-11-29T08:00:00+01:00[Mars/Base]",
            "failed to find time zone `Mars/Base`",
        ),
        (
            "2026-11-29T08:00:00+05:00[Europe/Paris]",
            "2026-11-29T08:00:00+05:00[Europe/Paris]",
        ),
    ] {
        since(refused).fails(2, words);
    }
    cli(&["history", "us_1", "--out", "/nonexistent/dir/x.csv"]).fails(2, "does not exist");
    let sheet = sandbox.home.path().join("x.xlsx");
    let sheet = sheet.to_str().unwrap();
    cli(&["history", "us_1", "--out", sheet]).fails(2, "livectl does not write .xlsx files");
    assert!(!std::path::Path::new(sheet).exists(), "nothing was written");
    let csv = sandbox.home.path().join("x.csv");
    let csv = csv.to_str().unwrap();
    cli(&["history", "us_1", "--out", csv, "-o", "json"]).fails(
        2,
        &format!("--out {csv} promises csv by its name, and -o asks for json"),
    );
    assert!(!std::path::Path::new(csv).exists(), "nothing was written");
    cli(&["history", "us_1", "--out", csv, "--jq", "."]).fails(
        2,
        &format!("--out {csv} promises csv by its name, and --json or --jq asks for json"),
    );
    // A profile's output format is the terminal's default: the file's name overrules it.
    assert!(
        sandbox
            .home
            .run(&["config", "set", "output", "table"])
            .status
            .success()
    );
    cli(&["history", "us_1", "--out", csv]).ok();
    assert!(
        std::fs::read_to_string(csv)
            .unwrap()
            .starts_with("id,conversation_id,"),
        "CSV, by its name"
    );
    std::fs::remove_file(csv).unwrap();
    // In capitals too (`livectl does not write .CSV files`, it said).
    let upper = sandbox.home.path().join("x.CSV");
    cli(&["history", "us_1", "--out", upper.to_str().unwrap()]).ok();
    assert!(
        std::fs::read_to_string(&upper)
            .unwrap()
            .starts_with("id,conversation_id,"),
        "CSV, by its name"
    );
    // `--out -` is stdout, where the profile's default holds.
    assert!(
        sandbox
            .home
            .run(&["config", "set", "output", "csv"])
            .status
            .success()
    );
    assert!(
        cli(&["history", "us_1", "--out", "-"])
            .ok()
            .starts_with("id,conversation_id,")
    );
    cli(&["assign"]).fails(
        2,
        "name the interventions: ids, `-` to read them from stdin, or filters",
    );
    cli(&["frobnicate"]).fails(2, "frobnicate");
    // Tags are checked as the platform checks them, before anything is sent.
    cli(&["list", "--tag", " "]).fails(2, "--tag: a tag must not be empty");
    cli(&[
        "complete",
        &id,
        "--topic",
        "login",
        "--outcome",
        "resolved",
        "--tag",
        "vip",
        "--tag",
        "a$b",
    ])
    .fails(2, "--tag: tag `a$b` has the character `$`");
    assert_eq!(api.intervention(&id)["version"], 2, "nothing changed");
    // A line break in a tag is shown as `\n`, not as a line of the message; a quote as typed.
    cli(&["list", "--tag", "it's"]).fails(2, "--tag: tag `it's` has the character `'`");
    cli(&["list", "--tag", "a\nb"]).fails(2, "--tag: tag `a\\nb` has the character `\\n`");
    // Shaping flags on a command that writes no JSON to shape: refused before it acts.
    let before = api.everything();
    for args in [
        &["autopilot", "--once", "--json", "nope"][..],
        &["autopilot", "--once", "--jq", "."],
        &["logout", "--json", "id"],
        &["config", "list", "--jq", "."],
    ] {
        let run = cli(args);
        run.fails(
            2,
            "--json and --jq: this command writes no JSON document they shape",
        );
        run.hints("leave them out");
    }
    // The suite creates data before it writes its cases: their fields are checked first. The
    // autopilot writes no CSV.
    cli(&["conformance", "--json", "x"]).fails(2, "--json: unknown field `x`");
    cli(&["autopilot", "--once", "-o", "csv"])
        .fails(2, "-o csv: this command writes table, ndjson");
    assert_eq!(
        api.everything(),
        before,
        "the autopilot moved nothing, the suite made nothing"
    );
    // An intervention's id where a user is asked for.
    let history = cli(&["history", &id]);
    history.fails(
        2,
        &format!(
            "`{id}` is not a user id (those look like us_42): `iv_` is the prefix of interventions"
        ),
    );
    history.hints(&format!(
        "`livectl show {id}` names its user; give that user's id, email or exact name"
    ));
    // Another kind's id where an agent or a catalog entry is asked for: said as such.
    cli(&["reassign", &id, "--to", "iv_3"]).fails(
        2,
        "--to: `iv_3` is not an agent id (those look like ag_42): `iv_` is the prefix of interventions",
    );
    cli(&["complete", &id, "--topic", "ag_1", "--outcome", "resolved"]).fails(
        2,
        "--topic: `ag_1` is not a topic id (those look like tp_42): `ag_` is the prefix of agents",
    );
    // A reason longer than the platform records, named as the flag it came in, for every
    // command that takes one.
    let long = "x".repeat(501);
    let before = api.everything();
    for args in [
        &["return", &id][..],
        &["cancel", &id],
        &["assign", &id, "--to", "cy"],
        &["reassign", &id, "--to", "cy"],
        &["status", "away"],
        &["stuck", "--fix", "cancel", "--yes"],
    ] {
        let run = cli(&[args, &["--reason", &long]].concat());
        run.fails(
            2,
            "--reason is longer than 500 characters (501); nothing was sent",
        );
        run.hints("shorten it");
        // Blank: nothing anyone could read, recorded (the timeline showed `()`: new user).
        for blank in ["", "   "] {
            let run = cli(&[args, &["--reason", blank]].concat());
            run.fails(2, "--reason is blank; nothing was sent");
            run.hints("give a reason, or leave --reason out");
        }
    }
    assert_eq!(api.everything(), before, "nothing changed");
}

#[test]
fn ambiguous_and_unknown_agents() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    api.post(
        "/v1/agents",
        json!({"key": "bo2", "name": "Bo Chen", "email": "bo.chen@example.com"}),
    )
    .expect(201);
    let id = w.in_state("assigned");
    let ambiguous = sandbox.cli(&api.token, &["reassign", &id, "--to", "bo chen"]);
    ambiguous.fails(2, "matches 2 agents");
    assert!(
        ambiguous.stderr.contains("bo@example.com")
            && ambiguous.stderr.contains("bo.chen@example.com"),
        "{}",
        ambiguous.stderr
    );
    sandbox
        .cli(&api.token, &["reassign", &id, "--to", "zed"])
        .fails(5, "no agent is called `zed`");
    // The filter is named by both its spellings: the user may have typed either.
    let from = sandbox.cli(&api.token, &["reassign", "--from", "zed", "--to", "bo"]);
    let stderr = from.fails(5, "--owner (--from): no agent is called `zed`");
    assert!(stderr.contains("an id, a key, an email"), "{stderr}");
    sandbox
        .cli(&api.token, &["reassign", &id, "--to", "cy@example.com"])
        .ok();
}

/// An agent's token filtering by another agent's interventions, which an agent never sees
/// (docs/contract.md, "Roles"), is refused with exit 4 before anything is listed or changed:
/// `return --from dee` with Bo's token said "nothing matches", exit 0, and `list --owner dee`
/// printed nothing, as if Dee had no work (new user).
#[test]
fn an_agent_filtering_by_another_agent_s_work_is_told_it_cannot_see_it() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let cys = w.queued();
    api.post(
        &format!("/v1/interventions/{cys}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    let bos = w.queued();
    api.post(
        &format!("/v1/interventions/{bos}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    let bo = sandbox.home.token(Some("bo"));
    for args in [
        &["list", "--owner", "cy"][..],
        &["list", "--owner", "cy", "--state", "all", "-o", "json"],
        &["return", "--from", "cy", "--yes"],
        &["return", "--from", "cy", "--dry-run"],
        &["list", "--owner", "cy", "--watch"],
    ] {
        let run = sandbox.cli(&bo, args);
        let said = run.fails(
            4,
            "Cy Diaz (cy): an agent sees the queued interventions and its own, so Cy Diaz's are not Bo Chen's to see",
        );
        assert!(said.contains("--owner"), "{args:?}: {said}");
        run.hints("use an admin's token, or --owner me for your own");
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    // Nothing was changed, and what is Bo's to see is listed as before.
    assert_eq!(api.intervention(&cys)["owner"], w.cy.as_str());
    assert_eq!(
        sandbox
            .cli(&bo, &["list", "--owner", "bo", "-o", "ids"])
            .ok(),
        format!("{bos}\n")
    );
    assert_eq!(
        sandbox
            .cli(&bo, &["list", "--owner", "me", "-o", "ids"])
            .ok(),
        format!("{bos}\n")
    );
    // `me` is asked for once: the caller's own work needs no asking whether it may see it.
    let verbose = sandbox.cli(&bo, &["-v", "list", "--owner", "me", "-o", "ids"]);
    let asked = verbose
        .stderr
        .lines()
        .filter(|l| l.starts_with("livectl: GET ") && l.ends_with("/v1/me"))
        .count();
    assert_eq!(asked, 1, "{}", verbose.stderr);
    // A stream of changes is not refused: Cy's status changes are anyone's to see (review).
    let mut watch = crate::harness::Running::start(&sandbox, &bo, &["watch", "--owner", "cy"]);
    watch.until("watching changes", std::time::Duration::from_secs(30));
    watch.signal(libc::SIGINT);
    let (code, said) = watch.end(std::time::Duration::from_secs(30));
    assert_eq!(code, Some(0), "{said}");
    // An admin sees everyone's.
    assert_eq!(
        sandbox
            .cli(&api.token, &["list", "--owner", "cy", "-o", "ids"])
            .ok(),
        format!("{cys}\n")
    );
}

/// A bulk run chosen by an owner asks who the token belongs to once: the filter's check of
/// what the caller may see and the run's own plan asked `GET /v1/me` each (last session's
/// note), one request more a run for the same answer.
#[test]
fn a_run_by_owner_asks_who_runs_it_once() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let bos = w.queued();
    api.post(
        &format!("/v1/interventions/{bos}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    for (token, args) in [
        (
            api.token.clone(),
            &["-v", "return", "--from", "bo", "--yes"][..],
        ),
        (
            api.token.clone(),
            &["-v", "reassign", "--from", "bo", "--to", "cy", "--dry-run"],
        ),
    ] {
        let run = sandbox.cli(&token, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let asked = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("livectl: GET ") && l.ends_with("/v1/me"))
            .count();
        assert_eq!(asked, 1, "{args:?}: {}", run.stderr);
    }
    assert_eq!(
        api.intervention(&bos)["state"],
        "queued",
        "the run was made"
    );
}

#[test]
fn exit_codes_follow_the_api_answer() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let assigned = w.in_state("assigned");
    let token = api.token.clone();
    let missing = sandbox.cli(&token, &["show", "iv_999"]);
    let stderr = missing.fails(5, "intervention `iv_999` does not exist");
    assert!(
        stderr.contains("`livectl list` shows the open interventions"),
        "{stderr}"
    );
    // Each kind's hint is its own: a user is not looked for among interventions.
    let stderr = sandbox
        .cli(&token, &["history", "us_999"])
        .fails(5, "user `us_999` does not exist")
        .to_owned();
    assert!(!stderr.contains("open interventions"), "{stderr}");
    // A command to paste with its id to give (`livectl show` alone was refused).
    assert!(
        stderr.contains("`livectl show ID` names an intervention's user"),
        "{stderr}"
    );
    // Another kind's id is named as such, before anything is asked.
    let user = sandbox.cli(&token, &["show", "us_4"]);
    let stderr = user.fails(
        2,
        "`us_4` is not an intervention id (those look like iv_42): `us_` is the prefix of users",
    );
    assert!(stderr.contains("`livectl history us_4`"), "{stderr}");
    // So is one for an action, and nothing is sent: not even the well-formed ids beside it.
    let queued = w.queued();
    sandbox
        .cli(&token, &["cancel", &queued, "ag_3", "--yes"])
        .fails(
            2,
            "`ag_3` is not an intervention id (those look like iv_42): `ag_` is the prefix of agents",
        );
    sandbox.cli(&token, &["cancel", "iv 3", "--yes"]).fails(
        2,
        "`iv 3` is not an intervention id (those look like iv_42)",
    );
    // First, before the other arguments are resolved: the id is what is reported.
    sandbox
        .cli(&token, &["reassign", "ag_3", "--to", "zed"])
        .fails(2, "`ag_3` is not an intervention id");
    sandbox.cli(&token, &["show", "42"]).fails(
        2,
        "`42` is not an intervention id (those look like iv_42): did you mean iv_42?",
    );
    // Ids joined by commas, as `--to ana,bo` joins agents.
    let joined = format!("{queued},iv_999");
    sandbox.cli(&token, &["cancel", &joined, "--yes"]).fails(
        2,
        &format!("`{joined}` is not an intervention id (those look like iv_42): give the ids apart, separated by spaces, such as {queued} iv_999"),
    );
    // `show` takes one id: the hint to give them apart gave "unexpected argument" (new user).
    let show = sandbox.cli(&token, &["show", &joined]);
    show.fails(2, &format!("`{joined}`: show takes one intervention id"));
    show.hints(&format!("show them one at a time: `livectl show {queued}`"));
    assert_eq!(
        api.get(&format!("/v1/interventions/{queued}")).expect(200)["state"],
        "queued",
        "nothing was cancelled"
    );
    sandbox
        .cli(&token, &["assign", &assigned])
        .fails(6, "it is assigned");
    sandbox.cli("wrong-token", &["list"]).fails(4, "not known");
    let bo = sandbox.home.token(Some("bo"));
    let queued = w.queued();
    sandbox
        .cli(&bo, &["assign", &queued, "--to", "cy"])
        .fails(4, "only an admin");
    sandbox
        .cli(&token, &["reassign", &assigned, "--to", "dan"])
        .fails(2, "Dan Ek (ag_5) is inactive and receives no work");
}

/// An unknown flag gets clap's suggestion only when it is a few edits away and no command takes
/// it as given; otherwise the tip names the commands that take it. Clap's own measure suggested
/// `--allow-insecure-http` for `stuck --owner` and `--version` for `assign --reason` (a flag `assign` takes since), and wrote
/// the suggestion into the usage line as if it were needed.
#[test]
fn an_unknown_flag_is_told_where_it_belongs() {
    let home = Home::new();
    let stderr = |args: &[&str]| {
        let run = home.cli(args);
        assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{args:?}");
        run.stderr
    };
    assert_eq!(
        stderr(&["queues", "--owner", "bo"]),
        "error: unexpected argument '--owner' found\n\n  \
         tip: '--owner' is a flag of 'livectl list', 'livectl assign', 'livectl reassign', \
         'livectl return', 'livectl cancel', 'livectl stuck', 'livectl watch', 'livectl console', \
         'livectl complete'\n\n\
         Usage: livectl queues [OPTIONS]\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        stderr(&["--quiet", "complete", "iv_1", "--reason=x"]),
        "error: unexpected argument '--reason' found\n\n  \
         tip: '--reason' is a flag of 'livectl assign', 'livectl reassign', 'livectl return', \
         'livectl cancel', 'livectl stuck', 'livectl status'\n\n\
         Usage: livectl complete [OPTIONS] [ID]...\n\nFor more information, try '--help'.\n"
    );
    assert_eq!(
        stderr(&["sandbox", "serve", "--bogus"]),
        "error: unexpected argument '--bogus' found\n\n\
         Usage: livectl sandbox serve [OPTIONS]\n\nFor more information, try '--help'.\n"
    );
    // An option's value that names a command is not taken for one.
    assert!(
        stderr(&["--profile", "sandbox", "-o", "json", "list", "--bogus"])
            .contains("\nUsage: livectl list [OPTIONS]\n")
    );
    // Clap's own tip for a value that begins with `-` stays; a prefix is a near miss; hidden
    // flags (test hooks) are not offered.
    assert!(
        stderr(&["history", "--zzzq"])
            .contains("tip: to pass '--zzzq' as a value, use '-- --zzzq'")
    );
    // Not for a flag another command takes: `-- --to` would be read as an id (the second new
    // user).
    let to = stderr(&["return", "iv_1", "--to", "bo"]);
    assert!(!to.contains("'-- --to'"), "{to}");
    assert!(to.contains("tip: '--to' is a flag of"), "{to}");
    assert!(
        stderr(&["stuck", "--to-agent", "x"]).contains("tip: a similar argument exists: '--to'")
    );
    assert!(!stderr(&["list", "--without-refs"]).contains("tip:"));
    // A resume to another agent: how to give the items left to one is said (a supervisor
    // tried `--resume ID --to ana`, told only that the two do not go together).
    for args in [
        &["reassign", "--resume", "x", "--to", "ana"][..],
        &["stuck", "--fix", "reassign", "--to", "ana", "--resume", "x"],
    ] {
        let said = stderr(args);
        assert!(
            said.contains(
                "tip: a resume sends each item to the agent its journal holds; to give the items \
                 a run left to another agent, run one chosen by filters again with another --to \
                 (they are where they were), and for one given ids, `--resume JOURNAL --dry-run` \
                 lists those left"
            ),
            "{said}"
        );
    }
    // A near miss keeps clap's suggestion.
    assert!(
        stderr(&["list", "--ownr", "bo"]).contains("tip: a similar argument exists: '--owner'")
    );
    // A flag another command takes as given is named there, not made a prefix of a security
    // flag (the new-user check: `cancel --all` was offered `--allow-insecure-http`).
    assert_eq!(
        stderr(&["cancel", "--all", "--dry-run"]),
        "error: unexpected argument '--all' found\n\n  \
         tip: '--all' is a flag of 'livectl list', 'livectl runs', 'livectl history'\n\n\
         Usage: livectl cancel [OPTIONS] [ID]...\n\nFor more information, try '--help'.\n"
    );
}

/// A value given wrong through an environment variable is said to be the variable's, with a
/// hint to unset it (the new-user check: "there is no profile `nope`", with no word of where
/// `nope` came from). LIVECTL_TOKEN: `a_token_no_header_can_carry_is_refused_before_anything_is_sent`.
#[test]
fn a_value_given_by_a_variable_names_the_variable() {
    let sandbox = Sandbox::start(&[]);
    let home = &sandbox.home;
    let run = home.cli_env(&["queues"], &[("LIVECTL_PROFILE", "nope")]);
    run.fails(2, "error: LIVECTL_PROFILE: there is no profile `nope`");
    run.hints("or unset LIVECTL_PROFILE");
    let run = home.cli_env(&["queues"], &[("LIVECTL_API_URL", "notaurl")]);
    run.fails(
        2,
        "error: LIVECTL_API_URL: `notaurl` is not a URL: it has no http:// or https://",
    );
    run.hints("or unset LIVECTL_API_URL");
    // Plain http:// beyond loopback too (the second new user).
    let run = home.cli_env(&["queues"], &[("LIVECTL_API_URL", "http://10.0.0.1")]);
    run.fails(2, "error: LIVECTL_API_URL: refusing plain http://");
    run.hints("or unset LIVECTL_API_URL");
    // The same values given as flags are the flags': no variable named.
    let run = home.cli(&["queues", "--profile", "nope"]);
    run.fails(2, "error: there is no profile `nope`");
    assert!(!run.stderr.contains("LIVECTL_PROFILE"), "{}", run.stderr);
}

/// A negative duration given as a word of its own reaches the duration's parser, as
/// `--older-than=-5m` did, for every flag that takes one: clap read `-5m` as the short flags
/// `-5` and `-m` and said only "unexpected argument '-5' found".
#[test]
fn a_negative_duration_as_its_own_word_is_refused_by_the_durations_parser() {
    let home = Home::new();
    let negative = "`-5m` is negative; give a duration of 1s or more, such as 30m";
    for (args, flag) in [
        (&["list", "--older-than", "-5m"][..], "--older-than"),
        (&["assign", "--older-than", "-5m"], "--older-than"),
        (
            &["reassign", "--older-than", "-5m", "--to", "bo"],
            "--older-than",
        ),
        (&["return", "--older-than", "-5m"], "--older-than"),
        (&["cancel", "--older-than", "-5m"], "--older-than"),
        (&["complete", "--older-than", "-5m"], "--older-than"),
        (&["watch", "--older-than", "-5m"], "--older-than"),
        (&["stuck", "--queued", "-5m"], "--queued"),
        (&["stuck", "--no-reply", "-5m"], "--no-reply"),
        (&["console", "--queued", "-5m"], "--queued"),
        (&["autopilot", "--grace", "-5m"], "--grace"),
        (&["autopilot", "--queued", "-5m"], "--queued"),
        (&["autopilot", "--no-reply", "-5m"], "--no-reply"),
        (
            &["sandbox", "serve", "--idle-timeout", "-5m"],
            "--idle-timeout",
        ),
        (&["sandbox", "wait", "--timeout", "-5m"], "--timeout"),
    ] {
        let run = home.cli(args);
        let stderr = run.fails(2, negative);
        assert!(stderr.contains(flag), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("unexpected argument"),
            "{args:?}: {stderr}"
        );
    }
    // A flag where the duration goes is still clap's missing value, the duration named (had
    // every word that begins with `-` been taken, `-o` was the duration and `json` refused as
    // an argument of its own, the duration unnamed).
    for flag in [&["--json", "id"][..], &["-o", "json"]] {
        assert_eq!(
            home.cli(&[&["list", "--older-than"][..], flag].concat())
                .fails(2, "a value is required"),
            "error: a value is required for '--older-than <DURATION>' but none was supplied\n\n\
             For more information, try '--help'.\n"
        );
    }
    // The autopilot's durations too: they took any word that begins with `-` before, so
    // `--grace --once` was a grace of `--once`.
    home.cli(&["autopilot", "--grace", "--once"]).fails(
        2,
        "a value is required for '--grace <DURATION>' but none was supplied",
    );
}

#[test]
fn broken_servers_get_one_clear_line() {
    let home = Home::new();
    let run = |url: &str| {
        let out = home
            .livectl()
            .env("LIVECTL_API_URL", url)
            .env("LIVECTL_TOKEN", "t")
            .args(["list"])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let html = impostor(
        "502 Bad Gateway",
        "text/html",
        "<html>bad gateway</html>",
        20,
    );
    let (code, stderr) = run(&html);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("502 Bad Gateway without an API error body: <html>bad gateway</html>"),
        "{stderr}"
    );
    // The hint says which request failed (its query, the filters and a cursor, is for -v):
    // the message may not.
    assert!(
        stderr.contains("hint: the platform failed on GET /v1/interventions; try again"),
        "{stderr}"
    );
    let failing = Sandbox::start(&["--faults", "error=1"]);
    let token = failing.api().token;
    let whoami = failing.cli(&token, &["whoami"]);
    assert_eq!(whoami.code, 1, "{}", whoami.stderr);
    assert!(
        whoami.stderr.contains(
            "hint: the platform failed on GET /v1/me; try again, and report it if it persists"
        ),
        "{}",
        whoami.stderr
    );
    // A web server that is not the API: its 404 is not "not found" (exit 5, an intervention
    // that does not exist, to a script) but a wrong address.
    let web = impostor(
        "404 Not Found",
        "text/html",
        "<!DOCTYPE HTML><html>nope</html>",
        20,
    );
    let against = |url: &str, args: &[&str]| {
        Run::from(
            home.livectl()
                .env("LIVECTL_API_URL", url)
                .env("LIVECTL_TOKEN", "t")
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let not_the_api = against(&web, &["return", "iv_1"]);
    // A web server that takes no POST: 501, no platform failing.
    let plain = impostor("501 Not Implemented", "text/html", "<html>no</html>", 20);
    let posted = against(&plain, &["cancel", "iv_1"]);
    // An action as a listing: the same exit, and the hint of the address, not of the id.
    let (code, stderr) = run(&web);
    for (code, stderr) in [
        (code, stderr),
        (Some(not_the_api.code), not_the_api.stderr),
        (Some(posted.code), posted.stderr),
    ] {
        assert_eq!(code, Some(1), "{stderr}");
        assert!(
            stderr.contains(" without an API error body")
                && stderr.ends_with(
                    "hint: check that the API address points at the Live Conversations API (it serves /v1/)\n"
                ),
            "{stderr}"
        );
    }
    let truncated = impostor("200 OK", "application/json", "{\"items\": [", 20);
    let (code, stderr) = run(&truncated);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("is not the API's JSON"), "{stderr}");
    assert!(
        stderr.contains("hint: check that the API address"),
        "{stderr}"
    );
    // Nothing listens on port 1: the connection is refused.
    let (code, stderr) = run("http://127.0.0.1:1");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("cannot reach http://127.0.0.1:1")
            && stderr.contains("hint: is the server running? LIVECTL_API_URL gives its address"),
        "{stderr}"
    );
    for (_, text) in [run(&html), run("http://127.0.0.1:1")] {
        assert!(!text.contains("panicked"));
        assert_eq!(
            text.lines().filter(|l| l.starts_with("error:")).count(),
            1,
            "one error line: {text}"
        );
    }
}

#[test]
fn an_address_that_cannot_be_reached_is_named_where_it_was_given() {
    // Nothing listens on port 1. The hint points where the address came from, so that it can
    // be checked there: `livectl config get api_url` says nothing of a flag or a variable.
    let home = Home::new();
    let refused = |args: &[&str]| {
        let run = Run::from(
            home.livectl()
                .env("LIVECTL_TOKEN", "t")
                .args(args)
                .output()
                .unwrap(),
        );
        run.fails(1, "cannot reach http://127.0.0.1:1/v1/interventions");
        run.stderr
            .lines()
            .filter(|l| l.starts_with("hint:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        refused(&["list", "--api-url", "http://127.0.0.1:1"]),
        "hint: is the server running? --api-url gives its address"
    );
    let set = |args: &[&str]| assert!(home.run(args).status.success());
    set(&[
        "config",
        "set",
        "api_url",
        "http://127.0.0.1:1",
        "--profile",
        "ops",
    ]);
    assert_eq!(
        refused(&["list", "--profile", "ops"]),
        "hint: is the server running? profile `ops` gives its address: see it with `livectl config get api_url --profile ops`"
    );
    set(&["config", "set", "api_url", "http://127.0.0.1:1"]);
    assert_eq!(
        refused(&["list"]),
        "hint: is the server running? profile `default` gives its address: see it with `livectl config get api_url`"
    );
}

#[test]
fn an_address_without_its_scheme_is_given_back_with_one() {
    let home = Home::new();
    for (given, meant) in [
        ("127.0.0.1:8787", "http://127.0.0.1:8787"),
        ("localhost:8787", "http://localhost:8787"),
        ("live.example.com", "https://live.example.com"),
        // The suggestion is one livectl takes: without the /v1 it puts before every path.
        ("live.example.com/v1/", "https://live.example.com"),
    ] {
        let message = "it has no http:// or https://";
        let run = Run::from(
            home.livectl()
                .env("LIVECTL_TOKEN", "t")
                .args(["queues", "--api-url", given])
                .output()
                .unwrap(),
        );
        run.fails(2, &format!("`{given}` is not a URL: {message}"));
        run.hints(&format!("give {meant}"));
    }
}

#[test]
fn an_empty_variable_counts_as_unset() {
    // `LIVECTL_API_URL=` in a CI file: the embedded demo, not "`` is not a URL".
    let home = Home::new();
    let run = Run::from(
        home.livectl()
            .env("LIVECTL_API_URL", "")
            .env("LIVECTL_PROFILE", " ")
            .arg("whoami")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("on the embedded sandbox"),
        "{}",
        run.stdout
    );
}

#[test]
fn plain_http_to_other_hosts_is_refused_before_connecting() {
    let home = Home::new();
    let out = home
        .livectl()
        .env("LIVECTL_API_URL", "http://livectl-test.invalid")
        .env("LIVECTL_TOKEN", "t")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Had it tried to connect, the name would have failed to resolve ("cannot reach").
    assert!(
        stderr.contains("refusing plain http:// to livectl-test.invalid")
            && !stderr.contains("cannot reach"),
        "{stderr}"
    );
    assert!(stderr.contains("--allow-insecure-http"));
    let allowed = home
        .livectl()
        .env("LIVECTL_API_URL", "http://livectl-test.invalid")
        .env("LIVECTL_TOKEN", "t")
        .args(["list", "--allow-insecure-http"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(allowed.stderr)
            .unwrap()
            .contains("cannot reach"),
        "with the flag it does try"
    );
}

#[test]
fn the_token_never_shows_even_at_vvv() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    w.queued();
    let token = api.token.clone();
    for args in [
        vec!["-vvv", "list"],
        vec!["-vvv", "assign", id.as_str()],
        vec!["-vvv", "show", "iv_999"],
        vec!["-vvv", "whoami", "-o", "json"],
        // A bulk run: its actions go on each worker's own connection.
        vec!["-vvv", "assign", "--owner", "none", "--to", "bo", "--yes"],
    ] {
        let run = sandbox.cli(&token, &args);
        assert!(
            run.stderr.contains("GET "),
            "-vvv logs requests: {}",
            run.stderr
        );
        if args.contains(&"--owner") {
            for line in ["POST ", "  body: {", "  200 in ", "  answer (POST /v1/"] {
                assert!(run.stderr.contains(line), "no {line:?} in {}", run.stderr);
            }
        }
        assert!(
            !run.stdout.contains(&token) && !run.stderr.contains(&token),
            "the token leaked with {args:?}"
        );
    }
    let wrong = sandbox.cli("lvs_secret-but-wrong", &["-vvv", "list"]);
    assert!(!wrong.stderr.contains("secret-but-wrong"));
}

#[test]
fn verbose_lines_name_their_request_so_requests_in_flight_together_pair_up() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    for _ in 0..20 {
        w.queued();
    }
    let faulty = Sandbox::start_in(clean.home.clone(), &["--faults", "error=0.3,seed=5"]);
    let run = faulty.cli(
        &api.token,
        &[
            "-vv",
            "cancel",
            "--owner",
            "none",
            "--yes",
            "--concurrency",
            "8",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each request line names the whole URL; every later line about a request names it by
    // method, path and query, and a status line answers an attempt of that request still in
    // flight (a line naming another request than the one answered has none).
    let mut sent: Vec<String> = Vec::new();
    let mut in_flight: HashMap<String, usize> = HashMap::new();
    let (mut answers, mut retries, mut waits) = (0, 0, 0);
    for line in run.stderr.lines() {
        let Some(line) = line.strip_prefix("livectl: ") else {
            continue;
        };
        if !line.starts_with(' ')
            && let Some((method, url)) = line.split_once(" http://")
        {
            let path = &url[url.find('/').unwrap()..];
            sent.push(format!("{method} {path}"));
            *in_flight.entry(format!("{method} {path}")).or_default() += 1;
            continue;
        }
        let named = if let Some(rest) = line.strip_prefix("  retrying ") {
            retries += 1;
            rest.split(" after: ").next()
        } else if let Some(rest) = line.strip_prefix("  waiting ") {
            waits += 1;
            rest.split(" ms to retry ").nth(1)
        } else if line.starts_with("  ") && line.contains(" ms (") {
            answers += 1;
            let named = line
                .rsplit_once(" (")
                .and_then(|(_, r)| r.strip_suffix(')'))
                .unwrap_or_else(|| panic!("no request named in {line:?}"));
            let open = in_flight.entry(named.to_owned()).or_default();
            assert!(
                *open > 0,
                "{line:?} answers {named:?}, which has no attempt in flight"
            );
            *open -= 1;
            Some(named)
        } else {
            continue;
        };
        let named = named.unwrap_or_else(|| panic!("no request named in {line:?}"));
        assert!(
            sent.iter().any(|s| s == named),
            "{line:?} names {named:?}, which was not sent before it"
        );
    }
    assert!(
        answers >= 21 && retries > 0 && waits == retries,
        "{}",
        run.stderr
    );
}

#[test]
fn a_token_no_header_can_carry_is_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    w.queued();
    // A control character in the token: no request goes out without its Authorization.
    // A space or a character outside ASCII too, as `login` refuses them (one rule,
    // `Token::problem`): a header could carry those, and they were sent.
    for (token, args) in [
        ("lvs_bad\u{1}token", vec!["list"]),
        ("lvs_bad token", vec!["list"]),
        ("lvs_badé", vec!["whoami"]),
        (
            "lvs_bad\u{1}token",
            vec!["assign", "--owner", "none", "--to", "bo", "--yes"],
        ),
    ] {
        let run = sandbox.cli(token, &args);
        // The variable's fault, usage as `login` says it (it was a failure, 1, naming no
        // variable: the new-user check).
        run.fails(
            2,
            "LIVECTL_TOKEN holds a space, a control character or a character outside ASCII; a token is one word of visible ASCII; nothing was sent",
        );
        run.hints("set it to the token as it was issued, or unset it to use the profile's");
        assert!(!run.stderr.contains("bad"), "{}", run.stderr);
    }
    assert_eq!(api.all("/v1/audit?action=assigned").len(), 0);
}

#[test]
fn the_client_retries_through_faults_and_acts_exactly_once() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..10).map(|_| w.queued()).collect();
    // A seed fixes each request's faults (`faults.rs`): with 12, the ten single assigns (which
    // get no end-of-run pass) meet both kinds between them and each passes within its attempts;
    // with 11, iv_5's five attempts all fail.
    let faulty = Sandbox::start_in(
        clean.home.clone(),
        &["--faults", "error=0.2,drop=0.2,seed=12"],
    );
    let mut log = String::new();
    for id in &ids {
        let run = faulty.cli(
            &api.token,
            &["assign", id, "--to", &w.bo, "-o", "ids", "-vv"],
        );
        assert_eq!(run.stdout, format!("{id}\n"), "{}", run.stderr);
        log.push_str(&run.stderr);
    }
    assert!(
        log.contains("injected fault: nothing was done"),
        "errors were retried: {log}"
    );
    assert!(
        log.contains("connection closed before message completed"),
        "dropped answers were retried: {log}"
    );
    let assigned = api.all("/v1/audit?action=assigned");
    assert_eq!(assigned.len(), 10, "each assign acted exactly once");
    let keys: std::collections::HashSet<_> = assigned
        .iter()
        .map(|e| e["idempotency_key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        keys.len(),
        10,
        "every action carried its own idempotency key"
    );
    let runs = faulty.cli(&api.token, &["list", "--state", "all", "-o", "ids", "-vv"]);
    assert_eq!(runs.stdout.lines().count(), 10, "{}", runs.stderr);
}

/// An action on one id that ends in the platform's failure (or a connection that ended, or no
/// answer) may have been done before it: the run said the last attempt's error alone, though
/// an earlier attempt had committed (hostile-input check). The hint says to look first.
#[test]
fn a_failed_action_on_one_id_says_it_may_have_been_done() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let failing = Sandbox::start_in(
        clean.home.clone(),
        &["--faults", "error=1,path=/v1/interventions/iv_,seed=1"],
    );
    let run = failing.cli(&api.token, &["assign", &id, "--to", "bo"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "hint: the platform may have done it before failing: look with `livectl show {id}` before sending it again"
        )),
        "{}",
        run.stderr
    );
}

/// A token pasted where something else was asked is not quoted back by the error about it
/// (it was: `unexpected argument 'lvs_…' found`, and `give https://lvs_…`).
#[test]
fn a_token_given_in_the_wrong_place_is_not_shown() {
    let home = Home::new();
    let token = "lvs_Zq3kP0aXbYcWdVeUfTgShRiQjPkOlMnN";
    for (args, said) in [
        (
            &["login", token][..],
            "error: login takes no token on the command line, where the shell's history would keep it (what was given is not shown)",
        ),
        // Whatever its shape: a platform's token may be hex.
        (
            &["login", "0123456789abcdef0123456789abcdef01234567"][..],
            "error: login takes no token on the command line",
        ),
        (
            &["--sandbox", "whoami", token][..],
            "error: unexpected argument '<redacted>' found",
        ),
        (
            &["--api-url", token, "whoami"][..],
            "error: the API address is shaped like a token, not a URL (not shown, as tokens never are)",
        ),
        (
            &["show", token][..],
            "error: `<redacted>` is not an intervention id",
        ),
        // A profile named by a token was saved, and printed by every run after it.
        (
            &["--profile", token, "login", "--token-stdin"][..],
            "error: --profile: the name given is shaped like a token, not a profile's name (not shown, as tokens never are)",
        ),
        (
            &["--profile", token, "whoami"][..],
            "error: --profile: the name given is shaped like a token",
        ),
        (
            &["config", "set", "workspace", token][..],
            "error: workspace: the value given is shaped like a token (not shown, as tokens never are); the config holds no tokens",
        ),
    ] {
        let run = home.cli(args);
        run.fails(2, said);
        assert!(
            !run.stderr.contains(token)
                && !run.stdout.contains(token)
                && !run.stderr.contains("0123456789abcdef"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(
        !home.path().join("config/livectl/config.toml").exists(),
        "nothing was saved"
    );
}

/// A name or id a keystroke off is met with what was likely meant, as `show 19` is: `--to bob`
/// and `show IV_19` were told only that nothing is called so (new user).
#[test]
fn a_name_or_id_a_keystroke_off_is_met_with_what_was_meant() {
    let home = crate::harness::Home::new();
    let bob = home.cli(&["reassign", "iv_17", "--to", "bob"]);
    bob.fails(5, "--to: no agent is called `bob`");
    bob.hints("did you mean bo (Bo Chen)?");
    let names = home.cli(&["list", "--owner", "Bo Chan"]);
    names.fails(5, "no agent is called `Bo Chan`");
    names.hints("did you mean bo (Bo Chen)?");
    // Nothing near, or too little typed to guess from: no guess (`x` suggested bo: review).
    for wanted in ["zebulon", "x", "e"] {
        let far = home.cli(&["list", "--owner", wanted]);
        far.fails(5, &format!("no agent is called `{wanted}`"));
        assert!(!far.stderr.contains("did you mean"), "{}", far.stderr);
    }
    // The nearest first.
    home.cli(&["list", "--owner", "San"])
        .hints("did you mean sam (Sam Okafor) or ag_1 (Sandbox Admin)?");
    // Nor for a flag of two letters.
    let zz = home.cli(&["list", "--zz"]);
    zz.fails(2, "unexpected argument '--zz'");
    assert!(!zz.stderr.contains("tip:"), "{}", zz.stderr);
    home.cli(&["show", "IV_19"]).fails(
        2,
        "`IV_19` is not an intervention id (those look like iv_42): did you mean iv_19?",
    );
}
