//! The console's screens, rendered through ratatui's test backend from fixed data and a fixed
//! clock, compared whole (insta) at 80x24 and 160x48; and what its keys ask for.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use jiff::Timestamp;
use livectl_contract::{
    Action, ActionKind, AssignRequest, CompleteRequest, Event as Change, HistoryRecord,
    Intervention, InterventionQuery, Queues, ReasonRequest,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::{Value, json};

use super::forms::Popup;
use super::{App, Input, Intent, Link, Workspace};
use crate::model::{Item, Stuck, StuckReason};
use crate::ui::Ui;

const NOW: &str = "2026-11-24T12:00:00Z";

fn at(t: &str) -> Timestamp {
    t.parse().unwrap()
}

fn from<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).unwrap()
}

fn agent(id: &str, name: &str, role: &str, department: &str, status: &str, active: bool) -> Value {
    let key = name.split(' ').next().unwrap().to_lowercase();
    json!({"id": id, "key": key, "name": name, "email": format!("{key}@example.com"),
           "role": role, "department": department, "status": status, "active": active,
           "status_since": NOW, "max_load": null})
}

#[allow(clippy::too_many_arguments)]
fn intervention(
    n: u32,
    user: &str,
    summary: &str,
    department: &str,
    owner: Option<&str>,
    queued_at: &str,
    assigned_at: Option<&str>,
    last_user: Option<&str>,
) -> Intervention {
    from(json!({
        "id": format!("iv_{n}"), "conversation_id": format!("cv_{n}"),
        "user": {"id": format!("us_{n}"), "name": user, "channel": "web"},
        "summary": summary, "department": department,
        "state": if owner.is_some() { "assigned" } else { "queued" },
        "owner": owner, "queued_at": queued_at, "assigned_at": assigned_at, "closed_at": null,
        "last_user_message_at": last_user, "last_agent_message_at": null,
        "tags": [], "completion": null, "version": if owner.is_some() { 2 } else { 1 },
        "updated_at": assigned_at.unwrap_or(queued_at),
    }))
}

fn workspace() -> Workspace {
    let agents = vec![
        agent("ag_1", "Ana Lima", "admin", "dp_1", "online", true),
        agent("ag_2", "Bo Chen", "agent", "dp_1", "online", true),
        agent("ag_3", "Cy Diaz", "agent", "dp_2", "away", true),
        agent("ag_4", "Dan Ek", "agent", "dp_2", "offline", true),
        agent("ag_5", "Eve Moss", "agent", "dp_2", "online", false),
    ];
    let open = vec![
        intervention(
            1,
            "Ada Park",
            "Cannot log in after the update",
            "dp_1",
            None,
            "2026-11-24T10:00:00Z",
            None,
            None,
        ),
        intervention(
            2,
            "Ben Ruiz",
            "Charged twice for one order",
            "dp_2",
            None,
            "2026-11-24T11:40:00Z",
            None,
            None,
        ),
        // Outside text that tries to colour the terminal is shown, not obeyed.
        intervention(
            3,
            "Cleo \u{1b}[31mMoss",
            "App crashes\u{1b}[2J on start",
            "dp_1",
            None,
            "2026-11-24T11:55:00Z",
            None,
            None,
        ),
        intervention(
            4,
            "Dev Shah",
            "Wants a refund",
            "dp_2",
            Some("ag_2"),
            "2026-11-24T11:00:00Z",
            Some("2026-11-24T11:30:00Z"),
            Some("2026-11-24T11:35:00Z"),
        ),
        intervention(
            5,
            "Eli Kim",
            "Change of address",
            "dp_1",
            Some("ag_2"),
            "2026-11-24T11:45:00Z",
            Some("2026-11-24T11:50:00Z"),
            None,
        ),
        intervention(
            6,
            "Fay Wu",
            "Invoice missing",
            "dp_2",
            Some("ag_4"),
            "2026-11-24T08:30:00Z",
            Some("2026-11-24T09:00:00Z"),
            None,
        ),
        intervention(
            7,
            "Gus Lee",
            "Wrong size delivered",
            "dp_2",
            Some("ag_3"),
            "2026-11-24T11:10:00Z",
            Some("2026-11-24T11:20:00Z"),
            None,
        ),
    ];
    let queue =
        |id: &str, name: &str, status: &str, count: u32, max: Option<u32>, oldest: Option<&str>| {
            json!({"agent": id, "name": name, "status": status, "active": true, "count": count,
               "max_load": max, "oldest_assigned_at": oldest, "oldest_wait_seconds": null})
        };
    let queues: Queues = from(json!({
        "general": {"count": 3, "oldest_queued_at": "2026-11-24T10:00:00Z", "oldest_wait_seconds": 7200},
        "agents": [
            queue("ag_1", "Ana Lima", "online", 0, None, None),
            // Bo Chen is full: the picker says so and offers him after those with room.
            queue("ag_2", "Bo Chen", "online", 2, Some(2), Some("2026-11-24T11:30:00Z")),
            queue("ag_3", "Cy Diaz", "away", 1, Some(5), Some("2026-11-24T11:20:00Z")),
            queue("ag_4", "Dan Ek", "offline", 1, None, Some("2026-11-24T09:00:00Z")),
        ],
    }));
    let catalog = |kind: &str, entries: &[(&str, &str)]| -> Value {
        Value::Array(
            entries
                .iter()
                .enumerate()
                .map(|(n, (key, name))| json!({"id": format!("{kind}_{}", n + 1), "key": key, "name": name, "department": null}))
                .collect(),
        )
    };
    Workspace {
        me: from(agents[0].clone()),
        agents: agents.into_iter().map(from).collect(),
        departments: from(json!([
            {"id": "dp_1", "key": "support", "name": "Support"},
            {"id": "dp_2", "key": "billing", "name": "Billing"},
        ])),
        catalog: super::Catalog {
            topics: from(catalog(
                "tp",
                &[("login", "Login problem"), ("refund", "Refund request")],
            )),
            outcomes: from(catalog(
                "oc",
                &[("resolved", "Resolved"), ("escalated", "Escalated")],
            )),
            blocks: from(catalog("bk", &[("survey", "Satisfaction survey")])),
        },
        queues,
        open,
    }
}

