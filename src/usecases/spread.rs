//! Spreading items over several agents evenly, least-loaded first.

use std::collections::HashMap;

use futures_util::StreamExt;
use livectl_client::{Client, ClientError};
use livectl_contract::{Agent, AgentStatus};

use super::lookup;
use super::targets::{Source, Target};
use crate::error::CliError;
use crate::ui::Ui;

/// The agents named by `--to`: each must exist and be active; one away or offline is a warning.
pub async fn agents(client: &Client, ui: &Ui, names: &[String]) -> Result<Vec<Agent>, CliError> {
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
        if agent.status != AgentStatus::Online {
            ui.note(format!(
                "warning: {} ({}) is {}",
                agent.name, agent.id, agent.status
            ));
        }
        if !agents.iter().any(|a| a.id == agent.id) {
            agents.push(agent);
        }
    }
    Ok(agents)
}

/// The agent each target goes to, spread over `agents` least-loaded first. The owners of
/// targets not listed by a query are looked up first, so an item never goes to its own owner;
/// an id that does not exist keeps no owner (acting on it will say so).
pub async fn assignees(
    client: &Client,
    targets: &mut [Target],
    source: Source,
    agents: &[Agent],
) -> Result<Vec<String>, CliError> {
    let ids: Vec<String> = agents.iter().map(|a| a.id.clone()).collect();
    if ids.len() == 1 {
        return Ok(vec![ids[0].clone(); targets.len()]);
    }
    let load: HashMap<String, i64> = client
        .queues()
        .await?
        .agents
        .into_iter()
        .map(|q| (q.agent, q.count))
        .collect();
    if source != Source::Filters {
        let owners: Vec<Result<Option<String>, ClientError>> =
            futures_util::stream::iter(targets.iter().map(|t| t.id.clone()))
                .map(|id| async move {
                    match client.intervention(&id).await {
                        Ok(i) => Ok(i.owner),
                        Err(e) if e.status() == Some(404) => Ok(None),
                        Err(e) => Err(e),
                    }
                })
                .buffered(16)
                .collect()
                .await;
        for (target, owner) in targets.iter_mut().zip(owners) {
            target.owner = owner?;
        }
    }
    let owners: Vec<Option<String>> = targets.iter().map(|t| t.owner.clone()).collect();
    Ok(spread(&owners, &ids, &load)
        .into_iter()
        .map(|pick| ids[pick].clone())
        .collect())
}

/// For each item (its current owner, if known), the index of the target it goes to: always the
/// target with the smallest load so far (ties to the one named first), never the current owner
/// when another target exists.
pub fn spread(
    owners: &[Option<String>],
    targets: &[String],
    load: &HashMap<String, i64>,
) -> Vec<usize> {
    let mut loads: Vec<i64> = targets
        .iter()
        .map(|t| load.get(t).copied().unwrap_or(0))
        .collect();
    owners
        .iter()
        .map(|owner| {
            let pick = (0..targets.len())
                .filter(|&i| owner.as_deref() != Some(targets[i].as_str()) || targets.len() == 1)
                .min_by_key(|&i| (loads[i], i))
                .unwrap_or(0);
            loads[pick] += 1;
            pick
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_loaded_fill_first_then_it_alternates() {
        let load = HashMap::from([("ana".to_owned(), 3), ("bo".to_owned(), 0)]);
        let targets = ["ana".to_owned(), "bo".to_owned()];
        let picks = spread(&vec![None; 7], &targets, &load);
        assert_eq!(picks, [1, 1, 1, 0, 1, 0, 1]);
    }

    #[test]
    fn an_item_never_goes_to_its_owner() {
        let targets = ["ana".to_owned(), "bo".to_owned()];
        let picks = spread(
            &[Some("bo".to_owned()), Some("bo".to_owned())],
            &targets,
            &HashMap::new(),
        );
        assert_eq!(picks, [0, 0]);
    }
}
