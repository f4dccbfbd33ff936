//! The demo data: two departments, six agents, a catalog, forty users with several days of
//! history, and interventions in every state, some of them stuck. Times are relative to an anchor
//! stored on first load, so loading the demo again changes nothing.

use jiff::{SignedDuration, Timestamp};

use crate::api::ids::Kind;
use crate::api::models::{
    AgentInput, AgentStatus, AssignRequest, Channel, CompleteRequest, ConversationInput,
    InterventionInput, MessageInput, NamedInput, ReasonRequest, Role, Sender, TopicInput,
    UserInput,
};
use crate::api::models::{Block, Department, Outcome};
use crate::sandbox::error::ApiError;
use crate::sandbox::store::catalog::{upsert_agent, upsert_named, upsert_topic};
use crate::sandbox::store::conversations::create_conversation;
use crate::sandbox::store::interventions::{Action, act};
use crate::sandbox::store::{BUILTIN_ADMIN, Caller, Store, Upserted, ms, ts};

/// What loading the demo did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub created: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl Loaded {
    fn count(&mut self, u: Upserted) {
        match u {
            Upserted::Created => self.created += 1,
            Upserted::Updated => self.changed += 1,
            Upserted::Unchanged => self.unchanged += 1,
        }
    }
}

const ADMIN: Caller = Caller {
    agent_id: BUILTIN_ADMIN,
    role: Role::Admin,
};

/// (key, name, role, department key, status)
const AGENTS: &[(&str, &str, Role, &str, AgentStatus)] = &[
    (
        "ana",
        "Ana Lima",
        Role::Admin,
        "support",
        AgentStatus::Online,
    ),
    ("bo", "Bo Chen", Role::Agent, "support", AgentStatus::Online),
    (
        "sam",
        "Sam Okafor",
        Role::Agent,
        "support",
        AgentStatus::Offline,
    ),
    (
        "dee",
        "Dee Park",
        Role::Agent,
        "billing",
        AgentStatus::Online,
    ),
    (
        "eli",
        "Eli Novak",
        Role::Agent,
        "billing",
        AgentStatus::Away,
    ),
    (
        "fay",
        "Fay Moreau",
        Role::Agent,
        "billing",
        AgentStatus::Online,
    ),
];

const TOPICS: &[(&str, &str, &str)] = &[
    ("login", "Login problem", "support"),
    ("bug", "Bug report", "support"),
    ("account", "Account change", "support"),
    ("invoice", "Invoice question", "billing"),
    ("refund", "Refund request", "billing"),
];
const OUTCOMES: &[(&str, &str)] = &[
    ("resolved", "Resolved"),
    ("escalated", "Escalated to second line"),
    ("no-response", "No response from user"),
    ("duplicate", "Duplicate"),
];
const BLOCKS: &[(&str, &str)] = &[
    ("survey", "Satisfaction survey"),
    ("goodbye", "Goodbye"),
    ("follow-up", "Follow-up tomorrow"),
];

const FIRST: &[&str] = &[
    "Alex", "Bea", "Carlos", "Dana", "Emil", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi",
    "Lena", "Marco", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara",
];
const LAST: &[&str] = &[
    "Ng", "Ortiz", "Berg", "Khan", "Rossi", "Silva", "Meyer", "Sato",
];
const CHANNELS: &[Channel] = &[
    Channel::Web,
    Channel::Whatsapp,
    Channel::Messenger,
    Channel::Teams,
    Channel::Sms,
];

/// (department, what the user asks, what the bot answers, the summary of the takeover)
const SUBJECTS: &[(&str, &str, &str, &str)] = &[
    (
        "support",
        "I can't log in since this morning",
        "Have you tried resetting your password?",
        "Cannot log in after a password reset",
    ),
    (
        "billing",
        "Why was I charged twice this month?",
        "I can show you your last invoices.",
        "Charged twice for the same month",
    ),
    (
        "support",
        "The app crashes when I open my messages",
        "Could you tell me which version you use?",
        "App crashes on opening messages",
    ),
    (
        "billing",
        "I want my money back for the last order",
        "Refunds take 5 days once approved.",
        "Wants a refund for the last order",
    ),
    (
        "support",
        "How do I change the email on my account?",
        "You can change it under Settings.",
        "Cannot change the account email",
    ),
];

