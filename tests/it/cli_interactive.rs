//! `livectl complete` on a terminal: pickers for what the flags left out, then a confirmation.
//! Driven through a pseudo-terminal.

use rexpect::session::{PtySession, spawn_command};

use crate::harness::{Sandbox, Workspace};
use crate::terminal::{exit_code, key, resize};

fn complete_on_a_terminal(sandbox: &Sandbox, token: &str, id: &str) -> PtySession {
    complete_on_a_terminal_with(sandbox, token, id, &[])
}

fn complete_on_a_terminal_with(
    sandbox: &Sandbox,
    token: &str,
    id: &str,
    flags: &[&str],
) -> PtySession {
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", token)
        .env("TERM", "xterm")
        .args(["complete", id, "-q"])
        .args(flags);
    spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

#[test]
fn pickers_fill_in_topic_outcome_block_and_tags() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let mut p = complete_on_a_terminal(&sandbox, &api.token, &id);
    // Each key is sent once the picker has drawn itself, so none is lost to a terminal mode
    // change. Every topic is offered: the picker says no more than "Topic".
    let said = p.exp_string("Login problem (login)").unwrap();
    assert!(
        said.contains("Topic") && !said.contains("Topic ("),
        "{said}"
    );
    key(&mut p, "\r");
    p.exp_string("Resolved (resolved)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Survey (survey)").unwrap();
    key(&mut p, "\x1b[B");
    p.exp_string("> Survey (survey)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Tags").unwrap();
    // Tags the platform would refuse are said, and asked for again.
    p.send_line("VIP, pass$word").unwrap();
    p.exp_string("has the character `$`").unwrap();
    p.send_line("VIP, password").unwrap();
    p.exp_string(&format!("Complete {id} with topic Login problem, outcome Resolved, block Survey, tags vip, password?")).unwrap();
    key(&mut p, "y");
    p.exp_eof().unwrap();
    let done = api.intervention(&id);
    assert_eq!(done["state"], "completed");
    assert_eq!(done["completion"]["topic"], w.topic.as_str());
    assert_eq!(done["completion"]["outcome"], w.outcome.as_str());
    assert_eq!(done["completion"]["block"], w.block.as_str());
    assert_eq!(done["tags"], serde_json::json!(["vip", "password"]));
}

/// The topic picker offered every department's topics (the new-user check: Billing's for a
/// Support intervention); it offers the intervention's department's, and those of none.
#[test]
fn the_topic_picker_offers_the_intervention_s_department_s_topics() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let billing = api.department("billing", "Billing");
    api.post(
        "/v1/topics",
        serde_json::json!({"key": "invoice", "name": "Invoice question", "department": billing}),
    )
    .expect(201);
    let id = w.in_state("assigned");
    assert_eq!(api.intervention(&id)["department"], w.support.as_str());
    let mut p = complete_on_a_terminal_with(&sandbox, &api.token, &id, &["--outcome", "resolved"]);
    // And says so: the hint off a terminal lists every topic (new user). None is shared here,
    // so it says no more than whose (review).
    p.exp_string("Topic (Support's) ").unwrap();
    p.exp_string("Login problem (login)").unwrap();
    // Down on a list of one stays on it; Billing's topic would be next.
    key(&mut p, "\x1b[B");
    key(&mut p, "\r");
    let said = p.exp_string("Closing block").unwrap();
    assert!(!said.contains("Invoice"), "{said}");
    key(&mut p, "\r");
    p.exp_string("Tags").unwrap();
    p.send_line("").unwrap();
    p.exp_string(&format!(
        "Complete {id} with topic Login problem, outcome Resolved?"
    ))
    .unwrap();
    key(&mut p, "n");
    p.exp_eof().unwrap();
}

/// `--block none` leaves the block out without asking (the new-user check: the picker offered
/// "(none)", and the flag refused `none`).
#[test]
fn block_none_leaves_the_block_out_and_is_not_asked_for() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let mut p = complete_on_a_terminal_with(
        &sandbox,
        &api.token,
        &id,
        &["--outcome", "resolved", "--block", "none"],
    );
    p.exp_string("Login problem (login)").unwrap();
    key(&mut p, "\r");
    let said = p.exp_string("Tags").unwrap();
    assert!(!said.contains("Closing block"), "{said}");
    p.send_line("").unwrap();
    p.exp_string(&format!(
        "Complete {id} with topic Login problem, outcome Resolved?"
    ))
    .unwrap();
    key(&mut p, "y");
    p.exp_eof().unwrap();
    let done = api.intervention(&id);
    assert_eq!(done["state"], "completed");
    assert_eq!(done["completion"]["block"], serde_json::Value::Null);
    // Without a terminal too.
    let other = w.in_state("assigned");
    sandbox
        .cli(
            &api.token,
            &[
                "complete",
                &other,
                "--topic",
                "login",
                "--outcome",
                "resolved",
                "--block",
                "none",
            ],
        )
        .ok();
    assert_eq!(api.intervention(&other)["state"], "completed");
    assert_eq!(
        api.intervention(&other)["completion"]["block"],
        serde_json::Value::Null
    );
}

