//! A bulk run asked to stop while its requests are in flight: it says what it waits for, starts
//! and retries nothing more, leaves what is in flight at a second Ctrl-C, and its resume does
//! every item exactly once.

#![cfg(unix)]

use std::path::PathBuf;
use std::time::Duration;

use crate::bulk::{acted, wait_for_starts};
use crate::harness::{Api, Running, Sandbox};

/// The set-up of a run asked to stop: `count` queued interventions in a clean sandbox, and a
/// second sandbox on its database whose actions answer after the `faults` (a latency, an
/// error).
struct Slowed {
    clean: Sandbox,
    api: Api,
    ids: Vec<String>,
    slow: Sandbox,
    journal: PathBuf,
}

impl Slowed {
    fn new(count: usize, faults: &str, journal: &str) -> Slowed {
        let clean = Sandbox::start(&[]);
        let api = clean.api();
        let w = crate::harness::Workspace::new(&api);
        let ids: Vec<String> = (0..count).map(|_| w.queued()).collect();
        let slow = Sandbox::start_in(
            clean.home.clone(),
            &["--faults", &format!("{faults},path=/v1/interventions/iv_")],
        );
        let journal = clean.home.path().join(journal);
        Slowed {
            clean,
            api,
            ids,
            slow,
            journal,
        }
    }

    /// `cancel --yes --journal J`, `options`, and every id, started on the slow sandbox.
    fn cancel(&self, options: &[&str]) -> Running {
        let path = self.journal.to_str().unwrap();
        let args = [
            &["cancel", "--yes", "--journal", path][..],
            options,
            &self.ids.iter().map(String::as_str).collect::<Vec<_>>(),
        ]
        .concat();
        Running::start(&self.slow, &self.api.token, &args)
    }
}

