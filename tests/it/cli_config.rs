//! Profiles, login, logout, whoami and config; credentials kept private.

use crate::harness::{Sandbox, Workspace};

/// The id of the sandbox's workspace, which `login` writes into the profile.
fn workspace_id(sandbox: &Sandbox) -> String {
    sandbox.api().get("/v1/me").expect(200)["workspace"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn login(sandbox: &Sandbox, token: &str, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["login", "--token-stdin", "--api-url", &sandbox.url];
    all.extend(args);
    // No LIVECTL_TOKEN here: the token comes only from stdin.
    sandbox.cli_stdin("", &all, &format!("{token}\n"))
}

/// `livectl login --token-stdin --api-url URL ARGS` started in `home`, `token` written to it.
fn login_started(
    home: &crate::harness::Home,
    url: &str,
    token: &str,
    args: &[&str],
) -> std::process::Child {
    let login = [&["login", "--token-stdin", "--api-url", url][..], args].concat();
    started(home, &login, &format!("{token}\n"))
}

/// Stores `token` as the saved token of every profile, as a hand edit would; the file's path.
fn store_token(home: &crate::harness::Home, token: &str) -> std::path::PathBuf {
    let saved = home.path().join("config/livectl/credentials.toml");
    let text = std::fs::read_to_string(&saved).unwrap();
    let edited: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("token") {
                format!("token = {token:?}")
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&saved, edited.join("\n")).unwrap();
    saved
}

/// `livectl ARGS` as typed in a shell of `home`, no LIVECTL_* variable set, `input` on stdin.
fn typed(home: &crate::harness::Home, args: &[&str], input: &str) -> crate::harness::Run {
    crate::harness::Run::from(started(home, args, input).wait_with_output().unwrap())
}

/// `livectl ARGS` started in `home`, no LIVECTL_* variable set, `input` written to its stdin.
fn started(home: &crate::harness::Home, args: &[&str], input: &str) -> std::process::Child {
    use std::io::Write;
    let mut child = home
        .livectl()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A run that refuses before it reads stdin (a blank profile) may close it first.
    match child.stdin.take().unwrap().write_all(input.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    child
}

/// A profile's `workspace` had no effect (last session's note). `login` now writes the token's
/// workspace there, and a profile that names one refuses a token of another, saving nothing:
/// a staging token pasted into the production profile is caught at once.
#[test]
fn login_records_the_workspace_and_refuses_a_token_of_another() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.home.token(None);
    let workspace = sandbox.api().get("/v1/me").expect(200)["workspace"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let config = sandbox.home.path().join("config/livectl/config.toml");
    let credentials = sandbox.home.path().join("config/livectl/credentials.toml");
    let set = |value: &str| {
        let out = sandbox
            .home
            .run(&["--profile", "work", "config", "set", "workspace", value]);
        assert!(out.status.success(), "{out:?}");
    };
    set("acme");
    let before = std::fs::read_to_string(&config).unwrap();
    let run = login(&sandbox, &admin, &["--profile", "work"]);
    run.fails(
        2,
        &format!(
            "the token belongs to workspace Sandbox ({workspace}), and profile `work` is for workspace acme; nothing was saved"
        ),
    );
    run.hints("log in with a token of that workspace, or forget the profile's with `livectl config --profile work unset workspace` first");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);
    assert!(!credentials.exists(), "no token saved");
    // Its name in another case, or its id, names it: kept as written.
    for named in ["SANDBOX", workspace.as_str()] {
        set(named);
        let run = login(&sandbox, &admin, &["--profile", "work"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let written = std::fs::read_to_string(&config).unwrap();
        assert!(
            written.contains(&format!("workspace = \"{named}\"")),
            "{written}"
        );
    }
    // A profile naming none gets the token's.
    let run = login(&sandbox, &admin, &["--profile", "new"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown = sandbox
        .home
        .run(&["--profile", "new", "config", "get", "workspace"]);
    assert_eq!(
        String::from_utf8(shown.stdout).unwrap(),
        format!("{workspace}\n")
    );
    // Repointed, by `config set api_url` or by a login naming another address, the profile's
    // workspace goes with its address: the next login writes the new one's (review: the first
    // way kept the old one and refused the new platform's token).
    let other = Sandbox::start(&[]);
    let theirs = workspace_id(&other);
    let other_admin = other.home.token(None);
    let workspace_of = |profile: &str| {
        let out = sandbox
            .home
            .run(&["--profile", profile, "config", "get", "workspace"]);
        String::from_utf8(out.stdout).unwrap()
    };
    sandbox
        .home
        .run(&["--profile", "new", "config", "set", "api_url", &other.url]);
    assert_eq!(workspace_of("new"), "");
    for profile in ["new", "work"] {
        let run = sandbox.cli_stdin(
            "",
            &[
                "login",
                "--token-stdin",
                "--profile",
                profile,
                "--api-url",
                &other.url,
            ],
            &format!("{other_admin}\n"),
        );
        assert_eq!(run.code, 0, "{profile}: {}", run.stderr);
        assert_eq!(workspace_of(profile), format!("{theirs}\n"), "{profile}");
    }
}

#[test]
fn login_saves_a_private_profile_that_later_runs_use() {
    let sandbox = Sandbox::start(&[]);
    let w = Workspace::new(&sandbox.api());
    let bo = sandbox.home.token(Some(&w.bo));
    let run = login(&sandbox, &bo, &["--profile", "work"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("as Bo Chen <bo@example.com> (agent) in workspace Sandbox; profile `work`: later runs use it"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains(&bo) && !run.stdout.contains(&bo));

    let config_dir = sandbox.home.path().join("config/livectl");
    let config = std::fs::read_to_string(config_dir.join("config.toml")).unwrap();
    assert_eq!(
        config,
        format!(
            "default_profile = \"work\"\n\n[profiles.work]\napi_url = \"{}\"\nworkspace = \"{}\"\n",
            sandbox.url,
            workspace_id(&sandbox)
        )
    );
    let credentials = config_dir.join("credentials.toml");
    #[cfg(unix)]
    assert_eq!(crate::harness::mode(&credentials), 0o600);
    assert!(!config.contains(&bo), "the token is not in config.toml");
    #[cfg(unix)]
    assert_eq!(
        crate::harness::mode(&config_dir.join("config.toml")),
        0o600,
        "private, as credentials.toml is"
    );
    // A second profile is saved beside it; the first stays the one runs use, and it says so.
    let admin = sandbox.home.token(None);
    let second = login(&sandbox, &admin, &["--profile", "on call"]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(
        second.stderr.ends_with(
            "profile `on call`: runs use profile `work` unless given --profile 'on call' (`livectl config use 'on call'` changes that)\n"
        ),
        "{}",
        second.stderr
    );
    assert!(
        std::fs::read_to_string(config_dir.join("config.toml"))
            .unwrap()
            .starts_with("default_profile = \"work\"\n")
    );

    // Later runs use the default profile without any variable.
    let whoami = sandbox.home.run(&["whoami"]);
    let workspace = sandbox.api().get("/v1/me").expect(200)["workspace"]["id"].clone();
    assert_eq!(
        String::from_utf8(whoami.stdout).unwrap(),
        format!(
            "Bo Chen <bo@example.com> agent {} in workspace Sandbox ({}) on {} (profile `work`)\n",
            w.bo,
            workspace.as_str().unwrap(),
            sandbox.url
        )
    );
    // LIVECTL_TOKEN overrides the saved token.
    let admin = sandbox.home.token(None);
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_TOKEN", &admin)
        .args(["whoami", "-o", "json"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("\"role\": \"admin\"")
    );
    // And says so: the profile named is the address's, the token is not its own.
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_TOKEN", &admin)
        .arg("whoami")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "Sandbox Admin <admin@sandbox.invalid> admin ag_1 in workspace Sandbox ({}) on {} \
             (profile `work`), token from LIVECTL_TOKEN\n",
            workspace.as_str().unwrap(),
            sandbox.url
        )
    );
    // Another address given: no profile is in use there (it said "(profile `work`)": new user).
    let elsewhere = sandbox.url.replace("127.0.0.1", "localhost");
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_TOKEN", &admin)
        .args(["--api-url", &elsewhere, "whoami"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "Sandbox Admin <admin@sandbox.invalid> admin ag_1 in workspace Sandbox ({}) on \
             {elsewhere}, token from LIVECTL_TOKEN\n",
            workspace.as_str().unwrap(),
        )
    );

    // config get|set|list
    let get = sandbox.home.run(&["config", "get", "api_url"]);
    assert_eq!(
        String::from_utf8(get.stdout).unwrap(),
        format!("{}\n", sandbox.url)
    );
    assert!(
        sandbox
            .home
            .run(&["config", "set", "workspace", "acme"])
            .status
            .success()
    );
    let list = sandbox.home.run(&["config", "list"]);
    assert_eq!(
        String::from_utf8(list.stdout).unwrap(),
        format!(
            "default_profile=work\napi_url={}\nworkspace=acme\n",
            sandbox.url
        )
    );
    // Which profile it shows, on stderr; and when runs take their address elsewhere.
    let shown = format!(
        "profile `work` in {}:\n",
        sandbox
            .home
            .path()
            .join("config/livectl/config.toml")
            .display()
    );
    assert_eq!(String::from_utf8(list.stderr).unwrap(), shown);
    let listed = sandbox
        .home
        .livectl()
        .env("LIVECTL_API_URL", "http://127.0.0.1:9")
        .args(["config", "list"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(listed.stderr).unwrap(),
        format!("{shown}(runs do not use its api_url now: LIVECTL_API_URL gives its address)\n")
    );
    let bad = sandbox.home.run(&["config", "set", "colour", "red"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("api_url, allow_insecure_http, workspace, output, default_profile")
    );
    let insecure = sandbox
        .home
        .run(&["config", "set", "api_url", "http://example.invalid"]);
    assert_eq!(insecure.status.code(), Some(2));

    // logout forgets the token; the next run says how to log in to that profile again, and
    // how to get back to the demo.
    let typo = crate::harness::Run::from(sandbox.home.run(&["logout", "--profile", "wrok"]));
    typo.fails(2, "there is no profile `wrok`");
    typo.hints("the profiles are: on call, work");
    // `--sandbox` means no profile: neither the default's token is forgotten nor one saved.
    let credentials = sandbox.home.path().join("config/livectl/credentials.toml");
    let saved = std::fs::read(&credentials).unwrap();
    let embedded = crate::harness::Run::from(sandbox.home.run(&["--sandbox", "logout"]));
    embedded.fails(
        2,
        "--sandbox: the embedded sandbox has no saved token to forget; nothing was removed",
    );
    embedded.hints("forget a profile's token with `livectl logout --profile NAME`");
    let token = sandbox.home.token(None);
    let embedded = sandbox.cli_stdin("", &["--sandbox", "login", "--token-stdin"], &token);
    embedded.fails(2, "--sandbox: the embedded sandbox needs no login");
    assert_eq!(
        std::fs::read(&credentials).unwrap(),
        saved,
        "no token touched"
    );
    assert!(sandbox.home.run(&["logout"]).status.success());
    // Logged out already: said, and not an error (a script may log out twice).
    let again = crate::harness::Run::from(sandbox.home.run(&["logout"]));
    assert_eq!(
        (again.code, again.stderr.as_str()),
        (0, "profile `work` has no saved token\n")
    );
    let after = crate::harness::Run::from(sandbox.home.run(&["whoami"]));
    let stderr = after.fails(4, &format!("no token for {}", sandbox.url));
    assert!(
        stderr.contains("log in to profile `work` with `livectl login --profile work`")
            && stderr.contains("--sandbox")
            && stderr.contains("`livectl config unset default_profile`"),
        "{stderr}"
    );
    // Pasted, that hint does what it says, and `work` keeps where it points.
    let unset =
        crate::harness::Run::from(sandbox.home.run(&["config", "unset", "default_profile"]));
    // Where runs go now is said, as `config use` says it (it said nothing: review).
    assert_eq!(
        (unset.code, unset.stderr.as_str()),
        (
            0,
            "runs now use the embedded sandbox: no profile applies (`livectl config use NAME` names one)\n"
        )
    );
    // Again: not set, said of the config, no profile's (review).
    let again =
        crate::harness::Run::from(sandbox.home.run(&["config", "unset", "default_profile"]));
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.ends_with("`default_profile` was not set\n"),
        "{}",
        again.stderr
    );
    let demo = crate::harness::Run::from(sandbox.home.run(&["whoami", "-q"])).ok();
    assert!(demo.contains("Sandbox Admin"), "{demo}");
}

#[test]
fn without_a_token_the_way_back_to_the_demo_is_where_the_address_was_given() {
    let sandbox = Sandbox::start(&[]);
    let hints = |cmd: &mut std::process::Command| {
        let run = crate::harness::Run::from(cmd.arg("whoami").output().unwrap());
        run.fails(4, &format!("no token for {}", sandbox.url));
        run.stderr
            .lines()
            .filter(|l| l.starts_with("hint:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let login = format!(
        "hint: log in to it with `livectl login --api-url {}`, or set LIVECTL_TOKEN",
        sandbox.url
    );
    assert_eq!(
        hints(sandbox.home.livectl().args(["--api-url", &sandbox.url])),
        format!(
            "{login}\nhint: or use the embedded demo sandbox with --sandbox (leave out --api-url)"
        )
    );
    assert_eq!(
        hints(sandbox.home.livectl().env("LIVECTL_API_URL", &sandbox.url)),
        format!(
            "{login}\nhint: or use the embedded demo sandbox with --sandbox (unset LIVECTL_API_URL)"
        )
    );
    // A profile's address: the way back is where the profile was named.
    let dir = sandbox.home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        format!("[profiles.staging]\napi_url = \"{}\"\n", sandbox.url),
    )
    .unwrap();
    let staging = "hint: log in to profile `staging` with `livectl login --profile staging`, or set LIVECTL_TOKEN";
    assert_eq!(
        hints(sandbox.home.livectl().args(["--profile", "staging"])),
        format!(
            "{staging}\nhint: or use the embedded demo sandbox with --sandbox (leave out --profile)"
        )
    );
    assert_eq!(
        hints(sandbox.home.livectl().env("LIVECTL_PROFILE", "staging")),
        format!(
            "{staging}\nhint: or use the embedded demo sandbox with --sandbox (unset LIVECTL_PROFILE)"
        )
    );
    // Named also by default_profile (as `login --profile` makes it): leaving out the flag or
    // the variable would not do; unsetting its address does.
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "default_profile = \"staging\"\n[profiles.staging]\napi_url = \"{}\"\n",
            sandbox.url
        ),
    )
    .unwrap();
    assert_eq!(
        hints(sandbox.home.livectl().args(["--profile", "staging"])),
        format!(
            "{staging}\nhint: or use the embedded demo sandbox with --sandbox (leave out --profile, and `livectl config unset default_profile` makes it the default again)"
        )
    );
}

/// LIVECTL_PROFILE of spaces counts as unset everywhere: the login a missing token hints needs
/// no `--profile default` (one place read it as set, and named the profile needlessly).
#[test]
fn a_variable_of_spaces_is_unset_for_the_hints_too() {
    let sandbox = Sandbox::start(&[]);
    let dir = sandbox.home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let config = format!("[profiles.default]\napi_url = \"{}\"\n", sandbox.url);
    std::fs::write(dir.join("config.toml"), config).unwrap();
    let run = sandbox
        .home
        .cli_env(&["queues"], &[("LIVECTL_PROFILE", "  ")]);
    run.fails(4, &format!("no token for {}", sandbox.url));
    run.hints("log in to profile `default` with `livectl login`, or set LIVECTL_TOKEN");
}

/// `--api-url` to a sandbox for one run, with a default profile for production: the hint was
/// `livectl login --api-url URL`, which, pasted, pointed the default profile at the sandbox.
#[test]
fn a_missing_token_never_hints_a_login_that_repoints_a_profile() {
    let sandbox = Sandbox::start(&[]);
    let dir = sandbox.home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let prod = "[profiles.default]\napi_url = \"https://live.example.com\"\n";
    std::fs::write(dir.join("config.toml"), prod).unwrap();
    let run = crate::harness::Run::from(
        sandbox
            .home
            .livectl()
            .args(["whoami", "--api-url", &sandbox.url])
            .output()
            .unwrap(),
    );
    let stderr = run.fails(4, &format!("no token for {}", sandbox.url));
    assert!(
        stderr.contains(&format!(
            "hint: log in to it under a profile of its own with `livectl login --profile NAME --api-url {}` (profile `default` points at https://live.example.com), then run with --profile NAME, or set LIVECTL_TOKEN",
            sandbox.url
        )),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("config.toml")).unwrap(),
        prod,
        "nothing written"
    );
}

/// `login --api-url` to another platform, with no profile named, repointed the default profile
/// and replaced its token without a word (the new-user check; a run's hint had named that
/// very command). Refused; named, the profile is repointed and it says from where.
#[test]
fn a_login_never_repoints_the_profile_runs_use_unless_it_is_named() {
    let sandbox = Sandbox::start(&[]);
    let dir = sandbox.home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let prod = "default_profile = \"default\"\n\n[profiles.default]\napi_url = \"https://live.example.com\"\n";
    std::fs::write(dir.join("config.toml"), prod).unwrap();
    let admin = sandbox.home.token(None);
    let input = format!("{admin}\n");
    let run = typed(
        &sandbox.home,
        &["login", "--api-url", &sandbox.url, "--token-stdin"],
        &input,
    );
    run.fails(
        2,
        &format!(
            "profile `default` points at https://live.example.com: logging in to {} would repoint it and replace its token; nothing was changed",
            sandbox.url
        ),
    );
    run.hints(&format!(
        "log in to {url} under a profile of its own with `livectl login --profile NAME --api-url {url}`, or repoint `default` by naming it: `livectl login --profile default --api-url {url}`",
        url = sandbox.url
    ));
    assert_eq!(
        std::fs::read_to_string(dir.join("config.toml")).unwrap(),
        prod
    );
    assert!(!dir.join("credentials.toml").exists(), "no token saved");
    // An address wrong in itself is said so first, never echoed with its password, never
    // offered in a command that could not work (the review).
    let secret = typed(
        &sandbox.home,
        &[
            "login",
            "--api-url",
            "https://bo:hunter2@other.example.com",
            "--token-stdin",
        ],
        &input,
    );
    secret.fails(2, "must not hold a user name or password");
    assert!(!secret.stderr.contains("hunter2"), "{}", secret.stderr);
    let bare = typed(
        &sandbox.home,
        &["login", "--api-url", "127.0.0.1:8787", "--token-stdin"],
        &input,
    );
    bare.fails(2, "`127.0.0.1:8787` is not a URL");
    assert!(!bare.stderr.contains("repoint"), "{}", bare.stderr);
    // Named, it is repointed, and said from where.
    let run = typed(
        &sandbox.home,
        &[
            "login",
            "--profile",
            "default",
            "--api-url",
            &sandbox.url,
            "--token-stdin",
        ],
        &input,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "profile `default` (it pointed at https://live.example.com): later runs use it"
        ),
        "{}",
        run.stderr
    );
    // Another profile beside it is no repointing.
    let run = typed(
        &sandbox.home,
        &[
            "login",
            "--profile",
            "ci",
            "--api-url",
            &sandbox.url,
            "--token-stdin",
        ],
        &input,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The same address again is a new token for the same platform, unnamed or not.
    let run = typed(
        &sandbox.home,
        &["login", "--api-url", &sandbox.url, "--token-stdin"],
        &input,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("pointed at"), "{}", run.stderr);
}

#[test]
fn a_wrong_token_is_not_saved() {
    let sandbox = Sandbox::start(&[]);
    let run = login(&sandbox, "lvs_wrong", &[]);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(
        run.stderr.contains("the token was not accepted")
            && run.stderr.contains("nothing was saved"),
        "{}",
        run.stderr
    );
    assert!(
        !sandbox
            .home
            .path()
            .join("config/livectl/credentials.toml")
            .exists()
    );
}

#[cfg(unix)]
#[test]
fn credentials_readable_by_others_are_refused_with_the_chmod() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    assert_eq!(login(&sandbox, &token, &[]).code, 0);
    let credentials = sandbox.home.path().join("config/livectl/credentials.toml");
    std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = sandbox.home.run(&["list"]);
    assert_eq!(run.status.code(), Some(4));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains("can be read by other users (mode 644)"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("chmod 600 {}", credentials.display())),
        "{stderr}"
    );
    // Forgetting the token is the remedy, not refused: the file is written again private,
    // and that is said, under --quiet too (it was silent: review).
    let out = sandbox.home.run(&["logout", "-q"]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stderr).as_ref()),
        (
            Some(0),
            format!(
                "warning: the credentials file {} could be read by other users (mode 644); it is private (0600) again, but the tokens it held may have been read\n",
                credentials.display()
            )
            .as_str()
        )
    );
    let mode = std::fs::metadata(&credentials)
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
    assert_eq!(
        sandbox.home.run(&["list"]).status.code(),
        Some(4),
        "logged out"
    );
}

/// A credentials file others may write but not read (0620) is refused as one they may read
/// is, said as it is: it said "can be read" and "the tokens it held may have been read".
#[cfg(unix)]
#[test]
fn credentials_others_may_write_are_said_so_not_read() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    assert_eq!(login(&sandbox, &token, &[]).code, 0);
    let credentials = sandbox.home.path().join("config/livectl/credentials.toml");
    std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o620)).unwrap();
    let run = sandbox.home.run(&["list"]);
    assert_eq!(run.status.code(), Some(4));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{} can be written by other users (mode 620); livectl refuses to use it",
            credentials.display()
        )),
        "{stderr}"
    );
    let out = sandbox.home.run(&["logout"]);
    assert_eq!(
        (out.status.code(), String::from_utf8_lossy(&out.stderr).as_ref()),
        (
            Some(0),
            format!(
                "warning: the credentials file {} could be written by other users (mode 620); it is private (0600) again, but the tokens it held may have been changed\nremoved the token of profile `default`\n",
                credentials.display()
            )
            .as_str()
        )
    );
}

