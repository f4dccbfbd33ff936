//! With nothing configured, livectl serves the sandbox in-process from the user's data directory.

use crate::harness::{Home, Run};

#[test]
fn a_fresh_home_gets_the_demo_and_two_runs_see_each_other() {
    let home = Home::new();
    let db = home.path().join("data/livectl/sandbox.db");
    let first = home.cli(&["queues"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(
        first.stderr,
        format!(
            "livectl: using the embedded sandbox {} (new, with demo data); connect to a real platform with `livectl login`\n",
            db.display()
        )
    );
    assert!(
        first.stdout.starts_with("general\t-\t-\t8\t"),
        "{}",
        first.stdout
    );
    assert!(db.exists());

    let assign = home.cli(&["assign", "iv_3", "--to", "bo", "-o", "ids"]);
    assert_eq!(assign.stdout, "iv_3\n", "{}", assign.stderr);
    assert!(
        !assign.stderr.contains("new, with demo data"),
        "the demo is loaded only once"
    );
    let shown = home.cli(&["show", "iv_3", "-o", "json"]);
    let value: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(
        (value["state"].as_str(), value["owner"].as_str()),
        (Some("assigned"), Some("ag_3"))
    );
    let me: serde_json::Value =
        serde_json::from_str(&home.cli(&["whoami", "-q", "-o", "json"]).ok()).unwrap();
    let workspace = me["workspace"]["id"].as_str().unwrap().to_owned();
    assert!(workspace.starts_with("ws_"), "{me}");
    let whoami = home.cli(&["whoami", "-q"]);
    assert_eq!(
        whoami.stdout,
        format!(
            "Sandbox Admin <admin@sandbox.invalid> admin ag_1 in workspace Sandbox ({workspace}) on the embedded sandbox {}\n",
            db.display()
        )
    );
    assert_eq!(whoami.stderr, "", "--quiet silences the note");
    #[cfg(unix)]
    {
        let token = home.path().join("data/livectl/sandbox.token");
        assert_eq!(crate::harness::mode(&token), 0o600);
    }
}

#[test]
fn the_embedded_notice_is_given_once_a_day_and_always_with_verbose() {
    let home = Home::new();
    assert!(
        home.cli(&["queues"])
            .stderr
            .contains("(new, with demo data)")
    );
    let again = home.cli(&["queues"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stderr, "", "said once a day");
    let verbose = home.cli(&["queues", "-v"]);
    assert!(
        verbose
            .stderr
            .contains("livectl: using the embedded sandbox"),
        "{}",
        verbose.stderr
    );
    // Another day: the marker names a day that is not today.
    std::fs::write(
        home.path().join("state/livectl/embedded-notice"),
        "2026-01-01",
    )
    .unwrap();
    // Asked for with --sandbox: no reminder that a platform is elsewhere (a saved profile
    // is not used), only what -v says, without the login suggestion.
    std::fs::write(
        home.path().join("state/livectl/embedded-notice"),
        "2026-01-01",
    )
    .unwrap();
    assert_eq!(home.cli(&["--sandbox", "queues"]).stderr, "");
    let verbose = home.cli(&["--sandbox", "queues", "-v"]).stderr;
    let db = home.path().join("data/livectl/sandbox.db");
    assert!(
        verbose.starts_with(&format!(
            "livectl: using the embedded sandbox {}\n",
            db.display()
        )),
        "{verbose}"
    );
    assert!(
        home.cli(&["queues"])
            .stderr
            .contains("using the embedded sandbox")
    );
}

/// With profiles that name platforms and none applying (the default one unset or removed), a
/// run on the embedded sandbox says so every time, naming them: a tester's `whoami` after
/// `config unset default_profile` acted on the demo silently, the day's notice spent earlier.
#[test]
fn profiles_with_platforms_but_none_applying_are_named_on_every_run() {
    let home = Home::new();
    home.cli(&["queues"]).ok();
    let dir = home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[profiles.prod]\napi_url = \"https://live.example.com\"\n\n[profiles.'on call']\napi_url = \"https://oncall.example.com\"\n",
    )
    .unwrap();
    let db = home.path().join("data/livectl/sandbox.db");
    let said = format!(
        "livectl: using the embedded sandbox {}, not a platform: no profile applies, as no default_profile is set and no profile is named `default`; `livectl config use NAME` chooses one (profiles with a platform: 'on call', prod)\n",
        db.display()
    );
    for _ in 0..2 {
        let run = home.cli(&["whoami"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, said);
    }
    // The default profile holds settings alone: the same, with that reason.
    std::fs::write(
        dir.join("config.toml"),
        "default_profile = \"notes\"\n\n[profiles.notes]\noutput = \"json\"\n\n[profiles.prod]\napi_url = \"https://live.example.com\"\n",
    )
    .unwrap();
    assert_eq!(
        home.cli(&["whoami"]).stderr,
        format!(
            "livectl: using the embedded sandbox {}, not a platform: profile `notes` has no api_url (profiles with a platform: prod)\n",
            db.display()
        )
    );
    assert_eq!(
        home.cli(&["whoami", "-q"]).stderr,
        "",
        "--quiet silences it"
    );
    assert_eq!(home.cli(&["--sandbox", "whoami"]).stderr, "", "asked for");
}

#[test]
fn sandbox_and_api_url_on_one_command_line_are_refused() {
    let home = Home::new();
    let both = home.cli(&["--sandbox", "--api-url", "http://127.0.0.1:1", "whoami"]);
    both.fails(
        2,
        "--sandbox and --api-url http://127.0.0.1:1 name two platforms",
    );
    both.hints("give one of them");
    home.cli(&["--sandbox", "--profile", "nope", "whoami"])
        .fails(2, "--sandbox and --profile nope name two platforms");
    // The variable is what --sandbox overrides, as a profile is.
    let over = Run::from(
        home.livectl()
            .env("LIVECTL_API_URL", "http://127.0.0.1:1")
            .args(["--sandbox", "whoami"])
            .output()
            .unwrap(),
    );
    assert!(over.ok().contains("on the embedded sandbox"));
}

/// With a default profile, `sandbox token --agent` for an agent the embedded sandbox's database
/// does not have hinted `livectl agents`, which lists the profile's platform's agents: the hint
/// names this database's agents, read from the file (a deactivated one, which gets no token,
/// left out).
#[test]
fn an_agent_not_in_the_embedded_sandbox_is_hinted_with_its_agents() {
    let home = Home::new();
    home.cli(&["queues"]).ok();
    home.cli(&[
        "--profile",
        "prod",
        "config",
        "set",
        "api_url",
        "http://127.0.0.1:1",
    ])
    .ok();
    home.cli(&["config", "set", "default_profile", "prod"]).ok();
    let missing = home.cli(&["sandbox", "token", "--agent", "Nobody Here"]);
    assert_eq!((missing.code, missing.stdout.as_str()), (5, ""));
    insta::assert_snapshot!(missing.stderr, @r"
    error: --agent: no agent is called `Nobody Here`
    hint: an agent is an id, a key, an email or a unique name; this database's agents are: ag_1, ana, bo, sam, dee, eli, fay
    ");
    // `livectl agents` would ask the profile's platform.
    home.cli(&["agents"])
        .fails(4, "no token for http://127.0.0.1:1");
    // Eli deactivated: not offered.
    home.cli(&[
        "--sandbox",
        "api",
        "/v1/agents",
        "-f",
        "key=eli",
        "-f",
        "name=Eli Novak",
        "-f",
        "email=eli@demo.livectl.invalid",
        "-F",
        "active=false",
    ])
    .ok();
    let missing = home.cli(&["sandbox", "token", "--agent", "Nobody Here"]);
    missing.hints("an agent is an id, a key, an email or a unique name; this database's agents are: ag_1, ana, bo, sam, dee, fay");
    // A name it does have makes a token.
    let sam = home
        .cli(&["sandbox", "token", "--agent", "Sam Okafor"])
        .ok();
    assert!(sam.starts_with("lvs_"), "{sam}");
}

/// LIVECTL_TOKEN overrides on the embedded sandbox too: an agent's token acts as that agent.
/// It was ignored, and a run testing an agent's role read everyone's history as the admin.
#[test]
fn livectl_token_acts_as_its_agent_on_the_embedded_sandbox() {
    let home = Home::new();
    home.cli(&["queues"]).ok();
    let bo = home.cli(&["sandbox", "token", "--agent", "bo"]).ok();
    let as_token = |token: &str, args: &[&str]| {
        let out = home
            .livectl()
            .env("LIVECTL_TOKEN", token.trim())
            .args(args)
            .output()
            .unwrap();
        Run::from(out)
    };
    let whoami = as_token(&bo, &["whoami"]).ok();
    assert!(
        whoami.starts_with("Bo Chen <bo@demo.livectl.invalid> agent ag_3"),
        "{whoami}"
    );
    assert!(whoami.ends_with(", token from LIVECTL_TOKEN\n"), "{whoami}");
    let refused = as_token(&bo, &["history", "--all", "-o", "csv"]);
    refused.fails(4, "only an admin may read everyone's history");
    assert!(
        !refused.stderr.contains("LIVECTL_TOKEN"),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.stdout, "");
    let refused = as_token("lvs_not_a_token", &["whoami"]);
    // Not "log in again", nor the sandbox's own "giving the --db it serves": the variable is
    // what to look at.
    assert_eq!(
        refused.stderr,
        "error: the embedded sandbox does not know the token in LIVECTL_TOKEN\n\
         hint: unset LIVECTL_TOKEN to act as the sandbox's admin, or pass --sandbox (which ignores it)\n"
    );
    assert_eq!(refused.code, 4);
    // --sandbox overrides the variables: a platform's token set for a CI job is not sent.
    let run = as_token("lvs_not_a_token", &["--sandbox", "whoami"]);
    // Said, so a run testing an agent's role knows it acts as the admin (the second new user).
    assert!(
        run.stderr.contains(
            "livectl: --sandbox does not use LIVECTL_TOKEN (it may be another platform's): this run acts as the sandbox's admin"
        ),
        "{}",
        run.stderr
    );
    let admin = run.ok();
    assert!(admin.starts_with("Sandbox Admin"), "{admin}");
    assert!(!admin.contains("LIVECTL_TOKEN"), "{admin}");
}

/// Commands started side by side on a new HOME (a CI job's first steps) each loaded the demo
/// into the one file, and one that opened it between its creation and its data listed an
/// empty workspace (hostile-input check). Each now sees the whole demo, and one made it.
#[test]
fn commands_side_by_side_on_a_new_home_each_see_the_whole_demo() {
    for _ in 0..3 {
        let home = Home::new();
        let children: Vec<_> = (0..6)
            .map(|_| {
                home.livectl()
                    .args(["agents", "-o", "ids"])
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let runs: Vec<Run> = children
            .into_iter()
            .map(|child| Run::from(child.wait_with_output().unwrap()))
            .collect();
        let mut made = 0;
        for run in runs {
            made += usize::from(run.stderr.contains("(new, with demo data)"));
            assert_eq!(run.ok().lines().count(), 7, "the demo's seven agents");
        }
        assert_eq!(made, 1, "one run made the demo");
        let left: Vec<_> = std::fs::read_dir(home.path().join("data/livectl"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(
            left.iter().all(|name| name.starts_with("sandbox.")),
            "nothing beside the database and its token: {left:?}"
        );
    }
}
