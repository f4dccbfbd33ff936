//! `livectl console` in a pseudo-terminal against a sandbox: keys reassign an intervention and
//! the audit log records it, with the right actor; q and Ctrl-C leave the terminal as it was;
//! a terminal too small waits for a resize; without a terminal it points to `watch`.

use rexpect::session::{PtySession, spawn_command};

use crate::harness::{Home, Sandbox, Workspace};
use crate::terminal::{Screen, canonical, exit_code, key, read_to_end, resize, wait_for};

const ENTER_ALTERNATE_SCREEN: &str = "\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
const SHOW_CURSOR: &str = "\x1b[?25h";
const CLEAR_SCREEN: &str = "\x1b[2J";

/// `livectl console` in a terminal of `cols` x `rows`, acting with `token`, and its screen.
fn console(sandbox: &Sandbox, token: &str, cols: u16, rows: u16) -> (PtySession, Screen) {
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url).arg("console");
    in_pty(cmd, token, cols, rows)
}

/// `cmd` in a terminal of `cols` x `rows`, acting with `token`, and its screen.
fn in_pty(
    mut cmd: std::process::Command,
    token: &str,
    cols: u16,
    rows: u16,
) -> (PtySession, Screen) {
    cmd.env("LIVECTL_TOKEN", token)
        .env("TERM", "xterm-256color");
    let p = spawn_command(cmd, Some(30_000)).expect("spawn in a pty");
    // Read at start, or heard as a resize if the console was quicker.
    resize(&p, cols, rows);
    (p, Screen::new(cols, rows))
}

/// Waits for the console to end, and checks it gave the terminal back: the normal screen and
/// the cursor again after the last drawing, lines read whole; its exit code.
fn left(mut p: PtySession, mut screen: Screen) -> i32 {
    read_to_end(&mut p, &mut screen);
    let code = exit_code(&mut p);
    assert!(screen.wrote(ENTER_ALTERNATE_SCREEN));
    // The alternate screen cleared before the first drawing: a terminal that keeps what was
    // there showed a note from before through the header (new user, under pyte).
    let raw = String::from_utf8_lossy(&screen.raw);
    let entered = raw.find(ENTER_ALTERNATE_SCREEN).unwrap();
    assert!(
        raw[entered..].starts_with(&format!("{ENTER_ALTERNATE_SCREEN}{CLEAR_SCREEN}")),
        "cleared on entering: {:?}",
        raw[entered..].chars().take(40).collect::<String>()
    );
    let left = screen.last(LEAVE_ALTERNATE_SCREEN);
    assert!(
        left > screen.last(ENTER_ALTERNATE_SCREEN),
        "the normal screen is back"
    );
    assert!(screen.last(SHOW_CURSOR) > left, "the cursor is shown again");
    assert_eq!(canonical(&p), Some(true), "raw mode is off again");
    code
}

/// Ana's console on an intervention Bo owns, the only open one, so it is selected; the agent
/// picker opened on it. `meanwhile` runs once the picker is open.
fn picker_on_bos(
    sandbox: &Sandbox,
    w: &Workspace,
    cols: u16,
    rows: u16,
    meanwhile: impl FnOnce(&mut PtySession, &mut Screen, &str),
) -> (PtySession, Screen, String) {
    let id = w.in_state("assigned");
    let ana = sandbox.home.token_in(&sandbox.db, Some("ana"));
    let (mut p, mut screen) = console(sandbox, &ana, cols, rows);
    wait_for(&mut p, &mut screen, "live  Ana Lima (admin)");
    wait_for(
        &mut p,
        &mut screen,
        &format!(">   {id}    assigned  Bo Chen"),
    );
    key(&mut p, "t");
    wait_for(&mut p, &mut screen, &format!("Reassign {id} to"));
    meanwhile(&mut p, &mut screen, &id);
    key(&mut p, "cy");
    wait_for(&mut p, &mut screen, "> Cy Diaz");
    (p, screen, id)
}