fn app() -> App {
    app_of(workspace())
}

/// The console of `workspace`, as `app` makes it.
fn app_of(workspace: Workspace) -> App {
    let mut ui = Ui::silent();
    ui.now = at(NOW);
    ui.in_utc();
    ui.color = false;
    let filter = InterventionQuery::default();
    let mut app = App::new(ui, workspace, filter, "http://127.0.0.1:4321".into());
    app.set_link(Link::Live);
    let stuck = |app: &App, id: &str, reasons: Vec<StuckReason>| Stuck {
        intervention: find(app, id),
        reasons,
        now: at(NOW),
    };
    let found = vec![
        stuck(
            &app,
            "iv_6",
            vec![StuckReason::OwnerAbsent {
                owner: "Dan Ek".into(),
                status: livectl_contract::AgentStatus::Offline,
                since: at("2026-11-24T11:40:00Z"),
            }],
        ),
        stuck(
            &app,
            "iv_1",
            vec![StuckReason::Queued {
                since: at("2026-11-24T10:00:00Z"),
            }],
        ),
        stuck(
            &app,
            "iv_4",
            vec![StuckReason::NoReply {
                since: at("2026-11-24T11:35:00Z"),
                user: at("2026-11-24T11:35:00Z"),
            }],
        ),
    ];
    app.set_stuck(found);
    for (seq, id, action, from, to, actor, at) in [
        (
            1,
            "iv_6",
            "reassigned",
            Some("ag_2"),
            Some("ag_4"),
            "ag_1",
            "2026-11-24T09:00:00Z",
        ),
        (
            2,
            "iv_7",
            "assigned",
            None,
            Some("ag_3"),
            "ag_3",
            "2026-11-24T11:20:00Z",
        ),
        (
            3,
            "iv_4",
            "assigned",
            None,
            Some("ag_2"),
            "ag_1",
            "2026-11-24T11:30:00Z",
        ),
    ] {
        app.event(from_change(seq, id, action, from, to, actor, at));
    }
    app
}

fn from_change(
    seq: i64,
    id: &str,
    action: &str,
    from_owner: Option<&str>,
    to_owner: Option<&str>,
    actor: &str,
    at: &str,
) -> Change {
    from(
        json!({"seq": seq, "at": at, "intervention_id": id, "actor": actor, "action": action,
                "from_owner": from_owner, "to_owner": to_owner, "reason": null, "idempotency_key": null}),
    )
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.render(frame)).unwrap();
    terminal.backend().to_string()
}

/// The whole screen at 80x24 and at 160x48.
#[track_caller]
fn snapshot(app: &mut App, name: &str) {
    for (width, height) in [(80, 24), (160, 48)] {
        insta::assert_snapshot!(
            format!("{name}@{width}x{height}"),
            screen(app, width, height)
        );
    }
}

fn press(app: &mut App, code: KeyCode) -> Option<Intent> {
    app.on_input(Input(Event::Key(KeyEvent::new(code, KeyModifiers::NONE))))
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(press(app, KeyCode::Char(c)), None, "typing {c}");
    }
}

fn find(app: &App, id: &str) -> Intervention {
    app.open().iter().find(|i| i.id == id).cloned().unwrap()
}

/// Moves the list's selection onto `id`.
fn select(app: &mut App, id: &str) {
    press(app, KeyCode::Home);
    for _ in 0..app.open().len() {
        if app.current().is_some_and(|i| i.id == id) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("{id} is not listed");
}

#[test]
fn main_view() {
    snapshot(&mut app(), "main");
}

/// The list reads in the order of its WAITING column, longest first: a queued intervention
/// waits from `queued_at`, an assigned one from `assigned_at` (Dev, queued before Gus, was
/// assigned after him, so waits less).
#[test]
fn the_list_is_in_the_order_of_its_waiting_column() {
    let mut app = app();
    // A return queues it again: it waits from then, at the end of the list.
    let mut returned = find(&app, "iv_6");
    returned.state = livectl_contract::InterventionState::Queued;
    returned.owner = None;
    returned.assigned_at = None;
    returned.queued_at = at("2026-11-24T11:58:00Z");
    returned.version += 1;
    app.upsert(returned);
    let screen = screen(&mut app, 160, 48);
    let rows: Vec<(&str, &str)> = screen
        .lines()
        .skip_while(|l| !l.contains("WAITING"))
        .skip(1)
        .take_while(|l| l.contains("iv_"))
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            let id = cells.iter().find(|c| c.starts_with("iv_")).unwrap();
            // WAITING is the one cell that is an age.
            let waiting = cells
                .iter()
                .find(|c| c.starts_with(char::is_numeric) && (c.ends_with('h') || c.ends_with('m')))
                .unwrap();
            (*id, *waiting)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("iv_1", "2h"),
            ("iv_7", "40m"),
            ("iv_4", "30m"),
            ("iv_2", "20m"),
            ("iv_5", "10m"),
            ("iv_3", "5m"),
            ("iv_6", "2m"),
        ],
        "{screen}"
    );
}

