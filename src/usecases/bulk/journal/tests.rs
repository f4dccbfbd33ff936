use std::path::Path;

use livectl_contract::{Action, ActionKind, ReasonRequest};

use super::*;
use crate::model::Item;
use crate::ui::Reach;
use crate::usecases::bulk::Command;
use crate::usecases::bulk::ledger::Mark;

/// A run id as livectl writes them.
const RUN: &str = "20261124T120000Z-3f2a1c";

fn header(action: &str) -> Header {
    Header {
        journal: FORMAT.into(),
        version: VERSION,
        run_id: RUN.into(),
        action: action.into(),
        workspace: "ws_1".into(),
        agent: "ag_1".into(),
        target: "http://127.0.0.1:1".into(),
        created_at: jiff::Timestamp::UNIX_EPOCH,
        pace: Pace::default(),
        chooses: false,
    }
}

fn cancel(id: &str) -> Item {
    Item {
        id: id.into(),
        version: None,
        action: Action::Cancel(ReasonRequest::default()),
        refused: None,
        looked: None,
    }
}

fn planned(
    path: &Path,
    action: &str,
    ids: &[&str],
    limit: Option<u64>,
) -> Result<Journal, CliError> {
    let mut planner = Planner::create(path, &header(action), limit)?;
    for id in ids {
        planner = planner.plan(&cancel(id))?;
    }
    planner.finish()
}

fn cancels() -> Command {
    Command::of(ActionKind::Cancel)
}

#[test]
fn a_torn_last_line_is_dropped_so_the_journal_resumes_again_and_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = planned(&path, "cancel", &["iv_1", "iv_2", "iv_3", "iv_4"], None).unwrap();
    journal
        .record(&Line::Start {
            n: 0,
            key: "k1".into(),
        })
        .unwrap();
    drop(journal);
    // A kill in the middle of a record, cut inside a multi-byte character.
    let mut torn = std::fs::read(&path).unwrap();
    torn.extend_from_slice(
        "{\"event\":\"end\",\"n\":0,\"id\":\"iv_1\",\"outcome\":\"failed\",\"reason\":\"caf\u{e9}"
            .as_bytes(),
    );
    torn.pop();
    std::fs::write(&path, torn).unwrap();
    for round in 0..3 {
        let (journal, _, scan) = open(&path, &cancels(), &Reach::default(), None, false)
            .unwrap_or_else(|e| panic!("round {round}: {}", e.message));
        assert_eq!(scan.ledger.get(0), Some(Mark::InFlight));
        assert!(
            scan.notable.is_empty(),
            "the torn end record does not count"
        );
        journal
            .record(&Line::Start {
                n: round + 1,
                key: "k".into(),
            })
            .unwrap();
    }
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(scan.ledger.count(Mark::InFlight), 4);
    let plan: Vec<u64> = plan_lines(&path, scan.plan_at, &cancels())
        .unwrap()
        .map(|line| line.unwrap().0)
        .collect();
    assert_eq!(plan, [0, 1, 2, 3], "the plan streams back whole");
}