#[test]
fn keys_reassign_an_intervention_and_the_audit_log_records_who() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let (mut p, mut screen, id) = picker_on_bos(&sandbox, &w, 80, 24, |_, _, _| {});
    key(&mut p, "\r");
    wait_for(&mut p, &mut screen, &format!("{id} reassigned to Cy Diaz"));
    // The event stream brings the change back: the feed and the queues show it.
    wait_for(
        &mut p,
        &mut screen,
        &format!("{id}    reassigned from Bo Chen"),
    );
    // An agent's status change reaches the feed from the stream too (issue 13).
    sandbox
        .cli(&api.token, &["status", "away", "--agent", w.bo.as_str()])
        .ok();
    wait_for(&mut p, &mut screen, "Bo Chen online -> away");
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);

    let now = api.intervention(&id);
    assert_eq!(now["owner"], w.cy.as_str());
    let events = api.events_of(&id);
    let last = events.last().unwrap();
    assert_eq!(last["action"], "reassigned");
    assert_eq!(
        last["actor"],
        w.ana.as_str(),
        "the console acts as its token's agent"
    );
    assert_eq!(last["from_owner"], w.bo.as_str());
    assert_eq!(last["to_owner"], w.cy.as_str());
    let timeline = sandbox.cli(&api.token, &["show", &id]).ok();
    assert!(
        timeline.contains("reassigned from Bo Chen") && timeline.contains("by Ana Lima"),
        "{timeline}"
    );
}

#[test]
fn an_intervention_changed_meanwhile_is_not_overwritten_and_the_console_shows_what_changed() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    // Someone else moves it while the picker is open.
    let (mut p, mut screen, id) = picker_on_bos(&sandbox, &w, 160, 48, |p, screen, id| {
        api.post(
            &format!("/v1/interventions/{id}/reassign"),
            serde_json::json!({"agent": w.ana}),
        )
        .expect(200);
        wait_for(p, screen, &format!("{id}    reassigned from Bo Chen"));
    });
    key(&mut p, "\r");
    wait_for(&mut p, &mut screen, &format!("{id}: reassign refused"));
    wait_for(&mut p, &mut screen, "* owner     Bo Chen");
    key(&mut p, "\x1b");
    // Closed (the table's heading shows again), so the next key is not read as Alt-q.
    wait_for(&mut p, &mut screen, "WAITING SUMMARY");
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
    let reassigned: Vec<_> = api
        .events_of(&id)
        .into_iter()
        .filter(|e| e["action"] == "reassigned")
        .collect();
    assert_eq!(
        reassigned.len(),
        1,
        "the console's was not sent over the change"
    );
    assert_eq!(reassigned[0]["to_owner"], w.ana.as_str());
}

#[test]
fn marked_interventions_go_through_the_bulk_engine_with_a_journal() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids = [w.queued(), w.queued()];
    let ana = sandbox.home.token_in(&sandbox.db, Some("ana"));
    let (mut p, mut screen) = console(&sandbox, &ana, 160, 48);
    assign_both_to_me(&mut p, &mut screen, &ids);
    wait_for(
        &mut p,
        &mut screen,
        "assign: 2 done, 0 skipped, 0 failed of 2",
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);

    let runs: Vec<_> = std::fs::read_dir(sandbox.home.path().join("state/livectl/runs"))
        .expect("the journal's folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(runs.len(), 1, "one journal: {runs:?}");
    let journal = std::fs::read_to_string(&runs[0]).unwrap();
    let run_id = runs[0].file_stem().unwrap().to_str().unwrap();
    for id in &ids {
        let event = api.events_of(id).last().cloned().unwrap();
        assert_eq!(event["action"], "assigned");
        assert_eq!(event["actor"], w.ana.as_str());
        assert_eq!(event["to_owner"], w.ana.as_str());
        // Each item's key derives from the run, so a resume never acts twice.
        assert_eq!(event["idempotency_key"], format!("{run_id}:assign:{id}"));
        assert!(
            journal.contains(&format!("{run_id}:assign:{id}")),
            "{journal}"
        );
    }
}

