//! Checking a parsed seed document whole before anything is sent: the contract's limits,
//! repeated keys, unknown references, emails, and actions the state machine or the roles refuse.

use std::collections::{HashMap, HashSet};

use super::format::{ActionSeed, AssignSeed, SeedFile};
use super::plan::{Ids, Plan};
use super::read::{Problem, Text};
use crate::action::ActionKind;
use crate::batch::BatchRequest;
use crate::ids::{Kind, shown_key};
use crate::limits::{self, Limit};
use crate::models::{InterventionState, Role, Sender};
use crate::requests::MaxLoadInput;

/// Every problem a parsed file has that its types cannot say: the limits of the contract,
/// repeated keys, unknown references, emails, and actions the state machine or the roles refuse.
/// In line order; those with no line last.
///
/// `now` is the load's: relative instants (`now-2h`) count back from it, as the load's plan
/// counts them.
pub fn check(file: &SeedFile, text: &str, now: jiff::Timestamp) -> Vec<Problem> {
    let mut c = Checker {
        t: Text::new(text),
        problems: Vec::new(),
    };
    let departments = c.keys(
        "departments",
        file.departments.iter().map(|d| d.key.as_str()),
    );
    let agents = c.keys("agents", file.agents.iter().map(|a| a.key.as_str()));
    let topics = c.keys("topics", file.topics.iter().map(|x| x.key.as_str()));
    let outcomes = c.keys("outcomes", file.outcomes.iter().map(|x| x.key.as_str()));
    let blocks = c.keys("blocks", file.blocks.iter().map(|x| x.key.as_str()));
    let users = c.keys("users", file.users.iter().map(|x| x.key.as_str()));
    c.keys(
        "conversations",
        file.conversations.iter().map(|x| x.key.as_str()),
    );

    for (section, kind, list) in [
        ("departments", Kind::Department, &file.departments),
        ("outcomes", Kind::Outcome, &file.outcomes),
        ("blocks", Kind::Block, &file.blocks),
    ] {
        for (n, x) in list.iter().enumerate() {
            c.key_and_name(kind, &format!("{section}[{n}]"), &x.key, &x.name);
        }
    }
    let mut emails: HashMap<String, &str> = HashMap::new();
    for (n, a) in file.agents.iter().enumerate() {
        let at = format!("agents[{n}]");
        c.key_and_name(Kind::Agent, &at, &a.key, &a.name);
        c.email(&a.key, &a.email, format!("{at}.email"));
        if let Some(first) = emails.insert(a.email.to_lowercase(), &a.key) {
            let field = format!("{at}.email");
            c.problem(
                c.line(&field, &a.key, &a.email),
                field,
                format!(
                    "`{}` is already the email of agent `{}`",
                    a.email,
                    shown_key(first)
                ),
            );
        }
        // A relative one (`now-3h`) is never later than the load; a written one may be.
        if let Some(super::format::Instant::At(since)) = a.status_since
            && let Some(why) = crate::status::began_later(since, now)
        {
            let field = format!("{at}.status_since");
            c.problem(
                c.line(&field, &a.key, "status_since"),
                field,
                format!("{why} (now-3h counts back from the load)"),
            );
        }
        if let Some(max_load) = &a.max_load {
            c.problems.extend(max_load_problem(
                &c.t,
                &format!("{at}.max_load"),
                &a.key,
                max_load,
            ));
        }
        if let Some(d) = &a.department {
            c.known(
                &a.key,
                d,
                format!("{at}.department"),
                "department",
                &departments,
            );
        }
    }
    for (n, x) in file.topics.iter().enumerate() {
        c.key_and_name(Kind::Topic, &format!("topics[{n}]"), &x.key, &x.name);
        if let Some(d) = &x.department {
            c.known(
                &x.key,
                d,
                format!("topics[{n}].department"),
                "department",
                &departments,
            );
        }
    }
    for (n, u) in file.users.iter().enumerate() {
        c.key_and_name(Kind::User, &format!("users[{n}]"), &u.key, &u.name);
        if let Some(e) = &u.email {
            c.email(&u.key, e, format!("users[{n}].email"));
        }
    }

    let roles: HashMap<&str, Role> = file
        .agents
        .iter()
        .map(|a| (a.key.as_str(), a.role))
        .collect();
    let inactive: HashSet<&str> = file
        .agents
        .iter()
        .filter(|a| !a.active)
        .map(|a| a.key.as_str())
        .collect();
    // Each agent's max_load, and how many of the file's interventions it holds as they are
    // loaded in order: an assign past it is refused by the platform, after the catalog was
    // sent (a file checked whole loaded half: an agent of max_load 0 given one).
    let max_loads: HashMap<&str, u32> = file
        .agents
        .iter()
        .filter_map(|a| Some((a.key.as_str(), a.max_load.as_ref()?.check().ok()?)))
        .collect();
    let mut loads: HashMap<&str, u32> = HashMap::new();
    let plan = Plan::new(file, jiff::Timestamp::UNIX_EPOCH);
    let placeholders = Ids::placeholders();
    for (i, conv) in file.conversations.iter().enumerate() {
        let at = format!("conversations[{i}]");
        let key = conv.key.as_str();
        c.limit(Limit::KeyLength, key, key, format!("{at}.key"), true);
        c.known(key, &conv.user, format!("{at}.user"), "user", &users);
        if let Err(e) = Limit::MessagesPerConversation.count(conv.messages.len(), "messages") {
            let field = format!("{at}.messages");
            c.problem(c.line(&field, key, "messages"), field, e);
        }
        for (j, m) in conv.messages.iter().enumerate() {
            let field = format!("{at}.messages[{j}]");
            c.limit(
                Limit::MessageLength,
                key,
                &m.text,
                format!("{field}.text"),
                true,
            );
            match (m.sender, &m.agent) {
                (Sender::Agent, Some(a)) => {
                    c.known(key, a, format!("{field}.agent"), "agent", &agents)
                }
                (Sender::Agent, None) => c.problem(
                    c.line(&field, key, "agent"),
                    format!("{field}.agent"),
                    "an agent message needs the agent's key".into(),
                ),
                (_, Some(a)) => c.problem(
                    c.line(&format!("{field}.agent"), key, a),
                    format!("{field}.agent"),
                    format!(
                        "only agent messages name an agent; this one is from the {}",
                        m.sender
                    ),
                ),
                (_, None) => {}
            }
        }
        // Dated in order: a conversation's messages from its start on, each after the one
        // before, and its intervention's actions from its queueing on, each after the one
        // before (one left without `at` is dated at the load). A file that ran backwards
        // loaded a history where a takeover closed days before it was assigned.
        let started = conv.started_at.map(|t| t.resolve(now));
        let mut before: Option<(jiff::Timestamp, &str)> =
            started.map(|t| (t, "its conversation started (`started_at`)"));
        for (j, m) in conv.messages.iter().enumerate() {
            let Some(sent) = m.at.map(|t| t.resolve(now)) else {
                continue;
            };
            let field = format!("{at}.messages[{j}].at");
            c.in_order(key, &field, sent, before, "this message");
            before = Some((sent, "the message before it"));
        }
        let Some(iv) = &conv.intervention else {
            continue;
        };
        let at = format!("{at}.intervention");
        let queued = iv.queued_at.map(|t| t.resolve(now));
        if let Some(queued) = queued {
            let field = format!("{at}.queued_at");
            c.in_order(
                key,
                &field,
                queued,
                started.map(|t| (t, "its conversation started (`started_at`)")),
                "the intervention's queueing",
            );
        }
        let mut before: Option<(jiff::Timestamp, &str)> =
            queued.map(|t| (t, "it was queued (`queued_at`)"));
        for (j, action) in iv.actions.iter().enumerate() {
            let name = action.kind().as_str();
            let (done, _) = action.done();
            let field = format!("{at}.actions[{j}].{name}.at");
            let (when, said) = match done {
                Some(t) => (t.resolve(now), "the action before it"),
                None => (
                    now,
                    "the action before it (left without `at`, dated at the load)",
                ),
            };
            if done.is_some() {
                c.in_order(key, &field, when, before, &format!("this {name}"));
            }
            before = Some((when, said));
        }
        c.limit(
            Limit::SummaryLength,
            key,
            &iv.summary,
            format!("{at}.summary"),
            true,
        );
        if let Some(d) = &iv.department {
            c.known(
                key,
                d,
                format!("{at}.department"),
                "department",
                &departments,
            );
        }
        if let Err(e) = Limit::ActionsPerIntervention.count(iv.actions.len(), "actions") {
            let field = format!("{at}.actions");
            c.problem(c.line(&field, key, "actions"), field, e);
        }
        // Walk the state machine: each action from the state the ones before left. One that
        // cannot follow is said, its references are still checked, and the walk goes on from
        // the state it would have led to, as the file means it: every problem in one run.
        let mut state = InterventionState::Queued;
        let mut owner: Option<&str> = None;
        for (j, action) in iv.actions.iter().enumerate() {
            let field = format!("{at}.actions[{j}]");
            let kind = action.kind();
            let name = kind.as_str();
            let follows = kind.allowed(state);
            if !follows {
                c.problem(
                    c.line(&field, key, name),
                    field.clone(),
                    format!(
                        "{name} cannot follow here: the intervention is {state} by then, and {name} needs it {}",
                        kind.allowed_from_words()
                    ),
                );
            }
            if let Some(reason) = action.reason()
                && let Err(e) = Limit::ReasonLength.length(reason)
            {
                let field = format!("{field}.{name}.reason");
                c.problem(c.line(&field, key, reason), field, format!("reason {e}"));
            }
            let (_, by) = action.done();
            if let Some(by) = by {
                c.known(key, by, format!("{field}.{name}.by"), "agent", &agents);
                let admin = roles.get(by) == Some(&Role::Admin);
                let refused = kind.refusal(admin, by, action.to(), owner);
                // Who may act is a question only for an action that can follow.
                if follows
                    && agents.contains(by)
                    && let Some(refusal) = refused
                {
                    let to = action.to().unwrap_or_default();
                    let (by_shown, to_shown) = (shown_key(by), shown_key(to));
                    let why = refusal.naming(format!("`{by_shown}`"), format!("`{to_shown}`"));
                    let field = format!("{field}.{name}.by");
                    c.problem(
                        c.line(&field, key, by),
                        field,
                        format!("`{by_shown}` may not {name} it here: {why}"),
                    );
                }
            }
            if let Some(to) = action.to() {
                // `assign: bo` names the agent as the action's value; the maps, as their `to`.
                let to_field = match action {
                    ActionSeed::Assign(AssignSeed::To(_)) => format!("{field}.assign"),
                    _ => format!("{field}.{name}.to"),
                };
                c.known(key, to, to_field.clone(), "agent", &agents);
                if inactive.contains(to) {
                    c.problem(
                        c.line(&to_field, key, to),
                        to_field.clone(),
                        format!("agent `{}` is inactive and receives no work", shown_key(to)),
                    );
                }
                if kind == ActionKind::Reassign && owner == Some(to) {
                    c.problem(
                        c.line(&to_field, key, to),
                        to_field.clone(),
                        format!("`{}` already owns it by then", shown_key(to)),
                    );
                }
                let held = loads.get(to).copied().unwrap_or(0);
                if follows
                    && owner != Some(to)
                    && let Some(&max) = max_loads.get(to)
                    && held >= max
                {
                    c.problem(
                        c.line(&to_field, key, to),
                        to_field,
                        format!(
                            "`{}` holds {held} of the file's interventions by then, its max_load of {max}: it takes no more",
                            shown_key(to)
                        ),
                    );
                }
            }
            if let ActionSeed::Complete(done) = action {
                c.known(
                    key,
                    &done.topic,
                    format!("{field}.complete.topic"),
                    "topic",
                    &topics,
                );
                c.known(
                    key,
                    &done.outcome,
                    format!("{field}.complete.outcome"),
                    "outcome",
                    &outcomes,
                );
                if let Some(b) = &done.block {
                    c.known(key, b, format!("{field}.complete.block"), "block", &blocks);
                }
                if let Err(e) = limits::tags(&done.tags) {
                    let field = format!("{field}.complete.tags");
                    c.problem(c.line(&field, key, "tags"), field, e);
                }
            }
            state = kind.leads_to();
            owner = match state {
                InterventionState::Assigned => action.to().or(owner),
                InterventionState::Queued => None,
                _ => owner,
            };
        }
        // Its load stays with the agent that holds it when its actions end.
        if state == InterventionState::Assigned
            && let Some(owner) = owner
        {
            *loads.entry(owner).or_insert(0) += 1;
        }
    }
    // Each conversation and its actions travel in one request: it must fit the body limit.
    if c.problems.is_empty() {
        for (i, conv) in file.conversations.iter().enumerate() {
            let Ok(operations) = plan.conversation_ops(conv, &placeholders) else {
                continue;
            };
            let size = serde_json::to_vec(&BatchRequest { operations }).map_or(0, |b| b.len());
            if size > Limit::BodyBytes.max() {
                let field = format!("conversations[{i}]");
                c.problem(
                    c.line(&field, &conv.key, &conv.key),
                    field,
                    format!(
                        "with its messages and actions it takes {size} bytes, more than the {} one request may carry",
                        Limit::BodyBytes.max()
                    ),
                );
            }
        }
    }
    // Said in the order of the file, as the parser's problems are: checked section by
    // section, a file's problems came out of order (new user).
    let mut problems = c.problems;
    problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    problems
}

