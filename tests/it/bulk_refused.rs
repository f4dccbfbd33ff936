//! A bulk run refused 403 on every item it sends did nothing the token's agent may do: it exits
//! 4, as the same action on one id does, whether it is a first run or a resume; a run that did
//! some of its items keeps 3.

use crate::harness::Workspace;
use crate::harness::{Run, Sandbox};

/// An agent's token refused 403 on every item of a run exited 3 ("some items failed"), where
/// the same action on one id exits 4: nothing was done, and the same token would be refused
/// the same way again. A run that did some of its items keeps 3.
#[test]
fn a_run_refused_403_on_every_item_exits_4_as_one_action_does() {
    let sandbox = Sandbox::start(&[]);
    let api = sandbox.api();
    let w = Workspace::new(&api);
    let queued = [w.queued(), w.queued()];
    let bos = w.in_state("assigned");
    let bo = sandbox.home.token(Some("bo"));
    // Only an admin cancels a queued intervention.
    sandbox
        .cli(&bo, &["cancel", &queued[0]])
        .fails(4, "only an admin may cancel it");
    let run = sandbox.cli(&bo, &["cancel", &queued[0], &queued[1], "--yes"]);
    run.fails(
        4,
        "ag_3 may not cancel these interventions: the platform refused each with 403 forbidden \
         (2 of 2 items failed, none was done)",
    );
    run.hints(
        "the summary says why each was refused; run it with an admin's token, or, for one \
         assigned, with its owner's",
    );
    // Assigning to another agent: the hint says what an agent may do instead (the new-user
    // check: it said "the owner", whom a queued intervention does not have).
    let others = sandbox.cli(
        &bo,
        &["assign", &queued[0], &queued[1], "--to", "cy", "--yes"],
    );
    others.fails(4, "ag_3 may not assign these interventions");
    others.hints(
        "the summary says why each was refused; an agent assigns only to itself (`--to me`); to \
         anyone else, run it with an admin's token",
    );
    let mixed = sandbox.cli(&bo, &["cancel", &queued[0], &bos, "--yes"]);
    mixed.fails(3, "1 of 2 items failed");
    assert_eq!(api.intervention(&bos)["state"], "cancelled");
    for id in &queued {
        assert_eq!(api.intervention(id)["state"], "queued");
    }
}

/// A resume judges what it sent itself: refused 403 on each item it sent, after an earlier
/// session failed an item of its own (here a 403 too, before the token expired), it exited 3,
/// where a first run refused so exits 4. When an earlier session did some of the run's items,
/// the run did some: 3, saying that the rest was refused.
#[test]
fn a_resume_refused_403_on_every_item_it_sends_exits_4_as_a_first_run_does() {
    let clean = Sandbox::start(&[]);
    let api = clean.api();
    let w = Workspace::new(&api);
    let bo = clean.home.token(Some("bo"));
    // Only an admin cancels a queued intervention; Bo cancels what Bo owns.
    let queued = [w.queued(), w.queued(), w.queued()];
    let (bos, more) = (w.in_state("assigned"), [w.queued(), w.queued()]);
    // The token expires after one action of each first session, one item at a time: the
    // first item is sent, the second meets the expired token, the third is never sent.
    let first_session = |ids: [&str; 3], journal: &str| -> Run {
        let expiring = Sandbox::start_in(clean.home.clone(), &["--faults", "expire=1"]);
        let mut args = vec![
            "cancel",
            "--yes",
            "--concurrency",
            "1",
            "--journal",
            journal,
        ];
        args.extend(ids);
        let run = expiring.cli(&bo, &args);
        run.fails(4, "the platform stopped accepting the token");
        clean.cli(&bo, &["cancel", "--resume", journal, "--yes"])
    };

    let journal = clean.home.path().join("refused.ndjson");
    let path = journal.to_str().unwrap();
    let resumed = first_session([&queued[0], &queued[1], &queued[2]], path);
    resumed.fails(
        4,
        "ag_3 may not cancel these interventions: the platform refused each of the 2 this resume \
         sent with 403 forbidden (3 of 3 items failed, none was done)",
    );
    resumed.hints(
        "the summary says why each was refused; run it with an admin's token, or, for one \
         assigned, with its owner's",
    );

    let journal = clean.home.path().join("some-done.ndjson");
    let path = journal.to_str().unwrap();
    let resumed = first_session([&bos, &more[0], &more[1]], path);
    resumed.fails(
        3,
        "2 of 3 items failed: ag_3 may not cancel the rest: the platform refused each with 403 \
         forbidden (1 done earlier in this run)",
    );
    resumed.hints(
        "the summary says why each was refused; run it with an admin's token, or, for one \
         assigned, with its owner's",
    );
    assert_eq!(api.intervention(&bos)["state"], "cancelled");
    for id in queued.iter().chain(&more) {
        assert_eq!(api.intervention(id)["state"], "queued");
    }
}
