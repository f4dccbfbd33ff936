//! Every command's output in every format, compared whole.

use serde_json::json;

use crate::harness::{Sandbox, Workspace};

/// A sandbox with four interventions in four states and fixed times.
fn scene() -> (Sandbox, Workspace, String) {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    w.fixed(
        1,
        "Ada Park",
        "web",
        "Cannot log in",
        "2026-11-24T10:00:00Z",
    );
    let two = w.fixed(
        2,
        "Ben Ruiz",
        "whatsapp",
        "Charged twice",
        "2026-11-24T11:30:00Z",
    );
    let three = w.fixed(3, "Cleo Moss", "sms", "App crashes", "2026-11-24T11:50:00Z");
    let four = w.fixed(
        4,
        "Dev Shah",
        "teams",
        "Wants a refund",
        "2026-11-24T09:00:00Z",
    );
    api.post(
        &format!("/v1/interventions/{two}/assign"),
        json!({"agent": w.bo}),
    )
    .expect(200);
    api.post(
        &format!("/v1/interventions/{three}/assign"),
        json!({"agent": w.cy}),
    )
    .expect(200);
    api.post(
        &format!("/v1/interventions/{three}/complete"),
        json!({"topic": w.topic, "outcome": w.outcome, "tags": ["vip"], "block": w.block}),
    )
    .expect(200);
    api.post(
        &format!("/v1/interventions/{four}/cancel"),
        json!({"reason": "user left"}),
    )
    .expect(200);
    let token = api.token.clone();
    (sandbox, w, token)
}

macro_rules! snapshot {
    ($name:expr, $text:expr) => {{
        let mut settings = insta::Settings::clone_current();
        settings.add_filter(
            r#""(assigned_at|closed_at|updated_at|at)": ?"[0-9T:.Z-]+""#,
            r#""$1":"[time]""#,
        );
        settings.add_filter(
            r"(?m)^  \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d  (assigned|reassigned|returned|cancelled|completed)",
            "  [time]  $1",
        );
        settings.add_filter(r"(?m)^(Assigned|Closed): +.*$", "$1: [time]");
        // The clock's times: any day after the scene's fixed one (2026-11-24), into 2099.
        settings.add_filter(
            r"(?:20(?:2[7-9]|[3-9]\d)-\d\d-\d\d|2026-12-\d\d|2026-11-(?:2[5-9]|3\d))T\d\d:\d\d:\d\d(?:\.\d+)?Z",
            "[time]",
        );
        settings.set_snapshot_suffix($name);
        settings.bind(|| insta::assert_snapshot!($text));
    }};
}

#[test]
fn list_in_every_format() {
    let (sandbox, _, token) = scene();
    let tty = [("LIVECTL_FORCE_TTY", "1")];
    snapshot!("table", sandbox.cli_env(&token, &["list"], &tty).ok());
    snapshot!("plain", sandbox.cli(&token, &["list"]).ok());
    snapshot!(
        "all_states",
        sandbox.cli(&token, &["list", "--state", "all"]).ok()
    );
    snapshot!("json", sandbox.cli(&token, &["list", "-o", "json"]).ok());
    snapshot!(
        "ndjson",
        sandbox
            .cli(&token, &["list", "-o", "ndjson", "--state", "completed"])
            .ok()
    );
    snapshot!(
        "csv",
        sandbox
            .cli(&token, &["list", "-o", "csv", "--state", "all"])
            .ok()
    );
    snapshot!(
        "ids",
        sandbox
            .cli(&token, &["list", "-o", "ids", "--state", "all"])
            .ok()
    );
    let empty = sandbox
        .cli(&token, &["list", "-o", "json", "--tag", "nothing"])
        .ok();
    assert_eq!(empty, "[]\n");
}

#[test]
fn list_filters() {
    let (sandbox, _, token) = scene();
    let ids = |args: &[&str]| {
        let mut all = vec!["list", "-o", "ids"];
        all.extend(args);
        sandbox
            .cli(&token, &all)
            .ok()
            .lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&[]), ["iv_1", "iv_2"], "open ones by default");
    assert_eq!(ids(&["--owner", "bo"]), ["iv_2"]);
    assert_eq!(
        ids(&["--from", "Bo Chen"]),
        ["iv_2"],
        "--from is --owner, and a unique name works"
    );
    assert_eq!(ids(&["--owner", "none"]), ["iv_1"]);
    assert_eq!(ids(&["--state", "completed,cancelled"]), ["iv_3", "iv_4"]);
    assert_eq!(ids(&["--state", "all", "--tag", "VIP"]), ["iv_3"]);
    assert_eq!(
        ids(&["--department", "Support", "--state", "cancelled"]),
        ["iv_4"]
    );
    assert_eq!(
        ids(&["--older-than", "90m"]),
        ["iv_1"],
        "queued before 10:30"
    );
    assert_eq!(
        ids(&["--state", "all", "--limit", "3"]),
        ["iv_1", "iv_2", "iv_3"]
    );
    let all = sandbox.cli(&token, &["list", "--state", "all", "--all", "-o", "ids"]);
    assert_eq!(all.ok().lines().count(), 4);
    let cut = sandbox.cli(&token, &["list", "--limit", "1"]);
    assert_eq!(cut.code, 0);
    assert_eq!(
        cut.stderr,
        "showing the first 1; more match: --all shows every one, or a larger --limit\n"
    );
    // When the limit holds them all, nothing is said.
    let whole = sandbox.cli(&token, &["list", "--limit", "2"]);
    assert_eq!((whole.code, whole.stderr.as_str()), (0, ""));
}

