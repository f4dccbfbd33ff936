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
        // Nothing given is more likely an unset variable (`--generate "$SPEC"`) than a wish for
        // the defaults: a load of a thousand conversations is not done on a guess.
        if s.split(',').all(|part| part.trim().is_empty()) {
            return Err(format!("the spec is empty; {HELP}"));
        }
        let mut given: Vec<&str> = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` has no value; {HELP}"))?;
            // Given twice, one of the two is a mistake: which one is not for livectl to guess.
            if given.contains(&name) {
                return Err(format!("`{name}` is given twice; give it once"));
            }
            given.push(name);
            let from = |min: u64, max: u64| -> Result<u64, String> {
                value
                    .parse::<u64>()
                    .ok()
                    .filter(|n| (min..=max).contains(n))
                    .ok_or_else(|| {
                        format!("{name}={value}: a whole number from {min} to {max} is expected")
                    })
            };
            let number = |max: u64| from(1, max);
            match name {
                "interventions" => spec.interventions = number(2_000_000)? as usize,
                "users" => spec.users = number(1_000_000)? as usize,
                "days" => spec.days = number(3650)? as i64,
                "messages" => spec.messages = number(100)? as usize,
                // 0: every intervention finished, a history with no open work (the growth benchmark
                // adds its open ones apart, so they stay as many whatever the history holds).
                "open" => spec.open = from(0, 100)? as usize,
                "seed" => {
                    spec.seed = value
                        .parse()
                        .map_err(|_| format!("seed={value}: a whole number is expected"))?
                }
                "until" => {
                    spec.until = value.parse().map_err(|_| {
                        format!(
                            "until={value}: an instant such as until=2026-11-24T00:00:00Z is expected"
                        )
                    })?;
                    // Agents' statuses began before it, and no status begins in the future:
                    // the load failed half sent, exit 1, naming no `until` (new user).
                    if spec.until > Timestamp::now() {
                        return Err(format!(
                            "until={value} is in the future; generated data ends at or before now (by default at today's midnight UTC)"
                        ));
                    }
                }
                _ => return Err(format!("unknown `{name}`; {HELP}")),
            }
        }
        // Every generated instant lies within `days` before `until`, or a few minutes after.
        // Before 1970 an instant is no platform's: years before 1 were written as `-000003`,
        // no RFC 3339 (hostile-input check).
        let span = SignedDuration::from_hours(24 * (spec.days + 1));
        if spec
            .until
            .checked_sub(span)
            .is_ok_and(|start| start < Timestamp::UNIX_EPOCH)
        {
            return Err(format!(
                "until={}: {} days of data before it would begin before 1970",
                spec.until, spec.days
            ));
        }
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

/// Generated data: its catalog, and conversations made one at a time, each (with its user) a
/// function of the spec's seed and its own index, so a load streams in bounded memory and a
/// change of one parameter re-draws only what depends on it.
pub struct Generated {
    pub spec: GenerateSpec,
    /// Departments, agents, topics, outcomes and blocks; no users or conversations.
    pub catalog: SeedFile,
    agents: usize,
}

/// What a draw is for, so each has its own stream of numbers.
#[derive(Clone, Copy)]
enum Stream {
    Conversation = 1,
    User = 2,
    Open = 3,
    Owner = 4,
    When = 5,
}

/// A number drawn for (seed, what, index) alone: SplitMix64 of the three.
fn draw(seed: u64, what: Stream, index: u64) -> u64 {
    let mut z = seed
        ^ (what as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ index.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The catalog and the way to every conversation; the same spec gives the same data.
pub fn generate(spec: &GenerateSpec) -> Generated {
    let named = |key: &str, name: &str| NamedInput {
        key: key.into(),
        name: name.into(),
    };
    let mut catalog = SeedFile {
        departments: vec![
            named("support", "Support"),
            named("billing", "Billing"),
            named("sales", "Sales"),
        ],
        outcomes: vec![
            named("resolved", "Resolved"),
            named("escalated", "Escalated to second line"),
            named("no-response", "No response from user"),
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
        catalog.topics.push(TopicInput {
            key: key.into(),
            name: name.into(),
            department: Some(dept.into()),
        });
    }
    let agents = (spec.interventions / 500).clamp(6, 200);
    for i in 0..agents {
        let status = match i % 10 {
            3 => AgentStatus::Offline,
            7 => AgentStatus::Away,
            _ => AgentStatus::Online,
        };
        catalog.agents.push(AgentInput {
            key: format!("gen-agent-{i}"),
            name: format!(
                "{} {} {i}",
                FIRST[i % FIRST.len()],
                LAST[(i / FIRST.len()) % LAST.len()]
            ),
            email: format!("agent{i}@generated.livectl.invalid"),
            role: if i == 0 { Role::Admin } else { Role::Agent },
            department: Some(["support", "billing", "sales"][i % 3].into()),
            // Away or offline for an hour or a few before the newest instant of the data, so
            // that `stuck` and the autopilot find their owners' work as a real workspace's.
            status_since: (status != AgentStatus::Online)
                .then(|| Instant::At(spec.until - SignedDuration::from_hours(1 + (i % 4) as i64))),
            status,
            active: true,
            max_load: None,
        });
    }
    Generated {
        spec: spec.clone(),
        catalog,
        agents,
    }
}

impl Generated {
    /// What it holds, in a sentence.
    pub fn describe(&self) -> String {
        let c = &self.catalog;
        format!(
            "generated data: {} departments, {} agents, {} topics, {} outcomes, {} blocks, up to {} users, {} conversations with an intervention",
            c.departments.len(),
            c.agents.len(),
            c.topics.len(),
            c.outcomes.len(),
            c.blocks.len(),
            self.spec.users,
            self.spec.interventions
        )
    }

    /// User `u`: the same for the same seed whatever else the spec says.
    pub fn user(&self, u: usize) -> UserInput {
        let mut rng = fastrand::Rng::with_seed(draw(self.spec.seed, Stream::User, u as u64));
        let channels = [
            Channel::Web,
            Channel::Web,
            Channel::Whatsapp,
            Channel::Messenger,
            Channel::Teams,
            Channel::Sms,
        ];
        UserInput {
            key: format!("gen-user-{u}"),
            name: format!(
                "{} {}",
                FIRST[rng.usize(..FIRST.len())],
                LAST[rng.usize(..LAST.len())]
            ),
            email: (rng.u8(..10) < 7).then(|| format!("user{u}@example.com")),
            channel: channels[rng.usize(..channels.len())],
        }
    }

    /// Conversation `i` and its user, from the seed and `i` alone (and the parameters that
    /// shape it: days, messages, open, users).
    pub fn conversation(&self, i: usize) -> (ConversationSeed, UserInput) {
        let spec = &self.spec;
        let seed = spec.seed;
        let mut rng = fastrand::Rng::with_seed(draw(seed, Stream::Conversation, i as u64));
        // Open (queued or assigned) ones are recent; the rest are older and finished.
        let recent = draw(seed, Stream::Open, i as u64) % 100 < spec.open as u64;
        let span = spec.days * 86_400;
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
        let owners = draw(seed, Stream::Owner, i as u64);
        let first_index = (owners % self.agents as u64) as usize;
        let second_index =
            (first_index + 1 + ((owners >> 32) % (self.agents as u64 - 1)) as usize) % self.agents;
        let first = format!("gen-agent-{first_index}");
        let roll = rng.u8(..100);
        let outcome = [
            "resolved",
            "resolved",
            "resolved",
            "escalated",
            "no-response",
            "duplicate",
        ][rng.usize(..6)];
        let (tagged, with_block) = (rng.bool(), rng.bool());
        // When each action happened, from a stream of its own (so the other draws stay as they
        // were): the first owner takes it before their first message, a minute after it was
        // queued; nothing happens after `until`.
        let mut when = fastrand::Rng::with_seed(draw(seed, Stream::When, i as u64));
        let at = |after: SignedDuration| Some(Instant::At((queued_at + after).min(spec.until)));
        let assigned = SignedDuration::from_secs(when.i64(15..55));
        let assign = ActionSeed::Assign(AssignSeed::With(ReassignSeed {
            to: first.clone(),
            reason: None,
            at: at(assigned),
            by: None,
        }));
        let later = |when: &mut fastrand::Rng, minutes: std::ops::Range<i64>| {
            at(assigned + SignedDuration::from_secs(60 * when.i64(minutes)))
        };
        let actions = if recent {
            match roll {
                0..40 => vec![],
                40..55 => vec![
                    assign,
                    ActionSeed::Return(ReasonSeed {
                        reason: Some("end of shift".into()),
                        at: later(&mut when, 5..45),
                        by: None,
                    }),
                ],
                55..90 => vec![assign],
                _ => vec![
                    assign,
                    ActionSeed::Reassign(ReassignSeed {
                        to: format!("gen-agent-{second_index}"),
                        reason: None,
                        at: later(&mut when, 5..90),
                        by: None,
                    }),
                ],
            }
        } else {
            match roll {
                0..85 => vec![
                    assign,
                    ActionSeed::Complete(CompleteSeed {
                        topic: topic.into(),
                        outcome: outcome.into(),
                        tags: if tagged {
                            vec!["generated".into()]
                        } else {
                            vec![]
                        },
                        block: with_block.then(|| "survey".to_owned()),
                        at: later(&mut when, 3..50),
                        by: None,
                    }),
                ],
                _ => vec![ActionSeed::Cancel(ReasonSeed {
                    reason: Some("the user left".into()),
                    at: at(SignedDuration::from_secs(60 * when.i64(1..20))),
                    by: None,
                })],
            }
        };
        if matches!(actions.first(), Some(ActionSeed::Assign(_))) {
            messages.push(MessageSeed {
                sender: Sender::Agent,
                agent: Some(first.clone()),
                text: "Hi, I'm here to help.".into(),
                at: Some(Instant::At(queued_at + SignedDuration::from_secs(60))),
            });
        }
        let user = self.user((draw(seed, Stream::User, !(i as u64)) % spec.users as u64) as usize);
        let conversation = ConversationSeed {
            key: format!("gen-{seed}-{i}"),
            user: user.key.clone(),
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
        };
        (conversation, user)
    }

    /// Every conversation with its user, made as the iterator reaches it.
    pub fn conversations(&self) -> impl Iterator<Item = (ConversationSeed, UserInput)> + '_ {
        (0..self.spec.interventions).map(|i| self.conversation(i))
    }

    /// The whole data set as one document (for checks and small specs): the catalog, the
    /// users the conversations name, and the conversations.
    pub fn to_file(&self) -> SeedFile {
        let mut file = self.catalog.clone();
        let mut seen = std::collections::HashSet::new();
        for (conversation, user) in self.conversations() {
            if seen.insert(user.key.clone()) {
                file.users.push(user);
            }
            file.conversations.push(conversation);
        }
        file
    }
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
        let a = generate(&spec).to_file();
        assert_eq!(a, generate(&spec).to_file());
        assert_eq!(a.conversations.len(), 300);
        assert!(
            livectl_contract::seed::validate::check(&a, "", jiff::Timestamp::now()).is_empty(),
            "{:?}",
            livectl_contract::seed::validate::check(&a, "", jiff::Timestamp::now())
        );
        let other: GenerateSpec =
            "interventions=300,users=50,days=5,seed=10,until=2026-11-24T00:00:00Z"
                .parse()
                .unwrap();
        assert_ne!(a, generate(&other).to_file());
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
        assert_eq!(
            finished(&generate(&open).to_file()),
            0,
            "open=100: every one open"
        );
        assert!(finished(&a) >= 250, "by default the newest tenth is open");
        let none_open: GenerateSpec =
            "interventions=300,users=50,days=5,seed=9,until=2026-11-24T00:00:00Z,open=0"
                .parse()
                .unwrap();
        assert_eq!(
            finished(&generate(&none_open).to_file()),
            300,
            "open=0: every one finished"
        );
    }

    #[test]
    fn the_away_and_offline_agents_went_so_before_the_newest_instant() {
        let spec: GenerateSpec = "interventions=300,until=2026-11-24T00:00:00Z"
            .parse()
            .unwrap();
        let file = generate(&spec).to_file();
        let since: Vec<(AgentStatus, Option<String>)> = file
            .agents
            .iter()
            .map(|a| (a.status, a.status_since.map(|s| s.to_string())))
            .collect();
        assert_eq!(
            since,
            [
                (AgentStatus::Online, None),
                (AgentStatus::Online, None),
                (AgentStatus::Online, None),
                (AgentStatus::Offline, Some("2026-11-23T20:00:00Z".into())),
                (AgentStatus::Online, None),
                (AgentStatus::Online, None),
            ]
        );
    }

    #[test]
    fn each_conversation_depends_on_its_seed_and_index_not_on_unrelated_parameters() {
        // The base spec with one parameter given another value.
        let spec = |extra: &str| {
            let base = "interventions=300,users=50,days=5,seed=9,until=2026-11-24T00:00:00Z";
            let name = extra
                .trim_start_matches(',')
                .split('=')
                .next()
                .unwrap_or("");
            let kept: Vec<&str> = base
                .split(',')
                .filter(|p| name.is_empty() || !p.starts_with(&format!("{name}=")))
                .collect();
            generate(&format!("{}{extra}", kept.join(",")).parse().unwrap())
        };
        let base = spec("");
        // More interventions: the first 300 stay as they were.
        let more = spec(",interventions=600");
        assert!((0..300).all(|i| base.conversation(i) == more.conversation(i)));
        // Other users: the same conversations, only whose they are may change.
        let users = spec(",users=80");
        for i in 0..300 {
            let (mut a, _) = base.conversation(i);
            let (b, _) = users.conversation(i);
            a.user = b.user.clone();
            assert_eq!(a, b, "conversation {i}");
        }
        // A user is the same user whatever the spec around it.
        assert_eq!(base.user(7), users.user(7));
        // More open: those that were open stay exactly as they were.
        let open = spec(",open=30");
        let is_open = |g: &Generated, i: usize| {
            g.conversation(i)
                .0
                .intervention
                .unwrap()
                .actions
                .iter()
                .all(|a| !matches!(a, ActionSeed::Complete(_) | ActionSeed::Cancel(_)))
        };
        let was_open: Vec<usize> = (0..300).filter(|&i| is_open(&base, i)).collect();
        assert!(!was_open.is_empty());
        assert!(
            was_open
                .iter()
                .all(|&i| base.conversation(i) == open.conversation(i))
        );
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
        for empty in ["", " ", "\t", " , "] {
            assert!(
                empty
                    .parse::<GenerateSpec>()
                    .unwrap_err()
                    .starts_with("the spec is empty; expected a comma list such as")
            );
        }
        assert_eq!(
            "until=2999-01-01T00:00:00Z"
                .parse::<GenerateSpec>()
                .unwrap_err(),
            "until=2999-01-01T00:00:00Z is in the future; generated data ends at or before now (by default at today's midnight UTC)"
        );
        assert_eq!(
            "interventions=5,until=0001-01-01T00:00:00Z,days=3650"
                .parse::<GenerateSpec>()
                .unwrap_err(),
            "until=0001-01-01T00:00:00Z: 3650 days of data before it would begin before 1970"
        );
        assert_eq!(
            "until=tomorrow".parse::<GenerateSpec>().unwrap_err(),
            "until=tomorrow: an instant such as until=2026-11-24T00:00:00Z is expected"
        );
        // The last one was kept without a word.
        assert_eq!(
            "interventions=5,users=3,interventions=6"
                .parse::<GenerateSpec>()
                .unwrap_err(),
            "`interventions` is given twice; give it once"
        );
    }
}