/// Issue 13: an agent's status change is in the feed and in its My Queue's row at once.
#[test]
fn a_status_change_shows_in_the_feed_and_the_queues() {
    let mut app = app();
    app.status(from(
        json!({"seq": 4, "at": "2026-11-24T11:58:00Z", "agent": "ag_3",
        "actor": "ag_1", "from": "away", "to": "offline", "reason": "end of shift",
        "idempotency_key": null}),
    ));
    let cy = app.agents().iter().find(|a| a.id == "ag_3").unwrap();
    assert_eq!(cy.status, livectl_contract::AgentStatus::Offline);
    snapshot(&mut app, "status_change");
}

#[test]
fn a_status_learned_from_the_queues_counts_from_then() {
    let mut app = app();
    let later = at("2026-11-24T12:30:00Z");
    app.ui.now = later;
    let queue = |id: &str, status: &str| {
        json!({"agent": id, "name": id, "status": status, "active": true, "count": 0,
               "max_load": null, "oldest_assigned_at": null, "oldest_wait_seconds": null})
    };
    app.set_queues(from(json!({
        "general": {"count": 0, "oldest_queued_at": null, "oldest_wait_seconds": null},
        "agents": [queue("ag_1", "online"), queue("ag_3", "offline")],
    })));
    let since = |id: &str| {
        let a = app.agents().iter().find(|a| a.id == id).unwrap();
        (a.status, a.status_since)
    };
    // Cy went offline unseen by the stream: no longer than since this refresh.
    assert_eq!(
        since("ag_3"),
        (livectl_contract::AgentStatus::Offline, later)
    );
    assert_eq!(
        since("ag_1"),
        (livectl_contract::AgentStatus::Online, at(NOW))
    );
}

/// Issue 13: among agents of one status, those at capacity come after those with room, and
/// the picker says why.
#[test]
fn the_agent_picker_offers_full_agents_last_and_says_so() {
    let mut app = app();
    select(&mut app, "iv_1");
    press(&mut app, KeyCode::Char('t'));
    let screen = screen(&mut app, 160, 48);
    let lines: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains("in My Queue"))
        .collect();
    assert_eq!(lines.len(), 4, "{screen}");
    assert!(lines[0].contains("Ana Lima") && lines[0].contains("online  0 in My Queue"));
    assert!(
        lines[1].contains("Bo Chen") && lines[1].contains("2/2 in My Queue (full)"),
        "{screen}"
    );
    assert!(lines[2].contains("Cy Diaz") && lines[2].contains("1/5 in My Queue"));
}

/// With an agent's token, `t` offers only the agents the agent may give the selection to: a
/// queued one to itself alone (an agent assigns only to itself), its own assigned one to any
/// colleague (its owner may reassign it). It offered every agent, each pick refused by the
/// platform (new user).
#[test]
fn an_agent_s_picker_offers_only_whom_it_may_give_to() {
    let mut workspace = workspace();
    // Bo Chen, an agent, who owns iv_4.
    workspace.me = workspace.agents[1].clone();
    let mut app = app_of(workspace);
    // The names the picker lists: what its box holds, from its left border.
    let offered = |app: &mut App| -> Vec<String> {
        let screen = screen(app, 160, 48);
        let border = screen
            .lines()
            .find_map(|l| {
                let chars: Vec<char> = l.chars().collect();
                (0..chars.len()).find(|&n| {
                    chars[n..]
                        .iter()
                        .collect::<String>()
                        .starts_with("┌ Assign")
                        || chars[n..]
                            .iter()
                            .collect::<String>()
                            .starts_with("┌ Reassign")
                })
            })
            .unwrap_or_else(|| panic!("no picker: {screen}"));
        let names = ["Ana Lima", "Bo Chen", "Cy Diaz", "Dan Ek", "Eve Moss"];
        screen
            .lines()
            .filter(|l| l.contains("in My Queue"))
            .filter_map(|l| {
                let inside: String = l.chars().skip(border).collect();
                names
                    .iter()
                    .find(|n| inside.contains(*n))
                    .map(|n| n.to_string())
            })
            .collect()
    };
    select(&mut app, "iv_1");
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(offered(&mut app), ["Bo Chen"]);
    press(&mut app, KeyCode::Esc);
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(offered(&mut app), ["Ana Lima", "Cy Diaz", "Dan Ek"]);
    press(&mut app, KeyCode::Esc);
    // Cy's, which no agent may give away but Cy or an admin: no picker, the contract's reason.
    select(&mut app, "iv_7");
    press(&mut app, KeyCode::Char('t'));
    assert!(app.popup.is_none());
    let said = app.message.clone().unwrap();
    assert_eq!(
        (said.text.as_str(), said.error),
        ("iv_7: only its owner or an admin may reassign it", true)
    );
}

/// No other agent active: said as such, not as a question of role (review).
#[test]
fn a_picker_with_nobody_to_offer_says_so() {
    let mut workspace = workspace();
    for agent in &mut workspace.agents {
        agent.active = agent.id == "ag_2";
    }
    // The queues say whether each is active too, and are read last.
    for queue in &mut workspace.queues.agents {
        queue.active = queue.agent == "ag_2";
    }
    let mut app = app_of(workspace);
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('t'));
    assert!(app.popup.is_none());
    assert_eq!(
        app.message.clone().unwrap().text,
        "no other active agent to give it to"
    );
}

#[test]
fn a_queue_selected_lists_its_interventions() {
    let mut app = app();
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    snapshot(&mut app, "queue_bo");
}

/// A colleague's My Queue chosen by an agent says its work is not shown, and why: it read as an
/// empty queue, "(0)", beside the queue's count (new user).
#[test]
fn an_agent_choosing_a_colleague_s_queue_is_told_it_is_not_shown() {
    let mut workspace = workspace();
    workspace.me = workspace.agents[1].clone();
    let mut app = app_of(workspace);
    press(&mut app, KeyCode::BackTab);
    for _ in 0..4 {
        press(&mut app, KeyCode::Down);
    }
    let shown = screen(&mut app, 160, 48);
    assert!(
        shown.contains(
            "Cy Diaz's My Queue: not shown, an agent sees the queued interventions and its own"
        ),
        "{shown}"
    );
}