/// Instants are written with exactly three fractional digits, so a script that sorts them as
/// strings (jq's `sort_by`, `sort` on a CSV column) sorts them in time. With the digits as
/// needed, `…:00.8Z` sorted after `…:00.81Z`, and `…:00Z` after both.
#[test]
fn instants_sort_as_strings_in_the_order_of_time() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let times = [
        "2026-11-24T10:00:00.81Z",
        "2026-11-24T10:00:00Z",
        "2026-11-24T10:00:00.8Z",
        "2026-11-24T10:00:01.5Z",
    ];
    for (n, at) in times.iter().enumerate() {
        w.fixed(n + 1, "Ada Park", "web", "Cannot log in", at);
    }
    let token = api.token.clone();
    let by_string = sandbox
        .cli(
            &token,
            &["list", "--jq", "map(.queued_at) | sort | .[]", "--all"],
        )
        .ok();
    assert_eq!(
        by_string,
        "2026-11-24T10:00:00.000Z\n2026-11-24T10:00:00.800Z\n\
         2026-11-24T10:00:00.810Z\n2026-11-24T10:00:01.500Z\n"
    );
    let sorted = sandbox
        .cli(
            &token,
            &[
                "list",
                "--all",
                "--sort",
                "queued_at",
                "--jq",
                ".[].queued_at",
            ],
        )
        .ok();
    assert_eq!(sorted, by_string, "--sort compares them as text too");
    let csv = sandbox.cli(&token, &["list", "-o", "csv", "--all"]).ok();
    let mut column: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(8).unwrap())
        .collect();
    column.sort();
    assert_eq!(
        column,
        [
            "2026-11-24T10:00:00.000Z",
            "2026-11-24T10:00:00.800Z",
            "2026-11-24T10:00:00.810Z",
            "2026-11-24T10:00:01.500Z"
        ]
    );
}

/// Text from users and chats that a spreadsheet would run as a formula is written as text in
/// CSV (`'` before it, as OWASP advises); JSON keeps it exact. It went out as it came.
#[test]
fn csv_cells_a_spreadsheet_would_run_are_text() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    w.fixed(
        1,
        "=cmd|' /C calc'!A0",
        "web",
        "@SUM(1+1)",
        "2026-11-24T10:00:00Z",
    );
    w.fixed(
        2,
        "+44 7700 900123",
        "whatsapp",
        "-1+cmd|' /C calc'!A0",
        "2026-11-24T10:01:00Z",
    );
    w.fixed(3, "+1-555-123-4567", "sms", "-2+3", "2026-11-24T10:02:00Z");
    // Spaces before the sign hide nothing (new user).
    w.fixed(4, " =1+1", "web", "  @SUM(2)", "2026-11-24T10:03:00Z");
    let token = api.token.clone();
    let csv = sandbox.cli(&token, &["list", "-o", "csv"]).ok();
    assert_eq!(
        csv.lines().skip(1).collect::<Vec<_>>(),
        [
            "iv_1,queued,,us_1,'=cmd|' /C calc'!A0,web,dp_1,'@SUM(1+1),2026-11-24T10:00:00.000Z,,,,1",
            // A phone number's sign runs nothing: left as it is.
            "iv_2,queued,,us_2,+44 7700 900123,whatsapp,dp_1,'-1+cmd|' /C calc'!A0,2026-11-24T10:01:00.000Z,,,,1",
            // Arithmetic is a formula too: a spreadsheet showed `-2+3` as 1.
            "iv_3,queued,,us_3,'+1-555-123-4567,sms,dp_1,'-2+3,2026-11-24T10:02:00.000Z,,,,1",
            "iv_4,queued,,us_4,' =1+1,web,dp_1,'  @SUM(2),2026-11-24T10:03:00.000Z,,,,1"
        ]
    );
    let history = sandbox.cli(&token, &["history", "us_1", "-o", "csv"]).ok();
    assert!(
        history.contains(
            ",'=cmd|' /C calc'!A0,web,2026-11-24T08:00:00.000Z,user,,\"'@SUM(1+1), please help\""
        ),
        "{history}"
    );
    let json = sandbox
        .cli(&token, &["list", "--jq", ".[0].user.name"])
        .ok();
    assert_eq!(json, "=cmd|' /C calc'!A0\n");
}

#[test]
fn queues_in_every_format() {
    let (sandbox, _, token) = scene();
    snapshot!(
        "table",
        sandbox
            .cli_env(&token, &["queues"], &[("LIVECTL_FORCE_TTY", "1")])
            .ok()
    );
    snapshot!("plain", sandbox.cli(&token, &["queues"]).ok());
    snapshot!("csv", sandbox.cli(&token, &["queues", "-o", "csv"]).ok());
    snapshot!("ids", sandbox.cli(&token, &["queues", "-o", "ids"]).ok());
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.cli(&token, &["queues", "-o", "json"]).ok()).unwrap();
    assert_eq!(json["general"]["count"], 1);
    assert_eq!(
        json["general"]["oldest_queued_at"],
        "2026-11-24T10:00:00.000Z"
    );
    // --sort was ignored by the JSON document with exit 0, and refused with --jq as a field
    // of it.
    for json in [
        &["-o", "json"][..],
        &["--jq", ".general"],
        &["--json", "agents"],
    ] {
        let run = sandbox.cli(&token, &[&["queues", "--sort", "count"][..], json].concat());
        run.fails(2, "--sort orders the rows of the table and of -o csv, ndjson and ids; the JSON of `queues` is one document");
        run.hints("sort its agents with --jq '.agents | sort_by(.count)'");
    }
    // The document's name of the rows' field, and a field the rows do not have refused first.
    sandbox
        .cli(&token, &["queues", "--sort", "oldest_at", "-o", "json"])
        .hints("sort its agents with --jq '.agents | sort_by(.oldest_assigned_at)'");
    sandbox
        .cli(&token, &["queues", "--sort", "queue", "-o", "json"])
        .hints("its general queue is `.general`, the agents' My Queues `.agents`");
    sandbox
        .cli(&token, &["queues", "--sort", "x'y", "-o", "json"])
        .fails(
            2,
            "--sort: unknown field `x'y`; the fields are: queue, agent",
        );
    let ndjson = sandbox.cli(&token, &["queues", "-o", "ndjson"]).ok();
    assert_eq!(
        ndjson.lines().count(),
        6,
        "the general queue and five agents"
    );
}