/// Switching profiles as `kubectl config use-context` does, and said: `config use` was refused
/// with clap's tip toward `unset`, and `config set default_profile` said nothing (new user).
#[test]
fn config_use_switches_the_profile_runs_use_and_says_so() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    assert_eq!(login(&sandbox, &token, &[]).code, 0);
    assert_eq!(login(&sandbox, &token, &["--profile", "staging"]).code, 0);
    let used = sandbox.home.cli(&["config", "use", "staging"]);
    assert_eq!(
        (used.code, used.stdout.as_str(), used.stderr.as_str()),
        (
            0,
            "",
            format!("runs now use profile `staging` ({})\n", sandbox.url).as_str()
        )
    );
    let listed = sandbox.home.cli(&["config", "get", "default_profile"]).ok();
    assert_eq!(listed, "staging\n");
    // `config set default_profile` is the same change, said the same way.
    let set = sandbox
        .home
        .cli(&["config", "set", "default_profile", "default"]);
    assert_eq!(
        set.stderr,
        format!("runs now use profile `default` ({})\n", sandbox.url)
    );
    // LIVECTL_PROFILE still chooses for the shell it is set in: said.
    let shadowed = sandbox.home.cli_env(
        &["config", "use", "staging"],
        &[("LIVECTL_PROFILE", "default")],
    );
    assert_eq!(shadowed.code, 0, "{}", shadowed.stderr);
    assert!(
        shadowed
            .stderr
            .contains("LIVECTL_PROFILE=default still chooses profile `default` where it is set"),
        "{}",
        shadowed.stderr
    );
    // A profile that is not there: nothing changed, the profiles named.
    let unknown = sandbox.home.cli(&["config", "use", "prod"]);
    unknown.fails(2, "there is no profile `prod`");
    unknown.hints("create it with `livectl login --profile prod --api-url URL`");
    assert_eq!(
        sandbox.home.cli(&["config", "get", "default_profile"]).ok(),
        "staging\n"
    );
}