#[test]
fn damage_before_the_last_line_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(planned(&path, "cancel", &["iv_1"], None).unwrap());
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{oops\n{\"event\":\"start\",\"n\":0,\"key\":\"k\"}\n");
    std::fs::write(&path, text).unwrap();
    let e = open(&path, &cancels(), &Reach::default(), None, false)
        .err()
        .unwrap();
    assert!(e.message.contains("damaged at line 4"), "{}", e.message);
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn an_item_of_another_action_than_the_runs_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    // An assign run whose second item was edited into a cancel.
    drop(planned(&path, "assign", &[], None).unwrap());
    let header = std::fs::read_to_string(&path).unwrap();
    let first = header.lines().next().unwrap();
    std::fs::write(
        &path,
        format!(
            "{first}\n{}\n{}\n{}\n",
            r#"{"event":"plan","n":0,"id":"iv_1","action":"assign","body":{"agent":"ag_2"}}"#,
            r#"{"event":"plan","n":1,"id":"iv_2","action":"cancel","body":{}}"#,
            r#"{"event":"planned","items":2}"#
        ),
    )
    .unwrap();
    let e = open(
        &path,
        &Command::of(ActionKind::Assign),
        &Reach::default(),
        None,
        false,
    )
    .err()
    .unwrap();
    assert!(
        e.message.contains("line 3 would cancel iv_2")
            && e.message.contains("journal of a run of `assign`"),
        "{}",
        e.message
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn other_versions_and_unfinished_plans_are_refused_with_what_would_be_right() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let cases = [
        (
            // Version 1 held the whole plan in its header: a line longer than any header now.
            format!(
                "{{\"journal\":\"livectl-bulk-journal\",\"version\":1,\"run_id\":\"r\",\"items\":[{}]}}\n",
                vec![r#"{"id":"iv_1","action":"cancel"}"#; 4000].join(",")
            ),
            "a journal of version 1",
        ),
        (
            r#"{"journal":"livectl-bulk-journal","version":7}"#.to_owned() + "\n",
            "version 7, which this livectl does not know (it reads versions 2 to 4)",
        ),
        (
            serde_json::to_string(&header("cancel")).unwrap()
                + "\n"
                + r#"{"event":"plan","n":0,"id":"iv_1","action":"cancel"}"#
                + "\n",
            "holds an unfinished plan",
        ),
    ];
    for (text, words) in cases {
        std::fs::write(&path, text).unwrap();
        let e = open(&path, &cancels(), &Reach::default(), None, false)
            .err()
            .unwrap();
        assert!(e.message.contains(words), "{words}: {}", e.message);
        assert_eq!(e.exit_code(), 2);
    }
}

#[test]
fn a_plan_that_cannot_be_written_whole_leaves_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    for limit in [0, 10, 300, 5000] {
        let path = dir.path().join(format!("full-{limit}.ndjson"));
        let ids: Vec<String> = (0..200).map(|n| format!("iv_{n}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let e = planned(&path, "cancel", &ids, Some(limit)).err().unwrap();
        assert!(
            e.message.contains("nothing was sent") && e.message.contains("os error 28"),
            "{}",
            e.message
        );
        assert!(!path.exists(), "the fragment was removed (limit {limit})");
    }
}

#[test]
fn a_record_that_cannot_be_written_stops_the_journal_which_stays_resumable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(planned(&path, "cancel", &["iv_1", "iv_2"], None).unwrap());
    let size = std::fs::metadata(&path).unwrap().len();
    // Room for one start record and half of the next.
    let start = |n: u64| Line::Start {
        n,
        key: format!("r1:cancel:iv_{n}"),
    };
    let one = serde_json::to_vec(&start(0)).unwrap().len() as u64 + 1;
    let (journal, _, _) = open(
        &path,
        &cancels(),
        &Reach::default(),
        Some(one + one / 2),
        false,
    )
    .unwrap();
    assert_eq!(journal.record(&start(0)), Some(size));
    assert_eq!(journal.record(&start(1)), None);
    assert!(journal.is_broken());
    assert!(journal.failure().unwrap().contains("os error 28"));
    assert_eq!(
        journal.record(&start(1)),
        None,
        "nothing is written after a failure"
    );
    drop(journal);
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        size + one,
        "the fragment was cut off"
    );
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(
        (scan.ledger.get(0), scan.ledger.get(1)),
        (Some(Mark::InFlight), Some(Mark::Unsent))
    );
}

/// A deferred end goes out in the same write as the next record: both, or neither when the
/// disk fills, and the offset said is the record's; `flush` writes it alone.
#[test]
fn a_deferred_end_and_the_next_start_are_one_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(planned(&path, "cancel", &["iv_1", "iv_2", "iv_3"], None).unwrap());
    let size = std::fs::metadata(&path).unwrap().len();
    let start = |n: u64| Line::Start {
        n,
        key: format!("r1:cancel:iv_{}", n + 1),
    };
    let len = |line: &Line| serde_json::to_vec(line).unwrap().len() as u64 + 1;
    let (first, end, second) = (len(&start(0)), len(&done(0)), len(&start(1)));
    // Room for the first start, the deferred end and half of the next start.
    let (journal, _, _) = open(
        &path,
        &cancels(),
        &Reach::default(),
        Some(first + end + second / 2),
        false,
    )
    .unwrap();
    assert_eq!(journal.record(&start(0)), Some(size));
    journal.defer(&done(0));
    assert_eq!(journal.record(&start(1)), None);
    drop(journal);
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        size + first,
        "the end that fitted was not kept without the start it went with"
    );
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(
        scan.ledger.get(0),
        Some(Mark::InFlight),
        "sent again on resume"
    );

    let (journal, _, _) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    journal.defer(&done(0));
    assert_eq!(
        journal.record(&start(1)),
        Some(size + first + end),
        "where the start is"
    );
    journal.defer(&done(1));
    drop(journal);
    let (journal, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(
        (scan.ledger.get(0), scan.ledger.get(1)),
        (Some(Mark::Done), Some(Mark::InFlight))
    );
    journal.defer(&done(1));
    journal.flush();
    drop(journal);
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(scan.ledger.get(1), Some(Mark::Done), "flushed alone");
}