#[test]
fn show_in_every_format() {
    let (sandbox, _, token) = scene();
    snapshot!("completed", sandbox.cli(&token, &["show", "iv_3"]).ok());
    snapshot!("queued", sandbox.cli(&token, &["show", "iv_1"]).ok());
    snapshot!(
        "json",
        sandbox.cli(&token, &["show", "iv_3", "-o", "json"]).ok()
    );
    let ids = sandbox.cli(&token, &["show", "iv_3", "-o", "ids"]).ok();
    assert_eq!(ids, "iv_3\n");
    // The last messages the text shows were not in the JSON, whatever --messages said.
    let last = |n: &str| -> Vec<serde_json::Value> {
        let shown = sandbox.cli(
            &token,
            &["show", "iv_3", "--messages", n, "--jq", ".messages"],
        );
        serde_json::from_str(&shown.ok()).unwrap()
    };
    let all = last("100");
    assert!(all.len() > 1, "{all:?}");
    assert_eq!(last("1"), all[all.len() - 1..].to_vec());
    assert_eq!(last("0"), Vec::<serde_json::Value>::new());
}

#[test]
fn the_people_and_the_catalog() {
    let (sandbox, _, token) = scene();
    let tty = [("LIVECTL_FORCE_TTY", "1")];
    snapshot!(
        "agents_table",
        sandbox.cli_env(&token, &["agents"], &tty).ok()
    );
    snapshot!(
        "agents_csv",
        sandbox.cli(&token, &["agents", "-o", "csv"]).ok()
    );
    snapshot!(
        "topics_table",
        sandbox.cli_env(&token, &["topics"], &tty).ok()
    );
    snapshot!("outcomes_plain", sandbox.cli(&token, &["outcomes"]).ok());
    snapshot!(
        "blocks_json",
        sandbox.cli(&token, &["blocks", "-o", "json"]).ok()
    );
    snapshot!(
        "departments_ndjson",
        sandbox.cli(&token, &["departments", "-o", "ndjson"]).ok()
    );
}

/// A column whose title is not its field's name sorts by that title too: `agents --sort for`
/// orders by `status_since` (the longest away first), as the FOR column reads; and the CSV
/// carries the instant the column counts from.
#[test]
fn a_list_sorts_by_a_column_s_title_as_by_the_field_it_shows() {
    let (sandbox, _, token) = scene();
    let api = sandbox.api();
    for (key, name, status, since) in [
        ("bo", "Bo Chen", "offline", "2026-11-24T11:00:00Z"),
        ("cy", "Cy Diaz", "away", "2026-11-24T09:00:00Z"),
        ("zed", "Zed Ng", "offline", "2026-11-24T10:00:00Z"),
    ] {
        let email = format!("{key}@example.com");
        let upsert = api.post(
            "/v1/agents",
            json!({"key": key, "name": name, "email": email, "status": status, "status_since": since}),
        );
        assert!(
            [200, 201].contains(&upsert.status),
            "{key}: {}",
            upsert.status
        );
    }
    let ids = |sort: &str| {
        sandbox
            .cli(
                &token,
                &[
                    "agents",
                    "--sort",
                    sort,
                    "--jq",
                    ".[:3] | map(.name) | join(\",\")",
                ],
            )
            .ok()
    };
    assert_eq!(ids("status_since"), "Cy Diaz,Zed Ng,Bo Chen\n");
    assert_eq!(ids("for"), ids("status_since"));
    assert_eq!(
        ids("FOR"),
        ids("status_since"),
        "as the table's title reads"
    );
    // Every list whose table titles a column otherwise than its field.
    for (list, title, field) in [
        ("queues", "oldest", "oldest_at"),
        ("list", "queued", "queued_at"),
        ("stuck", "why", "reasons"),
    ] {
        let sorted = |by: &str| sandbox.cli(&token, &[list, "--sort", by, "-o", "csv"]).ok();
        assert_eq!(sorted(title), sorted(field), "{list} --sort {title}");
    }
    let csv = sandbox.cli(&token, &["agents", "-o", "csv"]).ok();
    assert!(
        csv.starts_with("id,key,name,email,role,department,status,max_load,active,status_since\n")
            && csv.contains(",Cy Diaz,cy@example.com,agent,")
            && csv.contains(",away,,true,2026-11-24T09:00:00.000Z\n"),
        "{csv}"
    );
    // A title that is no column's, nor a field, is refused, the titles named beside the
    // fields (the new-user check: `for` and `waiting` work and were never offered).
    let refused = sandbox.cli(&token, &["agents", "--sort", "since"]);
    let said = refused.fails(2, "--sort: unknown field `since`; the fields are:");
    assert!(said.contains("; or a column's title: for\n"), "{said}");
}

/// `scene`, and iv_5 queued before every other, then assigned (to Ana) after every other: it has
/// waited least.
fn scene_with_an_early_one() -> (Sandbox, Workspace, String) {
    let (sandbox, w, token) = scene();
    let early = w.fixed(5, "Eve Early", "web", "Early bird", "2026-11-24T08:30:00Z");
    w.api
        .post(
            &format!("/v1/interventions/{early}/assign"),
            json!({"agent": w.ana}),
        )
        .expect(200);
    (sandbox, w, token)
}