#[test]
fn an_unknown_profile_is_a_usage_error() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    assert_eq!(login(&sandbox, &token, &["--profile", "staging"]).code, 0);
    let out = sandbox
        .home
        .livectl()
        .env("LIVECTL_PROFILE", "prod")
        .args(["list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("there is no profile `prod`")
            && stderr.contains("the profiles are: staging"),
        "{stderr}"
    );
    let out = sandbox
        .home
        .run(&["--profile", "staging", "list", "-o", "ids"]);
    assert!(out.status.success());

    // A default that names no profile is refused before every later run would fail on it.
    let config = sandbox.home.path().join("config/livectl/config.toml");
    let before = std::fs::read_to_string(&config).unwrap();
    let set =
        crate::harness::Run::from(
            sandbox
                .home
                .run(&["config", "set", "default_profile", "ghost"]),
        );
    set.fails(2, "there is no profile `ghost`");
    set.hints("the profiles are: staging")
        .hints("create it with `livectl login --profile ghost --api-url URL`");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);
    // Written by hand, it is named as the config's, with the way out.
    std::fs::write(&config, before.replace("\"staging\"\n\n", "\"ghost\"\n\n")).unwrap();
    let list = crate::harness::Run::from(sandbox.home.run(&["list"]));
    list.fails(2, "there is no profile `ghost`");
    list.hints(
        "it is the config's default_profile: `livectl config unset default_profile` forgets it",
    );
}

#[test]
fn login_without_a_token_and_without_a_terminal_is_a_usage_error() {
    let sandbox = Sandbox::start(&[]);
    let out = sandbox.home.run(&["login", "--api-url", &sandbox.url]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("--token-stdin")
    );
}

#[test]
fn a_config_or_credentials_file_that_does_not_read_is_a_usage_error_naming_file_and_line() {
    let home = crate::harness::Home::new();
    let dir = home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::fs::write(
        &config,
        "default_profile = \"work\"\n[profiles.work]\napi_url = 3\n",
    )
    .unwrap();
    let run = home.cli(&["queues"]);
    let stderr = run.fails(
        2,
        &format!("{}:3:11: not a valid livectl config", config.display()),
    );
    assert!(stderr.contains("expected a string"), "{stderr}");
    assert!(
        !home.path().join("data/livectl/sandbox.db").exists(),
        "nothing started"
    );
    // The embedded sandbox and the sandbox's own commands need no profile: they run, and say
    // the config is not used (the new-user check: they were refused with it).
    let warning = format!(
        "warning: {}:3:11: not a valid livectl config",
        config.display()
    );
    let queues = home.cli(&["--sandbox", "queues"]);
    assert!(queues.stderr.starts_with(&warning), "{}", queues.stderr);
    assert_eq!(queues.stderr.matches("warning:").count(), 1, "said once");
    assert!(queues.ok().contains("general"));
    let token = home.cli(&["sandbox", "token"]);
    assert!(token.stderr.starts_with(&warning), "{}", token.stderr);
    assert!(token.ok().starts_with("lvs_"));
    std::fs::remove_file(home.path().join("data/livectl/sandbox.db")).unwrap();

    std::fs::write(
        &config,
        "default_profile = \"work\"\n[profiles.work]\napi_url = \"http://127.0.0.1:9\"\n",
    )
    .unwrap();
    let credentials = dir.join("credentials.toml");
    std::fs::write(&credentials, "[profiles.work]\ntoken = [\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&credentials, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    home.cli(&["queues"]).fails(
        2,
        &format!(
            "{}:3:1: not a valid credentials file",
            credentials.display()
        ),
    );
    // A token written where a table goes (a hand edit) is never quoted back: the parser's
    // words said `invalid type: string "<the token>"` (hostile-input check).
    let secret = "lvs_a_token_nobody_may_see";
    for hand_edit in [
        format!("[profiles]\nwork = \"{secret}\"\n"),
        format!("[profiles.work]\n\"{secret}\" = 1\n"),
    ] {
        std::fs::write(&credentials, hand_edit).unwrap();
        let run = home.cli(&["-vvv", "queues"]);
        let said = run.fails(2, "not a valid credentials file: each profile is a table");
        assert!(!said.contains(secret), "{said}");
        assert!(!run.stdout.contains(secret));
    }
    // Not UTF-8: the same kind of fault, the same exit (it was 1, a parse error's 2).
    std::fs::write(&credentials, b"\xff\xfe").unwrap();
    home.cli(&["queues"])
        .fails(2, "not a valid credentials file: it is not UTF-8 text");
    std::fs::remove_file(&credentials).unwrap();
    std::fs::write(&config, b"\xff\xfe").unwrap();
    home.cli(&["queues"])
        .fails(2, "not a valid livectl config: it is not UTF-8 text");
}

