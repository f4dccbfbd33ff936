//! `livectl api`: any endpoint, with the run's token, retries and idempotency keys, as `gh api`.

use serde_json::{Value, json};

use crate::harness::*;

fn json_of(run: Run) -> Value {
    serde_json::from_str(&run.ok()).expect("livectl api prints JSON")
}

#[test]
fn reads_any_endpoint_as_the_api_answers_it() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let token = sandbox.home.token(None);
    let printed = json_of(sandbox.cli(&token, &["api", &format!("/v1/interventions/{id}")]));
    assert_eq!(printed, api.intervention(&id));
    // --jq shapes it, strings raw; @tsv works as in jq.
    let out = sandbox
        .cli(
            &token,
            &[
                "api",
                "v1/agents",
                "--jq",
                ".items[] | [.name, .role] | @tsv",
            ],
        )
        .ok();
    assert!(out.contains("Bo Chen\tagent\n"), "{out}");
    // -i: the status line and headers, then the body.
    let out = sandbox
        .cli(&token, &["api", "-i", &format!("/v1/interventions/{id}")])
        .ok();
    assert!(out.starts_with("HTTP 200 OK\n"), "{out}");
    assert!(out.contains("\netag: \"1\"\n"), "{out}");
    // An error answer is shown too, then fails as it would without -i: a 401's
    // `WWW-Authenticate` is what one looks for.
    let refused = sandbox.cli("lvs_not_a_token", &["api", "-i", "/v1/me"]);
    let stderr = refused.fails(4, "");
    assert!(
        refused.stdout.starts_with("HTTP 401 Unauthorized\n"),
        "{}",
        refused.stdout
    );
    assert!(
        refused.stdout.contains("\nwww-authenticate: Bearer"),
        "{}",
        refused.stdout
    );
    let body = &refused.stdout[refused.stdout.find("\n\n").unwrap() + 2..];
    let problem: serde_json::Value = serde_json::from_str(body).unwrap();
    assert_eq!(problem["code"], "unauthorized");
    assert!(stderr.starts_with("error: "), "{stderr}");
}

#[test]
fn acts_with_fields_if_match_and_one_key_per_request() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let token = sandbox.home.token(None);
    let version = api.intervention(&id)["version"]
        .as_i64()
        .unwrap()
        .to_string();
    let path = format!("/v1/interventions/{id}/reassign");
    let moved = json_of(sandbox.cli(
        &token,
        &[
            "api",
            &path,
            "-f",
            &format!("agent={}", w.cy),
            "-f",
            "reason=handover",
            "--if-match",
            &version,
        ],
    ));
    assert_eq!(moved["owner"], json!(w.cy));
    // The same version again: the intervention changed meanwhile, exit 6, nothing done.
    sandbox
        .cli(
            &token,
            &[
                "api",
                &path,
                "-f",
                &format!("agent={}", w.ana),
                "--if-match",
                &version,
            ],
        )
        .fails(6, "");
    assert_eq!(api.intervention(&id)["owner"], json!(w.cy));
    // A number that is no version is said in words before anything is sent (it said "number
    // too large to fit in target type"); 0 and -1 are sent as given, for the platform to judge.
    for wrong in ["x", "99999999999999999999"] {
        sandbox
            .cli(&token, &["api", &path, "-f", "agent=x", "--if-match", wrong])
            .fails(
                2,
                &format!("for '--if-match <VERSION>': `{wrong}` is not a whole number that fits a version; give one such as 3"),
            );
    }
    sandbox
        .cli(
            &token,
            &[
                "api",
                &path,
                "-f",
                &format!("agent={}", w.ana),
                "--if-match",
                "-1",
            ],
        )
        .fails(2, "If-Match must be a version (a whole number from 1)");
    // One key sent twice acts once: the second answer is the first replayed.
    let assign = |key: &str| {
        let id = w.queued();
        let path = format!("/v1/interventions/{id}/assign");
        let args = [
            "api",
            path.as_str(),
            "-f",
            &format!("agent={}", w.bo),
            "--idempotency-key",
            key,
        ];
        (
            id.clone(),
            sandbox.cli(&token, &args),
            sandbox.cli(&token, &args),
        )
    };
    let (other, first, again) = assign("api-test-key-1");
    assert_eq!(json_of(first), json_of(again));
    let assigned: Vec<Value> = api
        .all("/v1/audit?action=assigned")
        .into_iter()
        .filter(|e| e["intervention_id"] == json!(other))
        .collect();
    assert_eq!(assigned.len(), 1, "{assigned:?}");
    // Typed fields and lists: tags[] builds a list, -F makes JSON of literals.
    let done = json_of(sandbox.cli(
        &token,
        &[
            "api",
            &format!("/v1/interventions/{other}/complete"),
            "-f",
            &format!("topic={}", w.topic),
            "-f",
            &format!("outcome={}", w.outcome),
            "-f",
            "tags[]=vip",
            "-f",
            "tags[]=refund",
        ],
    ));
    assert_eq!(done["state"], json!("completed"));
    assert_eq!(done["completion"]["tags"], json!(["vip", "refund"]));
}