/// The picker is named as the move is: assign for a queued one, reassign for an assigned one
/// (it said "Assign" of both: a new user).
#[test]
fn the_agent_picker_is_named_as_the_move_is() {
    let mut app = app();
    select(&mut app, "iv_1");
    press(&mut app, KeyCode::Char('t'));
    assert!(screen(&mut app, 80, 24).contains("Assign iv_1 to"));
    press(&mut app, KeyCode::Esc);
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('t'));
    assert!(screen(&mut app, 80, 24).contains("Reassign iv_4 to"));
}

#[test]
fn agent_picker_offers_active_agents_but_the_owner_with_status_and_load() {
    let mut app = app();
    select(&mut app, "iv_4");
    assert_eq!(press(&mut app, KeyCode::Char('t')), None);
    snapshot(&mut app, "agent_picker");
    typed(&mut app, "cy");
    snapshot(&mut app, "agent_picker_narrowed");
    let intent = press(&mut app, KeyCode::Enter);
    assert_eq!(
        intent,
        Some(Intent::Act {
            kind: ActionKind::Reassign,
            describe: "reassign to Cy Diaz".into(),
            items: vec![Item {
                id: "iv_4".into(),
                version: Some(2),
                action: Action::Reassign(AssignRequest {
                    agent: "ag_3".into(),
                    reason: None
                }),
                refused: None,
                looked: None,
            }],
        })
    );
}

/// The form offers the topics that fit the interventions' department, as the CLI's picker does,
/// and says so: it offered every department's (new user).
#[test]
fn complete_offers_the_topics_of_the_intervention_s_department() {
    let mut workspace = workspace();
    // Refund request is Billing's (dp_2).
    workspace.catalog.topics[1].department = Some("dp_2".into());
    let mut app = app_of(workspace);
    let offered = |app: &App| match &app.popup {
        Some(super::forms::Popup::Complete(form)) => form.topics(),
        _ => panic!("no form"),
    };
    // iv_5 is Support's: the shared topic alone.
    select(&mut app, "iv_5");
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(
        offered(&app),
        (
            "Topic (those of no department)".to_owned(),
            vec!["Login problem".to_owned()]
        )
    );
    press(&mut app, KeyCode::Esc);
    // iv_4 is Billing's: its own and the shared one, which is every topic.
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(offered(&app).0, "Topic");
    assert_eq!(offered(&app).1.len(), 2);
    press(&mut app, KeyCode::Esc);
    // Marked with a queued one it will not complete (iv_2, Billing's too, and iv_1, Support's):
    // the topics are those of iv_4 alone (review: they narrowed to the shared ones).
    for id in ["iv_1", "iv_4"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Char(' '));
    }
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(offered(&app).1.len(), 2, "{:?}", offered(&app));
}

#[test]
fn complete_asks_topic_outcome_block_and_tags() {
    let mut app = app();
    select(&mut app, "iv_5");
    press(&mut app, KeyCode::Char('c'));
    snapshot(&mut app, "complete_topic");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    snapshot(&mut app, "complete_outcome");
    press(&mut app, KeyCode::Enter);
    snapshot(&mut app, "complete_block");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typed(&mut app, "VIP, address ");
    snapshot(&mut app, "complete_tags");
    let intent = press(&mut app, KeyCode::Enter);
    assert_eq!(
        intent,
        Some(Intent::Act {
            kind: ActionKind::Complete,
            describe: "complete".into(),
            items: vec![Item {
                id: "iv_5".into(),
                version: Some(2),
                action: Action::Complete(CompleteRequest {
                    topic: "tp_2".into(),
                    outcome: "oc_1".into(),
                    tags: vec!["VIP".into(), "address".into()],
                    block: Some("bk_1".into()),
                }),
                refused: None,
                looked: None,
            }],
        })
    );
}

