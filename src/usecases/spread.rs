//! Spreading items over several agents evenly, least-loaded first.

use std::collections::HashMap;

use futures_util::StreamExt;
use futures_util::stream::LocalBoxStream;
use livectl_client::Client;
use livectl_contract::{Agent, AgentStatus};

use super::lookup;
use super::targets::{Selection, Source, Target};
use crate::error::CliError;
use crate::ui::Ui;

/// The agents named by `--to`: each must exist and be active. When work is spread over several,
/// those away or offline are left out (and the run says so) unless `include_away`; one agent
/// named alone is taken at their word, with a warning.
pub async fn agents(
    client: &Client,
    ui: &Ui,
    names: &[String],
    include_away: bool,
) -> Result<Vec<Agent>, CliError> {
    let mut agents: Vec<Agent> = Vec::new();
    for name in names {
        let agent = lookup::agent(client, name, "--to").await?;
        if !agent.active {
            return Err(CliError::usage(format!(
                "--to: {} ({}) is inactive and receives no work",
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
        return Err(CliError::usage(format!(
            "--to: no agent named is online: {}",
            who(&left_out)
        ))
        .hint("name an online agent, or pass --include-away to give them work anyway"));
    }
    if !left_out.is_empty() {
        ui.note(format!(
            "leaving out {}: only online agents get work unless --include-away",
            who(&left_out)
        ));
    }
    Ok(online)
}

/// Hands items to several agents as they stream past: each to the agent with the smallest load
/// so far (ties to the one named first), never to its current owner when another agent is
/// named. It holds a load per agent, whatever the number of items.
pub struct Spreader {
    agents: Vec<String>,
    loads: Vec<i64>,
}

impl Spreader {
    /// Over `agents`, starting from their load now (one agent needs no load).
    pub async fn new(client: &Client, agents: &[Agent]) -> Result<Spreader, CliError> {
        let load: HashMap<String, i64> = if agents.len() > 1 {
            client
                .queues()
                .await?
                .agents
                .into_iter()
                .map(|q| (q.agent, q.count))
                .collect()
        } else {
            HashMap::new()
        };
        let ids: Vec<String> = agents.iter().map(|a| a.id.clone()).collect();
        Ok(Spreader::with_load(ids, &load))
    }

    pub fn with_load(agents: Vec<String>, load: &HashMap<String, i64>) -> Spreader {
        let loads = agents
            .iter()
            .map(|a| load.get(a).copied().unwrap_or(0))
            .collect();
        Spreader { agents, loads }
    }

    /// The agent the next item goes to, given its current owner if known.
    pub fn pick(&mut self, owner: Option<&str>) -> &str {
        let several = self.agents.len() > 1;
        let pick = (0..self.agents.len())
            .filter(|&i| !several || owner != Some(self.agents[i].as_str()))
            .min_by_key(|&i| (self.loads[i], i))
            .unwrap_or(0);
        if let Some(load) = self.loads.get_mut(pick) {
            *load += 1;
        }
        self.agents
            .get(pick)
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn several(&self) -> bool {
        self.agents.len() > 1
    }
}

/// Each target with the agent it goes to, as the targets stream. The owners of targets not
/// listed by a query (ids, stdin) are looked up first, 16 at a time and in order, so an item
/// never goes to its own owner; an id that does not exist keeps no owner (acting on it will
/// say so).
pub fn spread<'a>(
    client: &'a Client,
    selection: Selection<'a>,
    mut spreader: Spreader,
) -> LocalBoxStream<'a, Result<(Target, String), CliError>> {
    let Selection {
        source, targets, ..
    } = selection;
    let targets = if source != Source::Filters && spreader.several() {
        targets
            .map(move |target| async move {
                let mut target = target?;
                target.owner = match client.intervention(&target.id).await {
                    Ok(i) => i.owner,
                    Err(e) if e.status() == Some(404) => None,
                    Err(e) => return Err(CliError::from(e)),
                };
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
                let to = spreader.pick(target.owner.as_deref()).to_owned();
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
        let picks: Vec<String> = (0..7).map(|_| s.pick(None).to_owned()).collect();
        assert_eq!(picks, ["bo", "bo", "bo", "ana", "bo", "ana", "bo"]);
    }

    #[test]
    fn an_item_never_goes_to_its_owner() {
        let mut s = spreader(&[]);
        assert_eq!(s.pick(Some("bo")), "ana");
        assert_eq!(s.pick(Some("bo")), "ana");
        // A single agent takes everything, its own items too (acting will say so).
        let mut one = Spreader::with_load(vec!["bo".to_owned()], &HashMap::new());
        assert_eq!(one.pick(Some("bo")), "bo");
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
            let to = s.pick(owner.as_deref()).to_owned();
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
}