/// WAITING counts from `queued_at` for a queued intervention and from `assigned_at` for an
/// assigned one: `list --sort waiting` orders by that instant, the longest waiting first as
/// the columns of other durations sort (`agents --sort for`, `queues --sort oldest`), and the
/// closed ones, which wait for nothing (`-`), last. It was refused as no field.
#[test]
fn a_list_sorts_by_waiting_as_the_column_counts() {
    let (sandbox, _, token) = scene_with_an_early_one();
    let sorted = |by: &str| {
        sandbox
            .cli(
                &token,
                &["list", "--state", "all", "--sort", by, "-o", "ids"],
            )
            .ok()
    };
    assert_eq!(sorted("queued"), "iv_5\niv_4\niv_1\niv_2\niv_3\n");
    // iv_1 queued since 10:00; iv_2 and iv_5 assigned in this run, iv_2 first.
    assert_eq!(sorted("waiting"), "iv_1\niv_2\niv_5\niv_3\niv_4\n");
    assert_eq!(
        sorted("WAITING"),
        sorted("waiting"),
        "as the table's title reads"
    );
    // Every format holds the rows to sort them alike; `stuck` has no such column.
    let json = sandbox
        .cli(&token, &["list", "--sort", "waiting", "--jq", ".[].id"])
        .ok();
    assert_eq!(json, "iv_1\niv_2\niv_5\n");
    sandbox
        .cli(&token, &["stuck", "--sort", "waiting"])
        .fails(2, "--sort: unknown field `waiting`");
}

/// A leading `-` orders a list the other way, what has none still last (`--sort -waiting`:
/// the longest waiting last, the closed ones after them), and with `--limit N` gives the last
/// N of the ascending order. A new user's `--sort -owner` got clap's "a value is required".
#[test]
fn a_leading_minus_sorts_a_list_descending() {
    let (sandbox, _, token) = scene_with_an_early_one();
    let sorted = |by: &[&str]| {
        sandbox
            .cli(
                &token,
                &[&["list", "--state", "all", "-o", "ids"][..], by].concat(),
            )
            .ok()
    };
    assert_eq!(
        sorted(&["--sort", "queued"]),
        "iv_5\niv_4\niv_1\niv_2\niv_3\n"
    );
    assert_eq!(
        sorted(&["--sort", "-queued"]),
        "iv_3\niv_2\niv_1\niv_4\niv_5\n"
    );
    assert_eq!(
        sorted(&["--sort=-queued_at"]),
        sorted(&["--sort", "-queued"])
    );
    assert_eq!(
        sorted(&["--sort", "-waiting"]),
        "iv_5\niv_2\niv_1\niv_3\niv_4\n"
    );
    // A column's title as the table writes it.
    assert_eq!(
        sorted(&["--sort", "-WAITING"]),
        sorted(&["--sort", "-waiting"])
    );
    assert_eq!(
        sorted(&["--sort", "-queued", "--limit", "2"]),
        "iv_3\niv_2\n",
        "the first two of the descending order, from every match"
    );
    // By the name the table shows (Cy Diaz, Bo Chen, Ana Lima), the queued and the
    // cancelled one (nobody) last.
    assert_eq!(
        sorted(&["--sort", "-owner"]),
        "iv_3\niv_2\niv_5\niv_1\niv_4\n"
    );
    // A flag where the field should be is said as a flag, not an unknown field.
    sandbox
        .cli(&token, &["list", "--sort", "--limit", "2"])
        .fails(2, "a value is required for '--sort <FIELD>'");
    sandbox
        .cli(&token, &["list", "--sort", "-nope"])
        .fails(2, "--sort: unknown field `nope`");
    sandbox
        .cli(&token, &["list", "--sort", "-"])
        .fails(2, "--sort: `-` names no field");
    // The JSON document of `queues` is sorted by jq the same way.
    sandbox
        .cli(&token, &["queues", "--sort", "-count", "-o", "json"])
        .hints("sort its agents with --jq '.agents | sort_by(.count) | reverse'");
}

#[test]
fn actions_print_the_intervention_as_it_now_is() {
    let (sandbox, w, token) = scene();
    snapshot!("assign_me", sandbox.cli(&token, &["assign", "iv_1"]).ok());
    snapshot!(
        "reassign",
        sandbox
            .cli(
                &token,
                &[
                    "reassign",
                    "iv_1",
                    "--to",
                    "cy@example.com",
                    "--reason",
                    "knows the user"
                ]
            )
            .ok()
    );
    let events = w.api.events_of("iv_1");
    assert_eq!(events.last().unwrap()["reason"], "knows the user");
    snapshot!(
        "return",
        sandbox
            .cli(&token, &["return", "iv_1", "--reason", "end of shift"])
            .ok()
    );
    // `assign` records a reason too, as the contract does (it refused `--reason`: new user).
    sandbox
        .cli(
            &token,
            &[
                "assign",
                "iv_1",
                "--to",
                &w.bo,
                "--reason",
                "covers the shift",
            ],
        )
        .ok();
    assert_eq!(
        w.api.events_of("iv_1").last().unwrap()["reason"],
        "covers the shift"
    );
    snapshot!(
        "complete_json",
        sandbox
            .cli(
                &token,
                &[
                    "complete",
                    "iv_1",
                    "--topic",
                    "Login problem",
                    "--outcome",
                    "resolved",
                    "--tag",
                    "Password",
                    "--tag",
                    "vip",
                    "--block",
                    "survey",
                    "-o",
                    "json"
                ]
            )
            .ok()
    );
    snapshot!(
        "cancel",
        sandbox
            .cli(&token, &["cancel", "iv_2", "--reason", "duplicate"])
            .ok()
    );
    assert_eq!(
        w.api.events_of("iv_2").last().unwrap()["reason"],
        "duplicate"
    );
    let whoami = sandbox.cli(&token, &["whoami"]).ok();
    let workspace = w.api.get("/v1/me").expect(200)["workspace"]["id"].clone();
    assert_eq!(
        whoami,
        format!(
            "Sandbox Admin <admin@sandbox.invalid> admin ag_1 in workspace Sandbox ({}) on {}, \
             token from LIVECTL_TOKEN\n",
            workspace.as_str().unwrap(),
            sandbox.url
        )
    );
}