#[test]
fn a_journal_damaged_anywhere_opens_or_is_refused_and_nothing_panics() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = planned(&path, "cancel", &["iv_1", "iv_2", "iv_3"], None).unwrap();
    for n in 0..3 {
        journal.record(&Line::Start {
            n,
            key: format!("r1:cancel:iv_{n}"),
        });
    }
    journal.record(&Line::End {
        n: 1,
        id: "iv_2".into(),
        outcome: ItemOutcome::Failed,
        reason: Some("nope".into()),
        retry: false,
        no_room: None,
    });
    drop(journal);
    let whole = std::fs::read(&path).unwrap();
    let mut rng = fastrand::Rng::with_seed(42);
    for _ in 0..3000 {
        let mut bytes = whole.clone();
        for _ in 0..rng.usize(1..4) {
            let at = rng.usize(..bytes.len());
            match rng.u8(..3) {
                0 => bytes[at] = rng.u8(..),
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, *b"{}\n\"9-:,".get(rng.usize(..9)).unwrap_or(&b'x')),
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        let Ok((_, _, scan)) = open(&path, &cancels(), &Reach::default(), None, false) else {
            continue;
        };
        for line in plan_lines(&path, scan.plan_at, &cancels()).unwrap() {
            if line.is_err() {
                break;
            }
        }
        for result in Results::new(&path, scan.notable, &scan.ledger) {
            let _ = result;
        }
    }
}

#[test]
fn the_summary_reads_each_items_last_end_in_plan_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = planned(&path, "cancel", &["iv_1", "iv_2", "iv_3"], None).unwrap();
    let end = |n: u64, outcome: ItemOutcome, reason: &str, retry: bool| Line::End {
        n,
        id: format!("iv_{}", n + 1),
        outcome,
        reason: Some(reason.into()),
        retry,
        no_room: None,
    };
    journal.record(&end(2, ItemOutcome::Skipped, "changed", false));
    journal.record(&end(0, ItemOutcome::Failed, "first try", true));
    journal.record(&end(1, ItemOutcome::Failed, "retried, then done", true));
    journal.record(&end(0, ItemOutcome::Failed, "second try", false));
    journal.record(&Line::End {
        n: 1,
        id: "iv_2".into(),
        outcome: ItemOutcome::Done,
        reason: None,
        retry: false,
        no_room: None,
    });
    drop(journal);
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    let listed: Vec<(String, Option<String>)> = Results::new(&path, scan.notable, &scan.ledger)
        .map(|r| r.map(|r| (r.id, r.reason)).unwrap())
        .collect();
    assert_eq!(
        listed,
        [
            ("iv_1".to_owned(), Some("second try".to_owned())),
            ("iv_3".to_owned(), Some("changed".to_owned())),
        ]
    );
}

