//! Names as people type them: an AGENT is an id, a key, an email, a unique name or `me`; catalog
//! entries are an id, a key or a name; a user is an id, an email or an exact name. And the names
//! of ids, for tables.

use livectl_client::Client;
use livectl_contract::{Agent, Block, Department, Kind, Outcome, Topic, User};

use crate::error::{CliError, ErrorKind};
use crate::model::Names;

/// The agent an AGENT argument names.
pub async fn agent(client: &Client, text: &str, flag: &str) -> Result<Agent, CliError> {
    let mut named = agents(client, std::slice::from_ref(&text), flag).await?;
    Ok(named.remove(0))
}

/// The agents AGENT arguments name, in their order: the agents are listed once for them all
/// (and not at all for `me` alone).
pub async fn agents(
    client: &Client,
    texts: &[impl AsRef<str>],
    flag: &str,
) -> Result<Vec<Agent>, CliError> {
    let mut listed: Option<Vec<Agent>> = None;
    let mut named = Vec::with_capacity(texts.len());
    for text in texts {
        let text = text.as_ref();
        if let Some(empty) = left_out(text, flag, Among::Platform) {
            return Err(empty);
        }
        if text == "me" {
            named.push(client.me().await?.agent);
            continue;
        }
        let agents = match &listed {
            Some(agents) => agents,
            None => listed.insert(client.agents().await?),
        };
        named.push(pick_agent(agents, text, flag, Among::Platform)?.clone());
    }
    Ok(named)
}

/// Where an AGENT is looked for, for what a refusal says would be right.
#[derive(Debug, Clone, Copy)]
enum Among<'a> {
    /// The agents of the platform a run reaches, where `me` is the caller.
    Platform,
    /// The agents of a sandbox database (`sandbox token --agent`), read from the file: no
    /// caller, so no `me`; `listing` names them (`this database's agents are: ag_1, ana`).
    Database { listing: &'a str },
}

impl Among<'_> {
    /// What an AGENT may be, here.
    fn is(self) -> &'static str {
        match self {
            Among::Platform => "an agent is an id, a key, an email, a unique name or `me`",
            Among::Database { .. } => "an agent is an id, a key, an email or a unique name",
        }
    }
}

/// `--to ana,` or `--to ''`: a name left out, not an agent to look for.
fn left_out(text: &str, flag: &str, among: Among) -> Option<CliError> {
    text.trim()
        .is_empty()
        .then(|| CliError::usage(format!("{flag}: an agent's name is empty")).hint(among.is()))
}

/// The agent AGENT `text` names among the agents of a sandbox database, as every AGENT is
/// named (`pick_agent`), but for `me`: a database has no caller.
pub fn agent_in_database<'a>(
    agents: &'a [Agent],
    text: &str,
    flag: &str,
    listing: &str,
) -> Result<&'a Agent, CliError> {
    let among = Among::Database { listing };
    if let Some(empty) = left_out(text, flag, among) {
        return Err(empty);
    }
    if text.trim() == "me" {
        return Err(CliError::usage(format!(
            "{flag}: `me` is the agent of the token a run uses, and a new token has none yet"
        ))
        .hint(format!(
            "{}; leaving out {flag} makes the built-in admin's",
            among.is()
        )));
    }
    pick_agent(agents, text, flag, among)
}