/// Tags the platform would refuse are said in the form, which stays open with all that was
/// picked: a refusal from the platform dropped the whole form (on-call check).
#[test]
fn tags_the_platform_would_refuse_are_said_in_the_form_which_stays() {
    let mut app = app();
    select(&mut app, "iv_5");
    press(&mut app, KeyCode::Char('c'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    typed(&mut app, "ok, bad🔥tag");
    assert_eq!(press(&mut app, KeyCode::Enter), None, "nothing is sent");
    snapshot(&mut app, "complete_tags_refused");
    // Mended, it completes with what was picked.
    for _ in 0.."bad🔥tag".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    typed(&mut app, "vip");
    let Some(Intent::Act { items, .. }) = press(&mut app, KeyCode::Enter) else {
        panic!("the form completes")
    };
    let Action::Complete(request) = &items[0].action else {
        panic!("a completion")
    };
    assert_eq!(request.tags, ["ok", "vip"]);
    assert_eq!(request.topic, "tp_1");
}

#[test]
fn complete_on_a_queued_intervention_says_why_not() {
    let mut app = app();
    select(&mut app, "iv_1");
    assert_eq!(press(&mut app, KeyCode::Char('c')), None);
    assert!(app.popup.is_none());
    let message = app.message.clone().unwrap();
    assert_eq!(message.text, "iv_1 is queued; complete needs it assigned");
    assert!(message.error);
}

#[test]
fn history_of_the_user() {
    let mut app = app();
    select(&mut app, "iv_4");
    let intent = press(&mut app, KeyCode::Char('h'));
    assert_eq!(
        intent,
        Some(Intent::History {
            user: "us_4".into()
        })
    );
    snapshot(&mut app, "history_loading");
    let record = |n: u32,
                  conversation: &str,
                  at: &str,
                  sender: &str,
                  agent: Option<&str>,
                  text: &str|
     -> HistoryRecord {
        from(
            json!({"id": format!("msg_{n}"), "conversation_id": conversation,
                    "user": {"id": "us_4", "name": "Dev Shah", "channel": "web"}, "channel": "web",
                    "at": at, "sender": sender, "agent": agent, "text": text}),
        )
    };
    app.history(
        "us_4",
        Ok(vec![
            record(
                1,
                "cv_1",
                "2026-11-20T09:00:00Z",
                "user",
                None,
                "Where is my parcel?",
            ),
            record(
                2,
                "cv_1",
                "2026-11-20T09:00:05Z",
                "bot",
                None,
                "It ships tomorrow.",
            ),
            record(
                3,
                "cv_4",
                "2026-11-24T11:29:00Z",
                "user",
                None,
                "I want a refund\u{7}\u{1b}]0;owned",
            ),
            record(
                4,
                "cv_4",
                "2026-11-24T11:31:00Z",
                "agent",
                Some("ag_2"),
                "Hi, I'm Bo. Let me check.",
            ),
            // A long message wraps, every word of it shown (one line cut at the pop-up's
            // edge showed its first 37 characters: on-call check).
            record(
                5,
                "cv_4",
                "2026-11-24T11:33:00Z",
                "user",
                None,
                "The parcel was sent to my old address on Rue des Lilas, which I left in \
                 March; the new one is in my account since then, so please check why the \
                 order used the old one. ENDS HERE",
            ),
        ]),
    );
    snapshot(&mut app, "history");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
}

#[test]
fn help_lists_every_key() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    snapshot(&mut app, "help");
    press(&mut app, KeyCode::Char('x'));
    assert!(app.popup.is_none(), "any key closes the help");
}

#[test]
fn search_narrows_the_list_as_it_is_typed() {
    let mut app = app();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "refund");
    snapshot(&mut app, "search");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.listed().len(), 1);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.listed().len(), 7, "Esc drops the search");
}

#[test]
fn filters_by_department_and_owner() {
    let mut app = app();
    press(&mut app, KeyCode::Char('d'));
    snapshot(&mut app, "filter_department");
    typed(&mut app, "bill");
    press(&mut app, KeyCode::Enter);
    snapshot(&mut app, "filtered_by_department");
    press(&mut app, KeyCode::Char('o'));
    snapshot(&mut app, "filter_owner");
    typed(&mut app, "nobody");
    press(&mut app, KeyCode::Enter);
    let ids: Vec<&str> = app.listed().iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["iv_2"], "Billing's, in the general queue");
}

/// An agent's owner filter offers only whose work it sees: any, nobody, itself. It offered
/// colleagues, each an empty list the CLI refuses as not the agent's to see (new user).
#[test]
fn an_agent_s_owner_filter_offers_only_whose_work_it_sees() {
    let mut workspace = workspace();
    workspace.me = workspace.agents[1].clone();
    let mut app = app_of(workspace);
    press(&mut app, KeyCode::Char('o'));
    let Some(super::forms::Popup::Owner(picker)) = &app.popup else {
        panic!("no picker")
    };
    let labels: Vec<&str> = picker.entries.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        ["(any owner)", "(nobody: the general queue)", "Bo Chen"]
    );
}

#[test]
fn a_conflict_shows_what_changed_and_the_row_as_it_is_now() {
    let mut app = app();
    let item = Item {
        id: "iv_4".into(),
        version: Some(2),
        action: Action::Reassign(AssignRequest {
            agent: "ag_3".into(),
            reason: None,
        }),
        refused: None,
        looked: None,
    };
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('t'));
    typed(&mut app, "cy");
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        Some(Intent::Act {
            kind: ActionKind::Reassign,
            describe: "reassign to Cy Diaz".into(),
            items: vec![item.clone()],
        })
    );
    let mut now = find(&app, "iv_4");
    now.owner = Some("ag_4".into());
    now.version = 3;
    // The event stream may bring the change before the refusal: the pop-up still compares
    // with what was shown when the action was asked for.
    app.upsert(now.clone());
    app.sending(&item);
    app.answered(&item);
    app.conflict(&item, 412, "", now);
    snapshot(&mut app, "conflict");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    // The line says the refusal, not "sent, waiting for the answer…" (new user).
    let said = app.message.clone().unwrap();
    assert_eq!(
        (said.text.as_str(), said.error),
        ("iv_4: reassign refused", true)
    );
    assert_eq!(find(&app, "iv_4").owner.as_deref(), Some("ag_4"));
    // Refused for want of room, its state allowing it: the platform's words, not a state
    // that contradicts itself ("iv_1 is queued now; assign needs it queued").
    let queued = find(&app, "iv_1");
    let assign = Item {
        id: "iv_1".into(),
        version: Some(queued.version),
        action: Action::Assign(AssignRequest {
            agent: "ag_3".into(),
            reason: None,
        }),
        refused: None,
        looked: None,
    };
    app.conflict(
        &assign,
        409,
        "cannot give intervention iv_1 to ag_3: it holds 2 assigned interventions, its max_load",
        queued,
    );
    let shown = screen(&mut app, 110, 32);
    assert!(
        shown.contains("cannot give intervention iv_1 to ag_3: it holds 2 assigned"),
        "{shown}"
    );
    assert!(!shown.contains("assign needs it"), "{shown}");
    press(&mut app, KeyCode::Esc);
    // Cancelled meanwhile: it has left the list, so no row is pointed at (new user).
    let mut cancelled = find(&app, "iv_5");
    let cancel = Item {
        id: "iv_5".into(),
        version: Some(cancelled.version),
        action: Action::Cancel(ReasonRequest::default()),
        refused: None,
        looked: None,
    };
    cancelled.state = livectl_contract::InterventionState::Cancelled;
    cancelled.version += 1;
    app.conflict(&cancel, 412, "", cancelled);
    let shown = screen(&mut app, 110, 32);
    assert!(
        shown.contains("It is cancelled and has left the list. Esc closes."),
        "{shown}"
    );
    assert!(!shown.contains("The row shows it"), "{shown}");
    press(&mut app, KeyCode::Esc);
    // Assigned meanwhile, with the general queue in view: open still, but out of the list
    // shown, so no row is pointed at either (review).
    app.queue.select(Some(1));
    assert_eq!(app.queue_choice(), super::Queue::General);
    let mut taken = find(&app, "iv_2");
    let assign = Item {
        id: "iv_2".into(),
        version: Some(taken.version),
        action: Action::Assign(AssignRequest {
            agent: "ag_1".into(),
            reason: None,
        }),
        refused: None,
        looked: None,
    };
    taken.state = livectl_contract::InterventionState::Assigned;
    taken.owner = Some("ag_2".into());
    taken.version += 1;
    app.conflict(&assign, 412, "", taken);
    let shown = screen(&mut app, 110, 32);
    assert!(
        shown.contains("It is assigned now and has left the list shown. Esc closes."),
        "{shown}"
    );
    assert!(!shown.contains("The row shows it"), "{shown}");
    press(&mut app, KeyCode::Esc);
    // Not in the general queue, but in the stuck pane, which the queue does not narrow: its
    // row is there to look at (review).
    let mut stuck = find(&app, "iv_4");
    let back = Item {
        id: "iv_4".into(),
        version: Some(stuck.version),
        action: Action::Return(ReasonRequest::default()),
        refused: None,
        looked: None,
    };
    stuck.version += 1;
    app.conflict(&back, 412, "", stuck);
    let shown = screen(&mut app, 110, 32);
    assert!(
        shown.contains("The row shows it as it is now. Esc closes."),
        "{shown}"
    );
}

