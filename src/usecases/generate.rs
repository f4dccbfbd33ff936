//! `livectl seed --generate interventions=100000,users=20000,days=30,seed=42`: synthetic data with
//! the shapes of a real workspace, the same for the same spec.

use std::str::FromStr;

use jiff::{SignedDuration, Timestamp};

use livectl_contract::seed::format::{
    ActionSeed, AssignSeed, CompleteSeed, ConversationSeed, Instant, InterventionSeed, MessageSeed,
    ReasonSeed, ReassignSeed, SeedFile,
};
use livectl_contract::{
    AgentInput, AgentStatus, Channel, NamedInput, Role, Sender, TopicInput, UserInput,
};

#[derive(Debug, Clone, PartialEq)]
pub struct GenerateSpec {
    pub interventions: usize,
    pub users: usize,
    pub days: i64,
    pub seed: u64,
    /// Messages per conversation, on average.
    pub messages: usize,
    /// The newest instant of the data; by default the start of today (UTC).
    pub until: Timestamp,
    /// The share of interventions still open (queued or assigned), in percent: the newest ones.
    pub open: usize,
}

const HELP: &str = "expected a comma list such as interventions=100000,users=20000,days=30,seed=42 (also messages=N, open=PERCENT, until=2026-11-24T00:00:00Z)";