/// The agent AGENT `text` names among `agents`, the one rule of every AGENT: the agent whose
/// id or email (in any case) it is; else whose key it is, unless it is another agent's name
/// too; else the one whose name it is (in any case); else the one whose first name alone it
/// is. A name two agents share, or a key and another's name, is refused listing them.
fn pick_agent<'a>(
    agents: &'a [Agent],
    text: &str,
    flag: &str,
    among: Among,
) -> Result<&'a Agent, CliError> {
    let wanted = text.trim();
    let by_name: Vec<&Agent> = agents
        .iter()
        .filter(|a| a.name.eq_ignore_ascii_case(wanted))
        .collect();
    // An id or an email names its agent whatever another is called: they are what a refusal
    // below tells the user to give.
    if let Some(a) = agents
        .iter()
        .find(|a| a.id == wanted || a.email.eq_ignore_ascii_case(wanted))
    {
        return Ok(a);
    }
    if let Some(a) = agents.iter().find(|a| a.key.as_deref() == Some(wanted)) {
        // One agent's key that is another's name (`--to Done`, a key and a name written
        // alike): either could be meant, so neither is taken.
        if by_name.iter().all(|other| other.id == a.id) {
            return Ok(a);
        }
        let mut both = vec![a];
        both.extend(by_name.iter().filter(|other| other.id != a.id));
        return Err(agents_alike(flag, wanted, &both));
    }
    // A name matched whatever its case, where another agent's key is the same text in another
    // case (`ANA`, one agent keyed `ana` and another called `ana`): either could be meant, so
    // neither is taken (the one called so was, unsaid: new user). A name written exactly as
    // given is meant (`Bo`, beside a key `bo`); a first name alone is looked for only when
    // nothing else matched.
    let keyed = agents.iter().filter(|a| {
        a.key
            .as_deref()
            .is_some_and(|k| k.eq_ignore_ascii_case(wanted))
            && !by_name.iter().any(|b| b.id == a.id)
    });
    if !by_name.is_empty() && !by_name.iter().any(|a| a.name == wanted) {
        let mut alike = by_name.clone();
        alike.extend(keyed);
        if alike.len() > by_name.len() {
            return Err(agents_alike(flag, wanted, &alike));
        }
    }
    let by_name = if by_name.is_empty() {
        // A first name alone, when only one agent has it.
        agents
            .iter()
            .filter(|a| {
                a.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|f| f.eq_ignore_ascii_case(wanted))
            })
            .collect()
    } else {
        by_name
    };
    match by_name.as_slice() {
        [one] => Ok(one),
        [] => Err(other_kinds_id(flag, wanted, Kind::Agent)
            .unwrap_or_else(|| {
                let error = CliError::new(
                    ErrorKind::NotFound,
                    format!("{flag}: no agent is called `{wanted}`"),
                );
                match meant(agents, wanted) {
                    Some(meant) => error.hint(format!("did you mean {meant}?")),
                    None => error,
                }
            })
            .hint(match among {
                Among::Platform => format!("{}; see `livectl agents`", among.is()),
                Among::Database { listing } => format!("{}; {listing}", among.is()),
            })),
        many => Err(agents_alike(flag, wanted, many)),
    }
}

/// The agents `wanted` is near (`ui::near`) by key, name or first name, as they are named
/// back (`bo (Bo Chen)`), at most three; None when none is.
fn meant(agents: &[Agent], wanted: &str) -> Option<String> {
    if wanted.is_empty() {
        return None;
    }
    // The nearest first, by key, name or first name.
    let mut near: Vec<(usize, &Agent)> = agents
        .iter()
        .filter_map(|a| {
            let first = a.name.split_whitespace().next().unwrap_or_default();
            [a.key.as_deref(), Some(a.name.as_str()), Some(first)]
                .into_iter()
                .flatten()
                .filter_map(|known| crate::ui::nearness(wanted, known))
                .min()
                .map(|edits| (edits, a))
        })
        .collect();
    near.sort_by_key(|(edits, _)| *edits);
    let near: Vec<String> = near
        .into_iter()
        .take(3)
        .map(|(_, a)| format!("{} ({})", a.key.as_deref().unwrap_or(&a.id), a.name))
        .collect();
    (!near.is_empty()).then(|| near.join(" or "))
}