/// An agent's `max_load` that is not a capacity, at its line, said as it is written there (a
/// parser reads `1e3` as 1000.0, and a number beyond 64 bits as a float).
pub(super) fn max_load_problem(
    t: &Text,
    field: &str,
    anchor: &str,
    value: &MaxLoadInput,
) -> Option<Problem> {
    let message = value.check().err()?;
    let line = t.place(field, anchor, "max_load");
    // Text stays quoted (`not "lots"`); a float made of what was written is not text.
    let message = match (line.and_then(|l| t.value_at(l, "max_load")), &value.0) {
        (Some(written), serde_json::Value::String(read)) if read == written => message,
        (Some(written), _) => MaxLoadInput::refusal(written),
        (None, _) => message,
    };
    Some(Problem {
        line,
        field: field.to_owned(),
        message,
    })
}

struct Checker<'a> {
    t: Text<'a>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn line(&self, field: &str, anchor: &str, value: &str) -> Option<usize> {
        self.t.place(field, anchor, value)
    }

    /// `what`, dated `when` at `field`, is not before what came before it (`before`, said).
    fn in_order(
        &mut self,
        anchor: &str,
        field: &str,
        when: jiff::Timestamp,
        before: Option<(jiff::Timestamp, &str)>,
        what: &str,
    ) {
        if let Some((earlier, said)) = before
            && when < earlier
        {
            self.problem(
                self.line(field, anchor, "at"),
                field.to_owned(),
                format!(
                    "{what} is dated {}, before {said} at {}: a history runs forward",
                    crate::time::rfc3339(when),
                    crate::time::rfc3339(earlier)
                ),
            );
        }
    }

    fn problem(&mut self, line: Option<usize>, field: String, message: String) {
        self.problems.push(Problem {
            line,
            field,
            message,
        });
    }

    /// The keys of a section, each said once.
    fn keys<'k>(&mut self, section: &str, list: impl Iterator<Item = &'k str>) -> HashSet<String> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, key) in list.enumerate() {
            let count = seen.entry(key).or_insert(0);
            if *count > 0 {
                let field = format!("{section}[{i}].key");
                let line = self.t.locate(&field).or_else(|| self.t.nth(key, *count));
                self.problem(
                    line,
                    field,
                    format!("the key `{}` is used twice in {section}", shown_key(key)),
                );
            }
            *count += 1;
        }
        seen.into_keys().map(str::to_owned).collect()
    }

    /// Text within its limit; `required` text must not be blank.
    fn limit(&mut self, limit: Limit, anchor: &str, value: &str, field: String, required: bool) {
        let checked = if required {
            limit.text(value)
        } else {
            limit.length(value)
        };
        if let Err(message) = checked {
            let line = self.t.locate(&field).or_else(|| {
                if value.trim().is_empty() {
                    self.t.line(anchor, "").or(self.t.line(anchor, anchor))
                } else {
                    self.t.line(anchor, anchor)
                }
            });
            self.problem(line, field, message);
        }
    }

    /// A key within its limit that a command line can name its resource by
    /// (`Kind::key_refusal`), and a name within its limit.
    fn key_and_name(&mut self, kind: Kind, at: &str, key: &str, name: &str) {
        self.limit(Limit::KeyLength, key, key, format!("{at}.key"), true);
        if let Some(why) = kind.key_refusal(key) {
            let field = format!("{at}.key");
            let line = self.t.locate(&field).or_else(|| self.t.line(key, key));
            self.problem(line, field, why);
        }
        self.limit(Limit::NameLength, key, name, format!("{at}.name"), true);
    }

    fn email(&mut self, anchor: &str, email: &str, field: String) {
        if let Err(message) = limits::email(email) {
            let line = self.line(&field, anchor, email);
            let message = if message.starts_with("is longer") || message.starts_with("must not") {
                format!("`{email}` {message}")
            } else {
                message
            };
            self.problem(line, field, message);
        }
    }

    /// A reference to a key the file defines.
    fn known(
        &mut self,
        anchor: &str,
        value: &str,
        field: String,
        what: &str,
        known: &HashSet<String>,
    ) {
        if known.contains(value) {
            return;
        }
        let mut list: Vec<&str> = known.iter().map(String::as_str).collect();
        list.sort_unstable();
        let list: Vec<_> = list.into_iter().map(shown_key).collect();
        let valid = if list.is_empty() {
            format!("the file defines no {what}s")
        } else {
            format!("the {what}s are: {}", list.join(", "))
        };
        let line = self.line(&field, anchor, value);
        self.problem(
            line,
            field,
            format!("no {what} has the key `{}`; {valid}", shown_key(value)),
        );
    }
}