#[test]
fn a_dropped_stream_is_shown() {
    let mut app = app();
    app.set_link(Link::Down {
        since: at("2026-11-24T11:59:30Z"),
        error: "cannot reach http://127.0.0.1:4321/v1/events: connection refused".into(),
    });
    // A second failure keeps the time the drop started.
    app.set_link(Link::Down {
        since: at("2026-11-24T11:59:50Z"),
        error: "cannot reach http://127.0.0.1:4321/v1/events: connection refused".into(),
    });
    snapshot(&mut app, "disconnected");
}

/// At 120 columns the stuck pane is 60 wide: its columns are chosen by that, WHY kept whole
/// (every column left it 10 characters, the duration never seen: on-call check).
#[test]
fn the_stuck_pane_keeps_why_whole_at_120_columns() {
    let mut app = app();
    insta::assert_snapshot!("main@120x40", screen(&mut app, 120, 40));
}

/// A message longer than the status line wraps onto up to three rows, the list giving them
/// up: an error was cut at the terminal's edge, its hint never read (on-call check).
#[test]
fn a_long_error_wraps_on_the_status_line() {
    let mut app = app();
    app.failed(
        "cancel iv_1: the platform refused: agent ag_2 (Bo Chen) may act only on \
         interventions in their own My Queue or the general queue, and only an admin may \
         cancel it (this needs another role; ask an admin)",
    );
    snapshot(&mut app, "long_error");
}

#[test]
fn a_terminal_too_small_says_so() {
    let mut app = app();
    insta::assert_snapshot!("too_small@60x20", screen(&mut app, 60, 20));
    assert!(screen(&mut app, 79, 24).contains("terminal too small: 79x24, needs at least 80x24"));
    assert!(screen(&mut app, 80, 23).contains("terminal too small: 80x23"));
    // Keys wait for a terminal large enough to see what they do; q still leaves.
    screen(&mut app, 60, 20);
    assert_eq!(press(&mut app, KeyCode::Char('?')), None);
    assert!(app.popup.is_none());
    assert_eq!(press(&mut app, KeyCode::Char('q')), Some(Intent::Quit));
    assert!(!screen(&mut app, 80, 24).contains("too small"));
    press(&mut app, KeyCode::Char('?'));
    assert!(app.popup.is_some());
}

/// A name wider than its column ends in an ellipsis, in the list and in the stuck pane: it was
/// cut with nothing to say it went on (review).
#[test]
fn a_name_wider_than_its_column_ends_in_an_ellipsis() {
    let mut w = workspace();
    w.agents[3].name = "Dan Ekström-Lindqvist".into();
    let mut app = app_of(w);
    let shown = screen(&mut app, 160, 48);
    // The list's row, and the stuck pane's (beside the queues' border).
    assert!(
        shown.contains("\"│>   iv_6    assigned  Dan Ekström… Fay Wu         3h "),
        "{shown}"
    );
    assert!(
        shown.contains("││>   iv_6    assigned  Dan Ekström… Fay Wu       owner Dan Ek"),
        "{shown}"
    );
}