#[test]
fn declining_the_confirmation_changes_nothing_and_exits_130() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let mut p = complete_on_a_terminal(&sandbox, &api.token, &id);
    p.exp_string("Login problem (login)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Resolved (resolved)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Survey (survey)").unwrap();
    key(&mut p, "\r");
    p.exp_string("Tags").unwrap();
    p.send_line("").unwrap();
    p.exp_string("Complete").unwrap();
    key(&mut p, "n");
    p.exp_string("nothing was completed").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(api.intervention(&id)["state"], "assigned");
}

#[test]
fn a_bulk_run_on_a_terminal_asks_first_with_the_count_and_a_sample() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..7).map(|_| w.queued()).collect();
    let run = |answer: &str| {
        let mut cmd = sandbox.home.livectl();
        cmd.env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &api.token)
            .env("TERM", "xterm")
            .args(["assign", "--owner", "none", "--to", "bo", "-q"]);
        let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        // rexpect reads bytes as Latin-1, so the ellipsis after the sample is left out here.
        p.exp_string(&format!(
            "assign to Bo Chen: 7 interventions ({}, ",
            ids[..5].join(", ")
        ))
        .unwrap();
        p.exp_string(")? [y/N]").unwrap();
        key(&mut p, answer);
        if answer == "n" {
            // The person's choice, said as one (it read "error: nothing was changed").
            let before = p.exp_string("declined: nothing was changed").unwrap();
            assert!(!before.ends_with("error: "), "{before}");
        }
        p.exp_eof().unwrap();
        exit_code(&mut p)
    };
    assert_eq!(run("n"), 130, "declined");
    assert!(
        api.all("/v1/audit?action=assigned").is_empty(),
        "nothing was changed"
    );
    assert_eq!(run("y"), 0);
    assert_eq!(api.all("/v1/audit?action=assigned").len(), 7);
}

/// On a terminal with stderr sent to a file, where prompts are drawn, a bulk run asked its
/// question there and failed ("the prompt failed: IO error: not a terminal", exit 1): it is
/// run as without a terminal, refused for want of --yes, and nothing is sent.
#[test]
fn with_stderr_in_a_file_a_run_is_refused_for_want_of_yes_not_failed_at_a_prompt() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..2 {
        w.queued();
    }
    let errors = sandbox.home.path().join("errors.txt");
    // livectl as the harness runs it (its HOME, nothing else of this process's environment),
    // through a shell that sends its stderr to a file.
    let livectl = sandbox.home.livectl();
    let mut cmd = std::process::Command::new("sh");
    cmd.env_clear();
    for (k, v) in livectl.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm")
        .env("LIVECTL_BIN", livectl.get_program())
        .env("ERRORS", &errors)
        .args([
            "-c",
            "\"$LIVECTL_BIN\" assign --owner none --to bo 2>\"$ERRORS\"; echo \"exit $?\"",
        ]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("exit 2").unwrap();
    p.exp_eof().unwrap();
    let said = std::fs::read_to_string(&errors).unwrap();
    assert!(said.contains("pass --yes"), "{said}");
    assert!(api.all("/v1/audit?action=assigned").is_empty());
}

/// The token is typed unseen at `login`'s prompt; Ctrl-C there ends the run at once, saving
/// nothing (a helper's note: it was a signal the blocked read did not see until Enter).
#[test]
fn login_reads_the_token_unseen_and_ctrl_c_ends_it() {
    let sandbox = Sandbox::start(&[]);
    let token = sandbox.home.token(None);
    let login = || {
        let mut cmd = sandbox.home.livectl();
        cmd.env("TERM", "xterm")
            .args(["login", "--api-url", &sandbox.url]);
        spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
    };
    let config = sandbox.home.path().join("config/livectl/config.toml");
    let mut p = login();
    p.exp_string("Token for").unwrap();
    key(&mut p, "\x03");
    p.exp_string("interrupted at the prompt").unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert!(!config.exists(), "nothing saved");
    let mut p = login();
    p.exp_string("Token for").unwrap();
    key(&mut p, &format!("{token}\r"));
    let said = p.exp_string("logged in to").unwrap();
    assert!(!said.contains(&token), "typed unseen: {said}");
    p.exp_eof().unwrap();
    assert!(config.exists());
}