#[test]
fn a_second_ctrl_c_leaves_the_requests_in_flight_and_a_resume_does_each_item_once() {
    // The same database, where every action waits longer than the client's time limit.
    let t = Slowed::new(3, "latency=40000..40000ms", "stopped.ndjson");
    let mut run = t.cancel(&[]);
    let Slowed {
        clean,
        api,
        ids,
        mut slow,
        journal,
    } = t;
    let path = journal.to_str().unwrap();
    wait_for_starts(&journal, 3);
    run.signal(libc::SIGINT);
    let stopping = run.until("stopping:", Duration::from_secs(20));
    assert!(
        stopping.contains(
            "waiting for 3 requests in flight (Ctrl-C again to stop now; `livectl cancel --resume"
        ),
        "{stopping}"
    );
    run.signal(libc::SIGINT);
    // Well before the client's time limit (30 s) or the server's latency (40 s) could end it.
    let (code, said) = run.end(Duration::from_secs(20));
    assert_eq!(code, Some(130), "{said}");
    assert!(
        said.contains("error: interrupted: the 3 items in flight did not finish"),
        "{said}"
    );
    assert!(said.contains("3 sent without an answer"), "{said}");
    assert!(said.contains("with the same Idempotency-Keys"), "{said}");
    assert!(said.contains(&format!("--resume {path}")), "{said}");
    // The journal has their starts, with their keys, and no end: in flight, for the resume.
    let text = std::fs::read_to_string(&journal).unwrap();
    assert_eq!(text.matches(r#""event":"start""#).count(), 3, "{text}");
    assert_eq!(text.matches(r#""event":"end""#).count(), 0, "{text}");
    slow.kill();

    let resumed = clean.cli(&api.token, &["cancel", "--resume", path, "--yes"]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    assert!(
        resumed
            .stderr
            .contains("(3 in flight, replayed with their keys)"),
        "{}",
        resumed.stderr
    );
    let cancelled = acted(&api, "cancelled");
    assert_eq!(cancelled.len(), 3, "{cancelled:?}");
    for id in &ids {
        assert_eq!(
            cancelled.get(id),
            Some(&1),
            "{id} cancelled once: {cancelled:?}"
        );
    }
    let again = clean.cli(&api.token, &["cancel", "--resume", path, "--yes"]);
    assert!(
        again.stderr.contains("nothing left to send"),
        "{}",
        again.stderr
    );
    assert_eq!(acted(&api, "cancelled").len(), 3);
}

#[test]
fn after_a_ctrl_c_the_requests_in_flight_end_without_retries_and_say_how() {
    // Every action is answered 500 or 503 after a while: each would be retried.
    let t = Slowed::new(3, "latency=5000..5000ms,error=1", "stopped.ndjson");
    let mut run = t.cancel(&["-v"]);
    let Slowed {
        clean: _clean,
        api,
        ids: _ids,
        slow: _slow,
        journal,
    } = t;
    wait_for_starts(&journal, 3);
    run.signal(libc::SIGINT);
    run.until(
        "stopping: waiting for 3 requests in flight",
        Duration::from_secs(20),
    );
    let (code, said) = run.end(Duration::from_secs(60));
    assert_eq!(code, Some(130), "{said}");
    let posts = said
        .lines()
        .filter(|l| l.starts_with("livectl: POST "))
        .count();
    assert_eq!(
        posts, 3,
        "each sent once, none retried once stopping:\n{said}"
    );
    assert!(
        said.contains("error: interrupted: of the 3 items in flight, 3 failed"),
        "{said}"
    );
    assert!(
        said.contains("3 that failed did for a passing reason: a resume sends them again"),
        "{said}"
    );
    assert!(acted(&api, "cancelled").is_empty());
}

#[test]
fn a_hangup_stops_a_bulk_run_as_ctrl_c_does() {
    let t = Slowed::new(4, "latency=3000..3000ms", "hung-up.ndjson");
    let mut run = t.cancel(&["--concurrency", "2"]);
    let Slowed {
        clean: _clean,
        api,
        ids: _ids,
        slow: _slow,
        journal,
    } = t;
    let path = journal.to_str().unwrap();
    wait_for_starts(&journal, 2);
    // The terminal closed.
    run.signal(libc::SIGHUP);
    run.until(
        "stopping: waiting for 2 requests in flight",
        Duration::from_secs(20),
    );
    let (code, said) = run.end(Duration::from_secs(60));
    assert_eq!(code, Some(130), "{said}");
    assert!(
        said.contains("cancel: 2 done, 0 skipped, 0 failed, 2 not sent of 4"),
        "{said}"
    );
    assert!(
        said.contains("error: interrupted: the 2 items in flight finished; 2 items were not sent"),
        "{said}"
    );
    assert!(said.contains(&format!("--resume {path}")), "{said}");
    assert_eq!(acted(&api, "cancelled").len(), 2);
}

/// A Ctrl-C while the last items are in flight, which then end done: the run did all its work,
/// and exits 0 with its summary, not 130 ("interrupted") with nothing left to resume.
#[test]
fn a_ctrl_c_while_the_last_items_end_done_does_not_make_the_run_interrupted() {
    let t = Slowed::new(3, "latency=2000..2000ms", "ended.ndjson");
    let mut run = t.cancel(&[]);
    let Slowed {
        clean: _clean,
        api,
        ids: _ids,
        slow: _slow,
        journal,
    } = t;
    wait_for_starts(&journal, 3);
    run.signal(libc::SIGINT);
    run.until("stopping:", Duration::from_secs(20));
    let (code, said) = run.end(Duration::from_secs(20));
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("3 done, 0 skipped, 0 failed"), "{said}");
    assert_eq!(acted(&api, "cancelled").len(), 3);
}

/// A Ctrl-C while one action is on its way said only "interrupted", though the platform may
/// have done it (on-call check): it says which action, and to look before sending it again.
#[test]
fn a_ctrl_c_while_one_action_is_on_its_way_says_it_may_have_been_done() {
    let t = Slowed::new(1, "latency=40000..40000ms", "unused.ndjson");
    let id = &t.ids[0];
    let mut run = Running::start(&t.slow, &t.api.token, &["cancel", id, "-vv"]);
    let sent = run.until(
        &format!("/v1/interventions/{id}/cancel"),
        Duration::from_secs(20),
    );
    assert!(sent.starts_with("livectl: POST "), "{sent}");
    run.signal(libc::SIGINT);
    let (code, said) = run.end(Duration::from_secs(20));
    assert_eq!(code, Some(130), "{said}");
    assert!(
        said.contains(&format!(
            "error: interrupted while cancel of {id} was on its way"
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "hint: the platform may have done it: look with `livectl show {id}` before sending it again"
        )),
        "{said}"
    );
}