#[test]
fn history_on_a_terminal_and_as_exports() {
    let (sandbox, _, token) = scene();
    let tty = [("LIVECTL_FORCE_TTY", "1")];
    snapshot!(
        "timeline",
        sandbox
            .cli_env(&token, &["history", "us_1", "us_2"], &tty)
            .ok()
    );
    snapshot!(
        "csv",
        sandbox
            .cli(&token, &["history", "Ada Park", "-o", "csv"])
            .ok()
    );
    // A user named twice, by id and by name, is one history (every record came twice).
    assert_eq!(
        sandbox
            .cli(
                &token,
                &["history", "us_1", "Ada Park", "us_1", "-o", "csv"]
            )
            .ok(),
        sandbox.cli(&token, &["history", "us_1", "-o", "csv"]).ok()
    );
    snapshot!(
        "json_all",
        sandbox
            .cli(
                &token,
                &[
                    "history",
                    "--all",
                    "-o",
                    "json",
                    "--since",
                    "2026-11-24T08:00:01Z",
                    "--until",
                    "2026-11-24T08:00:06Z"
                ]
            )
            .ok()
    );
    let ndjson = sandbox
        .cli(&token, &["history", "--all", "-o", "ndjson"])
        .ok();
    assert_eq!(ndjson.lines().count(), 8);
    // JSON exports pass the platform's records on as they came (not decoded); byte for byte
    // they are what the decoding path writes (--sort holds the rows, so it decodes them).
    let decoded = sandbox
        .cli(
            &token,
            &["history", "--all", "-o", "ndjson", "--sort", "at"],
        )
        .ok();
    assert_eq!(ndjson, decoded);

    let path = sandbox.home.path().join("export.csv");
    let run = sandbox.cli(
        &token,
        &[
            "history",
            "user3@example.com",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    assert_eq!(run.ok(), "", "an export to a file prints nothing on stdout");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        sandbox.cli(&token, &["history", "us_3", "-o", "csv"]).ok(),
        "the file is the csv export"
    );
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left behind");
}

#[test]
fn scripting_like_gh_json_fields_jq_sort_and_wide() {
    let (sandbox, w, token) = scene();
    let run = |args: &[&str]| sandbox.cli(&token, args);
    let fields: serde_json::Value =
        serde_json::from_str(&run(&["list", "--state", "all", "--json", "id,state"]).ok()).unwrap();
    assert_eq!(
        fields,
        json!([
            {"id": "iv_1", "state": "queued"},
            {"id": "iv_2", "state": "assigned"},
            {"id": "iv_3", "state": "completed"},
            {"id": "iv_4", "state": "cancelled"}
        ])
    );
    // A field named twice is the field once (it came out null everywhere).
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(
            &run(&["list", "--state", "all", "--json", "id,state,id"]).ok()
        )
        .unwrap(),
        fields
    );
    snapshot!(
        "jq_sorted",
        run(&[
            "list",
            "--state",
            "all",
            "--sort",
            "queued_at",
            "--jq",
            ".[] | \"\\(.id) \\(.queued_at)\""
        ])
        .ok()
    );
    assert_eq!(
        run(&["list", "--state", "all", "--sort", "summary", "-o", "ids"]).ok(),
        "iv_3\niv_1\niv_2\niv_4\n",
        "App crashes, Cannot log in, Charged twice, Wants a refund"
    );
    assert_eq!(run(&["show", "iv_3", "--jq", ".state"]).ok(), "completed\n");
    let shown: serde_json::Value =
        serde_json::from_str(&run(&["show", "iv_2", "--json", "owner,version"]).ok()).unwrap();
    assert_eq!(shown, json!({"owner": "ag_3", "version": 2}));
    assert_eq!(run(&["queues", "--jq", ".general.count"]).ok(), "1\n");
    snapshot!(
        "wide",
        sandbox
            .cli_env(
                &token,
                &["list", "--state", "all", "-o", "wide"],
                &[("COLUMNS", "160")]
            )
            .ok()
    );
    // Into a pipe a table has no width to fit: every row goes whole, a long one too.
    let long = "The invoice for November lists a plan the customer never ordered, twice".repeat(2);
    w.fixed(5, "Eve Long", "web", &long, "2026-11-24T11:55:00Z");
    let piped = run(&["list", "--state", "all", "-o", "wide"]).ok();
    let summaries = run(&["list", "--state", "all", "--jq", ".[].summary"]).ok();
    for summary in summaries.lines() {
        assert!(piped.contains(summary), "{summary} is cut:\n{piped}");
    }
    assert!(!piped.contains('…'), "{piped}");
}

#[test]
fn scripting_flags_given_wrong_name_the_valid_choices() {
    let (sandbox, _, token) = scene();
    let run = |args: &[&str]| sandbox.cli(&token, args);
    run(&["list", "--json"]).fails(2, "--json needs fields: id, conversation_id, user");
    // The example is made of fields the command has.
    run(&["queues", "--json"]).hints("name them comma-separated, such as --json agents,general");
    run(&["list", "--json", "id,colour"]).fails(
        2,
        "--json: unknown field `colour`; the fields are: id, conversation_id",
    );
    run(&["list", "--sort", "colour"]).fails(2, "--sort: unknown field `colour`; the fields are:");
    let stderr = run(&["list", "--jq", ".[] | select(.state == )"])
        .fails(2, "--jq: expected term, found `)` at column 24")
        .to_owned();
    assert!(stderr.contains(".[] | select(.state == )\n"), "{stderr}");
    run(&["list", "--json", "id", "-o", "csv"]).fails(2, "--json and --jq print JSON");
    run(&["show", "iv_1", "--json", "colour"]).fails(2, "unknown field `colour`");
}

#[test]
fn times_for_people_are_in_the_local_zone_unless_utc() {
    let (sandbox, _, token) = scene();
    let tty = |tz: &'static str| [("LIVECTL_FORCE_TTY", "1"), ("TZ", tz)];
    let local = sandbox
        .cli_env(&token, &["show", "iv_1"], &tty("XYZ-3"))
        .ok();
    assert!(
        local.contains("Queued:      2026-11-24 13:00 +03:00 (2h ago)"),
        "{local}"
    );
    let utc = sandbox
        .cli_env(&token, &["show", "iv_1", "--utc"], &tty("XYZ-3"))
        .ok();
    assert!(
        utc.contains("Queued:      2026-11-24 10:00 +00:00 (2h ago)"),
        "{utc}"
    );
    let json = sandbox
        .cli_env(&token, &["show", "iv_1", "-o", "json"], &tty("XYZ-3"))
        .ok();
    assert!(
        json.contains("\"queued_at\": \"2026-11-24T10:00:00.000Z\""),
        "machine output stays UTC"
    );
}