#[test]
fn marks_make_a_bulk_run_that_shows_its_progress() {
    let mut app = app();
    for id in ["iv_1", "iv_2", "iv_4"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Char(' '));
    }
    assert_eq!(
        press(&mut app, KeyCode::Char('a')),
        None,
        "several ask first"
    );
    snapshot(&mut app, "bulk_confirm");
    let Some(Intent::Act {
        kind,
        items,
        describe,
    }) = press(&mut app, KeyCode::Char('y'))
    else {
        panic!("no bulk run")
    };
    // Queued ones are assigned to me, Bo's reassigned to me.
    assert_eq!(
        (kind, describe.as_str()),
        (ActionKind::Reassign, "assign to me")
    );
    let actions: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.id.as_str(), i.action.name()))
        .collect();
    assert_eq!(
        actions,
        [("iv_1", "assign"), ("iv_4", "reassign"), ("iv_2", "assign")]
    );
    assert!(app.marked.is_empty(), "the marks are spent");
    app.bulk_started("assign to me", 3);
    if let Some(bulk) = &mut app.bulk {
        bulk.done = 1;
    }
    for id in ["iv_5", "iv_6"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Char(' '));
    }
    snapshot(&mut app, "bulk_progress");
    // Marked ones that the action does not fit are left out, and said.
    assert_eq!(press(&mut app, KeyCode::Char('r')), None);
    let Some(super::forms::Popup::Confirm { question, .. }) = &app.popup else {
        panic!("no question")
    };
    assert_eq!(
        question,
        "return to the general queue: 2 interventions (iv_6, iv_5)? A bulk run, with a journal."
    );
    press(&mut app, KeyCode::Esc);
    select(&mut app, "iv_1");
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char('r'));
    let Some(super::forms::Popup::Confirm { question, .. }) = &app.popup else {
        panic!("no question")
    };
    assert_eq!(
        question,
        "return to the general queue: 2 interventions (iv_6, iv_5)? A bulk run, with a journal. \
         Left out: iv_1 is queued; return needs it assigned."
    );
}

/// An agent's `x` on a queued one (only an admin cancels those) and its own: the queued one is
/// left out before the run, in the contract's words, as `t` and `r` judge what they act on. It
/// went into a bulk run that failed the queued one (new user).
#[test]
fn an_agent_s_cancel_leaves_out_what_only_an_admin_may_cancel() {
    let mut workspace = workspace();
    // Bo Chen, an agent, who owns iv_4 and iv_5.
    workspace.me = workspace.agents[1].clone();
    let mut app = app_of(workspace);
    for id in ["iv_1", "iv_4"] {
        select(&mut app, id);
        press(&mut app, KeyCode::Char(' '));
    }
    assert_eq!(press(&mut app, KeyCode::Char('x')), None);
    let Some(super::forms::Popup::Confirm { question, .. }) = &app.popup else {
        panic!("no question: {:?}", app.message)
    };
    assert_eq!(
        question,
        "cancel: 1 intervention (iv_4)? \
         Left out: iv_1: nobody owns it, so only an admin may cancel it."
    );
    let Some(Intent::Act { items, .. }) = press(&mut app, KeyCode::Char('y')) else {
        panic!("no run")
    };
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["iv_4"]);
    // The queued one alone: nothing to send, and why.
    select(&mut app, "iv_1");
    assert_eq!(press(&mut app, KeyCode::Char('x')), None);
    assert!(app.popup.is_none());
    let said = app.message.clone().unwrap();
    assert_eq!(
        (said.text.as_str(), said.error),
        ("iv_1: nobody owns it, so only an admin may cancel it", true)
    );
    // A colleague's: `c` says why before the form (it was filled whole first: review), `a`
    // before anything is sent.
    select(&mut app, "iv_7");
    press(&mut app, KeyCode::Char('c'));
    assert!(app.popup.is_none());
    let said = app.message.clone().unwrap();
    assert_eq!(
        (said.text.as_str(), said.error),
        ("iv_7: only its owner or an admin may complete it", true)
    );
    assert_eq!(press(&mut app, KeyCode::Char('a')), None);
    assert!(app.popup.is_none());
    assert_eq!(
        app.message.clone().unwrap().text,
        "iv_7: only its owner or an admin may reassign it"
    );
    // Its own still opens the form.
    select(&mut app, "iv_4");
    press(&mut app, KeyCode::Char('c'));
    assert!(matches!(app.popup, Some(super::forms::Popup::Complete(_))));
}

#[test]
fn cancel_asks_first() {
    let mut app = app();
    select(&mut app, "iv_2");
    assert_eq!(press(&mut app, KeyCode::Char('x')), None);
    snapshot(&mut app, "cancel_confirm");
    assert_eq!(
        press(&mut app, KeyCode::Char('y')),
        Some(Intent::Act {
            kind: ActionKind::Cancel,
            describe: "cancel".into(),
            items: vec![Item {
                id: "iv_2".into(),
                version: Some(1),
                action: Action::Cancel(ReasonRequest::default()),
                refused: None,
                looked: None,
            }],
        })
    );
    select(&mut app, "iv_2");
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(press(&mut app, KeyCode::Char('n')), None);
    assert_eq!(app.message.clone().unwrap().text, "nothing was changed");
}

#[test]
fn assign_to_me_goes_at_once_and_says_what_it_did() {
    let mut app = app();
    select(&mut app, "iv_1");
    let Some(Intent::Act { items, .. }) = press(&mut app, KeyCode::Char('a')) else {
        panic!("assign to me asks nothing")
    };
    let mut now = find(&app, "iv_1");
    now.state = livectl_contract::InterventionState::Assigned;
    now.owner = Some("ag_1".into());
    now.version = 2;
    app.acted(&items[0], now);
    assert_eq!(
        app.message.clone().unwrap().text,
        "iv_1 assigned to Ana Lima"
    );
    assert_eq!(find(&app, "iv_1").owner.as_deref(), Some("ag_1"));
}

/// Work given to an agent who is not online goes (the agent was named), and the line that
/// says so says how the agent is, as the command line warns: the picker moved an item to an
/// agent offline without a word (new user).
#[test]
fn work_given_to_an_agent_not_online_is_said_with_how_the_agent_is() {
    let mut app = app();
    for (agent, said) in [
        ("ag_4", "iv_1 assigned to Dan Ek, who is offline"),
        ("ag_3", "iv_1 assigned to Cy Diaz, who is away"),
        ("ag_2", "iv_1 assigned to Bo Chen"),
    ] {
        let item = Item {
            id: "iv_1".into(),
            version: Some(1),
            action: Action::Assign(livectl_contract::AssignRequest {
                agent: agent.into(),
                reason: None,
            }),
            refused: None,
            looked: None,
        };
        let mut now = find(&app, "iv_1");
        now.state = livectl_contract::InterventionState::Assigned;
        now.owner = Some(agent.into());
        app.acted(&item, now);
        assert_eq!(app.message.clone().unwrap().text, said);
    }
}