/// A bulk run from the console that fails an item says which and why on its status line: it
/// said "the summary says why each failed" of a summary the console never shows (new user).
/// What the console cannot judge before the run: Cy deactivated between the confirmation's
/// question and its yes.
#[test]
fn a_bulk_run_s_failure_is_said_with_its_reason() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let ids = [w.queued(), w.queued()];
    let ana = sandbox.home.token_in(&sandbox.db, Some("ana"));
    let (mut p, mut screen) = console(&sandbox, &ana, 400, 48);
    both_to_cy(
        &mut p,
        &mut screen,
        &format!("{}    queued", ids[1]),
        "Assign 2 interventions to",
    );
    api.post(
        "/v1/agents",
        serde_json::json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "role": "agent", "department": w.support, "active": false}),
    )
    .expect(200);
    key(&mut p, "y");
    // The whole status line: the first failure and why, then the run's end, whose hint names
    // no summary the console does not show.
    wait_for(
        &mut p,
        &mut screen,
        &format!(
            "{} failed: agent `{}` (Cy Diaz) is inactive and receives no work; choose an active \
             agent; 2 of 2 items failed (none failed for a passing reason, so a resume would not \
             send them again)",
            ids[0], w.cy
        ),
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
}

/// Marks of a queued intervention and an assigned one given to an agent are two runs (an assign
/// and a reassign, a journal each): the status line says both. It said only the last, so the
/// reassign's result never showed (new user).
#[test]
fn one_key_that_makes_two_runs_says_both() {
    two_runs(&[], "1 done, 0 skipped, 0 failed", |api, w, ids| {
        for id in ids {
            assert_eq!(api.intervention(id)["owner"], w.cy.as_str());
        }
    });
}

/// The second run of one key is made even when the first fails an item: the first's exit-3
/// error dropped it, unsaid, with no journal to resume (review). Every action on the assigned
/// one fails; the queued one is assigned all the same, and both runs are said.
#[test]
fn one_key_s_second_run_is_made_when_the_first_fails() {
    two_runs(
        &["error=1,path=/v1/interventions/iv_2/reassign"],
        "0 done, 0 skipped, 1 failed",
        |api, w, ids| {
            assert_eq!(api.intervention(&ids[0])["owner"], w.cy.as_str());
            assert_eq!(api.intervention(&ids[1])["owner"], w.bo.as_str());
        },
    );
}