#[test]
fn a_completed_intervention_is_refused_before_any_picker() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("completed");
    let mut p = complete_on_a_terminal(&sandbox, &api.token, &id);
    p.exp_string(&format!("{id} is completed; complete needs it assigned"))
        .unwrap();
    assert_eq!(exit_code(&mut p), 6);
}

/// A value given wrong is refused before anything left out is asked for: a block no one has
/// was said only after the topic and the outcome were picked.
#[test]
fn a_value_given_wrong_is_refused_before_any_picker() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    for (flags, words, valid) in [
        (
            ["--topic", "nope"],
            "--topic: no topic is called `nope`",
            "valid values: Login problem (login)",
        ),
        (
            ["--block", "nope"],
            "--block: no block is called `nope`",
            "valid values: Survey (survey)",
        ),
    ] {
        let mut p = complete_on_a_terminal_with(&sandbox, &api.token, &id, &flags);
        let said = p.exp_string(valid).expect("the valid values");
        assert!(said.contains(words), "{said}");
        assert!(
            !said.contains("Topic") && !said.contains("Outcome"),
            "{said}"
        );
        assert_eq!(exit_code(&mut p), 2);
    }
    // A journal that cannot be made too: it was refused after the form was filled in (review).
    let dir = sandbox.home.path().to_str().unwrap();
    let mut p = complete_on_a_terminal_with(&sandbox, &api.token, &id, &["--journal", dir]);
    let said = p.exp_string("journal.ndjson").expect("the hint");
    assert!(
        said.contains(&format!("--journal {dir}: that is a directory")),
        "{said}"
    );
    assert!(!said.contains("Topic"), "{said}");
    assert_eq!(exit_code(&mut p), 2);
    assert_eq!(api.intervention(&id)["state"], "assigned");
}

#[test]
fn escape_at_a_picker_cancels_with_130_and_changes_nothing() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.in_state("assigned");
    let mut p = complete_on_a_terminal(&sandbox, &api.token, &id);
    p.exp_string("Login problem (login)").unwrap();
    key(&mut p, "\x1b");
    p.exp_string("nothing was completed: no topic was chosen")
        .unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(api.intervention(&id)["state"], "assigned");
}

#[test]
fn a_list_taller_than_the_terminal_goes_through_the_pager() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    for _ in 0..30 {
        w.queued();
    }
    let run = |pager: &str| {
        let mut cmd = sandbox.home.livectl();
        cmd.env("LIVECTL_API_URL", &sandbox.url)
            .env("LIVECTL_TOKEN", &api.token)
            .env("TERM", "xterm")
            .env("PAGER", pager)
            .args(["list"]);
        let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        resize(&p, 100, 24);
        p.exp_eof().unwrap()
    };
    let paged = run("sed s/^/PAGED:/");
    assert!(paged.contains("PAGED: ID"), "{paged}");
    assert_eq!(paged.matches("PAGED:").count(), 31, "{paged}");
    let plain = run("cat");
    assert!(
        !plain.contains("PAGED:") && plain.contains(" ID"),
        "{plain}"
    );
    // A pager that is not there, or fails before reading: the list is shown all the same, and
    // the pager named (the scripting tester's output vanished with exit 0).
    for broken in ["no-such-pager-here", "false"] {
        let shown = run(broken);
        assert_eq!(shown.matches(" iv_").count(), 30, "{broken}: {shown}");
        assert!(
            shown.contains(&format!("warning: the pager `{broken}` failed")),
            "{broken}: {shown}"
        );
    }
}

