//! Spreading items over several agents or a pool, least-loaded first, never above an agent's
//! `max_load`: an item that fits nowhere is left where it is and reported.

use std::collections::HashMap;

use futures_util::StreamExt;
use futures_util::stream::LocalBoxStream;
use livectl_client::Client;
use livectl_contract::{ActionKind, Agent, AgentStatus, Queues};

use super::lookup;
use super::pool::{self, Pool, Route};
use super::targets::{Selection, Source, Target};
use crate::error::CliError;
use crate::model::{DEPARTMENT_POOL, Full, Looked, NoRoom, NoRooms};
use crate::ui::Ui;

/// Where `--to` sends work: agents named, or a pool.
#[derive(Debug, Clone)]
pub enum To {
    Agents(Vec<Agent>),
    Pool {
        pool: Pool,
        /// The department's id for `@department:NAME`.
        department: Option<String>,
        include_away: bool,
    },
}

impl To {
    /// Whether livectl chooses each item's agent: among several named, or in a pool. A run's
    /// summary then says who got what, whoever it turned out to be.
    pub fn chooses(&self) -> bool {
        match self {
            To::Agents(named) => named.len() > 1,
            To::Pool { .. } => true,
        }
    }

    /// A pool as its route, which the plan keeps and dispatch resolves; None for agents.
    pub fn route(&self) -> Option<Route> {
        match self {
            To::Agents(_) => None,
            To::Pool {
                pool,
                department,
                include_away,
            } => Some(Route {
                pool: pool.clone(),
                department: department.clone(),
                include_away: *include_away,
            }),
        }
    }

    /// Who had no room, when an item fits nowhere in `to` (each agent's capacity as it was
    /// looked up).
    pub fn no_room(&self) -> NoRoom {
        match self {
            To::Agents(agents) => NoRoom::Agents(
                agents
                    .iter()
                    .map(|a| Full {
                        id: Some(a.id.clone()),
                        name: Some(a.name.clone()),
                        max_load: a.max_load,
                        owns: false,
                    })
                    .collect(),
            ),
            To::Pool {
                pool, include_away, ..
            } => NoRoom::Pool {
                pool: pool.to_string(),
                include_away: *include_away,
            },
        }
    }

    /// For confirmations and summaries: `Ana Lima and Bo Chen`, `@online`.
    pub fn describe(&self) -> String {
        match self {
            To::Agents(agents) => {
                crate::model::listed(&agents.iter().map(|a| a.name.as_str()).collect::<Vec<_>>())
            }
            To::Pool {
                pool, include_away, ..
            } => crate::model::pool_words(&pool.to_string(), *include_away),
        }
    }
}

/// What `--to` names: one pool (`@online`, `@department`, `@department:NAME`), or agents as
/// `agents` takes them. A pool goes alone. `flag` is how messages name where the names were
/// given: `--to`, or a config file's key (`a.toml: to = "zed"`).
pub async fn to(
    client: &Client,
    ui: &Ui,
    names: &[String],
    include_away: bool,
    flag: &str,
) -> Result<To, CliError> {
    let pools = names.iter().filter(|n| Pool::is_pool(n)).count();
    if pools == 0 {
        return Ok(To::Agents(
            agents(client, ui, names, include_away, flag).await?,
        ));
    }
    if names.len() > 1 {
        return Err(CliError::usage(format!(
            "{flag}: a pool goes alone, not with other --to values: {}",
            names.join(", ")
        ))
        .hint(format!("give one pool ({}) or agents", pool::FORMS)));
    }
    let pool = pool_of(&names[0], flag)?;
    let department = match &pool {
        Pool::DepartmentNamed(name) => {
            let departments = client.departments().await?;
            // `--to @department: …`; a file's key shows the pool already.
            let named = if flag == "--to" {
                "--to @department"
            } else {
                flag
            };
            Some(lookup::pick(&departments, name, named)?.id.clone())
        }
        _ => None,
    };
    Ok(To::Pool {
        pool,
        department,
        include_away,
    })
}