#[test]
fn hints_name_the_profile_default_when_the_config_defaults_to_another() {
    let home = crate::harness::Home::new();
    let dir = home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    // Nothing listens there.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let down = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "default_profile = \"work\"\n[profiles.work]\napi_url = \"http://127.0.0.1:9\"\n\
             [profiles.default]\napi_url = \"{down}\"\n"
        ),
    )
    .unwrap();
    // Without --profile, login and config would take `work`: the hints say `default`.
    home.cli(&["--profile", "default", "queues"]).fails(
        4,
        "log in to profile `default` with `livectl login --profile default`",
    );
    std::fs::write(
        dir.join("credentials.toml"),
        "[profiles.default]\ntoken = \"lc_not_checked\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            dir.join("credentials.toml"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    home.cli(&["--profile", "default", "queues"]).fails(
        1,
        "profile `default` gives its address: see it with `livectl config get api_url --profile default`",
    );
    home.cli(&["queues"]).fails(
        4,
        "log in to profile `work` with `livectl login --profile work`",
    );
}

#[test]
fn login_tells_the_network_tls_and_the_token_apart() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.api().token;
    let saved = sandbox.home.path().join("config/livectl/credentials.toml");
    // Nothing listens there.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let down = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    let run = sandbox.cli_stdin(
        "",
        &["login", "--token-stdin", "--api-url", &down],
        &format!("{token}\n"),
    );
    let stderr = run.fails(1, &format!("cannot reach {down}"));
    assert!(!stderr.contains("token was not accepted"), "{stderr}");
    // TLS spoken to a server that speaks plain HTTP.
    let https = sandbox.url.replace("http://", "https://");
    let run = sandbox.cli_stdin(
        "",
        &["login", "--token-stdin", "--api-url", &https],
        &format!("{token}\n"),
    );
    let stderr = run.fails(1, &format!("TLS with {https} failed"));
    assert!(!stderr.contains("token was not accepted"), "{stderr}");
    // The API itself failing is not a wrong address: it says which request failed.
    let failing = Sandbox::start_in(sandbox.home.clone(), &["--faults", "error=1"]);
    let run = failing.cli_stdin(
        "",
        &["login", "--token-stdin", "--api-url", &failing.url],
        &format!("{token}\n"),
    );
    let stderr = run.fails(1, "injected fault");
    assert!(
        stderr.contains("the platform failed on GET /v1/me; try again")
            && stderr.contains("nothing was saved")
            && !stderr.contains("check the address"),
        "{stderr}"
    );
    assert!(!saved.exists(), "nothing was saved");
}