/// A queued intervention (iv_1) and Bo's (iv_2) marked by Ana and given to Cy, on a sandbox
/// started with `faults` (`--faults` each): two runs, the reassign first (the kind the key's
/// question named), whose end reads `reassigned` ("1 done, 0 skipped, 0 failed"), then the
/// assign, done, both on one line; `then` looks at the API afterwards.
fn two_runs(
    faults: &[&str],
    reassigned: &str,
    then: impl FnOnce(&crate::harness::Api, &Workspace, &[String; 2]),
) {
    let Faulted {
        clean,
        sandbox,
        w,
        ids,
        ana,
    } = Faulted::start(faults, |api, w, ids| {
        assert_eq!(ids[1], "iv_2", "the faults name it");
        api.post(
            &format!("/v1/interventions/{}/assign", ids[1]),
            serde_json::json!({"agent": w.bo}),
        )
        .expect(200);
    });
    let (mut p, mut screen) = console(&sandbox, &ana, 400, 48);
    both_to_cy(
        &mut p,
        &mut screen,
        &format!("{}    assigned", ids[1]),
        "Assign or reassign 2 interventions to",
    );
    key(&mut p, "y");
    wait_for(
        &mut p,
        &mut screen,
        " · assign: 1 done, 0 skipped, 0 failed of 1 in ",
    );
    assert!(
        screen.shows(&format!(" reassign: {reassigned} of 1 in ")),
        "{}",
        screen.text()
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
    then(&clean.api(), &w, &ids);
}

/// Two queued interventions (`ids`, with `made` done to them first), on a sandbox started
/// again on the same database with `faults` (`--faults` each), and Ana's token there. The
/// sandbox without faults (`clean`) still serves, to look at what happened.
struct Faulted {
    clean: Sandbox,
    sandbox: Sandbox,
    w: Workspace,
    ids: [String; 2],
    ana: String,
}

impl Faulted {
    fn start(
        faults: &[&str],
        made: impl FnOnce(&crate::harness::Api, &Workspace, &[String; 2]),
    ) -> Faulted {
        let clean = Sandbox::start(&[]);
        let api = clean.api();
        let w = Workspace::new(&api);
        let ids = [w.queued(), w.queued()];
        made(&api, &w, &ids);
        let args: Vec<&str> = faults.iter().flat_map(|f| ["--faults", f]).collect();
        let sandbox = Sandbox::start_in(clean.home.clone(), &args);
        let ana = sandbox.home.token_in(&sandbox.db, Some("ana"));
        Faulted {
            clean,
            sandbox,
            w,
            ids,
            ana,
        }
    }
}

/// The two interventions listed marked once the second's row (`last`) shows, and given to Cy
/// by `t` (its picker titled `picker`), up to the question before the run.
fn both_to_cy(p: &mut PtySession, screen: &mut Screen, last: &str, picker: &str) {
    wait_for(p, screen, last);
    key(p, " ");
    key(p, " ");
    wait_for(p, screen, "(2, 2 marked)");
    key(p, "t");
    wait_for(p, screen, picker);
    key(p, "cy");
    wait_for(p, screen, "> Cy Diaz");
    key(p, "\r");
    wait_for(p, screen, "2 interventions");
}

/// The two queued interventions `ids` (the only ones) marked and assigned to the console's
/// agent, confirmed.
fn assign_both_to_me(p: &mut PtySession, screen: &mut Screen, ids: &[String; 2]) {
    wait_for(p, screen, &format!("{}    queued", ids[1]));
    // Space marks the selected one and moves down: both marked.
    key(p, " ");
    key(p, " ");
    wait_for(p, screen, "(2, 2 marked)");
    key(p, "a");
    wait_for(
        p,
        screen,
        &format!("assign to me: 2 interventions ({}, {})?", ids[0], ids[1]),
    );
    key(p, "y");
}

#[test]
fn an_agent_sees_the_queue_and_its_own_and_takes_one() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = w.queued();
    let cys = w.queued();
    api.post(
        &format!("/v1/interventions/{cys}/assign"),
        serde_json::json!({"agent": w.cy}),
    )
    .expect(200);
    let bo = sandbox.home.token_in(&sandbox.db, Some("bo"));
    let (mut p, mut screen) = console(&sandbox, &bo, 80, 24);
    wait_for(&mut p, &mut screen, "live  Bo Chen (agent)");
    wait_for(&mut p, &mut screen, &format!(">   {queued}    queued"));
    assert!(!screen.shows(&cys), "Cy's is not Bo's to see");
    key(&mut p, "a");
    wait_for(
        &mut p,
        &mut screen,
        &format!("{queued} assigned to Bo Chen"),
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
    let event = api.events_of(&queued).last().cloned().unwrap();
    assert_eq!(
        (&event["action"], &event["actor"]),
        (&"assigned".into(), &w.bo.as_str().into())
    );
}

#[test]
fn ctrl_c_and_sigterm_leave_with_0_and_the_terminal_as_it_was() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    Workspace::new(&api);
    let (mut p, mut screen) = console(&sandbox, &api.token, 80, 24);
    wait_for(&mut p, &mut screen, "Sandbox Admin (admin)");
    // In raw mode Ctrl-C is a key, not a signal.
    key(&mut p, "\x03");
    assert_eq!(left(p, screen), 0);

    // A follower, as `watch`: stopping it is how it ends.
    let (mut p, mut screen) = console(&sandbox, &api.token, 80, 24);
    wait_for(&mut p, &mut screen, "Sandbox Admin (admin)");
    p.process
        .signal(rexpect::process::signal::Signal::SIGTERM)
        .unwrap();
    assert_eq!(left(p, screen), 0);
}

#[test]
fn a_terminal_too_small_says_so_until_it_is_resized() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let (mut p, mut screen) = console(&sandbox, &api.token, 60, 20);
    wait_for(
        &mut p,
        &mut screen,
        "terminal too small: 60x20, needs at least 80x24",
    );
    resize(&p, 100, 30);
    screen.resize(100, 30);
    wait_for(&mut p, &mut screen, &format!("{id}    queued"));
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
}