#[test]
fn seed_dash_on_a_terminal_says_it_wants_a_pipe() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm")
        .args(["seed", "-"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("`seed -` reads a seed document from stdin, which is a terminal")
        .unwrap();
    p.exp_string("pipe one in").unwrap();
    p.exp_eof().unwrap();
}

/// How a prompt ends when it is interrupted: what it left on the terminal, up to the end.
fn interrupted(mut p: PtySession, at: &str, keys: &str) -> (i32, String) {
    p.exp_string(at).unwrap();
    key(&mut p, keys);
    let rest = p.exp_eof().unwrap();
    (exit_code(&mut p), rest)
}

/// Ctrl-C at a prompt printed the error on the prompt's line ("? … (y/n) › noerror: interrupted
/// at the prompt"), and left the cursor hidden: at every prompt, what is said next starts a line
/// of its own, and the cursor is shown again.
#[test]
fn an_interrupted_prompt_leaves_its_line_and_the_cursor_shown() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..2).map(|_| w.in_state("assigned")).collect();
    let shown_on_a_line_of_its_own = |(code, rest): (i32, String), said: &str| {
        assert_eq!(code, 130, "{rest:?}");
        let hidden = rest.rfind("\x1b[?25l");
        let shown = rest.rfind("\x1b[?25h");
        assert!(
            hidden.is_none() || shown > hidden,
            "the cursor is shown: {rest:?}"
        );
        // What the terminal shows: the cursor's modes are no text.
        let text = rest.replace("\x1b[?25l", "").replace("\x1b[?25h", "");
        let at = text
            .find(said)
            .unwrap_or_else(|| panic!("{said:?} in {rest:?}"));
        assert!(text[..at].ends_with('\n'), "{rest:?}");
    };
    // The bulk confirmation.
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm")
        .args(["return", &ids[0], &ids[1], "-q"]);
    let p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    shown_on_a_line_of_its_own(
        interrupted(p, "[y/N]", "\x03"),
        "error: interrupted at the prompt: nothing was changed",
    );
    // `complete`'s picker, its tags and its confirmation.
    let p = complete_on_a_terminal(&sandbox, &api.token, &ids[0]);
    shown_on_a_line_of_its_own(
        interrupted(p, "Login problem (login)", "\x03"),
        "error: interrupted at the prompt",
    );
    let flags = ["--outcome", "resolved", "--block", "none"];
    let topic_picked = || {
        let mut p = complete_on_a_terminal_with(&sandbox, &api.token, &ids[0], &flags);
        p.exp_string("Login problem (login)").unwrap();
        key(&mut p, "\r");
        p
    };
    shown_on_a_line_of_its_own(
        interrupted(topic_picked(), "Tags", "vip\x03"),
        "error: interrupted at the prompt",
    );
    let mut p = topic_picked();
    p.exp_string("Tags").unwrap();
    p.send_line("").unwrap();
    shown_on_a_line_of_its_own(
        interrupted(p, "[Y/n]", "\x03"),
        "error: interrupted at the prompt",
    );
    assert!(
        api.all("/v1/audit?action=returned").is_empty()
            && api.all("/v1/audit?action=completed").is_empty(),
        "nothing was changed"
    );
}

/// A paced run's bar said `3/8  2/s  2s elapsed  eta 2s` at `--rate 1`: indicatif's rate is a
/// moving average that starts high, and the first item goes at once. Each frame the bar draws
/// says at most the pace, and no less time left than the items left take at that pace (timing
/// free: that holds however fast the machine is).
#[test]
fn a_paced_runs_progress_bar_says_no_more_than_its_pace() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids: Vec<String> = (0..8).map(|_| w.queued()).collect();
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm")
        .args(["cancel", "--rate", "4", "--yes"])
        .args(&ids);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    resize(&p, 120, 24);
    let drawn = p.exp_eof().unwrap();
    // Each frame: `███░░ 3/8  1/s  0s elapsed  eta 1s`, between carriage returns and clears.
    let frames: Vec<(u64, f64, u64)> = drawn
        .split(['\r', '\n'])
        .filter_map(|frame| {
            let (_, counts) = frame.split_once(' ')?;
            let fields: Vec<&str> = counts.split("  ").map(str::trim).collect();
            let (done, _) = fields.first()?.split_once("/8")?;
            let rate = fields.get(1)?.strip_suffix("/s")?;
            let eta = fields.get(3)?.strip_prefix("eta ")?.strip_suffix('s')?;
            Some((done.parse().ok()?, rate.parse().ok()?, eta.parse().ok()?))
        })
        .collect();
    assert!(
        frames.iter().any(|(done, ..)| *done < 8),
        "the bar was drawn: {drawn:?}"
    );
    for (done, rate, eta) in frames {
        let left = 8 - done;
        assert!(rate <= 4.0, "{done}/8 at {rate}/s, above --rate 4");
        // Rounded to a second, as the bar writes it.
        let at_the_pace = (left as f64 / 4.0).round() as u64;
        assert!(
            eta >= at_the_pace,
            "{done}/8: eta {eta}s, where {left} items at 4 a second take {at_the_pace}s"
        );
    }
    assert_eq!(api.all("/v1/audit?action=cancelled").len(), 8);
}