#[test]
fn a_narrow_terminal_gets_one_line_a_row_ending_in_an_ellipsis() {
    let (sandbox, _, token) = scene();
    let narrow = sandbox
        .cli_env(
            &token,
            &["list", "--state", "all"],
            &[("LIVECTL_FORCE_TTY", "1"), ("COLUMNS", "52")],
        )
        .ok();
    snapshot!("narrow", narrow);
    assert_eq!(narrow.lines().count(), 5, "a header and four rows");
    assert!(narrow.lines().all(|l| l.chars().count() <= 52), "{narrow}");
    assert!(narrow.contains('…'), "{narrow}");
    // -o wide's titles too: one line, never a title broken over two.
    let wide = sandbox
        .cli_env(
            &token,
            &["list", "--state", "all", "-o", "wide"],
            &[("LIVECTL_FORCE_TTY", "1"), ("COLUMNS", "80")],
        )
        .ok();
    assert_eq!(wide.lines().count(), 5, "a header and four rows:\n{wide}");
}

#[test]
fn one_action_on_a_terminal_names_the_owner_and_a_refusal_says_who_has_it_now() {
    let (sandbox, _, token) = scene();
    let tty = [("LIVECTL_FORCE_TTY", "1"), ("NO_COLOR", "1")];
    // The table after an action shows the owner by name, as `list` does, not as ag_2.
    snapshot!(
        "assign_one_table",
        sandbox
            .cli_env(&token, &["assign", "iv_1", "--to", "bo"], &tty)
            .ok()
    );
    // Refused because someone else has it: the message says who, the hint names the real id.
    let run = sandbox.cli_env(&token, &["assign", "iv_2", "--to", "cy"], &tty);
    let stderr = run.fails(6, "(now assigned to Bo Chen, version 2)");
    assert!(
        stderr.contains("hint: look at it as it is now with `livectl show iv_2`"),
        "{stderr}"
    );
    // And what moves it (the second new user: only "look at it").
    run.hints(
        "it is assigned already: `livectl reassign iv_2 --to AGENT` moves it to another agent",
    );
    assert!(!stderr.contains("show ID"), "{stderr}");
    // Given to the agent who owns it: by name, once (it said "ag_2 already owns it (now
    // assigned to Bo Chen, version 2)": a new user).
    let run = sandbox.cli_env(&token, &["reassign", "iv_2", "--to", "bo"], &tty);
    let said = run.fails(
        6,
        "error: cannot reassign intervention iv_2: Bo Chen owns it already (version 2); nothing was changed\n",
    );
    assert!(!said.contains("ag_"), "{said}");
    // Through the generic path too (a filter-less conflict via `api`): the real id, no ID.
    let run = sandbox.cli(
        &token,
        &[
            "api",
            "-X",
            "POST",
            "/v1/interventions/iv_2/return",
            "--if-match",
            "1",
        ],
    );
    let stderr = run.fails(6, "version");
    assert!(stderr.contains("`livectl show iv_2`"), "{stderr}");
}