#[test]
fn configured_defaults_apply_and_settings_can_be_unset() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api).queued();
    let home = &sandbox.home;
    let empty = home.run(&["config", "list"]);
    assert!(
        String::from_utf8_lossy(&empty.stderr).contains("nothing is set for profile `default`")
    );
    assert!(
        home.run(&["config", "set", "output", "json"])
            .status
            .success()
    );
    // No -o: the profile's output applies.
    let listed = sandbox.cli(&api.token, &["list"]).ok();
    let parsed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(parsed[0]["id"], "iv_1", "{listed}");
    // -o wins over the config.
    assert_eq!(
        sandbox.cli(&api.token, &["list", "-o", "ids"]).ok(),
        "iv_1\n"
    );
    assert!(home.run(&["config", "unset", "output"]).status.success());
    assert_eq!(sandbox.cli(&api.token, &["list"]).ok().lines().count(), 1);
    assert!(
        !sandbox.cli(&api.token, &["list"]).ok().starts_with('['),
        "plain again"
    );
    let again = home.run(&["config", "unset", "output"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("`output` was not set"));
    // A broken value in the file is named, with the fix.
    home.run(&["config", "set", "output", "json"]);
    let config = home.path().join("config/livectl/config.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("json", "yaml");
    std::fs::write(&config, text).unwrap();
    let broken = sandbox.cli(&api.token, &["list"]);
    broken.fails(
        2,
        "profile `default` sets output `yaml`, which is not a format",
    );
    // The fix it hints works: it was refused for the very value it mends.
    let fix = "livectl config set output table";
    assert!(broken.stderr.contains(fix), "{}", broken.stderr);
    let mended = home.cli(&["config", "set", "output", "table"]);
    assert_eq!(mended.code, 0, "{}", mended.stderr);
    assert!(
        mended
            .stderr
            .contains("which is not a format; this run writes in the default format"),
        "{}",
        mended.stderr
    );
    assert_eq!(
        sandbox.cli(&api.token, &["list", "-o", "ids"]).ok(),
        "iv_1\n"
    );
}

#[test]
fn config_list_says_what_overrides_a_profiles_address_only_when_it_has_one() {
    let home = crate::harness::Home::new();
    assert!(
        home.run(&["config", "set", "output", "json", "--profile", "plain"])
            .status
            .success()
    );
    let listed = home
        .livectl()
        .env("LIVECTL_API_URL", "http://127.0.0.1:9")
        .args(["config", "list", "--profile", "plain"])
        .output()
        .unwrap();
    let said = String::from_utf8(listed.stderr).unwrap();
    assert!(
        said.contains("profile `plain`") && !said.contains("runs do not use"),
        "{said}"
    );
}

/// A profile named on the command line that names no platform is refused: a mistyped
/// `--profile` made a new profile through `config set`, and later runs with it acted on the
/// embedded sandbox as if it were the platform, exit 0. The profile `config set` writes
/// without one may hold settings alone, and then means the sandbox.
#[test]
fn a_named_profile_without_an_address_is_refused_not_taken_for_the_sandbox() {
    let home = crate::harness::Home::new();
    let made = home.cli(&["--profile", "stagign", "config", "set", "output", "json"]);
    assert_eq!(
        (made.code, made.stdout.as_str(), made.stderr.as_str()),
        (0, "", "created profile `stagign`\n")
    );
    let refused = home.cli(&["--profile", "stagign", "whoami"]);
    refused.fails(2, "profile `stagign` has no api_url: it names no platform");
    refused.hints(
        "give it one with `livectl login --profile stagign --api-url URL`; for the embedded sandbox, leave out --profile",
    );
    let out = home
        .livectl()
        .env("LIVECTL_PROFILE", "stagign")
        .args(["queues"])
        .output()
        .unwrap();
    let by_variable = crate::harness::Run::from(out);
    by_variable.fails(2, "profile `stagign` has no api_url");
    by_variable.hints(
        "give it one with `livectl login --profile stagign --api-url URL`; for the embedded sandbox, unset LIVECTL_PROFILE",
    );
    // A setting of the profile used without one: said nothing about, and the sandbox it is.
    let set = home.cli(&["config", "set", "output", "csv"]);
    assert_eq!((set.code, set.stderr.as_str()), (0, ""));
    assert!(
        home.cli(&["whoami"])
            .ok()
            .contains("on the embedded sandbox")
    );
}

#[test]
fn config_profiles_lists_every_profile_and_which_one_runs_use() {
    // `config list` showed the current profile only: a supervisor with staging and production
    // could not see which exist, where they point, or which one a run would use.
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    let unset = [("LIVECTL_API_URL", "")];
    let none = sandbox.cli_env("", &["config", "profiles"], &unset);
    assert_eq!((none.code, none.stdout.as_str()), (0, ""));
    assert!(none.stderr.contains("no profile in"), "{}", none.stderr);

    assert_eq!(login(&sandbox, &token, &["--profile", "staging"]).code, 0);
    let prod = ["--profile", "prod", "config", "set", "api_url"];
    sandbox
        .cli_env(
            "",
            &[&prod[..], &["https://live.example.com"]].concat(),
            &unset,
        )
        .ok();
    let url = &sandbox.url;
    let ws = workspace_id(&sandbox);

    let plain = sandbox.cli_env("", &["config", "profiles"], &unset).ok();
    assert_eq!(
        plain,
        format!(
            "\tprod\t-\thttps://live.example.com\t-\tnone\t-\n*\tstaging\tyes\t{url}\t{ws}\tstored\t-\n"
        )
    );
    let json = sandbox
        .cli_env(
            "",
            &["--profile", "prod", "config", "profiles", "-o", "json"],
            &unset,
        )
        .ok();
    assert_eq!(
        json,
        format!(
            "[\n{{\"name\":\"prod\",\"current\":true,\"default\":false,\"api_url\":\"https://live.example.com\",\"workspace\":null,\"output\":null,\"logged_in\":false,\"allow_insecure_http\":false}},\n{{\"name\":\"staging\",\"current\":false,\"default\":true,\"api_url\":\"{url}\",\"workspace\":\"{ws}\",\"output\":null,\"logged_in\":true,\"allow_insecure_http\":false}}\n]\n"
        )
    );
    assert!(!json.contains(token.trim()) && !plain.contains(token.trim()));
}

#[test]
fn a_token_no_header_can_carry_is_refused_as_the_token_s_fault() {
    // It was "did not answer as the Live Conversations API", exit 1, hinting at the address.
    let sandbox = Sandbox::start(&[]);
    for bad in ["lvs_a b", "lvs_\u{1b}[31mx", "lvs_é"] {
        let run = login(&sandbox, bad, &[]);
        run.fails(
            2,
            "the token read from stdin holds a space, a control character or a character outside ASCII",
        );
        run.hints("copy it again from where it was issued; nothing was sent or saved");
        assert!(!run.stderr.contains("lvs_"), "{}", run.stderr);
    }
    let saved = sandbox.cli_env("", &["config", "profiles"], &[("LIVECTL_API_URL", "")]);
    assert_eq!(saved.stdout, "");
}

/// `--allow-insecure-http` given to `login` or `config set api_url` was checked and forgotten:
/// every later run of the profile was refused ("use https://, or pass --allow-insecure-http").
/// The profile keeps it beside the address it was given for, as kubectl keeps
/// insecure-skip-tls-verify in a kubeconfig, and loses it with that address.
#[cfg(target_os = "linux")]
#[test]
fn plain_http_allowed_for_a_profile_s_address_is_remembered_with_it() {
    let sandbox = Sandbox::start(&[]);
    // Linux connects 0.0.0.0 to this host: the sandbox at an address livectl takes for a
    // remote one.
    let remote = sandbox.url.replace("127.0.0.1", "0.0.0.0");
    let ws = workspace_id(&sandbox);
    let home = &sandbox.home;
    let config = home.path().join("config/livectl/config.toml");
    let token = home.token(None);
    let run = sandbox.cli_stdin(
        "",
        &[
            "login",
            "--token-stdin",
            "--profile",
            "far",
            "--api-url",
            &remote,
            "--allow-insecure-http",
        ],
        &token,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        format!(
            "default_profile = \"far\"\n\n[profiles.far]\napi_url = \"{remote}\"\nallow_insecure_http = true\nworkspace = \"{ws}\"\n"
        )
    );
    // Later runs of the profile reach it without the flag, and say where.
    let whoami = home.cli(&["whoami"]).ok();
    assert!(
        whoami.starts_with("Sandbox Admin")
            && whoami.contains(&format!("on {remote} (profile `far`)")),
        "{whoami}"
    );
    // The same address with a trailing `/` is that address (it was refused as another).
    let slashed = format!("{remote}/");
    assert!(
        home.cli(&["--api-url", &slashed, "whoami"])
            .ok()
            .starts_with("Sandbox Admin")
    );
    let list = home.cli(&["config", "list"]).ok();
    assert_eq!(
        list,
        format!(
            "default_profile=far\napi_url={remote}\nallow_insecure_http=true\nworkspace={ws}\n"
        )
    );
    assert_eq!(
        home.cli(&["config", "get", "allow_insecure_http"]).ok(),
        "true\n"
    );
    // And the list of profiles carries it, for a script checking them all.
    let profiles = home.cli(&["config", "profiles", "-o", "csv"]).ok();
    assert_eq!(
        profiles,
        format!(
            "name,current,default,api_url,workspace,output,logged_in,allow_insecure_http\n\
             far,true,true,{remote},{ws},,true,true\n"
        )
    );
    // Another plain-http address needs the flag again: the permission is the address's.
    let elsewhere = home.cli(&["config", "set", "api_url", "http://0.0.0.0:9"]);
    elsewhere.fails(2, "refusing plain http:// to 0.0.0.0");
    // An address that needs no permission drops it; the old one then needs the flag again.
    home.cli(&["config", "set", "api_url", &sandbox.url]).ok();
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        format!(
            "default_profile = \"far\"\n\n[profiles.far]\napi_url = \"{}\"\n",
            sandbox.url
        )
    );
    home.cli(&["config", "get", "allow_insecure_http"])
        .fails(1, "`allow_insecure_http` is not set for profile `far`");
    home.cli(&["config", "set", "api_url", &remote])
        .fails(2, "refusing plain http:// to 0.0.0.0");
    let set = home.cli(&["config", "set", "api_url", &remote, "--allow-insecure-http"]);
    assert_eq!((set.code, set.stderr.as_str()), (0, ""));
    assert!(home.cli(&["whoami"]).ok().contains(&format!("on {remote}")));
    // Given up, it is refused again, with the way to give it back.
    home.cli(&["config", "unset", "allow_insecure_http"]).ok();
    let refused = home.cli(&["whoami"]);
    refused.fails(2, "refusing plain http:// to 0.0.0.0");
    refused.hints(&format!(
        "or keep it allowed for profile `far`: `livectl config --profile far set api_url {remote} --allow-insecure-http`"
    ));
    // It is set with the address it allows, not alone.
    let alone = home.cli(&["config", "set", "allow_insecure_http", "true"]);
    alone.fails(
        2,
        "allow_insecure_http is not set alone: it is saved with the address it allows",
    );
    alone.hints(&format!(
        "give the address with it: `livectl config --profile far set api_url {remote} --allow-insecure-http`"
    ));
    // Taken away with `unset`, not by setting it false (which was hinted to grant it again).
    for no in ["false", "Off"] {
        home.cli(&["config", "set", "allow_insecure_http", no])
            .hints("take it away with `livectl config --profile far unset allow_insecure_http`");
    }
    // Unsetting the address forgets its permission too.
    home.cli(&["config", "set", "api_url", &remote, "--allow-insecure-http"])
        .ok();
    home.cli(&["config", "unset", "api_url"]).ok();
    assert_eq!(
        std::fs::read_to_string(&config).unwrap(),
        "default_profile = \"far\"\n\n[profiles.far]\n"
    );
    // `login` again to the profile's address needs no flag: the profile allows it.
    home.cli(&["config", "set", "api_url", &remote, "--allow-insecure-http"])
        .ok();
    let again = typed(home, &["login", "--token-stdin"], &token);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        std::fs::read_to_string(&config)
            .unwrap()
            .contains("allow_insecure_http = true\n")
    );
}

/// After `config set default_profile X` for a profile X with no token, the hint said to unset
/// X's api_url (forgetting the platform just chosen) rather than how to log in to X.
#[test]
fn a_default_profile_without_a_token_says_how_to_log_in_to_it() {
    let sandbox = Sandbox::start(&[]);
    let home = &sandbox.home;
    let token = home.token(None);
    assert_eq!(login(&sandbox, &token, &["--profile", "staging"]).code, 0);
    let set = [
        "--profile",
        "night shift",
        "config",
        "set",
        "api_url",
        &sandbox.url,
    ];
    home.cli(&set).ok();
    home.cli(&["config", "set", "default_profile", "night shift"])
        .ok();
    let run = home.cli(&["whoami"]);
    run.fails(4, &format!("no token for {}", sandbox.url));
    let hints: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("hint:"))
        .collect();
    assert_eq!(
        hints,
        [
            "hint: log in to profile `night shift` with `livectl login --profile 'night shift'`, or set LIVECTL_TOKEN",
            "hint: or use the embedded demo sandbox with --sandbox (`livectl config unset default_profile` makes it the default again)",
        ]
    );
    // Pasted, each does what it says.
    let logged = typed(
        home,
        &["login", "--token-stdin", "--profile", "night shift"],
        &token,
    );
    assert_eq!(logged.code, 0, "{}", logged.stderr);
    assert!(
        home.cli(&["whoami"])
            .ok()
            .contains("(profile `night shift`)")
    );
    home.cli(&["logout"]).ok();
    home.cli(&["config", "unset", "default_profile"]).ok();
    assert!(
        home.cli(&["whoami"])
            .ok()
            .contains("on the embedded sandbox")
    );
    // With a profile `default` that names a platform, unsetting default_profile would reach
    // that one: the hint does not offer it.
    let default = [
        "--profile",
        "default",
        "config",
        "set",
        "api_url",
        &sandbox.url,
    ];
    home.cli(&default).ok();
    home.cli(&["config", "set", "default_profile", "night shift"])
        .ok();
    let run = home.cli(&["whoami"]);
    run.fails(4, &format!("no token for {}", sandbox.url));
    run.hints("or use the embedded demo sandbox with --sandbox");
    assert!(!run.stderr.contains("unset"), "{}", run.stderr);
}