#[test]
fn paginates_to_the_last_page() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..5).map(|_| w.queued()).collect();
    let token = sandbox.home.token(None);
    let all = json_of(sandbox.cli(
        &token,
        &[
            "api",
            "/v1/interventions?limit=2",
            "--paginate",
            "--jq",
            "map(.id)",
        ],
    ));
    assert_eq!(all, json!(ids));
    // Without --paginate, the first page as the API answers it.
    let page = json_of(sandbox.cli(&token, &["api", "/v1/interventions?limit=2"]));
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert!(page["next_cursor"].is_string());
    // A resource is not a list.
    sandbox
        .cli(&token, &["api", "/v1/me", "--paginate"])
        .fails(2, "is not one (it has no `items`)");
}

#[test]
fn error_answers_exit_with_their_kind_and_never_show_the_token() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    sandbox
        .cli(&token, &["api", "/v1/interventions/iv_999"])
        .fails(5, "iv_999");
    sandbox.cli("not-a-token", &["api", "/v1/me"]).fails(4, "");
    // The platform's problem with a value given (400, 422) is a value given wrong: exit 2, as
    // livectl's own checks say it (it was 1, a platform failing).
    sandbox
        .cli(&token, &["api", "/v1/interventions?state=bogus"])
        .fails(2, "state: `bogus` is not one of");
    sandbox
        .cli(
            &token,
            &["api", "--paginate", "/v1/interventions?state=bogus"],
        )
        .fails(2, "state: `bogus` is not one of");
    let w = Workspace::new(&sandbox.api());
    let waiting = w.queued();
    sandbox
        .cli(
            &token,
            &[
                "api",
                &format!("/v1/interventions/{waiting}/assign"),
                "-f",
                "agent=ag_999",
            ],
        )
        .fails(2, "agent `ag_999` does not exist");
    // An action's path read with GET: the method is what is wrong, and -X gives it. The
    // method is the user's as the fields are, and nothing changed: exit 2, as for a value
    // given wrong (it was 1, an error of livectl's own request).
    for include in [&[][..], &["-i"][..]] {
        let get = sandbox.cli(
            &token,
            &[&["api", "/v1/interventions/iv_1/return"][..], include].concat(),
        );
        get.fails(2, "GET is not allowed on /v1/interventions/iv_1/return");
        get.hints("give the method with -X, such as -X POST for an action");
    }
    // A change's answer printed wrong (a field only the answer could check): the change
    // stands, and the exit is not usage's "nothing changed".
    let queued = w.queued();
    let shaped = sandbox.cli(
        &token,
        &[
            "api",
            &format!("/v1/interventions/{queued}/assign"),
            "-f",
            "agent=ag_1",
            "--json",
            "nope",
        ],
    );
    shaped.fails(1, "--json: unknown field `nope`");
    shaped.hints("the POST was sent and done all the same: only its output failed");
    assert_eq!(sandbox.api().intervention(&queued)["state"], "assigned");
    // Fields make it a POST already: no hint to send what was sent, but that a listing's
    // filters are a GET's query (the error named no fix: automation check).
    let posted = sandbox.cli(&token, &["api", "/v1/me", "-f", "x=1"]);
    posted.fails(2, "POST is not allowed on /v1/me");
    assert!(
        !posted.stderr.contains("hint: give the method"),
        "{}",
        posted.stderr
    );
    posted.hints("fields make a POST, as with gh api; give -X GET to send them as the query");
    let run = sandbox.cli(&token, &["api", "/v1/me", "-vvv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("GET "),
        "-vvv logs the request: {}",
        run.stderr
    );
    assert!(!run.stderr.contains(&token) && !run.stdout.contains(&token));
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let home = Home::new();
    // No server listens here: exit 2 (not a connection failure) proves nothing was sent.
    let run = |args: &[&str]| home.cli_at("http://127.0.0.1:9", "t", args);
    run(&["api", "/v2/interventions"]).fails(2, "outside /v1/");
    run(&["api", "https://example.com/v1/me"]).fails(2, "give the path alone");
    run(&["api", "/v1/../admin"]).fails(2, "`..` segment");
    run(&["api", "/v1/events"]).fails(2, "livectl watch --json");
    run(&["api", "/v1/x", "-f", "reason"]).fails(2, "give KEY=VALUE");
    run(&["api", "/v1/x", "-f", "=x"]).fails(2, "no usable KEY");
    run(&["api", "/v1/x", "-f", "a=1", "-f", "a=2"]).fails(2, "given twice");
    run(&["api", "/v1/x", "-X", "POST", "--paginate"]).fails(2, "take GET, not POST");
    run(&["api", "/v1/x", "-X", "TRACE"]).fails(2, "possible values");
    run(&["api", "/v1/x", "--idempotency-key", "a b"]).fails(2, "visible ASCII");
    run(&["api", "/v1/x", "-F", "a=@/nonexistent/file"]).fails(
        2,
        "cannot read /nonexistent/file for field a: No such file or directory (os error 2); nothing was sent",
    );
    // A number JSON would carry as another (0.0, 1.0) is refused, not sent changed.
    run(&["api", "/v1/x", "-F", "n=1e-999"]).fails(
        2,
        "error: -F n=1e-999: the number cannot be sent exactly: it would go out as 0.0; -f n=1e-999 sends it as text",
    );
    run(&["api", "/v1/x", "-F", "n=1.00000000000000000001"]).fails(
        2,
        "-F n=1.00000000000000000001: the number cannot be sent exactly: it would go out as 1.0",
    );
    let bad = home.path().join("body.json");
    std::fs::write(&bad, "{\"reason\": ").unwrap();
    run(&["api", "/v1/x", "--input", bad.to_str().unwrap()]).fails(2, "body.json is not JSON");
    run(&[
        "api",
        "/v1/x",
        "--input",
        bad.to_str().unwrap(),
        "-X",
        "GET",
    ])
    .fails(2, "--input is a body");
}