#[test]
fn a_dropped_event_stream_is_shown_and_followed_again_without_a_gap() {
    let home = Home::new();
    let db = home.db();
    let addr = crate::harness::free_addr();
    // The sandbox restarts where the console looks for it; while it is down, another process
    // on the same database changes the intervention.
    let restart = |change: &dyn Fn(&crate::harness::Api)| {
        let mut aside = Sandbox::start_on(home.clone(), &db, &[]);
        change(&aside.api());
        aside.stop(libc::SIGTERM);
        Sandbox::start_at(home.clone(), &db, &addr, &[])
    };
    let mut sandbox = Sandbox::start_at(home.clone(), &db, &addr, &[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let id = w.queued();
    let act = |api: &crate::harness::Api, action: &str, body: serde_json::Value| {
        api.post(&format!("/v1/interventions/{id}/{action}"), body)
            .expect(200);
    };
    let (mut p, mut screen) = console(&sandbox, &api.token, 80, 24);
    wait_for(&mut p, &mut screen, "live  Sandbox Admin");

    // No event seen yet: nothing to resume after, so the console loads everything again.
    sandbox.stop(libc::SIGTERM);
    wait_for(&mut p, &mut screen, "disconnected since");
    sandbox = restart(&|api| act(api, "assign", serde_json::json!({"agent": w.bo})));
    wait_for(&mut p, &mut screen, "live  Sandbox Admin");
    wait_for(&mut p, &mut screen, &format!("{id}    assigned  Bo Chen"));

    // An event seen: the stream resumes after it (Last-Event-ID) and brings what was missed.
    act(
        &sandbox.api(),
        "reassign",
        serde_json::json!({"agent": w.cy}),
    );
    wait_for(
        &mut p,
        &mut screen,
        &format!("{id}    reassigned from Bo Chen"),
    );
    sandbox.stop(libc::SIGTERM);
    wait_for(&mut p, &mut screen, "disconnected since");
    let _sandbox = restart(&|api| act(api, "return", serde_json::json!({})));
    wait_for(
        &mut p,
        &mut screen,
        &format!("{id}    returned to the queue from Cy Diaz"),
    );
    wait_for(&mut p, &mut screen, &format!("{id}    queued"));
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
}

/// A token the platform stops taking (its agent deactivated) ends the console with 4 and
/// says why, as `watch` ends: it reconnected for ever, its panes showing what was (on-call
/// check).
#[test]
fn a_token_refused_ends_the_console_with_4_and_says_why() {
    let sandbox = Sandbox::start(&[]);
    let admin = sandbox.api();
    let w = Workspace::new(&admin);
    let cy = sandbox.home.token(Some(&w.cy));
    let (mut p, mut screen) = console(&sandbox, &cy, 100, 30);
    wait_for(&mut p, &mut screen, "live  Cy Diaz");
    admin
        .post(
            "/v1/agents",
            serde_json::json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "role": "agent", "department": w.support, "active": false}),
        )
        .expect(200);
    // The next change ends the stream it has open.
    w.queued();
    read_to_end(&mut p, &mut screen);
    let left = screen
        .last(LEAVE_ALTERNATE_SCREEN)
        .expect("the normal screen is back");
    let said = String::from_utf8_lossy(&screen.raw[left..]).into_owned();
    assert_eq!(exit_code(&mut p), 4, "{said}");
    assert!(said.contains("is deactivated"), "{said}");
    assert!(
        said.contains("hint: check LIVECTL_TOKEN, which this run's token came from"),
        "{said}"
    );
}

#[test]
fn without_a_terminal_it_exits_2_and_points_to_watch() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let run = sandbox.cli(&api.token, &["console"]);
    run.fails(2, "needs a terminal");
    assert!(run.stderr.contains("use `livectl watch`"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}

/// An unknown owner is refused before the screen is taken, naming the console's own flag: it
/// has no `--from`, unlike the filters of `list` and the actions.
#[test]
fn an_unknown_owner_is_refused_naming_the_consoles_flag() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let mut cmd = sandbox.home.livectl();
    cmd.env("LIVECTL_API_URL", &sandbox.url)
        .env("LIVECTL_TOKEN", &api.token)
        .env("TERM", "xterm-256color")
        .args(["console", "--owner", "zed"]);
    let mut p = spawn_command(cmd, Some(30_000)).expect("spawn in a pty");
    let mut screen = Screen::new(80, 24);
    read_to_end(&mut p, &mut screen);
    let code = exit_code(&mut p);
    assert_eq!(code, 5);
    assert!(
        !screen.wrote(ENTER_ALTERNATE_SCREEN),
        "the screen was not taken"
    );
    let text = screen.text();
    assert!(
        text.contains("--owner: no agent is called `zed`") && !text.contains("--from"),
        "{text}"
    );
}