/// A step of an intervention's life after it starts, `minutes` before the anchor.
enum Step {
    Assign(&'static str),
    Reassign(&'static str),
    Return,
    Cancel,
    Complete(
        &'static str,
        &'static str,
        &'static [&'static str],
        Option<&'static str>,
    ),
}

/// (user, minutes queued before the anchor, the steps with their minutes before the anchor,
/// minutes since the user's last message if the user is waiting for a reply)
type Scenario = (usize, i64, &'static [(i64, Step)], Option<i64>);

const SCENARIOS: &[Scenario] = &[
    // Queued: two past the 30-minute limit by far, the others fresh.
    (0, 150, &[], None),
    (1, 125, &[], None),
    (2, 12, &[], None),
    (3, 6, &[], None),
    (4, 3, &[], None),
    (5, 18, &[], None),
    // Returned to the queue, waiting again.
    (6, 95, &[(80, Step::Assign("bo")), (22, Step::Return)], None),
    (
        7,
        70,
        &[
            (60, Step::Assign("dee")),
            (40, Step::Reassign("eli")),
            (9, Step::Return),
        ],
        None,
    ),
    // Assigned and healthy.
    (8, 25, &[(20, Step::Assign("bo"))], None),
    (9, 14, &[(10, Step::Assign("bo"))], None),
    (10, 35, &[(30, Step::Assign("dee"))], None),
    (11, 9, &[(5, Step::Assign("fay"))], None),
    (
        12,
        50,
        &[(45, Step::Assign("ana")), (30, Step::Reassign("fay"))],
        None,
    ),
    // Stuck: the owner is offline (Sam) or away (Eli).
    (13, 200, &[(190, Step::Assign("sam"))], None),
    (
        14,
        160,
        &[(150, Step::Assign("bo")), (140, Step::Reassign("sam"))],
        None,
    ),
    (15, 45, &[(40, Step::Assign("eli"))], None),
    // Stuck: the user has waited an hour for the agent's reply.
    (16, 90, &[(85, Step::Assign("bo"))], Some(65)),
    (17, 100, &[(96, Step::Assign("dee"))], Some(61)),
    // Completed.
    (
        18,
        600,
        &[
            (590, Step::Assign("bo")),
            (
                560,
                Step::Complete("login", "resolved", &["password", "vip"], Some("survey")),
            ),
        ],
        None,
    ),
    (
        19,
        1500,
        &[
            (1490, Step::Assign("dee")),
            (
                1450,
                Step::Complete("invoice", "resolved", &["double-charge"], Some("goodbye")),
            ),
        ],
        None,
    ),
    (
        20,
        2900,
        &[
            (2880, Step::Assign("sam")),
            (2860, Step::Reassign("bo")),
            (
                2800,
                Step::Complete("bug", "escalated", &["crash", "android"], None),
            ),
        ],
        None,
    ),
    (
        21,
        4300,
        &[
            (4290, Step::Assign("fay")),
            (
                4200,
                Step::Complete("refund", "resolved", &["refund"], Some("follow-up")),
            ),
        ],
        None,
    ),
    (
        22,
        5800,
        &[
            (5790, Step::Assign("ana")),
            (
                5780,
                Step::Complete("account", "no-response", &[], Some("goodbye")),
            ),
        ],
        None,
    ),
    (
        23,
        300,
        &[
            (290, Step::Assign("eli")),
            (
                250,
                Step::Complete("invoice", "duplicate", &["duplicate"], None),
            ),
        ],
        None,
    ),
    (
        24,
        200,
        &[
            (195, Step::Assign("bo")),
            (180, Step::Return),
            (170, Step::Assign("dee")),
            (
                120,
                Step::Complete("refund", "escalated", &["refund", "vip"], Some("survey")),
            ),
        ],
        None,
    ),
    // Cancelled: from the queue and from an owner.
    (25, 400, &[(380, Step::Cancel)], None),
    (
        26,
        900,
        &[(890, Step::Assign("bo")), (860, Step::Cancel)],
        None,
    ),
    (
        27,
        3000,
        &[(2990, Step::Assign("fay")), (2950, Step::Cancel)],
        None,
    ),
    (28, 75, &[(70, Step::Cancel)], None),
    (
        29,
        260,
        &[(255, Step::Assign("dee")), (230, Step::Cancel)],
        None,
    ),
];

fn user_name(i: usize) -> String {
    let last = if i < FIRST.len() {
        LAST[i % LAST.len()]
    } else {
        LAST[(i + 3) % LAST.len()]
    };
    format!("{} {}", FIRST[i % FIRST.len()], last)
}

fn user_input(i: usize) -> UserInput {
    let name = user_name(i);
    UserInput {
        key: format!("demo-user-{:02}", i + 1),
        email: (i % 3 != 2)
            .then(|| format!("{}@example.com", name.to_lowercase().replace(' ', "."))),
        name,
        channel: CHANNELS[i % CHANNELS.len()],
    }
}

fn msg(sender: Sender, agent: Option<String>, text: &str, at: Timestamp) -> MessageInput {
    MessageInput {
        sender,
        agent,
        text: text.to_owned(),
        at: Some(at),
    }
}

/// Loads the demo into the store; a second load finds everything in place and changes nothing.
pub fn load(store: &Store) -> Result<Loaded, ApiError> {
    store.write(|tx| {
        let anchor = match tx.query_row(
            "SELECT value FROM meta WHERE name = 'demo_anchor'",
            [],
            |r| r.get::<_, String>(0),
        ) {
            Ok(v) => ts(v.parse().unwrap_or(0)),
            Err(rusqlite::Error::QueryReturnedNoRows) => {
                let now = Timestamp::now();
                Store::set_meta(tx, "demo_anchor", &ms(now).to_string())?;
                now
            }
            Err(e) => return Err(e.into()),
        };
        let ago = |minutes: i64| anchor - SignedDuration::from_mins(minutes);
        let mut loaded = Loaded::default();

        let mut departments = Vec::new();
        for (key, name) in [("support", "Support"), ("billing", "Billing")] {
            let (d, u) = upsert_named::<Department>(
                tx,
                &NamedInput {
                    key: key.into(),
                    name: name.into(),
                },
            )?;
            loaded.count(u);
            departments.push((key, d.id));
        }
        let department = |key: &str| {
            departments
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, id)| id.clone())
        };
        let mut agents = Vec::new();
        for (key, name, role, dept, status) in AGENTS {
            let email = format!(
                "{}@demo.livectl.invalid",
                name.split(' ').next().unwrap_or(key).to_lowercase()
            );
            let input = AgentInput {
                key: (*key).into(),
                name: (*name).into(),
                email,
                role: *role,
                department: department(dept),
                status: *status,
                active: true,
            };
            let (a, u) = upsert_agent(tx, &input)?;
            loaded.count(u);
            agents.push((*key, a));
        }
        let agent = |key: &str| {
            agents
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| a.clone())
                .ok_or_else(|| ApiError::Internal(format!("demo agent {key} missing")))
        };
        let mut topics = Vec::new();
        for (key, name, dept) in TOPICS {
            let (t, u) = upsert_topic(
                tx,
                &TopicInput {
                    key: (*key).into(),
                    name: (*name).into(),
                    department: department(dept),
                },
            )?;
            loaded.count(u);
            topics.push((*key, t.id));
        }
        let mut outcomes = Vec::new();
        for (key, name) in OUTCOMES {
            let (o, u) = upsert_named::<Outcome>(
                tx,
                &NamedInput {
                    key: (*key).into(),
                    name: (*name).into(),
                },
            )?;
            loaded.count(u);
            outcomes.push((*key, o.id));
        }
        let mut blocks = Vec::new();
        for (key, name) in BLOCKS {
            let (b, u) = upsert_named::<Block>(
                tx,
                &NamedInput {
                    key: (*key).into(),
                    name: (*name).into(),
                },
            )?;
            loaded.count(u);
            blocks.push((*key, b.id));
        }
        let lookup = |list: &[(&str, String)], key: &str| {
            list.iter()
                .find(|(k, _)| *k == key)
                .map(|(_, id)| id.clone())
                .unwrap_or_default()
        };

        // Earlier conversations: several days of history for every user, no takeover.
        for i in 0..40 {
            for day in 0..(1 + i % 4) {
                let subject = SUBJECTS[(i + day) % SUBJECTS.len()];
                let start = ago(((day as i64 + 1) * 24 * 60) + (i as i64 * 17) % 600);
                let input = ConversationInput {
                    key: format!("demo-history-{:02}-{day}", i + 1),
                    user: user_input(i),
                    started_at: Some(start),
                    messages: vec![
                        msg(Sender::User, None, subject.1, start),
                        msg(
                            Sender::Bot,
                            None,
                            subject.2,
                            start + SignedDuration::from_secs(4),
                        ),
                        msg(
                            Sender::User,
                            None,
                            "Thanks, that helped.",
                            start + SignedDuration::from_secs(90),
                        ),
                        msg(
                            Sender::Bot,
                            None,
                            "Glad to help! Anything else?",
                            start + SignedDuration::from_secs(94),
                        ),
                    ],
                    intervention: None,
                };
                let (_, u) = create_conversation(tx, ADMIN, &input, start)?;
                loaded.count(u);
            }
        }

        // Today's conversations that needed a human.
        for (n, (user, queued_minutes, steps, waiting)) in SCENARIOS.iter().enumerate() {
            let subject = SUBJECTS[n % SUBJECTS.len()];
            let queued_at = ago(*queued_minutes);
            let start = queued_at - SignedDuration::from_mins(2);
            let mut messages = vec![
                msg(Sender::User, None, subject.1, start),
                msg(
                    Sender::Bot,
                    None,
                    subject.2,
                    start + SignedDuration::from_secs(5),
                ),
                msg(
                    Sender::User,
                    None,
                    "That doesn't help, I need to talk to a person.",
                    start + SignedDuration::from_secs(60),
                ),
                msg(
                    Sender::System,
                    None,
                    "Intervention started: looking for an agent.",
                    queued_at,
                ),
            ];
            if let Some((assigned, Step::Assign(by))) = steps.first() {
                let owner = agent(by)?;
                let first_name = owner
                    .name
                    .split(' ')
                    .next()
                    .unwrap_or("your agent")
                    .to_owned();
                let reply_at = ago(assigned - 1);
                messages.push(msg(
                    Sender::Agent,
                    Some(owner.id.clone()),
                    &format!("Hi, I'm {first_name}. Let me look into this."),
                    reply_at,
                ));
                match waiting {
                    Some(minutes) => messages.push(msg(
                        Sender::User,
                        None,
                        "Hello? Are you still there?",
                        ago(*minutes),
                    )),
                    None => {
                        let thanks = reply_at + SignedDuration::from_secs(40);
                        messages.push(msg(Sender::User, None, "Thank you.", thanks));
                        let on_it = thanks + SignedDuration::from_secs(50);
                        messages.push(msg(
                            Sender::Agent,
                            Some(owner.id.clone()),
                            "You're welcome, I'm on it.",
                            on_it,
                        ));
                    }
                }
            }
            let input = ConversationInput {
                key: format!("demo-takeover-{:02}", n + 1),
                user: user_input(*user),
                started_at: Some(start),
                messages,
                intervention: Some(InterventionInput {
                    summary: subject.3.into(),
                    department: department(subject.0),
                    queued_at: Some(queued_at),
                }),
            };
            let (created, u) = create_conversation(tx, ADMIN, &input, queued_at)?;
            loaded.count(u);
            let Some(intervention) = created.intervention else {
                continue;
            };
            if intervention.version != 1 || u != Upserted::Created {
                continue; // already played on an earlier load
            }
            let mut owner: Option<Caller> = None;
            for (minutes, step) in steps.iter() {
                let at = ago(*minutes);
                let as_agent = |key: &str| -> Result<Caller, ApiError> {
                    let a = agent(key)?;
                    Ok(Caller {
                        agent_id: Kind::Agent.parse(&a.id).unwrap_or(BUILTIN_ADMIN),
                        role: a.role,
                    })
                };
                let (caller, action) = match step {
                    Step::Assign(key) => {
                        let caller = as_agent(key)?;
                        (
                            caller,
                            Action::Assign(AssignRequest {
                                agent: agent(key)?.id,
                                reason: None,
                            }),
                        )
                    }
                    Step::Reassign(key) => (
                        owner.unwrap_or(ADMIN),
                        Action::Reassign(AssignRequest {
                            agent: agent(key)?.id,
                            reason: Some("better suited".into()),
                        }),
                    ),
                    Step::Return => (
                        owner.unwrap_or(ADMIN),
                        Action::Return(ReasonRequest {
                            reason: Some("end of shift".into()),
                        }),
                    ),
                    Step::Cancel => (
                        owner.unwrap_or(ADMIN),
                        Action::Cancel(ReasonRequest {
                            reason: Some("the user left".into()),
                        }),
                    ),
                    Step::Complete(topic, outcome, tags, block) => (
                        owner.unwrap_or(ADMIN),
                        Action::Complete(CompleteRequest {
                            topic: lookup(&topics, topic),
                            outcome: lookup(&outcomes, outcome),
                            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
                            block: block.map(|b| lookup(&blocks, b)),
                        }),
                    ),
                };
                let after = act(tx, caller, &intervention.id, &action, None, None, at)?;
                owner = match after.owner.as_deref().and_then(|o| Kind::Agent.parse(o)) {
                    Some(id) if after.state == crate::api::models::InterventionState::Assigned => {
                        let role = agents
                            .iter()
                            .find(|(_, a)| a.id == Kind::Agent.id(id))
                            .map(|(_, a)| a.role)
                            .unwrap_or(Role::Agent);
                        Some(Caller { agent_id: id, role })
                    }
                    _ => None,
                };
            }
        }
        Ok(loaded)
    })
}