#[test]
fn a_format_a_command_does_not_write_is_refused_not_replaced() {
    let home = crate::harness::Home::new();
    for (args, said) in [
        (
            &["whoami", "-o", "csv"][..],
            "-o csv: this command writes table, json, ndjson",
        ),
        (
            &["status", "-o", "ids"][..],
            "-o ids: this command writes table, json, ndjson",
        ),
        (
            &["api", "/v1/me", "-o", "csv"][..],
            "-o csv: this command writes json, ndjson",
        ),
        (
            &["sandbox", "token", "-o", "json"][..],
            "-o json: this command's output has no format to choose",
        ),
        (
            &["config", "list", "-o", "json"][..],
            "-o json: this command's output has no format to choose",
        ),
        (
            &["watch", "-o", "csv"][..],
            "-o csv: this command writes table, json, ndjson",
        ),
        // A log of decisions: its lines are NDJSON, never one JSON document (it wrote the
        // lines for -o json, which a JSON parser refused: new user).
        (
            &["autopilot", "--once", "--dry-run", "-o", "json"][..],
            "-o json: this command writes table, ndjson",
        ),
        // A stream of changes has no end to sort up to.
        (
            &["watch", "--sort", "id"][..],
            "--sort: a stream of changes never ends, so it cannot be ordered\nhint: leave out --sort; `livectl list --sort FIELD` orders the interventions as they are\n",
        ),
        (
            &["list", "--watch", "--sort", "id"][..],
            "--sort: a stream of changes never ends, so it cannot be ordered\nhint: leave out --sort, or sort a list without --watch\n",
        ),
        // One object, a document or nothing to order: --sort was ignored.
        (
            &["show", "iv_1", "--sort", "owner"][..],
            "--sort: this command writes no list to order",
        ),
        (
            &["whoami", "--sort", "id"][..],
            "--sort: this command writes no list to order",
        ),
        (
            &["status", "--sort", "id"][..],
            "--sort: this command writes no list to order",
        ),
        (
            &["sandbox", "openapi", "--sort", "id"][..],
            "--sort: this command writes no list to order",
        ),
        // The platform's answer as it came: jq sorts it, a list of pages or one page.
        (
            &["api", "/v1/agents", "--paginate", "--sort", "-name"][..],
            "--sort: `api` writes the platform's answer as it came\nhint: sort it with --jq: with --paginate 'sort_by(.name) | reverse', one page '.items | sort_by(.name) | reverse'\n",
        ),
        (
            &["watch", "--json", "id"][..],
            "--json: unknown field `id`; the fields are: type, seq, at, intervention_id, actor, action, from_owner, to_owner, reason, idempotency_key, agent, from, to",
        ),
    ] {
        let run = home.cli(args);
        run.fails(2, said);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
    // What each does write.
    let document = home.cli(&["sandbox", "openapi", "-o", "json"]).ok();
    assert!(serde_json::from_str::<serde_json::Value>(&document).is_ok());
    // The generated documents are shaped as every JSON output is (they were printed whole,
    // the flags ignored, hostile-input check).
    assert_eq!(
        home.cli(&["sandbox", "openapi", "--jq", ".info.title"])
            .ok(),
        "Live Conversations API\n"
    );
    assert_eq!(
        home.cli(&["sandbox", "seed-schema", "--json", "title"])
            .ok(),
        "{\"title\":\"SeedFile\"}\n"
    );
    home.cli(&["sandbox", "seed-schema", "--json", "nope"])
        .fails(2, "--json: unknown field `nope`");
    let me: serde_json::Value =
        serde_json::from_str(&home.cli(&["whoami", "-o", "json"]).ok()).unwrap();
    assert_eq!(me["id"], "ag_1");
    let planned = home
        .cli(&[
            "seed",
            "--generate",
            "interventions=1",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok();
    let planned: serde_json::Value = serde_json::from_str(&planned).unwrap();
    assert_eq!(planned["dry_run"], true);
    assert!(
        planned["would_load"]
            .as_str()
            .unwrap()
            .contains("1 conversations")
    );
    // A profile's default format is a default, not a demand: a command that cannot write it
    // writes its own.
    let config = home.path().join("config/livectl");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[profiles.default]\noutput = \"csv\"\n",
    )
    .unwrap();
    assert!(home.cli(&["whoami"]).ok().contains("Sandbox Admin"));
}

#[test]
fn json_fields_are_checked_before_anything_changes() {
    // Found only as the output was written, a wrong field failed a command that had acted:
    // exit 2 (nothing changed) after a change. Each command that changes data checks them
    // first; the fields it lists are the keys of what it writes.
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let token = api.token.clone();
    let run =
        |args: &[String]| sandbox.cli(&token, &args.iter().map(String::as_str).collect::<Vec<_>>());
    let seed = sandbox.home.path().join("one.yaml");
    std::fs::write(&seed, "departments:\n  - key: sales\n    name: Sales\n").unwrap();
    let seed = seed.to_str().unwrap().to_owned();
    // Each on interventions of its own; `stuck` finds the one queued since 24 November.
    w.fixed(1, "Old Queue", "web", "waiting", "2026-11-24T11:55:00Z");
    let commands = || {
        let (a, b, c, d) = (w.queued(), w.queued(), w.queued(), w.queued());
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        [
            words(&format!("assign {a} --to bo")),
            words(&format!("assign {b} {c} --to bo --yes")),
            words(&format!("assign {d} --to @online")),
            words("status away"),
            vec!["seed".to_owned(), seed.clone()],
            words("stuck --fix cancel --yes"),
        ]
    };
    let with = |args: &[String], more: &[&str]| {
        let mut all = args.to_vec();
        all.extend(more.iter().map(|s| (*s).to_owned()));
        all
    };
    for args in commands() {
        let before = api.everything();
        let refused = run(&with(&args, &["--json", "nope"]));
        refused.fails(2, "--json: unknown field `nope`; the fields are: ");
        assert_eq!(api.everything(), before, "{args:?} changed nothing");
    }
    // What each lists is what it writes.
    for args in commands() {
        let fields = run(&with(&args, &["--json", "nope"])).stderr;
        let mut listed: Vec<String> = fields
            .lines()
            .next()
            .unwrap()
            .split("the fields are: ")
            .nth(1)
            .unwrap()
            .split(", ")
            .map(str::to_owned)
            .collect();
        listed.sort_unstable();
        let written: serde_json::Value =
            serde_json::from_str(&run(&with(&args, &["-o", "json"])).ok()).unwrap();
        let keys: Vec<String> = written.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, listed, "{args:?}");
    }
    // A jq program that fails on an action's answer: the action stands, and says so.
    let failing = w.queued();
    let jq = run(&with(
        &[
            "assign".to_owned(),
            failing.clone(),
            "--to".to_owned(),
            "bo".to_owned(),
        ],
        &["--jq", "error(\"stop\")"],
    ));
    jq.fails(1, "jq: ");
    jq.hints(&format!(
        "{failing} was done all the same: only its output failed"
    ));
    assert_eq!(api.intervention(&failing)["state"], "assigned");
    let (c, d) = (w.queued(), w.queued());
    let jq = run(&with(
        &[
            "assign".to_owned(),
            c.clone(),
            d.clone(),
            "--to".to_owned(),
            "bo".to_owned(),
            "--yes".to_owned(),
        ],
        &["--jq", "error(\"stop\")"],
    ));
    jq.fails(1, "assign: 2 done, 0 skipped, 0 failed of 2");
    jq.hints("the run ended as its line above says: only its output failed");
    // Without --json, a run lists the items that did not go well: --sort names their fields.
    for format in [&[][..], &["-o", "json"][..]] {
        let (a, b) = (w.queued(), w.queued());
        let run = run(&with(
            &[
                &["assign", &a, &b, "--to", "bo", "--yes", "--sort", "result"][..],
                format,
            ]
            .concat()
            .iter()
            .map(|s| (*s).to_owned())
            .collect::<Vec<_>>(),
            &[],
        ));
        assert_eq!(run.code, 0, "{format:?}: {}", run.stderr);
    }
}

#[test]
fn version_as_a_command_says_what_the_flag_says() {
    let home = crate::harness::Home::new();
    let flag = home.cli(&["--version"]);
    assert_eq!(
        flag.stdout,
        format!("livectl {}\n", env!("CARGO_PKG_VERSION"))
    );
    let command = home.cli(&["version"]);
    assert_eq!((command.code, command.stdout), (0, flag.stdout));
    assert_eq!(command.stderr, "", "no platform is reached for it");
}

/// `--sort` on a field the table shows by name (a user, an owner, a department, an event's
/// actor) orders by that name, in every format: not by the user object's JSON, not by ids.
#[test]
fn a_field_shown_by_name_sorts_by_the_name() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Users named against their ids' order, and on channels against it too: Zoe (web) is
    // us_1, Ada (whatsapp) us_2, Max (sms) us_3.
    let zoe = w.fixed(1, "Zoe Park", "web", "First", "2026-11-24T09:00:00Z");
    let ada = w.fixed(2, "Ada Byrne", "whatsapp", "Second", "2026-11-24T09:01:00Z");
    let max = w.fixed(3, "Max Ito", "sms", "Third", "2026-11-24T09:02:00Z");
    // Owners named against their ids' order: Aaron (the newest agent) before Bo and Cy.
    let aaron = api
        .post(
            "/v1/agents",
            json!({"key": "aaron", "name": "Aaron Abe", "email": "aaron@example.com", "department": w.support}),
        )
        .expect(201)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (id, agent) in [(&zoe, &w.cy), (&ada, &w.bo), (&max, &aaron)] {
        api.post(
            &format!("/v1/interventions/{id}/assign"),
            json!({"agent": agent}),
        )
        .expect(200);
    }
    let token = sandbox.home.token(None);
    let sorted = |field: &str, format: &[&str]| {
        let out = sandbox
            .cli(&token, &[&["list", "--sort", field][..], format].concat())
            .ok();
        // The id is each line's first value (CSV's header left out).
        out.lines()
            .filter(|l| !l.starts_with("id,"))
            .map(|l| l.split(',').next().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    for format in [&["-o", "ids"][..], &["--jq", ".[].id"], &["-o", "csv"]] {
        assert_eq!(
            sorted("user", format),
            [&ada, &max, &zoe].map(String::as_str),
            "{format:?}"
        );
        assert_eq!(
            sorted("owner", format),
            [&max, &ada, &zoe].map(String::as_str),
            "{format:?}"
        );
    }
    // On a terminal, the table's rows go in the order of its column.
    let table = sandbox
        .cli_env(
            &token,
            &["list", "--sort", "user"],
            &[("LIVECTL_FORCE_TTY", "1")],
        )
        .ok();
    let at = |name: &str| table.find(name).unwrap();
    assert!(
        at("Ada Byrne") < at("Max Ito") && at("Max Ito") < at("Zoe Park"),
        "{table}"
    );
    // Piped, sorted by the owners' names, each line still holds the owner's id, as it does
    // unsorted (the new-user check: `--sort`, even `--sort id`, turned them into names).
    for field in ["owner", "id"] {
        let plain = sandbox.cli(&token, &["list", "--sort", field]).ok();
        let owners: Vec<&str> = plain
            .lines()
            .map(|l| l.split('\t').nth(2).unwrap())
            .collect();
        let mut expected = vec![aaron.as_str(), w.bo.as_str(), w.cy.as_str()];
        if field == "id" {
            expected = vec![w.cy.as_str(), w.bo.as_str(), aaron.as_str()];
        }
        assert_eq!(owners, expected, "{plain}");
    }
    let departments = sandbox.cli(&token, &["agents", "--sort", "name"]).ok();
    assert!(
        departments.lines().all(|l| !l.contains("\tSupport\t")),
        "{departments}"
    );
    assert!(
        departments.contains(&format!("\t{}\t", w.support)),
        "{departments}"
    );
}

/// Tags are trimmed and lower-cased, so `--tag 'a b' --tag ' A B'` are one tag: kept once, and
/// said so on stderr, naming the spellings merged (a repeat spelt alike is plainly one).
#[test]
fn tags_that_are_one_tag_are_kept_once_and_said_so() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let token = api.token.clone();
    let run = sandbox.cli(
        &token,
        &[
            "complete",
            &id,
            "--topic",
            "login",
            "--outcome",
            "resolved",
            "--tag",
            "a b",
            "--tag",
            " A B",
            "--tag",
            "vip",
            "--tag",
            "vip",
            "--tag",
            "VIP",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "--tag: `a b` and ` A B` are one tag, `a b` (tags are trimmed and lower-cased): kept once\n\
         --tag: `vip` and `VIP` are one tag, `vip` (tags are trimmed and lower-cased): kept once\n"
    );
    assert_eq!(
        api.intervention(&id)["completion"]["tags"],
        json!(["a b", "vip"])
    );
    // -q keeps it to itself.
    let quiet = w.in_state("assigned");
    let run = sandbox.cli(
        &token,
        &[
            "complete",
            &quiet,
            "--topic",
            "login",
            "--outcome",
            "resolved",
            "--tag",
            "x",
            "--tag",
            "X",
            "-q",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

/// `--sort` with a `--limit` sorted the first page fetched and wrote it: not the first by the
/// sort of every match (new user: `list --sort waiting --limit 3` gave three fetched first,
/// re-ordered). The first N by the sort are the first N of the whole list sorted.
#[test]
fn a_sorted_list_cut_by_limit_is_the_first_of_every_match() {
    let home = crate::harness::Home::new();
    let all: Vec<String> = home
        .cli(&["list", "--all", "--sort", "waiting", "-o", "ids"])
        .ok()
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(all.len() > 3, "{all:?}");
    let run = home.cli(&["list", "--sort", "waiting", "--limit", "3", "-o", "ids"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), all[..3]);
    assert!(
        run.stderr.contains(&format!(
            "showing the first 3 by --sort of the {} that match",
            all.len()
        )),
        "{}",
        run.stderr
    );
    // By a field many share: ties keep the order they came in, cut or not.
    let by_state: Vec<String> = home
        .cli(&["list", "--all", "--sort", "state", "-o", "ids"])
        .ok()
        .lines()
        .map(str::to_owned)
        .collect();
    let cut = home
        .cli(&["list", "--sort", "state", "--limit", "2", "-o", "ids"])
        .ok();
    assert_eq!(cut.lines().collect::<Vec<_>>(), by_state[..2]);
}