/// The items a session left for want of room are counted when the journal is read again, with
/// who had none, so that a resume ends as that session did: left at the send (a pool, an agent
/// that answered `at_capacity`) as well as at the plan.
#[test]
fn the_items_left_for_want_of_room_are_counted_with_who_had_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = planned(&path, "cancel", &["iv_1", "iv_2", "iv_3"], None).unwrap();
    let pool = crate::model::NoRoom::pool("@online");
    let left = |n: u64| Line::End {
        n,
        id: format!("iv_{}", n + 1),
        outcome: ItemOutcome::Skipped,
        reason: Some(pool.reason()),
        retry: false,
        no_room: Some(pool.mark()),
    };
    journal.record(&left(0));
    journal.record(&left(2));
    // Skipped as changed meanwhile: not a want of room.
    journal.record(&Line::End {
        n: 1,
        id: "iv_2".into(),
        outcome: ItemOutcome::Skipped,
        reason: Some("changed".into()),
        retry: false,
        no_room: None,
    });
    drop(journal);
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(scan.no_room, 2);
    assert_eq!(scan.full.why(), pool.why());
}

/// A journal whose plan streams: `ids` planned one by one, each started right after.
fn streamed(path: &Path, ids: &[&str], limit: Option<u64>) -> Journal {
    let journal = Planner::create(path, &header("cancel"), limit)
        .unwrap()
        .stream()
        .unwrap();
    for id in ids {
        let Some(n) = journal.plan(&cancel(id)) else {
            break;
        };
        journal.record(&Line::Start {
            n,
            key: format!("r1:cancel:{id}"),
        });
    }
    journal
}

fn done(n: u64) -> Line {
    Line::End {
        n,
        id: format!("iv_{}", n + 1),
        outcome: ItemOutcome::Done,
        reason: None,
        retry: false,
        no_room: None,
    }
}

#[test]
fn a_streamed_plan_takes_records_between_its_lines_and_streams_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = streamed(&path, &["iv_1", "iv_2"], None);
    journal.record(&done(0));
    assert_eq!(journal.plan(&cancel("iv_3")), Some(2));
    assert!(journal.is_planning());
    assert!(journal.close_plan());
    assert!(!journal.is_planning());
    assert_eq!(journal.plan(&cancel("iv_4")), None, "the plan is closed");
    journal.record(&done(2));
    drop(journal);
    let text = std::fs::read_to_string(&path).unwrap();
    let events: Vec<String> = text
        .lines()
        .skip(1)
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let n = v["n"].as_u64().map(|n| n.to_string());
            format!("{}{}", v["event"].as_str().unwrap(), n.unwrap_or_default())
        })
        .collect();
    assert_eq!(
        events,
        [
            "plan0", "start0", "plan1", "start1", "end0", "plan2", "planned", "end2"
        ],
        "each plan line is in the file before any record of its item"
    );
    let (_, header, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert_eq!(header.version, VERSION);
    assert!(!scan.cut_short);
    assert_eq!(
        (0..3)
            .map(|n| scan.ledger.get(n).unwrap())
            .collect::<Vec<_>>(),
        [Mark::Done, Mark::InFlight, Mark::Done]
    );
    let plan: Vec<String> = plan_lines(&path, scan.plan_at, &cancels())
        .unwrap()
        .map(|line| line.unwrap().1.id)
        .collect();
    assert_eq!(plan, ["iv_1", "iv_2", "iv_3"]);
}

#[test]
fn a_run_stopped_while_its_plan_streamed_resumes_what_it_planned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = streamed(&path, &["iv_1", "iv_2"], None);
    journal.record(&done(0));
    // Taken by a worker but not sent when the run stopped: in the plan all the same.
    assert_eq!(journal.plan(&cancel("iv_3")), Some(2));
    journal.flush();
    drop(journal);
    let before = std::fs::read(&path).unwrap();
    let (journal, _, mut scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert!(scan.cut_short && scan.unclosed);
    assert_eq!(scan.ledger.len(), 3);
    assert_eq!(scan.ledger.left(), 2);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "opening changes nothing (a resume may still be refused)"
    );
    scan.close_short(&journal).unwrap();
    drop(journal);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("{\"event\":\"planned\",\"items\":3,\"cut_short\":true}\n"),
        "the plan was closed, marked as cut short"
    );
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
    assert!(
        scan.cut_short && !scan.unclosed,
        "closed once, and still known to be cut short"
    );
    assert_eq!(scan.ledger.len(), 3);
}