#[test]
fn include_fails_with_the_platforms_error_when_its_reader_is_gone() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    // A reader that closed before anything was written: each write fails.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &token)
        .args(["api", "-i", "/v1/interventions/iv_9999"])
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_body_that_is_not_json_goes_to_a_pipe_as_it_came_and_to_a_terminal_made_safe() {
    let body = "line1\r\nline2\tx \u{1b}[31mred\n";
    let url = crate::cli_errors::impostor("200 OK", "text/plain", body, 4);
    let home = Home::new();
    let run_with = |env: &[(&str, &str)], more: &[&str]| {
        Run::from(
            home.livectl()
                .env("LIVECTL_API_URL", &url)
                .env("LIVECTL_TOKEN", "t")
                .envs(env.iter().copied())
                .args(["api", "/v1/plain"])
                .args(more)
                .output()
                .unwrap(),
        )
    };
    let run = |env: &[(&str, &str)]| run_with(env, &[]);
    assert_eq!(run(&[]).ok(), body, "exact, as gh api writes it");
    let shown = run(&[("LIVECTL_FORCE_TTY", "1")]).ok();
    assert_eq!(
        shown, "line1\nline2\tx \\u{1b}[31mred\n",
        "lines kept, escapes shown"
    );
    // --jq and --json shape JSON: on text they fail rather than pass it off as their output.
    for shape in [&["--jq", ".id"][..], &["--json", "id"]] {
        let shaped = run_with(&[], shape);
        shaped.fails(1, "the answer is not JSON");
        assert_eq!(shaped.stdout, "", "{shape:?}");
    }
}