/// `config profiles` marks the profile runs use; when they fall back to the embedded sandbox
/// it marked none, or the one that names no platform, and said nothing of where runs go. What
/// it says is what a run decides (`connect::platform`): a run refused uses no sandbox.
#[test]
fn config_profiles_says_when_runs_use_the_embedded_sandbox() {
    let home = crate::harness::Home::new();
    let shown = |args: &[&str]| {
        let run = home.cli(&[&["config", "profiles"], args].concat());
        assert_eq!(run.code, 0, "{}", run.stderr);
        format!("--- stdout\n{}--- stderr\n{}", run.stdout, run.stderr)
    };
    let none = shown(&[]).replace(home.path().to_str().unwrap(), "HOME");
    insta::assert_snapshot!(none, @r"
    --- stdout
    --- stderr
    no profile in HOME/config/livectl/config.toml (runs use the embedded sandbox); `livectl login --profile NAME --api-url URL` creates one
    ");
    let prod = [
        "--profile",
        "prod",
        "config",
        "set",
        "api_url",
        "https://live.example.com",
    ];
    home.cli(&prod).ok();
    insta::assert_snapshot!(shown(&[]), @r"
    --- stdout
    	prod	-	https://live.example.com	-	none	-
    --- stderr
    (runs use the embedded sandbox now: no profile applies, as no default_profile is set and no profile is named `default`; `livectl config use NAME` chooses one)
    ");
    // The data keeps its shape.
    insta::assert_snapshot!(shown(&["-o", "json"]), @r#"
    --- stdout
    [
    {"name":"prod","current":false,"default":false,"api_url":"https://live.example.com","workspace":null,"output":null,"logged_in":false,"allow_insecure_http":false}
    ]
    --- stderr
    (runs use the embedded sandbox now: no profile applies, as no default_profile is set and no profile is named `default`; `livectl config use NAME` chooses one)
    "#);
    // The profile `default` holding settings alone: it applies, and means the sandbox.
    home.cli(&["config", "set", "workspace", "acme"]).ok();
    insta::assert_snapshot!(shown(&[]), @r"
    --- stdout
    *	default	-	-	acme	none	-
    	prod	-	https://live.example.com	-	none	-
    --- stderr
    (runs use the embedded sandbox now: profile `default` has no api_url)
    ");
    insta::assert_snapshot!(shown(&["--sandbox"]), @r"
    --- stdout
    *	default	-	-	acme	none	-
    	prod	-	https://live.example.com	-	none	-
    --- stderr
    (runs use the embedded sandbox now: --sandbox)
    ");
    // Beside another platform named, --sandbox is refused, not the sandbox: said as runs do.
    home.cli(&["--sandbox", "--profile", "prod", "whoami"])
        .fails(2, "--sandbox and --profile prod name two platforms");
    insta::assert_snapshot!(shown(&["--sandbox", "--profile", "prod"]), @r"
    --- stdout
    	default	-	-	acme	none	-
    *	prod	-	https://live.example.com	-	none	-
    --- stderr
    (runs are refused now: --sandbox and --profile prod name two platforms; give one of them)
    ");
    // So is an address beside --sandbox, and a profile that does not exist (the review: the
    // first said runs do not use a profile's api_url, the second said nothing).
    let refused = |args: &[&str], env: &[(&str, &str)]| {
        let run = home.cli_env(&[&["config", "profiles"], args].concat(), env);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stderr
    };
    assert!(
        refused(&["--sandbox", "--api-url", "https://x.example"], &[])
            .starts_with("(runs are refused now: --sandbox and --api-url"),
    );
    assert!(refused(&[], &[("LIVECTL_PROFILE", "nope")]).starts_with("(runs are refused now: "),);
    // A profile that names a platform: nothing to say.
    home.cli(&["config", "set", "default_profile", "prod"]).ok();
    insta::assert_snapshot!(shown(&[]), @r"
    --- stdout
    	default	-	-	acme	none	-
    *	prod	yes	https://live.example.com	-	none	-
    --- stderr
    ");
}

/// `config profiles -o json` and `-o csv` carried `allow_insecure_http`, but the table had no
/// column for it: which profile may send its token over plain http:// beyond loopback was not
/// to be seen by people. The table shows it now, under its field's name as `api_url` is.
#[test]
fn config_profiles_on_a_terminal_shows_which_profiles_allow_plain_http() {
    let home = crate::harness::Home::new();
    let set = |args: &[&str]| home.cli(&[&["config", "set"], args].concat()).ok();
    set(&["--profile", "prod", "api_url", "https://live.example.com"]);
    set(&[
        "--profile",
        "lab",
        "api_url",
        "http://10.0.0.7:8080",
        "--allow-insecure-http",
    ]);
    set(&["default_profile", "prod"]);
    let table = home.cli_env(&["config", "profiles"], &[("LIVECTL_FORCE_TTY", "1")]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    insta::assert_snapshot!(format!("--- stdout\n{}--- stderr\n{}", table.stdout, table.stderr), @r"
    --- stdout
     CURRENT  NAME  DEFAULT  API_URL                   WORKSPACE  TOKEN  ALLOW_INSECURE_HTTP
              lab   -        http://10.0.0.7:8080      -          none   yes
     *        prod  yes      https://live.example.com  -          none   -
    --- stderr
    ");
}

/// Logged in to `sandbox` as profile `ops` (the admin's token, returned), and a queued
/// intervention cancelled with its journal at `cancel.ndjson` in the HOME (its path returned).
fn cancelled_as_ops(sandbox: &Sandbox) -> (String, String) {
    let home = &sandbox.home;
    let iv = Workspace::new(&sandbox.api()).queued();
    let token = home.token(None);
    assert_eq!(login(sandbox, &token, &["--profile", "ops"]).code, 0);
    let journal = home.path().join("cancel.ndjson");
    let journal = journal.to_str().unwrap().to_owned();
    home.cli(&["cancel", &iv, "--yes", "-q", "--journal", &journal])
        .ok();
    (token, journal)
}

/// A `--resume` without a token suggested the embedded demo sandbox, which holds nothing of the
/// run: a resume must reach the platform its journal names, so the hints say how.
#[test]
fn a_resume_without_a_token_says_how_to_reach_the_journal_s_platform() {
    let sandbox = Sandbox::start(&[]);
    let home = &sandbox.home;
    let (token, journal) = cancelled_as_ops(&sandbox);
    let journal = journal.as_str();
    home.cli(&["logout"]).ok();
    let hints = |args: &[&str], url: &str| -> Vec<String> {
        let run = home.cli(args);
        run.fails(4, &format!("no token for {url}"));
        run.stderr
            .lines()
            .filter(|l| l.starts_with("hint:"))
            .map(str::to_owned)
            .collect()
    };
    let resume = ["cancel", "--resume", journal];
    // The journal's own platform: log in to it, nothing of the sandbox.
    assert_eq!(
        hints(&resume, &sandbox.url),
        ["hint: log in to profile `ops` with `livectl login --profile ops`, or set LIVECTL_TOKEN"]
    );
    // Runs now go elsewhere by default: the journal's platform, and how to reach it.
    let down = "http://127.0.0.1:9";
    home.cli(&["--profile", "other", "config", "set", "api_url", down])
        .ok();
    home.cli(&["config", "set", "default_profile", "other"])
        .ok();
    let url = &sandbox.url;
    assert_eq!(
        hints(&resume, down),
        [format!(
            "hint: the run's journal names {url}: log in to it with `livectl login --profile ops`, then resume it with `livectl cancel --profile=ops --resume {journal}`"
        )]
    );
    // A stuck fix's resume says the same.
    let fix = home.path().join("fix.ndjson");
    let text = std::fs::read_to_string(journal).unwrap().replacen(
        "\"action\":\"cancel\"",
        "\"action\":\"stuck --fix cancel\"",
        1,
    );
    std::fs::write(&fix, text).unwrap();
    let fix = fix.to_str().unwrap();
    assert_eq!(
        hints(&["stuck", "--resume", fix], down),
        [format!(
            "hint: the run's journal names {url}: log in to it with `livectl login --profile ops`, then resume it with `livectl stuck --fix cancel --profile=ops --resume {fix}`"
        )]
    );
    // Logged in there, the command alone; pasted, it resumes the run.
    let logged = typed(
        home,
        &["login", "--token-stdin", "--profile", "ops"],
        &token,
    );
    assert_eq!(logged.code, 0, "{}", logged.stderr);
    assert_eq!(
        hints(&resume, down),
        [format!(
            "hint: the run's journal names {url}: resume it with `livectl cancel --profile=ops --resume {journal}`"
        )]
    );
    let resumed = home.cli(&["cancel", "--profile=ops", "--resume", journal]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed.stderr.contains("has nothing left to send"),
        "{}",
        resumed.stderr
    );
    // A run on the embedded sandbox is resumed there.
    let embedded = home.path().join("embedded.ndjson");
    let text = std::fs::read_to_string(journal).unwrap().replacen(
        &format!("\"target\":\"{url}\""),
        "\"target\":\"embedded sandbox /somewhere/sandbox.db\"",
        1,
    );
    std::fs::write(&embedded, text).unwrap();
    let embedded = embedded.to_str().unwrap();
    assert_eq!(
        hints(&["cancel", "--resume", embedded], down),
        [format!(
            "hint: the run's journal names the embedded sandbox: resume it with `livectl cancel --sandbox --resume {embedded}`"
        )]
    );
    // An address no profile has: given with the flag, the token in the variable.
    let text = std::fs::read_to_string(journal).unwrap().replacen(
        url.as_str(),
        "https://live.example.com",
        1,
    );
    let elsewhere = home.path().join("elsewhere.ndjson");
    std::fs::write(&elsewhere, text).unwrap();
    let elsewhere = elsewhere.to_str().unwrap();
    assert_eq!(
        hints(&["cancel", "--resume", elsewhere], down),
        [format!(
            "hint: the run's journal names https://live.example.com: resume it with `livectl cancel --api-url=https://live.example.com --resume {elsewhere}`, with a token for it in LIVECTL_TOKEN"
        )]
    );
}

/// A resume given another spelling of its platform's address (`--api-url` with localhost, the
/// journal naming 127.0.0.1) and no token for it was told to resume with that same
/// `--api-url`: pasted, the hint failed the same way (new user). The resume the hint names
/// reaches the journal's platform as written, here with no flag at all, and carries none of
/// the run's.
#[test]
fn a_resume_s_hint_reaches_the_journal_s_platform_not_the_run_s() {
    let sandbox = Sandbox::start(&[]);
    let home = &sandbox.home;
    let (_, journal) = cancelled_as_ops(&sandbox);
    let journal = journal.as_str();
    let url = &sandbox.url;
    let other = url.replace("127.0.0.1", "localhost");
    let run = home.cli(&["--api-url", &other, "cancel", "--resume", journal]);
    run.fails(4, &format!("no token for {other}"));
    run.hints(&format!(
        "the run's journal names {url}: resume it with `livectl cancel --resume {journal}`"
    ));
    // Pasted, it resumes.
    let resumed = home.cli(&["cancel", "--resume", journal]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed.stderr.contains("has nothing left to send"),
        "{}",
        resumed.stderr
    );
}

/// A command a hint suggests reaches the platform the run reached: `livectl list` after a
/// `--profile work` run asked the default profile's platform (new user).
#[test]
fn a_suggested_command_carries_the_flags_that_chose_the_platform() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    let typed = |args: &[&str]| typed(&sandbox.home, args, "");
    let missing = typed(&["--profile", "work", "show", "iv_999"]);
    missing.fails(
        5,
        "hint: check the id; `livectl list --profile=work` shows the open interventions",
    );
    typed(&["--profile", "work", "agents", "--sort", "name", "-o", "ids"]).ok();
    let agent = typed(&["--profile", "work", "reassign", "iv_1", "--to", "ag_999"]);
    agent.fails(5, "`livectl agents --profile=work`");
    // The embedded sandbox named by --sandbox, likewise.
    typed(&["--sandbox", "show", "iv_999"])
        .fails(5, "`livectl list --sandbox` shows the open interventions");
    // And a command that does not act on a platform is left as it is.
    let plain = typed(&["--profile", "nope", "config", "get", "api_url"]);
    assert!(
        !plain.stderr.contains("--profile=nope`"),
        "{}",
        plain.stderr
    );
}

/// `config remove-profile NAME` removes a profile's settings and its token, which `logout`
/// alone left behind (new user: no command removed a profile).
#[test]
fn remove_profile_takes_its_settings_and_token_and_the_default_with_them() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    login(&sandbox, &admin, &["--profile", "old"]).ok();
    let typed = |args: &[&str]| typed(&sandbox.home, args, "");
    typed(&["config", "set", "default_profile", "old"]).ok();
    let credentials = sandbox.home.path().join("config/livectl/credentials.toml");
    let removed = typed(&["config", "remove-profile", "old"]);
    assert_eq!(
        (
            removed.code,
            removed.stdout.as_str(),
            removed.stderr.as_str()
        ),
        (
            0,
            "",
            "removed profile `old`: its settings and its saved token; it was the default profile, and no profile is now (`livectl config use NAME` names one)\n"
        )
    );
    let listed = typed(&["config", "profiles", "-o", "ids"]).ok().to_owned();
    assert_eq!(listed, "work\n");
    let stored = std::fs::read_to_string(&credentials).unwrap();
    assert!(
        stored.contains("[profiles.work]") && !stored.contains("old"),
        "{stored}"
    );
    #[cfg(unix)]
    assert_eq!(crate::harness::mode(&credentials), 0o600);
    typed(&["config", "get", "default_profile"]).fails(1, "`default_profile` is not set");
    // A name that is no profile is refused, naming those there are; nothing changes.
    let config = sandbox.home.path().join("config/livectl/config.toml");
    let before = std::fs::read_to_string(&config).unwrap();
    let wrong = typed(&["config", "remove-profile", "wrok"]);
    wrong.fails(2, "there is no profile `wrok`");
    wrong.hints("the profiles are: work");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), before);
    // Logged out first, the settings still go.
    typed(&["--profile", "work", "logout"]).ok();
    typed(&["config", "remove-profile", "work"]).ok();
    assert_eq!(typed(&["config", "profiles", "-o", "ids"]).ok(), "");
    // With a profile called `default`, that one is used once the default named goes: said so
    // (it said "no profile is now", and runs went on to `default`'s platform: new user).
    login(&sandbox, &admin, &[]).ok();
    login(&sandbox, &admin, &["--profile", "other"]).ok();
    typed(&["config", "set", "default_profile", "other"]).ok();
    let removed = typed(&["config", "remove-profile", "other"]);
    assert_eq!(
        removed.stderr,
        "removed profile `other`: its settings and its saved token; it was the default profile, so runs now use the profile `default` (`livectl config use NAME` names another)\n"
    );
    assert!(
        typed(&["config", "profiles"]).ok().contains("default"),
        "still there"
    );
}

/// A profile's token goes only to the address it was given for: `config set api_url` (or a
/// hand edit) repointed the profile and the next run sent the token to the new address (new
/// user: a listener logged it whole).
#[test]
fn a_token_is_never_sent_to_an_address_the_profile_was_repointed_at() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    // A listener that would see the token, were it sent.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let other = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let typed = |args: &[&str]| typed(&sandbox.home, args, "");
    let set = typed(&["--profile", "work", "config", "set", "api_url", &other]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert!(
        set.stderr.contains(&format!(
            "profile `work`'s token was given for {} and is not sent to {other}",
            sandbox.url
        )),
        "{}",
        set.stderr
    );
    let refused = typed(&["--profile", "work", "queues"]);
    refused.fails(4, "livectl does not send it there");
    refused.hints(&format!(
        "log in to {other} with `livectl login --profile work`"
    ));
    assert!(
        listener.accept().is_err(),
        "nothing connected to the other address"
    );
    // The profiles say so: the token is stored, but not for where the profile points now
    // (it was listed as stored, and `logged_in` true).
    let listed = |field: &str| {
        let run = typed(&["config", "profiles", "--jq", field]);
        run.ok()
    };
    assert_eq!(listed(".[0].logged_in"), "false\n");
    let table = typed(&["config", "profiles", "-o", "table"]).ok();
    assert!(table.contains("for another address"), "{table}");
    // Pointed back, the token is used again.
    typed(&[
        "--profile",
        "work",
        "config",
        "set",
        "api_url",
        &sandbox.url,
    ])
    .ok();
    typed(&["--profile", "work", "queues"]).ok();
    assert_eq!(listed(".[0].logged_in"), "true\n");
    let table = typed(&["config", "profiles", "-o", "table"]).ok();
    assert!(table.contains("stored"), "{table}");
}

/// A token saved before addresses were kept (its entry has no `api_url`) followed the profile
/// to any address it was repointed at: the address it was used with is kept as the change is
/// made, by `config set` or `unset`.
#[test]
fn a_token_saved_without_its_address_stays_with_the_one_it_was_used_at() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    let saved = sandbox.home.path().join("config/livectl/credentials.toml");
    let old_form = format!("[profiles.work]\ntoken = \"{admin}\"\n");
    std::fs::write(&saved, &old_form).unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let other = format!("http://{}", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    let typed = |args: &[&str]| typed(&sandbox.home, args, "");
    for change in [
        &["--profile", "work", "config", "set", "api_url", &other][..],
        &["--profile", "work", "config", "unset", "api_url"][..],
    ] {
        // As the profile was before each change: pointed at its platform, its token in the
        // old form.
        std::fs::write(&saved, &old_form).unwrap();
        std::fs::write(
            saved.with_file_name("config.toml"),
            format!("[profiles.work]\napi_url = \"{}\"\n", sandbox.url),
        )
        .unwrap();
        typed(&["--profile", "work", "whoami"]).ok();
        typed(change).ok();
        if change.contains(&"unset") {
            typed(&["--profile", "work", "config", "set", "api_url", &other]).ok();
        }
        typed(&["--profile", "work", "queues"]).fails(4, "livectl does not send it there");
        assert!(listener.accept().is_err(), "{change:?}: nothing connected");
        let kept = std::fs::read_to_string(&saved).unwrap();
        assert!(kept.contains(&sandbox.url), "{kept}");
        #[cfg(unix)]
        assert_eq!(crate::harness::mode(&saved), 0o600);
    }
}

/// A profile called nothing and an address with a query or a fragment were saved, and used
/// as if whole: `login --profile ""` made a nameless default profile, and `?x=1` was dropped
/// from every request (new user).
#[test]
fn a_blank_profile_name_and_an_address_with_a_query_are_refused() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    let input = format!("{admin}\n");
    for name in ["", "  "] {
        typed(
            &sandbox.home,
            &[
                "--profile",
                name,
                "login",
                "--api-url",
                &sandbox.url,
                "--token-stdin",
            ],
            &input,
        )
        .fails(2, "a profile's name is empty");
    }
    for tail in ["?x=1", "#frag", "/?x=1"] {
        let url = format!("{}{tail}", sandbox.url);
        let run = typed(
            &sandbox.home,
            &["login", "--api-url", &url, "--token-stdin"],
            &input,
        );
        run.fails(2, "has a query or a fragment");
        run.hints(&format!("give the address alone: {}", sandbox.url));
    }
    let config = sandbox.home.path().join("config/livectl/config.toml");
    assert!(!config.exists(), "nothing was saved");
}

/// A token stored empty (a hand edit) is no token: it was sent, and the platform's "the
/// Authorization header is not of the form `Bearer <token>`" said nothing of how to mend it
/// (hostile-input check). It is said missing, with the login that stores one.
#[test]
fn a_token_stored_empty_is_said_missing() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    store_token(&sandbox.home, "  ");
    let run = typed(&sandbox.home, &["--profile", "work", "queues"], "");
    run.fails(
        4,
        "log in to profile `work` with `livectl login --profile work`",
    );
    assert!(!run.stderr.contains("Bearer"), "{}", run.stderr);
}

/// Logins side by side on one HOME (CI jobs) each read, changed and wrote back both files:
/// four at once left config.toml with two of the profiles and credentials.toml with another
/// two, each run saying "logged in" (hostile-input check). Each now waits for the others.
#[test]
fn logins_side_by_side_keep_every_profile_and_token() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    let names: Vec<String> = (1..=8).map(|n| format!("ci{n}")).collect();
    let children: Vec<_> = names
        .iter()
        .map(|name| login_started(&sandbox.home, &sandbox.url, &admin, &["--profile", name]))
        .collect();
    for child in children {
        crate::harness::Run::from(child.wait_with_output().unwrap()).ok();
    }
    let listed: serde_json::Value =
        serde_json::from_str(&typed(&sandbox.home, &["config", "profiles", "-o", "json"], "").ok())
            .unwrap();
    let logged_in: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["logged_in"] == true)
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(logged_in, names, "{listed}");
}

/// A config file linked in from elsewhere (a dotfiles repository) was replaced by a copy of
/// its own, leaving the file it pointed to as it was: the file it points to is written now.
#[cfg(unix)]
#[test]
fn a_linked_config_file_is_written_where_it_points() {
    let home = crate::harness::Home::new();
    let dir = home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let dotfiles = home.path().join("dotfiles");
    std::fs::create_dir_all(&dotfiles).unwrap();
    std::fs::write(dotfiles.join("config.toml"), "").unwrap();
    std::os::unix::fs::symlink(dotfiles.join("config.toml"), dir.join("config.toml")).unwrap();
    home.cli(&["config", "set", "workspace", "acme"]).ok();
    assert!(
        std::fs::symlink_metadata(dir.join("config.toml"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    let written = std::fs::read_to_string(dotfiles.join("config.toml")).unwrap();
    assert!(written.contains("workspace = \"acme\""), "{written}");
}

/// A config or credentials file that is no regular file (a FIFO held every command; a link to
/// `/dev/zero` grew livectl's memory without end) or too large to be one is said so at once.
#[cfg(unix)]
#[test]
fn a_config_file_that_is_no_regular_file_or_too_large_is_refused() {
    let home = crate::harness::Home::new();
    let dir = home.path().join("config/livectl");
    std::fs::create_dir_all(&dir).unwrap();
    let config = dir.join("config.toml");
    std::os::unix::fs::symlink("/dev/zero", &config).unwrap();
    home.cli(&["config", "profiles"]).fails(
        2,
        "config.toml: not a valid livectl config: it is not a regular file",
    );
    std::fs::remove_file(&config).unwrap();
    std::fs::write(&config, "#".repeat(2 << 20)).unwrap();
    home.cli(&["config", "profiles"]).fails(
        2,
        "config.toml: not a valid livectl config: it holds more than 1 MiB",
    );
    std::fs::remove_file(&config).unwrap();
    let credentials = dir.join("credentials.toml");
    crate::harness::mkfifo(&credentials);
    let run = home.cli_env(&["whoami"], &[("LIVECTL_API_URL", "http://127.0.0.1:9")]);
    run.fails(
        2,
        "credentials.toml: not a valid credentials file: it is not a regular file",
    );
    run.hints(
        "fix it, or move it away (it holds your tokens) and log in again with `livectl login`",
    );
}

/// A stored token an HTTP header cannot carry (a hand edit) was said as the token's fault
/// alone, exit 1, naming neither the file nor the profile, where the same token in
/// LIVECTL_TOKEN is usage naming the variable (hostile-input check).
#[test]
fn a_stored_token_no_header_can_carry_names_its_profile_and_file() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api().token;
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    let saved = store_token(&sandbox.home, "abc def");
    let run = typed(&sandbox.home, &["--profile", "work", "queues"], "");
    let said = run.fails(
        2,
        &format!("the token of profile `work` in {}", saved.display()),
    );
    assert!(said.contains("nothing was sent"), "{said}");
    run.hints("log in again with `livectl login --profile work`, which stores it as given");
}

/// A profile's saved token refused (401): the hint names that profile's login, not "or check
/// LIVECTL_TOKEN" with no variable set (new user); with the variable set, it names that.
#[test]
fn a_refused_saved_token_hints_the_login_of_its_profile() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.home.token(None);
    login(&sandbox, &admin, &["--profile", "work"]).ok();
    let saved = sandbox.home.path().join("config/livectl/credentials.toml");
    let text = std::fs::read_to_string(&saved).unwrap();
    let unknown = format!("lvs_{}", "a".repeat(admin.len() - 4));
    std::fs::write(&saved, text.replace(&admin, &unknown)).unwrap();
    let deactivated = "a deactivated agent's tokens stay refused until an admin makes it active";
    let run = sandbox.home.cli(&["whoami"]);
    run.fails(4, "the bearer token is not known to this sandbox");
    run.hints(&format!(
        "log in again with `livectl login --profile work`; {deactivated}"
    ));
    assert!(!run.stderr.contains("LIVECTL_TOKEN"), "{}", run.stderr);
    let from_env = crate::harness::Run::from(
        sandbox
            .home
            .livectl()
            .env("LIVECTL_TOKEN", &unknown)
            .arg("whoami")
            .output()
            .unwrap(),
    );
    from_env.fails(4, "the bearer token is not known to this sandbox");
    from_env.hints(&format!(
        "check LIVECTL_TOKEN, which this run's token came from; {deactivated}"
    ));
}

/// Two logins naming no profile, to two platforms, side by side on a new HOME: both judged the
/// default profile free before either wrote it, and the second repointed the first's address
/// and token unasked (review). The judgement is made again under the lock: one logs in, the
/// other is refused as a repoint, and the profile holds the one that logged in.
#[test]
fn two_logins_to_two_platforms_side_by_side_repoint_nothing_unasked() {
    let a = Sandbox::start(&[]);
    let b = Sandbox::start(&[]);
    let tokens = [a.api().token, b.api().token];
    let children: Vec<_> = [&a.url, &b.url]
        .iter()
        .zip(&tokens)
        .map(|(url, token)| login_started(&a.home, url, token, &[]))
        .collect();
    let runs: Vec<crate::harness::Run> = children
        .into_iter()
        .map(|c| crate::harness::Run::from(c.wait_with_output().unwrap()))
        .collect();
    let won: Vec<usize> = (0..2).filter(|&i| runs[i].code == 0).collect();
    assert_eq!(
        won.len(),
        1,
        "{:?}",
        runs.iter().map(|r| &r.stderr).collect::<Vec<_>>()
    );
    let lost = &runs[1 - won[0]];
    lost.fails(
        2,
        "would repoint it and replace its token; nothing was changed",
    );
    let url = [&a.url, &b.url][won[0]];
    let listed: serde_json::Value =
        serde_json::from_str(&typed(&a.home, &["config", "profiles", "-o", "json"], "").ok())
            .unwrap();
    assert_eq!(listed[0]["api_url"], url.as_str(), "{listed}");
    assert_eq!(listed[0]["logged_in"], true, "{listed}");
}

/// `config unset api_url` on a profile that is not the default left it with no setting, and
/// the profile went from the config while its token stayed in the credentials: `config
/// profiles` no longer listed it, and nothing said a token was kept (new user). A setting
/// unset leaves its profile, listed with its token, until `config remove-profile`.
#[test]
fn unsetting_a_profile_s_last_setting_keeps_the_profile_and_says_its_token() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.home.token(None);
    let unset = [("LIVECTL_API_URL", "")];
    login(&sandbox, &admin, &["--profile", "main"]).ok();
    login(&sandbox, &admin, &["--profile", "side"]).ok();
    for key in ["api_url", "output"] {
        let run = sandbox.cli_env("", &["config", "--profile", "side", "unset", key], &unset);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let listed = sandbox
        .cli_env("", &["config", "profiles", "-o", "csv"], &unset)
        .ok();
    let side: Vec<&str> = listed.lines().filter(|l| l.starts_with("side,")).collect();
    assert_eq!(side.len(), 1, "{listed}");
    assert!(
        side[0].contains(",true,"),
        "its token is said stored: {listed}"
    );
    let removed = sandbox.cli_env("", &["config", "remove-profile", "side"], &unset);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let credentials =
        std::fs::read_to_string(sandbox.home.path().join("config/livectl/credentials.toml"))
            .unwrap();
    assert!(!credentials.contains("side"), "{credentials}");
}