#[test]
fn a_record_of_an_item_not_planned_yet_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(streamed(&path, &["iv_1"], None));
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("{\"event\":\"start\",\"n\":1,\"key\":\"k\"}\n");
    std::fs::write(&path, text).unwrap();
    let e = open(&path, &cancels(), &Reach::default(), None, false)
        .err()
        .unwrap();
    assert!(
        e.message
            .contains("damaged at line 4: there is no item 1 in the plan"),
        "{}",
        e.message
    );
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn a_full_disk_while_the_plan_streams_keeps_only_whole_items() {
    let dir = tempfile::tempdir().unwrap();
    for limit in [400, 500, 700, 900] {
        let path = dir.path().join(format!("full-{limit}.ndjson"));
        let ids: Vec<String> = (1..=20).map(|n| format!("iv_{n}")).collect();
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let journal = streamed(&path, &ids, Some(limit));
        assert!(journal.is_broken(), "limit {limit}");
        assert!(!journal.close_plan());
        drop(journal);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with('\n'), "no fragment left (limit {limit})");
        let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false).unwrap();
        assert!(scan.cut_short && scan.ledger.len() > 0);
        assert_eq!(
            scan.ledger.count(Mark::InFlight),
            scan.ledger.len(),
            "every item in the file was started with its plan line (limit {limit})"
        );
    }
}

#[test]
fn a_plan_line_whose_id_is_no_interventions_is_damage_named_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for (n, (id, why)) in [
        (
            "ag_3",
            "`ag_3` is not an intervention id (those look like iv_42): `ag_` is the prefix of agents",
        ),
        ("iv 3", "`iv 3` is not an intervention id (those look like iv_42)"),
        ("iv_3\r\nx", "is not an intervention id (those look like iv_42)"),
    ]
    .into_iter()
    .enumerate()
    {
        let path = dir.path().join(format!("{n}.ndjson"));
        drop(planned(&path, "cancel", &["iv_1", id], None).unwrap());
        let e = open(&path, &cancels(), &Reach::default(), None, false)
            .err()
            .expect(id);
        assert_eq!(e.kind, crate::error::ErrorKind::Usage, "{id}");
        assert!(
            e.message.starts_with(&format!(
                "the journal {} is damaged at line 3: ",
                path.display()
            )) && e.message.contains(why),
            "{id}: {}",
            e.message
        );
    }
}

#[test]
fn a_header_whose_run_id_livectl_did_not_write_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(planned(&path, "cancel", &["iv_1"], None).unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    for run_id in [
        "",
        "r1",
        "20261124T120000Z-3f2a1",
        "20261124T120000Z-3F2A1C",
        "20261124 120000Z-3f2a1c",
        "20261124T120000Z-3f2a1c\\r\\nX-Evil: 1",
    ] {
        let edited = text.replacen(RUN, run_id, 1);
        assert_ne!(edited, text);
        std::fs::write(&path, edited).unwrap();
        let e = open(&path, &cancels(), &Reach::default(), None, false)
            .err()
            .expect(run_id);
        assert_eq!(
            e.message,
            format!(
                "the journal {} is damaged at line 1: its run id `{}` is not one livectl writes (such as 20261124T120000Z-3f2a1c), and the items' keys are made of it",
                path.display(),
                // As the file's JSON escapes decode.
                run_id.replace("\\r\\n", "\r\n")
            ),
        );
    }
    std::fs::write(&path, &text).unwrap();
    assert!(
        open(&path, &cancels(), &Reach::default(), None, false).is_ok(),
        "the real one opens"
    );
    for _ in 0..100 {
        let id = crate::usecases::bulk::new_run_id();
        assert_eq!(crate::usecases::bulk::wrong_run_id(&id), None, "{id}");
    }
}