#[test]
fn a_bulk_run_that_fails_names_the_resume_command_that_reaches_the_same_platform() {
    // Every action on an intervention fails; listing them does not.
    let Faulted {
        sandbox, ids, ana, ..
    } = Faulted::start(&["error=1,path=/v1/interventions/iv_"], |_, _, _| {});
    let mut cmd = sandbox.home.livectl();
    // The address given as a flag: the command it suggests must give it too.
    cmd.args(["--api-url", &sandbox.url, "console"]);
    // Wide enough for the whole summary on its one line.
    let (mut p, mut screen) = in_pty(cmd, &ana, 400, 48);
    assign_both_to_me(&mut p, &mut screen, &ids);
    wait_for(
        &mut p,
        &mut screen,
        &format!("livectl assign --api-url={} --resume ", sandbox.url),
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
}

/// Leaving while a bulk run is in progress (by `q`, confirmed) stops it and says so once the
/// terminal is back, with where to resume it: it said nothing (new user).
#[test]
fn leaving_during_a_bulk_run_says_it_was_stopped_and_how_to_resume_it() {
    // Each action takes 3 s: the run is still going when `q` is pressed.
    let Faulted {
        sandbox, ids, ana, ..
    } = Faulted::start(&["latency=3000ms,path=/v1/interventions/iv_"], |_, _, _| {});
    let (mut p, mut screen) = console(&sandbox, &ana, 160, 48);
    assign_both_to_me(&mut p, &mut screen, &ids);
    let said = left_by_q(
        &mut p,
        &mut screen,
        "A bulk run is in progress. Leave and stop it?",
    );
    assert!(
        said.contains("a bulk run was stopped: `livectl runs` lists it with its --resume command"),
        "{said}"
    );
    assert_eq!(exit_code(&mut p), 0, "{said}");
}

/// `q`, its `question` answered yes: what is said once the normal screen is back.
fn left_by_q(p: &mut PtySession, screen: &mut Screen, question: &str) -> String {
    key(p, "q");
    wait_for(p, screen, question);
    key(p, "y");
    read_to_end(p, screen);
    let back = screen
        .last(LEAVE_ALTERNATE_SCREEN)
        .expect("the normal screen is back");
    String::from_utf8_lossy(&screen.raw[back..]).into_owned()
}

/// Leaving while a single action's answer has not come (by `q`, confirmed) says which, once
/// the terminal is back: it said nothing of it (review).
#[test]
fn leaving_before_an_action_s_answer_says_which_to_look_at() {
    // Each action takes 20 s: its answer has not come when `q` is pressed.
    let Faulted {
        sandbox, ids, ana, ..
    } = Faulted::start(
        &["latency=20000ms,path=/v1/interventions/iv_"],
        |_, _, _| {},
    );
    let (mut p, mut screen) = console(&sandbox, &ana, 160, 48);
    wait_for(&mut p, &mut screen, &format!("{}    queued", ids[1]));
    key(&mut p, "a");
    wait_for(&mut p, &mut screen, "sent, waiting for the answer");
    let said = left_by_q(
        &mut p,
        &mut screen,
        "is on its way and its answer has not come",
    );
    assert!(
        said.contains("was on its way: look with `livectl show iv_")
            && said.contains("` whether it was done"),
        "{said}"
    );
    assert_eq!(exit_code(&mut p), 0, "{said}");
}

/// An agent picked with no room is said as a run says it, with its max_load: it was the
/// platform's "it has 6 assigned intervention(s)" beside a table of what changed, where nothing
/// had (new user).
#[test]
fn an_agent_with_no_room_is_said_as_a_run_says_it() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    api.post(
        "/v1/agents",
        serde_json::json!({"key": "cy", "name": "Cy Diaz", "email": "cy@example.com", "role": "agent", "department": w.support, "max_load": 0}),
    )
    .expect(200);
    let (mut p, mut screen, id) = picker_on_bos(&sandbox, &w, 160, 48, |_, _, _| {});
    key(&mut p, "\r");
    wait_for(
        &mut p,
        &mut screen,
        &format!(
            "Cy Diaz ({}) is at its max_load of 0; {id} is left where it is",
            w.cy
        ),
    );
    assert!(
        !screen.shows("shown"),
        "no table of changes: {}",
        screen.text()
    );
    key(&mut p, "q");
    assert_eq!(left(p, screen), 0);
}