impl FromStr for GenerateSpec {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let today = Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .start_of_day()
            .map(|z| z.timestamp())
            .unwrap_or(Timestamp::UNIX_EPOCH);
        let mut spec = GenerateSpec {
            interventions: 1000,
            users: 200,
            days: 14,
            seed: 1,
            messages: 4,
            until: today,
            open: 10,
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` has no value; {HELP}"))?;
            let number = |max: u64| -> Result<u64, String> {
                value
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (1..=max).contains(n))
                    .ok_or_else(|| {
                        format!("{name}={value}: a whole number from 1 to {max} is expected")
                    })
            };
            match name {
                "interventions" => spec.interventions = number(2_000_000)? as usize,
                "users" => spec.users = number(1_000_000)? as usize,
                "days" => spec.days = number(3650)? as i64,
                "messages" => spec.messages = number(100)? as usize,
                "open" => spec.open = number(100)? as usize,
                "seed" => {
                    spec.seed = value
                        .parse()
                        .map_err(|_| format!("seed={value}: a whole number is expected"))?
                }
                "until" => spec.until = value.parse().map_err(|e| format!("until={value}: {e}"))?,
                _ => return Err(format!("unknown `{name}`; {HELP}")),
            }
        }
        // Every generated instant lies within `days` before `until`, or a few minutes after.
        let span = SignedDuration::from_hours(24 * (spec.days + 1));
        if spec.until.checked_sub(span).is_err()
            || spec
                .until
                .checked_add(SignedDuration::from_hours(24))
                .is_err()
        {
            return Err(format!(
                "until={}: too far in the past or the future for {} days of data",
                spec.until, spec.days
            ));
        }
        Ok(spec)
    }
}

const FIRST: &[&str] = &[
    "Alex", "Bea", "Carlos", "Dana", "Emil", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi",
    "Lena", "Marco", "Nina", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Uma", "Victor",
    "Wen", "Yara", "Zeno",
];
const LAST: &[&str] = &[
    "Ng", "Ortiz", "Berg", "Khan", "Rossi", "Silva", "Meyer", "Sato", "Novak", "Okafor", "Park",
    "Lima", "Moreau", "Chen",
];
const ASKS: &[(&str, &str)] = &[
    ("I can't log in", "login"),
    ("Why was I charged twice?", "invoice"),
    ("The app keeps crashing", "bug"),
    ("I want a refund", "refund"),
    ("How do I change my email?", "account"),
];

/// The whole data set for a spec; the same spec gives the same file.
pub fn generate(spec: &GenerateSpec) -> SeedFile {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let named = |key: &str, name: &str| NamedInput {
        key: key.into(),
        name: name.into(),
    };
    let mut file = SeedFile {
        departments: vec![
            named("support", "Support"),
            named("billing", "Billing"),
            named("sales", "Sales"),
        ],
        outcomes: vec![
            named("resolved", "Resolved"),
            named("escalated", "Escalated"),
            named("no-response", "No response"),
            named("duplicate", "Duplicate"),
        ],
        blocks: vec![
            named("survey", "Satisfaction survey"),
            named("goodbye", "Goodbye"),
        ],
        ..SeedFile::default()
    };
    for (key, name, dept) in [
        ("login", "Login problem", "support"),
        ("bug", "Bug report", "support"),
        ("account", "Account change", "support"),
        ("invoice", "Invoice question", "billing"),
        ("refund", "Refund request", "billing"),
    ] {
        file.topics.push(TopicInput {
            key: key.into(),
            name: name.into(),
            department: Some(dept.into()),
        });
    }
    let agent_count = (spec.interventions / 500).clamp(6, 200);
    for i in 0..agent_count {
        let status = match i % 10 {
            3 => AgentStatus::Offline,
            7 => AgentStatus::Away,
            _ => AgentStatus::Online,
        };
        file.agents.push(AgentInput {
            key: format!("gen-agent-{i}"),
            name: format!(
                "{} {} {i}",
                FIRST[i % FIRST.len()],
                LAST[(i / FIRST.len()) % LAST.len()]
            ),
            email: format!("agent{i}@generated.livectl.invalid"),
            role: if i == 0 { Role::Admin } else { Role::Agent },
            department: Some(["support", "billing", "sales"][i % 3].into()),
            status,
            active: true,
        });
    }
    let channels = [
        Channel::Web,
        Channel::Web,
        Channel::Whatsapp,
        Channel::Messenger,
        Channel::Teams,
        Channel::Sms,
    ];
    for i in 0..spec.users {
        file.users.push(UserInput {
            key: format!("gen-user-{i}"),
            name: format!(
                "{} {}",
                FIRST[rng.usize(..FIRST.len())],
                LAST[rng.usize(..LAST.len())]
            ),
            email: (rng.u8(..10) < 7).then(|| format!("user{i}@example.com")),
            channel: channels[rng.usize(..channels.len())],
        });
    }
    let span = spec.days * 86_400;
    for i in 0..spec.interventions {
        // Most are old and finished; the newest are still open.
        let recent = i + spec.interventions * spec.open / 100 >= spec.interventions;
        let ago = if recent {
            rng.i64(60..4 * 3600)
        } else {
            rng.i64(4 * 3600..span.max(4 * 3600 + 1))
        };
        let queued_at = spec.until - SignedDuration::from_secs(ago);
        let start = queued_at - SignedDuration::from_secs(rng.i64(30..600));
        let (ask, topic) = ASKS[rng.usize(..ASKS.len())];
        let mut messages = vec![MessageSeed {
            sender: Sender::User,
            agent: None,
            text: ask.into(),
            at: Some(Instant::At(start)),
        }];
        for m in 1..spec.messages.max(2) {
            let sender = if m % 2 == 1 {
                Sender::Bot
            } else {
                Sender::User
            };
            let text = if sender == Sender::Bot {
                "Let me look that up for you."
            } else {
                "That does not help."
            };
            messages.push(MessageSeed {
                sender,
                agent: None,
                text: text.into(),
                at: Some(Instant::At(
                    start + SignedDuration::from_secs(10 * m as i64),
                )),
            });
        }
        let first_index = rng.usize(..agent_count);
        let second_index = (first_index + 1 + rng.usize(..agent_count - 1)) % agent_count;
        let first = format!("gen-agent-{first_index}");
        let roll = rng.u8(..100);
        let actions = if recent {
            match roll {
                0..40 => vec![],
                40..55 => vec![
                    ActionSeed::Assign(AssignSeed::To(first.clone())),
                    ActionSeed::Return(ReasonSeed {
                        reason: Some("end of shift".into()),
                        ..ReasonSeed::default()
                    }),
                ],
                55..90 => vec![ActionSeed::Assign(AssignSeed::To(first.clone()))],
                _ => {
                    let second = format!("gen-agent-{second_index}");
                    vec![
                        ActionSeed::Assign(AssignSeed::To(first.clone())),
                        ActionSeed::Reassign(ReassignSeed {
                            to: second,
                            reason: None,
                            at: None,
                            by: None,
                        }),
                    ]
                }
            }
        } else {
            match roll {
                0..85 => vec![
                    ActionSeed::Assign(AssignSeed::To(first.clone())),
                    ActionSeed::Complete(CompleteSeed {
                        topic: topic.into(),
                        outcome: [
                            "resolved",
                            "resolved",
                            "resolved",
                            "escalated",
                            "no-response",
                            "duplicate",
                        ][rng.usize(..6)]
                        .into(),
                        tags: if rng.bool() {
                            vec!["generated".into()]
                        } else {
                            vec![]
                        },
                        block: rng.bool().then(|| "survey".to_owned()),
                        at: None,
                        by: None,
                    }),
                ],
                _ => vec![ActionSeed::Cancel(ReasonSeed {
                    reason: Some("the user left".into()),
                    ..ReasonSeed::default()
                })],
            }
        };
        if matches!(actions.first(), Some(ActionSeed::Assign(_))) {
            let agent = first.clone();
            messages.push(MessageSeed {
                sender: Sender::Agent,
                agent: Some(agent),
                text: "Hi, I'm here to help.".into(),
                at: Some(Instant::At(queued_at + SignedDuration::from_secs(60))),
            });
        }
        file.conversations.push(ConversationSeed {
            key: format!("gen-{}-{i}", spec.seed),
            user: format!("gen-user-{}", rng.usize(..spec.users)),
            started_at: Some(Instant::At(start)),
            messages,
            intervention: Some(InterventionSeed {
                summary: ask.into(),
                department: Some(
                    if topic == "invoice" || topic == "refund" {
                        "billing"
                    } else {
                        "support"
                    }
                    .into(),
                ),
                queued_at: Some(Instant::At(queued_at)),
                actions,
            }),
        });
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_spec_gives_the_same_data_and_the_file_is_valid() {
        let spec: GenerateSpec =
            "interventions=300,users=50,days=5,seed=9,until=2026-11-24T00:00:00Z"
                .parse()
                .unwrap();
        let a = generate(&spec);
        assert_eq!(a, generate(&spec));
        assert_eq!(a.conversations.len(), 300);
        assert!(
            livectl_contract::seed::validate::check(&a, "").is_empty(),
            "{:?}",
            livectl_contract::seed::validate::check(&a, "")
        );
        let other: GenerateSpec =
            "interventions=300,users=50,days=5,seed=10,until=2026-11-24T00:00:00Z"
                .parse()
                .unwrap();
        assert_ne!(a, generate(&other));
        let open: GenerateSpec =
            "interventions=300,users=50,days=5,seed=9,until=2026-11-24T00:00:00Z,open=100"
                .parse()
                .unwrap();
        let finished = |f: &SeedFile| {
            f.conversations
                .iter()
                .filter(|c| {
                    c.intervention.as_ref().is_some_and(|i| {
                        i.actions
                            .iter()
                            .any(|a| matches!(a, ActionSeed::Complete(_) | ActionSeed::Cancel(_)))
                    })
                })
                .count()
        };
        assert_eq!(finished(&generate(&open)), 0, "open=100: every one open");
        assert!(finished(&a) >= 250, "by default the newest tenth is open");
    }

    #[test]
    fn bad_specs_say_what_is_expected() {
        assert!(
            "interventions=0"
                .parse::<GenerateSpec>()
                .unwrap_err()
                .contains("from 1 to")
        );
        assert!(
            "widgets=3"
                .parse::<GenerateSpec>()
                .unwrap_err()
                .contains("unknown `widgets`")
        );
        assert!(
            "seed"
                .parse::<GenerateSpec>()
                .unwrap_err()
                .contains("has no value")
        );
    }
}