/// `wanted` names several agents (a name they share, or one's key and another's name).
fn agents_alike(flag: &str, wanted: &str, many: &[&Agent]) -> CliError {
    CliError::usage(format!(
        "{flag}: `{wanted}` matches {} agents: {}",
        many.len(),
        many.iter()
            .map(|a| format!("{} <{}> ({})", a.name, a.email, a.id))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .hint("name one by its id or email")
}

/// An entry of the catalog (topic, outcome, block, department): named by id, key or name.
pub trait CatalogEntry {
    /// The kind of its ids (`tp_3`).
    const ID: Kind;
    /// What one entry is called in messages: `topic`, `department`.
    const KIND: &'static str = Self::ID.noun();
    /// More than one.
    const KINDS: &'static str;
    fn id(&self) -> &str;
    fn key(&self) -> Option<&str>;
    fn name(&self) -> &str;
}

macro_rules! catalog_entry {
    ($($ty:ty: $kind:expr, $kinds:literal);*) => {$(
        impl CatalogEntry for $ty {
            const ID: Kind = $kind;
            const KINDS: &'static str = $kinds;
            fn id(&self) -> &str { &self.id }
            fn key(&self) -> Option<&str> { self.key.as_deref() }
            fn name(&self) -> &str { &self.name }
        }
    )*};
}
catalog_entry!(
    Topic: Kind::Topic, "topics";
    Outcome: Kind::Outcome, "outcomes";
    Block: Kind::Block, "blocks";
    Department: Kind::Department, "departments"
);

pub fn pick<'a, T: CatalogEntry>(
    items: &'a [T],
    text: &str,
    flag: &str,
) -> Result<&'a T, CliError> {
    let wanted = text.trim();
    let named: Vec<&T> = items
        .iter()
        .filter(|i| i.name().eq_ignore_ascii_case(wanted))
        .collect();
    // An id names its entry whatever another is called: it is what the refusal below tells
    // the user to give.
    if let Some(exact) = items.iter().find(|i| i.id() == wanted) {
        return Ok(exact);
    }
    if let Some(exact) = items.iter().find(|i| i.key() == Some(wanted)) {
        // One entry's key that is another's name (`--outcome Done`, where the outcome named
        // Done has another key): either could be meant, so neither is taken; their ids tell
        // them apart, as the key given does not.
        if named.iter().all(|other| other.id() == exact.id()) {
            return Ok(exact);
        }
        return Err(CliError::usage(format!(
            "{flag}: `{wanted}` is the key of one {} and the name of another",
            T::KIND
        ))
        .hint(format!(
            "give one by its id: {}",
            std::iter::once(exact)
                .chain(named.into_iter().filter(|other| other.id() != exact.id()))
                .map(|i| format!("{} ({})", i.name(), i.id()))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    match named.as_slice() {
        [one] => Ok(one),
        // A value given wrong (DESIGN.md section 9: an unknown catalog value is usage, 2),
        // the valid ones listed; an agent no one is called is not found (5).
        [] => Err(other_kinds_id(flag, wanted, T::ID)
            .unwrap_or_else(|| {
                CliError::usage(format!("{flag}: no {} is called `{wanted}`", T::KIND))
            })
            .hint(format!("valid values: {}", valid(items)))),
        several => Err(CliError::usage(format!(
            "{flag}: `{wanted}` names {} {}",
            several.len(),
            T::KINDS
        ))
        .hint(format!(
            "give one by its key or id: {}",
            several
                .iter()
                .map(|i| label(*i))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// "Login problem (login), Bug report (bug), ..." for messages.
pub fn valid<T: CatalogEntry>(items: &[T]) -> String {
    if items.is_empty() {
        return "none: the catalog is empty".into();
    }
    items.iter().map(label).collect::<Vec<_>>().join(", ")
}

/// "Login problem (login)": how an entry is offered to choose.
pub fn label<T: CatalogEntry>(item: &T) -> String {
    format!("{} ({})", item.name(), item.key().unwrap_or(item.id()))
}

/// The users named by USER arguments (id, email or exact name), in order, each once.
pub async fn users(client: &Client, users: &[String]) -> Result<Vec<String>, CliError> {
    let mut ids = Vec::new();
    let mut directory: Option<Vec<User>> = None;
    for user in users {
        if Kind::User.parse(user).is_some() {
            ids.push(client.user(user).await?.id);
            continue;
        }
        // Another kind's id: said as such, not looked for as a name.
        if let Some(error) = other_kinds_id("", user, Kind::User) {
            return Err(match Kind::of(user) {
                Some(Kind::Intervention) => error.hint(format!(
                    "`livectl show {user}` names its user; give that user's id, email or exact name"
                )),
                _ => error.hint("give the user's id (us_...), email or exact name"),
            });
        }
        if directory.is_none() {
            directory = Some(client.users().await?);
        }
        let all = directory.as_deref().unwrap_or_default();
        let matches: Vec<&User> = all
            .iter()
            .filter(|u| {
                u.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(user))
                    || u.name.eq_ignore_ascii_case(user)
            })
            .collect();
        match matches.as_slice() {
            [one] => ids.push(one.id.clone()),
            [] => {
                return Err(CliError::new(
                    ErrorKind::NotFound,
                    format!("no user is called `{user}`"),
                )
                .hint("give the user's id (us_...), email or exact name"));
            }
            many => {
                return Err(CliError::usage(format!(
                    "`{user}` matches {} users: {}",
                    many.len(),
                    many.iter()
                        .map(|u| format!("{} ({})", u.name, u.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .hint("give one of them by its id (us_...) or email"));
            }
        }
    }
    // One user named twice (`us_4 "Dana Khan"`) is one history, where it was first named.
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    Ok(ids)
}

/// Which names a table needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamesOf {
    /// Departments only.
    Departments,
    /// Agents and departments.
    People,
    /// Agents, departments, topics, outcomes and blocks.
    Everything,
}

/// The names of ids, for people reading a table.
pub async fn names(client: &Client, of: NamesOf) -> Result<Names, CliError> {
    let mut names = Names::default();
    names.extend(
        client
            .departments()
            .await?
            .into_iter()
            .map(|d| (d.id, d.name)),
    );
    if of == NamesOf::Departments {
        return Ok(names);
    }
    names.extend(client.agents().await?.into_iter().map(|a| (a.id, a.name)));
    if of == NamesOf::Everything {
        names.extend(client.topics().await?.into_iter().map(|t| (t.id, t.name)));
        names.extend(client.outcomes().await?.into_iter().map(|o| (o.id, o.name)));
        names.extend(client.blocks().await?.into_iter().map(|b| (b.id, b.name)));
    }
    Ok(names)
}

/// When `text` is the id of another kind than `expected` (`ag_3` where an intervention is
/// asked for): what it is not, and whose prefix it has. Every lookup says it the same way.
pub fn wrong_kind(text: &str, expected: Kind) -> Option<String> {
    let kind = Kind::of(text).filter(|k| *k != expected)?;
    let noun = expected.noun();
    let article = if noun.starts_with(['a', 'e', 'i', 'o']) {
        "an"
    } else {
        "a"
    };
    Some(format!(
        "`{text}` is not {article} {noun} id (those look like {}): `{}_` is the prefix of {}s",
        expected.id(42),
        kind.prefix(),
        kind.noun()
    ))
}

/// `wanted` as another kind's id (`wrong_kind`): a usage error, rather than "no agent is
/// called `iv_3`" (exit 5). `flag` is how it was given (`--to`), or empty for an argument.
fn other_kinds_id(flag: &str, wanted: &str, expected: Kind) -> Option<CliError> {
    let wrong = wrong_kind(wanted, expected)?;
    Some(CliError::usage(if flag.is_empty() {
        wrong
    } else {
        format!("{flag}: {wrong}")
    }))
}

#[cfg(test)]
mod tests {
    use livectl_contract::{Agent, Topic};

    use super::{Among, pick, pick_agent};

    fn topic(n: u32, key: &str, name: &str) -> Topic {
        Topic {
            id: format!("tp_{n}"),
            key: Some(key.into()),
            name: name.into(),
            department: None,
        }
    }

    #[test]
    fn a_catalog_name_picks_one_entry_or_says_why_not() {
        let topics = [
            topic(1, "login", "Login problem"),
            topic(2, "billing-eu", "Billing"),
            topic(3, "billing-us", "Billing"),
        ];
        assert_eq!(pick(&topics, "tp_1", "--topic").unwrap().id, "tp_1");
        assert_eq!(
            pick(&topics, "login problem", "--topic").unwrap().id,
            "tp_1"
        );
        assert_eq!(pick(&topics, "billing-us", "--topic").unwrap().id, "tp_3");
        let several = pick(&topics, "Billing", "--topic").unwrap_err();
        assert_eq!(several.exit_code(), 2);
        assert_eq!(several.message, "--topic: `Billing` names 2 topics");
        assert_eq!(
            several.hints,
            ["give one by its key or id: Billing (billing-eu), Billing (billing-us)"]
        );
        let none = pick(&topics, "weather", "--topic").unwrap_err();
        assert_eq!(
            none.exit_code(),
            2,
            "a value given wrong (DESIGN.md section 9)"
        );
        assert_eq!(none.message, "--topic: no topic is called `weather`");
    }

    /// A key one entry has that is another's name was taken as the key, whatever the name
    /// column said (`--outcome Done` completed with the outcome named Other, the new-user
    /// check); an entry whose key is its own name is found as ever.
    #[test]
    fn a_key_that_is_another_entrys_name_picks_neither() {
        let topics = [
            topic(6, "done1", "Done"),
            topic(7, "Done", "Other"),
            topic(8, "login", "Login"),
        ];
        let alike = pick(&topics, "Done", "--topic").unwrap_err();
        assert_eq!(alike.exit_code(), 2);
        assert_eq!(
            alike.message,
            "--topic: `Done` is the key of one topic and the name of another"
        );
        assert_eq!(
            alike.hints,
            ["give one by its id: Other (tp_7), Done (tp_6)"]
        );
        assert_eq!(pick(&topics, "tp_7", "--topic").unwrap().id, "tp_7");
        // An id names its entry even where another is named as that id.
        let named_as_an_id = [topic(1, "a", "TP_2"), topic(2, "b", "B")];
        assert_eq!(pick(&named_as_an_id, "tp_2", "--topic").unwrap().id, "tp_2");
        assert_eq!(pick(&topics, "done1", "--topic").unwrap().id, "tp_6");
        assert_eq!(pick(&topics, "login", "--topic").unwrap().id, "tp_8");
    }

    #[test]
    fn an_agents_key_that_is_anothers_name_picks_neither() {
        let agent = |n: u32, key: &str, name: &str| Agent {
            id: format!("ag_{n}"),
            key: Some(key.into()),
            name: name.into(),
            email: format!("{key}@example.com"),
            role: livectl_contract::Role::Agent,
            department: None,
            status: livectl_contract::AgentStatus::Online,
            status_since: jiff::Timestamp::UNIX_EPOCH,
            max_load: None,
            active: true,
        };
        let agents = [
            agent(2, "a1", "Ana"),
            agent(3, "A1", "Bo Chen"),
            agent(4, "bo", "A1"),
        ];
        let alike = pick_agent(&agents, "A1", "--to", Among::Platform).unwrap_err();
        assert_eq!(alike.exit_code(), 2);
        assert_eq!(
            alike.message,
            "--to: `A1` matches 2 agents: Bo Chen <A1@example.com> (ag_3), A1 <bo@example.com> (ag_4)"
        );
        assert_eq!(
            pick_agent(&agents, "bo", "--to", Among::Platform)
                .unwrap()
                .id,
            "ag_4"
        );
        assert_eq!(
            pick_agent(&agents, "a1@example.com", "--to", Among::Platform)
                .unwrap()
                .id,
            "ag_2"
        );
        // A name whatever its case, with another's key the same but for its case: neither.
        let cased = [agent(6, "ana", "Ana Lima"), agent(13, "Ana", "ana")];
        let alike = pick_agent(&cased, "ANA", "--to", Among::Platform).unwrap_err();
        assert_eq!(
            alike.message,
            "--to: `ANA` matches 2 agents: ana <Ana@example.com> (ag_13), Ana Lima <ana@example.com> (ag_6)"
        );
        assert_eq!(
            pick_agent(&cased, "Ana", "--to", Among::Platform)
                .unwrap()
                .id,
            "ag_13",
            "its key exactly, and its name"
        );
        // A name written exactly as given, beside another's key in another case: that name.
        let exact = [agent(2, "bo", "Bo Chen"), agent(7, "x", "Bo")];
        assert_eq!(
            pick_agent(&exact, "Bo", "--to", Among::Platform)
                .unwrap()
                .id,
            "ag_7"
        );
        // An id or an email names its agent even where another is called so.
        let mut called_so = agent(5, "x", "ag_3");
        called_so.name = "ag_3".into();
        let mut emailed = agent(6, "y", "bo@example.com");
        emailed.name = "bo@example.com".into();
        let crowded = [
            agents[0].clone(),
            agents[1].clone(),
            agents[2].clone(),
            called_so,
            emailed,
        ];
        for (wanted, id) in [("ag_3", "ag_3"), ("bo@example.com", "ag_4")] {
            assert_eq!(
                pick_agent(&crowded, wanted, "--to", Among::Platform)
                    .unwrap()
                    .id,
                id
            );
        }
        // A first name alone is looked for only when nothing else matched.
        assert_eq!(
            pick_agent(&agents, "Bo", "--to", Among::Platform)
                .unwrap()
                .id,
            "ag_3"
        );
    }
}
