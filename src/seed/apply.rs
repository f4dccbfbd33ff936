//! Sending a checked seed file through the API, in dependency order, idempotently.

use std::collections::HashMap;

use serde::Serialize;

use super::format::{ActionSeed, SeedFile};
use crate::api::models::{
    AgentInput, AgentStatus, BatchOp, BatchRequest, BatchResponse, ConversationInput,
    InterventionInput, MessageInput, NamedInput, Role, TopicInput, UserInput,
};
use crate::api::{Client, ClientError};
use crate::error::CliError;
use crate::output::Output;

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub created: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// Actions run on interventions (none when the file was loaded before).
    pub actions: usize,
}

impl Tally {
    fn count(&mut self, result: &str) {
        match result {
            "created" => self.created += 1,
            "updated" => self.changed += 1,
            "unchanged" => self.unchanged += 1,
            "applied" => self.actions += 1,
            _ => {}
        }
    }
}

/// Operations per batch. Batches go one at a time, in file order, so the same file gives the
/// same ids (three in flight measured only 11% faster: 16.7 s against 18.7 s for 100,000).
const BATCH: usize = 800;

async fn upsert<T: Serialize>(
    client: &Client,
    path: &str,
    body: &T,
    tally: &mut Tally,
) -> Result<String, ClientError> {
    let (value, result): (serde_json::Value, Option<String>) =
        client.post_upsert(path, body).await?;
    tally.count(result.as_deref().unwrap_or("created"));
    Ok(value["id"].as_str().unwrap_or_default().to_owned())
}

pub async fn apply(client: &Client, out: &Output, file: &SeedFile) -> Result<Tally, CliError> {
    let mut tally = Tally::default();
    let mut ids: HashMap<(&str, &str), String> = HashMap::new();
    for d in &file.departments {
        let id = upsert(
            client,
            "/v1/departments",
            &NamedInput {
                key: d.key.clone(),
                name: d.name.clone(),
            },
            &mut tally,
        )
        .await?;
        ids.insert(("department", &d.key), id);
    }
    let id_of =
        |ids: &HashMap<(&str, &str), String>, kind: &str, key: &str| ids.get(&(kind, key)).cloned();
    for a in &file.agents {
        let body = AgentInput {
            key: a.key.clone(),
            name: a.name.clone(),
            email: a.email.clone(),
            role: a.role.unwrap_or(Role::Agent),
            department: a
                .department
                .as_deref()
                .and_then(|d| id_of(&ids, "department", d)),
            status: a.status.unwrap_or(AgentStatus::Online),
            active: a.active.unwrap_or(true),
        };
        let id = upsert(client, "/v1/agents", &body, &mut tally).await?;
        ids.insert(("agent", &a.key), id);
    }
    for x in &file.topics {
        let body = TopicInput {
            key: x.key.clone(),
            name: x.name.clone(),
            department: x
                .department
                .as_deref()
                .and_then(|d| id_of(&ids, "department", d)),
        };
        let id = upsert(client, "/v1/topics", &body, &mut tally).await?;
        ids.insert(("topic", &x.key), id);
    }
    for (kind, path, list) in [
        ("outcome", "/v1/outcomes", &file.outcomes),
        ("block", "/v1/blocks", &file.blocks),
    ] {
        for x in list {
            let id = upsert(
                client,
                path,
                &NamedInput {
                    key: x.key.clone(),
                    name: x.name.clone(),
                },
                &mut tally,
            )
            .await?;
            ids.insert((kind, &x.key), id);
        }
    }

    let users: HashMap<&str, UserInput> = file
        .users
        .iter()
        .map(|u| {
            (
                u.key.as_str(),
                UserInput {
                    key: u.key.clone(),
                    name: u.name.clone(),
                    email: u.email.clone(),
                    channel: u.channel,
                },
            )
        })
        .collect();
    let agent = |key: &str| id_of(&ids, "agent", key).unwrap_or_default();
    // Batches are built as they are sent, so memory holds one batch, not the whole load.
    let progress = progress_bar(out, file.conversations.len() as u64);
    let mut pending: Vec<BatchOp> = Vec::new();
    let mut in_pending = 0u64;
    for c in &file.conversations {
        let Some(user) = users.get(c.user.as_str()) else {
            continue;
        };
        let mut ops = vec![BatchOp::Conversation {
            body: ConversationInput {
                key: c.key.clone(),
                user: user.clone(),
                started_at: c.started_at,
                messages: c
                    .messages
                    .iter()
                    .map(|m| MessageInput {
                        sender: m.sender,
                        agent: m.agent.as_deref().map(agent),
                        text: m.text.clone(),
                        at: m.at,
                    })
                    .collect(),
                intervention: c.intervention.as_ref().map(|iv| InterventionInput {
                    summary: iv.summary.clone(),
                    department: iv
                        .department
                        .as_deref()
                        .and_then(|d| id_of(&ids, "department", d)),
                    queued_at: iv.queued_at,
                }),
            },
        }];
        for (index, action) in c
            .intervention
            .iter()
            .flat_map(|iv| iv.actions.iter())
            .enumerate()
        {
            let (name, body) = match action {
                ActionSeed::Assign(a) => ("assign", serde_json::json!({"agent": agent(a)})),
                ActionSeed::Reassign(r) => (
                    "reassign",
                    serde_json::json!({"agent": agent(&r.to), "reason": r.reason}),
                ),
                ActionSeed::Return(r) => ("return", serde_json::json!({"reason": r.reason})),
                ActionSeed::Cancel(r) => ("cancel", serde_json::json!({"reason": r.reason})),
                ActionSeed::Complete(done) => (
                    "complete",
                    serde_json::json!({
                        "topic": id_of(&ids, "topic", &done.topic),
                        "outcome": id_of(&ids, "outcome", &done.outcome),
                        "tags": done.tags,
                        "block": done.block.as_deref().and_then(|b| id_of(&ids, "block", b)),
                    }),
                ),
            };
            let body = strip_nulls(body);
            ops.push(BatchOp::Action {
                conversation: c.key.clone(),
                action: name.into(),
                index: index as u32,
                body,
            });
        }
        if pending.len() + ops.len() > BATCH && !pending.is_empty() {
            send(client, std::mem::take(&mut pending), &mut tally).await?;
            progress.inc(std::mem::take(&mut in_pending));
        }
        pending.extend(ops);
        in_pending += 1;
    }
    if !pending.is_empty() {
        send(client, pending, &mut tally).await?;
    }
    progress.finish_and_clear();
    Ok(tally)
}

/// Sends one batch and counts what it did.
async fn send(
    client: &Client,
    operations: Vec<BatchOp>,
    tally: &mut Tally,
) -> Result<(), ClientError> {
    let answer: BatchResponse = client
        .post(
            "/v1/batch",
            &BatchRequest { operations },
            Default::default(),
        )
        .await?;
    for r in &answer.results {
        tally.count(&r.result);
    }
    Ok(())
}

/// Optional fields left out rather than sent as null.
fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            serde_json::Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect())
        }
        other => other,
    }
}

fn progress_bar(out: &Output, len: u64) -> indicatif::ProgressBar {
    if out.quiet || !out.stderr_tty {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:30} {pos}/{len} conversations  {per_sec}  eta {eta}",
    ) {
        bar.set_style(style);
    }
    bar
}