#[test]
fn a_header_whose_pace_no_flag_could_give_is_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    drop(planned(&path, "cancel", &["iv_1"], None).unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    let pace = r#""pace":{"concurrency":16,"retries":2}"#;
    assert!(text.contains(pace), "{text}");
    for (edited, why) in [
        (
            r#""pace":{"concurrency":0,"retries":2}"#,
            "its concurrency 0 is not from 1 to 256",
        ),
        (
            r#""pace":{"concurrency":65535,"retries":2}"#,
            "its concurrency 65535 is not from 1 to 256",
        ),
        (
            r#""pace":{"concurrency":16,"retries":4294967295}"#,
            "its retries 4294967295 are more than 10",
        ),
        (
            r#""pace":{"concurrency":16,"rate":-1.0,"retries":2}"#,
            "its rate -1 is not from 0.001 to 1000000",
        ),
        (
            r#""pace":{"concurrency":16,"rate":0.0,"retries":2}"#,
            "its rate 0 is not from 0.001 to 1000000",
        ),
    ] {
        std::fs::write(&path, text.replacen(pace, edited, 1)).unwrap();
        let e = open(&path, &cancels(), &Reach::default(), None, false)
            .err()
            .expect(edited);
        assert_eq!(
            e.message,
            format!("the journal {} is damaged at line 1: {why}", path.display()),
        );
    }
    std::fs::write(&path, &text).unwrap();
    assert!(
        open(&path, &cancels(), &Reach::default(), None, false).is_ok(),
        "the real one opens"
    );
}

/// Starts written ahead (several to a write) of items the run stopped before sending are
/// withdrawn: a resume counts them as never sent, and one that had failed for a passing reason
/// as still to try again, not as in flight. An item in flight from an earlier run stays so.
#[test]
fn a_withdrawn_start_leaves_its_item_as_it_stood_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.ndjson");
    let journal = planned(&path, "cancel", &["iv_1", "iv_2", "iv_3", "iv_4"], None).unwrap();
    let start = |n: u64| Line::Start {
        n,
        key: format!("{RUN}:cancel:iv_{}", n + 1),
    };
    // An earlier session: item 0 failed for a passing reason, item 3 was in flight when it
    // was killed.
    assert!(journal.record_all([start(0)]));
    journal.record(&Line::End {
        n: 0,
        id: "iv_1".into(),
        outcome: ItemOutcome::Failed,
        reason: Some("timed out".into()),
        retry: true,
        no_room: None,
    });
    assert!(journal.record_all([start(3)]));
    // This one: the four started in one write, and the run stopped before sending any.
    assert!(journal.record_all([start(0), start(1), start(2), start(3)]));
    assert!(journal.record_all([0, 1, 2, 3].map(|n| Line::Withdrawn { n })));
    drop(journal);
    let (_, _, scan) = open(&path, &cancels(), &Reach::default(), None, false)
        .unwrap_or_else(|e| panic!("{}", e.message));
    let marks: Vec<_> = (0..4).map(|n| scan.ledger.get(n)).collect();
    assert_eq!(
        marks,
        [
            Some(Mark::Retry),
            Some(Mark::Unsent),
            Some(Mark::Unsent),
            Some(Mark::InFlight)
        ]
    );
}

/// `chooses` is written only when livectl chose each item's agent, and a header written before
/// it (none) reads as false: a resume of an older journal says who got what as it did then.
#[test]
fn a_header_without_chooses_reads_as_not_chosen() {
    let plain = serde_json::to_string(&header("cancel")).unwrap();
    assert!(!plain.contains("chooses"), "{plain}");
    let read: Header = serde_json::from_str(&plain).unwrap();
    assert!(!read.chooses);
    let chosen = Header {
        chooses: true,
        ..header("assign")
    };
    let written = serde_json::to_string(&chosen).unwrap();
    assert!(written.contains("\"chooses\":true"), "{written}");
    assert!(serde_json::from_str::<Header>(&written).unwrap().chooses);
}