/// `a` on a colleague's intervention takes it from them: asked first, naming whom and how
/// they are (one key took a colleague's live conversation: on-call check).
#[test]
fn assign_to_me_from_a_colleague_asks_first() {
    let mut app = app();
    select(&mut app, "iv_4");
    assert_eq!(press(&mut app, KeyCode::Char('a')), None);
    snapshot(&mut app, "take_from_a_colleague");
    let Some(Popup::Confirm { question, .. }) = &app.popup else {
        panic!("no question")
    };
    assert_eq!(
        question,
        "Take iv_4 (Dev Shah) from Bo Chen (online) into your My Queue?"
    );
    let Some(Intent::Act { kind, items, .. }) = press(&mut app, KeyCode::Char('y')) else {
        panic!("yes takes it")
    };
    assert_eq!(kind, ActionKind::Reassign);
    assert_eq!(items[0].id, "iv_4");
}

/// A single action whose answer has not come is said while it waits, and `q` asks first,
/// saying what may or may not be done (a minute of nothing, then a silent exit: on-call
/// check).
#[test]
fn an_action_on_its_way_is_said_and_q_asks_before_leaving() {
    let mut app = app();
    select(&mut app, "iv_2");
    press(&mut app, KeyCode::Char('x'));
    let Some(Intent::Act { items, .. }) = press(&mut app, KeyCode::Char('y')) else {
        panic!("yes cancels")
    };
    app.sending(&items[0]);
    assert_eq!(
        app.message.clone().unwrap().text,
        "cancel iv_2: sent, waiting for the answer…"
    );
    assert_eq!(press(&mut app, KeyCode::Char('q')), None);
    let Some(Popup::Confirm { question, .. }) = &app.popup else {
        panic!("no question")
    };
    assert_eq!(
        question,
        "cancel iv_2 is on its way and its answer has not come. Leave anyway? It may be done or not: look with `livectl show iv_2`."
    );
    assert_eq!(press(&mut app, KeyCode::Char('y')), Some(Intent::Quit));
    // Left by the key, the console says it once the terminal is back (it said nothing:
    // review); ended by the platform (a token refused), it says it too.
    let said = ["cancel iv_2 was on its way: look with `livectl show iv_2` whether it was done"];
    assert_eq!(app.left_behind(), said);
    let left = app.leaving(crate::error::CliError::failure("refused"));
    assert_eq!(left.hints, said);
    // Answered: q leaves at once again, with nothing to say.
    app.answered(&items[0]);
    assert_eq!(press(&mut app, KeyCode::Char('q')), Some(Intent::Quit));
    assert!(app.left_behind().is_empty());
}

#[test]
fn leaving_by_q_and_by_ctrl_c() {
    let mut app = app();
    assert_eq!(press(&mut app, KeyCode::Char('q')), Some(Intent::Quit));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        app.on_input(Input(Event::Key(ctrl_c))),
        Some(Intent::Quit),
        "from a pop-up too"
    );
    // A bulk run in progress: q asks, Ctrl-C does not.
    let mut app = self::app();
    app.bulk_started("cancel", 3);
    assert_eq!(press(&mut app, KeyCode::Char('q')), None);
    assert_eq!(press(&mut app, KeyCode::Char('y')), Some(Intent::Quit));
}

#[test]
fn a_key_release_does_nothing() {
    let mut app = app();
    let mut key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    key.kind = KeyEventKind::Release;
    assert_eq!(app.on_input(Input(Event::Key(key))), None);
}

fn any_key() -> impl Strategy<Value = KeyEvent> {
    let code = prop_oneof![
        any::<char>().prop_map(KeyCode::Char),
        "[ -~]".prop_map(|s| KeyCode::Char(s.chars().next().unwrap_or(' '))),
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Backspace),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Home),
        Just(KeyCode::End),
    ];
    let modifiers = prop_oneof![
        4 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        1 => Just(KeyModifiers::ALT),
    ];
    (code, modifiers).prop_map(|(code, modifiers)| KeyEvent::new(code, modifiers))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// No key sequence, at no size, panics; Ctrl-C is never needed to get out of one.
    #[test]
    fn no_keys_at_no_size_make_it_panic(
        keys in proptest::collection::vec(any_key(), 0..60),
        width in 1u16..200,
        height in 1u16..60,
    ) {
        let mut app = app();
        for key in keys {
            let _ = app.on_input(Input(Event::Key(key)));
            screen(&mut app, width, height);
            // Large enough again, so the next key is not waiting for a resize.
            screen(&mut app, 80, 24);
        }
        screen(&mut app, 80, 24);
    }
}

/// NO_COLOR, `--color never`: the console paints nothing (reversed and bold still show where
/// the selection is).
#[test]
fn colour_off_paints_nothing() {
    let painted = |colour: bool, key: Option<KeyCode>| {
        let mut app = app();
        app.ui.color = colour;
        if let Some(key) = key {
            press(&mut app, key);
        }
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
        terminal.draw(|frame| app.render(frame)).unwrap();
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .filter(|c| {
                c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset
            })
            .count()
    };
    for key in [None, Some(KeyCode::Char('t')), Some(KeyCode::Char('?'))] {
        assert_eq!(painted(false, key), 0, "{key:?}");
        assert!(painted(true, key) > 0, "{key:?}");
    }
}