/// A pool as written, or a usage error naming the valid forms (and where it was given, `flag`).
pub fn pool_of(text: &str, flag: &str) -> Result<Pool, CliError> {
    text.parse::<Pool>()
        .map_err(|e| CliError::usage(format!("{flag}: {e}")))
}

/// The agents named by `--to`: each must exist and be active. When work is spread over several,
/// those away or offline are left out (and the run says so) unless `include_away`; one agent
/// named alone is taken at their word, with a warning. `flag` names where they were given.
pub async fn agents(
    client: &Client,
    ui: &Ui,
    names: &[String],
    include_away: bool,
    flag: &str,
) -> Result<Vec<Agent>, CliError> {
    let mut agents: Vec<Agent> = Vec::new();
    for agent in lookup::agents(client, names, flag).await? {
        if !agent.active {
            return Err(CliError::usage(format!(
                "{flag}: {} ({}) is inactive and receives no work",
                agent.name, agent.id
            ))
            .hint("choose an active agent; see `livectl agents`"));
        }
        if !agents.iter().any(|a| a.id == agent.id) {
            agents.push(agent);
        }
    }
    let away = |a: &Agent| a.status != AgentStatus::Online;
    if agents.len() == 1 || include_away {
        for agent in agents.iter().filter(|a| away(a)) {
            ui.note(format!(
                "warning: {} ({}) is {}",
                agent.name, agent.id, agent.status
            ));
        }
        return Ok(agents);
    }
    let (left_out, online): (Vec<Agent>, Vec<Agent>) = agents.into_iter().partition(away);
    let who = |agents: &[Agent]| {
        agents
            .iter()
            .map(|a| format!("{} ({}, {})", a.name, a.id, a.status))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if online.is_empty() {
        // The flag is offered only where someone named is away: to agents offline, what helps
        // is someone else.
        let hint = if left_out.iter().any(|a| a.status == AgentStatus::Away) {
            "name an online agent, or pass --include-away to give those named work anyway"
        } else {
            "they are offline: name an online agent, or give the work to a pool such as --to @online"
        };
        return Err(CliError::usage(format!(
            "{flag}: no agent named is online: {}",
            who(&left_out)
        ))
        .hint(hint));
    }
    if !left_out.is_empty() {
        ui.note(format!(
            "leaving out {}: only online agents get work unless --include-away",
            who(&left_out)
        ));
    }
    Ok(online)
}

/// Whether `agent` takes work now: active, and online (or away, with `include_away`). A pool's
/// members, and the autopilot's agents named.
pub fn takes_work(agent: &Agent, include_away: bool) -> bool {
    agent.active
        && (agent.status == AgentStatus::Online
            || (include_away && agent.status == AgentStatus::Away))
}

/// One agent work may go to: its load now and its capacity.
#[derive(Debug, Clone)]
pub struct Slot {
    pub id: String,
    pub department: Option<String>,
    pub load: i64,
    pub max_load: Option<u32>,
    /// It refused an item for want of room: it takes no more in this spread.
    pub full: bool,
}

/// Hands items to agents as they stream past: each to the agent with the smallest load so far
/// (ties to the first), never above its `max_load`, never to its current owner when another
/// could take it (for a pool, never to its owner at all), and for `@department` only within the
/// item's department. It holds a load per agent, whatever the number of items.
#[derive(Debug, Clone)]
pub struct Spreader {
    slots: Vec<Slot>,
    /// A pool: the owner is never a candidate.
    pool: bool,
    /// `@department`: each item within its own department.
    by_department: bool,
    /// Who had no room, for the items that fit nowhere.
    no_room: NoRoom,
    /// A pool in a bulk run's plan: every item gets the route, resolved when it is sent.
    route: Option<String>,
    /// Items given by id are looked up before they are picked for, whatever the agents
    /// (see `new`).
    look: bool,
}

impl Spreader {
    /// For a bulk run's plan: over agents named, starting from their loads now; a pool is left
    /// as its route, resolved by dispatch as each item is sent (`Router`), except in a plan
    /// `judged` for a person (a dry run, a confirmation: `BulkArgs::judged`), which resolves it
    /// now, as dispatch would at its start, to say who would get each item.
    ///
    /// Items given by id are looked up before they are picked for, also for one agent, so one
    /// the platform would refuse anyway (closed, unknown, owned by that agent) takes none of
    /// its room (`pick_refused`): in a judged plan (which looks them up anyway to judge them),
    /// and for a run whose one agent has a `max_load` (a plan within its room, which the dry
    /// run must match). A run with `--yes` to one agent without one looks nothing up.
    pub async fn new(client: &Client, to: &To, judged: bool) -> Result<Spreader, CliError> {
        if let Some(route) = to.route()
            && !judged
        {
            return Ok(Spreader {
                slots: Vec::new(),
                pool: true,
                by_department: false,
                no_room: to.no_room(),
                route: Some(route.encode()),
                look: false,
            });
        }
        let mut spreader = Spreader::now(client, to).await?;
        spreader.look = judged || spreader.slots.iter().any(|s| s.max_load.is_some());
        Ok(spreader)
    }

    /// Over `to` as it is now: the agents (a pool's members) and their loads. A pool is the
    /// others: the agent whose token runs it (a supervisor spreading work, an on-call fix) gets
    /// nothing from it, as from the autopilot's; it had the most room, so the most work (two
    /// new users). Named, it is given work as any agent named is.
    pub async fn now(client: &Client, to: &To) -> Result<Spreader, CliError> {
        let queues = client.queues().await?;
        let agents = match to {
            To::Agents(agents) => agents.clone(),
            To::Pool { .. } => {
                let (agents, me) = tokio::try_join!(client.agents(), client.me())?;
                agents.into_iter().filter(|a| a.id != me.agent.id).collect()
            }
        };
        Ok(Spreader::over(to, &agents, &queues))
    }

    /// Over `to`, given every agent and the queues as they are now.
    pub fn over(to: &To, agents: &[Agent], queues: &Queues) -> Spreader {
        let load: HashMap<&str, i64> = queues
            .agents
            .iter()
            .map(|q| (q.agent.as_str(), q.count))
            .collect();
        let (members, pool, by_department): (Vec<&Agent>, bool, bool) = match to {
            To::Agents(named) => (named.iter().collect(), false, false),
            To::Pool {
                pool,
                department,
                include_away,
            } => {
                let member = |a: &&Agent| {
                    takes_work(a, *include_away)
                        && department
                            .as_ref()
                            .is_none_or(|d| a.department.as_ref() == Some(d))
                };
                let members = agents.iter().filter(member).collect();
                (members, true, *pool == Pool::Department)
            }
        };
        let slots = members
            .into_iter()
            .map(|a| Slot {
                id: a.id.clone(),
                department: a.department.clone(),
                load: load.get(a.id.as_str()).copied().unwrap_or(0),
                max_load: a.max_load,
                full: false,
            })
            .collect();
        Spreader {
            slots,
            pool,
            by_department,
            no_room: to.no_room(),
            route: None,
            look: false,
        }
    }

    /// Named agents with these loads and no capacity (tests).
    pub fn with_load(agents: Vec<String>, load: &HashMap<String, i64>) -> Spreader {
        let slots = agents
            .into_iter()
            .map(|id| Slot {
                load: load.get(&id).copied().unwrap_or(0),
                id,
                department: None,
                max_load: None,
                full: false,
            })
            .collect();
        Spreader {
            slots,
            pool: false,
            by_department: false,
            no_room: NoRoom::Agents(Vec::new()),
            route: None,
            look: false,
        }
    }

    /// The agent the next item goes to, given its current owner and department if known; None
    /// when no agent has room for it.
    pub fn pick(&mut self, owner: Option<&str>, department: Option<&str>) -> Option<String> {
        let pick = self.candidate(owner, department, true)?;
        // The owner it leaves is not counted down: capacity is kept conservatively.
        self.slots[pick].load = self.slots[pick].load.saturating_add(1);
        Some(self.slots[pick].id.clone())
    }

    /// The least-loaded agent an item may go to (never its owner among several or in a pool,
    /// within its department for `@department`), and with room when `room` asks it.
    fn candidate(
        &self,
        owner: Option<&str>,
        department: Option<&str>,
        room: bool,
    ) -> Option<usize> {
        let several = self.slots.len() > 1;
        (0..self.slots.len())
            .filter(|&i| {
                let s = &self.slots[i];
                let not_owner = !(self.pool || several) || owner != Some(s.id.as_str());
                let in_department = !self.by_department
                    || (department.is_some() && s.department.as_deref() == department);
                let has_room =
                    !room || (!s.full && s.max_load.is_none_or(|m| s.load < i64::from(m)));
                not_owner && in_department && has_room
            })
            .min_by_key(|&i| (self.slots[i].load, i))
    }

    /// For an item the platform will refuse whatever agent it names (it does not exist, is not
    /// the caller's to see, or is in a state the action does not take): the agent `pick` would
    /// choose, room or not, counting nothing, so it takes no room from the items that follow.
    /// It is sent all the same, and the platform's answer says why it was refused.
    pub fn pick_refused(&self, owner: Option<&str>, department: Option<&str>) -> String {
        if let Some(route) = &self.route {
            return route.clone();
        }
        self.candidate(owner, department, false)
            .or((!self.slots.is_empty()).then_some(0))
            .map_or_else(|| self.no_room.mark(), |i| self.slots[i].id.clone())
    }

    /// An item given to `agent` was not acted on (refused, or changed meanwhile): the room
    /// its pick counted is free again.
    pub fn release(&mut self, agent: &str) {
        if let Some(slot) = self.slots.iter_mut().find(|s| s.id == agent) {
            slot.load = (slot.load - 1).max(0);
        }
    }

    /// The agent an item goes to, or the mark of an item that fits nowhere (never sent, reported
    /// as skipped).
    pub fn pick_or_unplaced(&mut self, owner: Option<&str>, department: Option<&str>) -> String {
        if let Some(route) = &self.route {
            return route.clone();
        }
        if self.by_department && department.is_none() {
            return NoRoom::NoDepartment.mark();
        }
        self.pick(owner, department)
            .unwrap_or_else(|| self.no_room.for_item(owner).mark())
    }

    /// An agent that refused an item for want of room takes no more in this spread.
    pub fn full(&mut self, agent: &str) {
        for slot in self.slots.iter_mut().filter(|s| s.id == agent) {
            slot.full = true;
        }
    }

    /// Whether each item's owner (and department) must be known to pick.
    fn needs_lookup(&self) -> bool {
        self.route.is_none() && (self.slots.len() > 1 || self.pool || self.look)
    }

    /// The one agent named, when one was (not a pool).
    pub fn only(&self) -> Option<&str> {
        match self.slots.as_slice() {
            [one] if !self.pool && self.route.is_none() => Some(one.id.as_str()),
            _ => None,
        }
    }
}

/// `no_room_hint` for the items left (or a run would leave) where they are for want of room in
/// `full`, with the agents it names as they stand now: listed only when it names agents, and
/// said without how they stand when the platform does not list them.
pub async fn no_room_hint_now(client: &Client, full: &NoRooms) -> String {
    // Agents named, said as they stand; a pool not widened, whether anyone is away to widen it to.
    let look = full.each().iter().any(|who| {
        matches!(
            who,
            NoRoom::Agents(_)
                | NoRoom::Pool {
                    include_away: false,
                    ..
                }
        )
    });
    let agents = if look {
        client.agents().await.ok()
    } else {
        None
    };
    no_room_hint(full.each(), agents.as_deref())
}

/// What would place the items a run left where they are for want of room, by who had none
/// (`left`, each once) and, for agents named, how each stands now (`agents`; None when they
/// could not be listed): an agent offline or inactive is said to be, and what helps then is
/// another agent or a pool, not a flag: `--include-away` widens a pool to agents who are away,
/// never to those offline, and is offered only for a pool it would widen: one not widened yet,
/// while an active agent is away (or when the agents are not known).
pub fn no_room_hint(left: &[NoRoom], agents: Option<&[Agent]>) -> String {
    let mut said: Vec<String> = Vec::new();
    // An agent named who is there, but at its max_load: raising it would help.
    let mut at_capacity = false;
    let named = left.iter().filter_map(|who| match who {
        NoRoom::Agents(named) => Some(named),
        NoRoom::Pool { .. } | NoRoom::NoDepartment => None,
    });
    let mut seen = std::collections::HashSet::new();
    for full in named.flatten() {
        let who = full.who();
        if !seen.insert(who.clone()) {
            continue;
        }
        let now = full
            .id
            .as_ref()
            .and_then(|id| agents?.iter().find(|a| a.id == *id));
        said.push(match now {
            // Not a question of room: it is theirs (Ana owns it, Bo is full; "Ana was at its
            // max_load" said of an agent with none: a new user).
            _ if full.owns => crate::model::NoRoom::owns_already(&who),
            Some(a) if !a.active => format!("{who} is inactive"),
            Some(a) if a.status == AgentStatus::Offline => format!("{who} is offline"),
            _ => {
                at_capacity = true;
                let away = if now.is_some_and(|a| a.status == AgentStatus::Away) {
                    "is away and "
                } else {
                    ""
                };
                match now.map_or(full.max_load, |a| a.max_load) {
                    Some(max) => format!("{who} {away}takes at most {max} (its max_load)"),
                    None => format!("{who} {away}was at its max_load"),
                }
            }
        });
    }
    let mut hints = Vec::new();
    if !said.is_empty() {
        let help = if at_capacity {
            "raise a max_load, or give the items left to another agent or to a pool such as --to @online; `livectl queues` shows each agent's load"
        } else {
            "give the items left to another agent, or to a pool such as --to @online"
        };
        hints.push(format!("{}: {help}", said.join("; ")));
    }
    if left.contains(&NoRoom::NoDepartment) {
        hints.push(format!("an intervention with no department has no agent under {DEPARTMENT_POOL}: give it to a department's agents (--to {DEPARTMENT_POOL}:NAME) or to agents named with --to"));
    }
    let anyone_away = agents.is_none_or(|all| {
        all.iter()
            .any(|a| a.active && a.status == AgentStatus::Away)
    });
    for who in left {
        if let NoRoom::Pool { include_away, .. } = who {
            let takes = if *include_away { " and away" } else { "" };
            let widen = if !*include_away && anyone_away {
                ", or widen it to agents who are away with --include-away"
            } else {
                ""
            };
            hints.push(format!(
                "{} takes only online{takes} agents below their max_load: `livectl queues` shows who is online and their loads; raise a max_load, or give the items left to agents named with --to{widen}",
                who.who()
            ));
        }
    }
    hints.join("; ")
}

/// How many agents of a pool an item may be offered to when each refuses it for want of room.
pub const OFFERS: usize = 8;

/// A route's pool as people named it: `@department:billing` by the department's key (or name)
/// among `departments`, rather than the id the plan keeps; as the plan keeps it without them.
pub fn pool_named(route: &Route, departments: Option<&[livectl_contract::Department]>) -> String {
    let Some(id) = route.department.as_deref() else {
        return route.pool.to_string();
    };
    match departments.into_iter().flatten().find(|d| d.id == id) {
        Some(d) => format!("@department:{}", d.key.as_deref().unwrap_or(&d.name)),
        None => route.pool_text(),
    }
}

/// Resolves the routes of a bulk run's items as they are sent: one spreader per route, over the
/// pool's members and their loads when the first item of that route is sent, counting each pick
/// and learning from a refusal (409 `at_capacity`) that an agent is full.
#[derive(Default)]
pub struct Router {
    spreaders: tokio::sync::Mutex<HashMap<String, Spreader>>,
}

impl Router {
    /// The agent for an item of `route`, given its owner and department now; None when no
    /// agent of the pool has room.
    pub async fn pick(
        &self,
        client: &Client,
        route: &Route,
        owner: Option<&str>,
        department: Option<&str>,
    ) -> Result<Option<String>, CliError> {
        self.with(client, route, |s| s.pick(owner, department))
            .await
    }

    /// `f` of the spreader of `route`, made over the pool as it is now on its first use: for
    /// what a plan would do said before it is sent (a resume's dry run), a pick as a new run's
    /// dry run makes it (`Spreader::pick_or_unplaced`, `Spreader::pick_refused`).
    pub async fn with<T>(
        &self,
        client: &Client,
        route: &Route,
        f: impl FnOnce(&mut Spreader) -> T,
    ) -> Result<T, CliError> {
        use std::collections::hash_map::Entry;
        let mut spreaders = self.spreaders.lock().await;
        let spreader = match spreaders.entry(route.encode()) {
            Entry::Occupied(made) => made.into_mut(),
            Entry::Vacant(entry) => {
                let to = To::Pool {
                    pool: route.pool.clone(),
                    department: route.department.clone(),
                    include_away: route.include_away,
                };
                entry.insert(Spreader::now(client, &to).await?)
            }
        };
        Ok(f(spreader))
    }

    /// An item of `route` given to `agent` was not acted on: its room is free again.
    pub async fn release(&self, route: &Route, agent: &str) {
        if let Some(s) = self.spreaders.lock().await.get_mut(&route.encode()) {
            s.release(agent);
        }
    }

    /// `agent` refused an item of `route` for want of room.
    pub async fn full(&self, route: &Route, agent: &str) {
        if let Some(s) = self.spreaders.lock().await.get_mut(&route.encode()) {
            s.full(agent);
        }
    }
}

/// Each target with the agent it goes to (or the mark of one that fits nowhere), as the
/// targets stream. The owners and departments of targets not listed by a query (ids, stdin)
/// are looked up first, 16 at a time and in order, so an item never goes to its own owner; an id
/// that does not exist, or is not the caller's to see, keeps none (acting on it will say so).
/// What was looked up stays with the target (`Target::looked`), so it is not asked for again.
pub fn spread<'a>(
    client: &'a Client,
    selection: Selection<'a>,
    mut spreader: Spreader,
    kind: ActionKind,
) -> LocalBoxStream<'a, Result<(Target, String), CliError>> {
    let Selection {
        source, targets, ..
    } = selection;
    let targets = if source != Source::Filters && spreader.needs_lookup() {
        targets
            .map(move |target| async move {
                let mut target = target?;
                let looked = super::targets::look(client, &target.id).await?;
                if let Looked::Now(i) = &looked {
                    target.owner.clone_from(&i.owner);
                    target.department.clone_from(&i.department);
                }
                target.looked = Some(looked);
                Ok(target)
            })
            .buffered(16)
            .boxed_local()
    } else {
        targets
    };
    targets
        .map(move |target| {
            target.map(|target| {
                let (owner, department) = (target.owner.as_deref(), target.department.as_deref());
                // Refused whatever the agent, or reassigned to the one agent named who owns
                // it already (refused for that, not for want of room).
                let refused = match &target.looked {
                    Some(Looked::Now(now)) => !kind.allowed(now.state),
                    Some(Looked::Missing | Looked::Hidden(_)) => true,
                    None => false,
                } || (kind == ActionKind::Reassign
                    && owner.is_some()
                    && spreader.only() == owner);
                let to = if refused {
                    spreader.pick_refused(owner, department)
                } else {
                    spreader.pick_or_unplaced(owner, department)
                };
                (target, to)
            })
        })
        .boxed_local()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spreader(load: &[(&str, i64)]) -> Spreader {
        let load: HashMap<String, i64> = load.iter().map(|(a, n)| ((*a).to_owned(), *n)).collect();
        Spreader::with_load(vec!["ana".to_owned(), "bo".to_owned()], &load)
    }

    #[test]
    fn the_least_loaded_fill_first_then_it_alternates() {
        let mut s = spreader(&[("ana", 3), ("bo", 0)]);
        let picks: Vec<String> = (0..7).map(|_| s.pick(None, None).unwrap()).collect();
        assert_eq!(picks, ["bo", "bo", "bo", "ana", "bo", "ana", "bo"]);
    }

    #[test]
    fn an_item_never_goes_to_its_owner() {
        let mut s = spreader(&[]);
        assert_eq!(s.pick(Some("bo"), None).as_deref(), Some("ana"));
        assert_eq!(s.pick(Some("bo"), None).as_deref(), Some("ana"));
        // A single agent takes everything, its own items too (acting will say so).
        let mut one = Spreader::with_load(vec!["bo".to_owned()], &HashMap::new());
        assert_eq!(one.pick(Some("bo"), None).as_deref(), Some("bo"));
    }

    #[test]
    fn at_scale_the_loads_end_even_and_no_item_goes_to_its_owner() {
        let mut rng = fastrand::Rng::with_seed(7);
        let agents: Vec<String> = (0..5).map(|n| format!("ag_{n}")).collect();
        let load: HashMap<String, i64> =
            agents.iter().map(|a| (a.clone(), rng.i64(0..50))).collect();
        let mut s = Spreader::with_load(agents.clone(), &load);
        let mut given: HashMap<String, i64> = HashMap::new();
        for _ in 0..1_000_000 {
            let owner = rng
                .bool()
                .then(|| agents[rng.usize(..agents.len())].clone());
            let to = s.pick(owner.as_deref(), None).unwrap();
            assert_ne!(Some(&to), owner.as_ref(), "never to its own owner");
            *given.entry(to).or_default() += 1;
        }
        let ends: Vec<i64> = agents
            .iter()
            .map(|a| load[a] + given.get(a).copied().unwrap_or(0))
            .collect();
        let (min, max) = (ends.iter().min().copied(), ends.iter().max().copied());
        assert!(
            max.zip(min).is_some_and(|(max, min)| max - min <= 1),
            "{ends:?}"
        );
    }

    fn agent(id: &str, department: &str, status: &str, max_load: Option<u32>) -> Agent {
        serde_json::from_value(serde_json::json!({
            "id": id, "key": null, "name": id, "email": format!("{id}@x"), "role": "agent",
            "department": department, "status": status, "status_since": "2026-11-24T10:00:00Z",
            "max_load": max_load, "active": true
        }))
        .unwrap()
    }

    fn queues(loads: &[(&str, i64)]) -> Queues {
        serde_json::from_value(serde_json::json!({
            "general": {"count": 0, "oldest_queued_at": null, "oldest_wait_seconds": null},
            "agents": loads.iter().map(|(a, n)| serde_json::json!({
                "agent": a, "name": a, "status": "online", "active": true, "max_load": null,
                "count": n, "oldest_assigned_at": null, "oldest_wait_seconds": null
            })).collect::<Vec<_>>()
        }))
        .unwrap()
    }

    /// An item left for want of room says "or owns it" only when one of the agents owns it.
    #[test]
    fn an_item_left_names_its_owner_among_the_agents_only_when_it_is_one() {
        let named = To::Agents(vec![
            agent("ana", "dp_1", "online", Some(0)),
            agent("bo", "dp_1", "online", Some(5)),
        ]);
        let mut s = Spreader::over(&named, &[], &queues(&[("bo", 5)]));
        let why = |mark: String| NoRoom::of_mark(&mark).map(|who| who.why());
        assert_eq!(
            why(s.pick_or_unplaced(Some("bo"), None)).as_deref(),
            Some("neither ana (ana) nor bo (bo) can take it: each is at its max_load or owns it")
        );
        assert_eq!(
            why(s.pick_or_unplaced(None, None)).as_deref(),
            Some("neither ana (ana) nor bo (bo) can take it: each is at its max_load")
        );
    }

    fn pool(pool: Pool, department: Option<&str>, include_away: bool) -> To {
        To::Pool {
            pool,
            department: department.map(str::to_owned),
            include_away,
        }
    }

    #[test]
    fn the_hint_for_items_left_fits_who_had_no_room_and_how_each_stands_now() {
        let full = |id: &str, max_load| Full {
            id: Some(id.into()),
            name: Some(id.to_uppercase()),
            max_load,
            owns: false,
        };
        let named = NoRoom::Agents(vec![full("ana", Some(2)), full("bo", Some(1))]);
        let now = [
            agent("ana", "dp_1", "away", Some(3)),
            agent("bo", "dp_1", "offline", Some(1)),
        ];
        assert_eq!(
            no_room_hint(std::slice::from_ref(&named), Some(&now)),
            "ANA (ana) is away and takes at most 3 (its max_load); BO (bo) is offline: raise a \
             max_load, or give the items left to another agent or to a pool such as --to \
             @online; `livectl queues` shows each agent's load"
        );
        // Not listed: the capacity the plan saw.
        assert!(no_room_hint(&[named], None).starts_with("ANA (ana) takes at most 2"));
        let offline = NoRoom::Agents(vec![full("bo", Some(1))]);
        assert_eq!(
            no_room_hint(&[offline], Some(&now)),
            "BO (bo) is offline: give the items left to another agent, or to a pool such as \
             --to @online"
        );
        let widened = NoRoom::Pool {
            pool: "@online".into(),
            include_away: true,
        };
        assert!(!no_room_hint(&[widened], None).contains("--include-away"));
        assert!(no_room_hint(&[NoRoom::pool("@department")], None).ends_with("--include-away"));
        // Offered only while someone is away to widen it to.
        assert!(no_room_hint(&[NoRoom::pool("@online")], Some(&now)).ends_with("--include-away"));
        let nobody_away = [agent("bo", "dp_1", "offline", None)];
        assert!(
            !no_room_hint(&[NoRoom::pool("@online")], Some(&nobody_away))
                .contains("--include-away")
        );
    }

    #[test]
    fn a_pool_fills_the_least_loaded_up_to_capacity_then_leaves_the_rest() {
        let agents = [
            agent("ana", "dp_1", "online", Some(2)),
            agent("bo", "dp_1", "online", None),
            agent("cy", "dp_2", "away", None),
            agent("dee", "dp_2", "offline", None),
            agent("eli", "dp_2", "online", Some(0)),
        ];
        let q = queues(&[("ana", 1), ("bo", 3)]);
        let mut online = Spreader::over(&pool(Pool::Online, None, false), &agents, &q);
        let picks: Vec<Option<String>> = (0..4).map(|_| online.pick(None, None)).collect();
        // ana has room for one; a capacity of 0 receives nothing; away and offline are out.
        assert_eq!(
            picks,
            [Some("ana"), Some("bo"), Some("bo"), Some("bo")].map(|s| s.map(str::to_owned))
        );
        let mut away = Spreader::over(&pool(Pool::Online, None, true), &agents, &q);
        assert_eq!(away.pick(None, None).as_deref(), Some("cy"));

        // Each item within its own department; none has room in dp_2 without the away.
        let mut by_department = Spreader::over(&pool(Pool::Department, None, false), &agents, &q);
        assert_eq!(by_department.pick(None, Some("dp_2")), None);
        assert_eq!(by_department.pick(None, None), None);
        assert_eq!(
            by_department.pick(None, Some("dp_1")).as_deref(),
            Some("ana")
        );
        assert_eq!(
            by_department.pick_or_unplaced(None, Some("dp_2")),
            "@none: @department"
        );

        // A named department; never to the item's own owner.
        let mut one = Spreader::over(
            &pool(Pool::DepartmentNamed("support".into()), Some("dp_1"), false),
            &agents,
            &q,
        );
        assert_eq!(one.pick(Some("ana"), None).as_deref(), Some("bo"));
        // An agent that refused for want of room gets nothing more.
        one.full("bo");
        assert_eq!(one.pick(None, None).as_deref(), Some("ana"));
        assert_eq!(one.pick(None, None), None);
    }
}
