//! Loading seed data through the API: the same plan the sandbox applies to its store at start,
//! sent as creations of the catalog and then batches of conversations. A document is loaded as
//! it is; generated data is made conversation by conversation as the batches are sent, so a
//! load holds at most three batches in memory whatever its size (one on its way, one made, one
//! being made).

use jiff::Timestamp;
use livectl_client::{Client, EncodedBatch};
use livectl_contract::NONE;
use livectl_contract::seed::plan::{self, Batch, PlanError};
use livectl_contract::seed::{Ids, Plan, SeedFile, Tally};

use super::generate::Generated;
use crate::error::CliError;
use crate::ui::Ui;
use crate::ui::progress::Progress;

/// What a load sends.
pub enum Source {
    /// A seed document, checked.
    File(SeedFile),
    /// `--generate`: its catalog now, its conversations as they are sent.
    Generated(Generated),
}

impl Source {
    fn catalog(&self) -> &SeedFile {
        match self {
            Source::File(file) => file,
            Source::Generated(generated) => &generated.catalog,
        }
    }

    /// The keys of the document's users that no conversation names: a user is created with its
    /// first conversation, so these are not created at all.
    pub fn users_without_a_conversation(&self) -> Vec<&str> {
        match self {
            Source::File(file) => file.users_without_a_conversation(),
            Source::Generated(_) => Vec::new(),
        }
    }

    /// What loading it would change of what the platform has already, by key: agents, then
    /// departments, topics, outcomes and blocks. An upsert sets every field to what the
    /// document says, and a field it leaves out to its default, so an admin left without its
    /// role would be demoted without a word; `--generate` renamed a workspace's outcomes that
    /// had its keys (new user).
    pub async fn changes(&self, client: &Client) -> Result<Vec<Change>, CliError> {
        let file = self.catalog();
        // Listed once: agents and topics name a department, and departments change.
        let departments =
            if file.agents.is_empty() && file.topics.is_empty() && file.departments.is_empty() {
                Vec::new()
            } else {
                client.departments().await?
            };
        // A department by id (as the platform names it) or key (as the document does), by its
        // name where the platform has it.
        let department = |id_or_key: Option<&str>| match id_or_key {
            None => NONE.to_owned(),
            Some(id) => departments
                .iter()
                .find(|d| d.id == id || d.key.as_deref() == Some(id))
                .map_or_else(|| id.to_owned(), |d| d.name.clone()),
        };
        let mut changes = Vec::new();
        if !file.agents.is_empty() {
            let agents = client.agents().await?;
            let max_load = |m: Option<u32>| m.map_or_else(|| NONE.to_owned(), |m| m.to_string());
            for new in &file.agents {
                let Some(old) = agents.iter().find(|a| a.key.as_deref() == Some(&new.key)) else {
                    continue;
                };
                let new_max_load = new.max_load.as_ref().and_then(|m| m.check().ok());
                changes.extend(Change::of(
                    "agent",
                    &new.key,
                    &old.name,
                    [
                        ("name", old.name.clone(), new.name.clone()),
                        ("email", old.email.clone(), new.email.clone()),
                        ("role", old.role.to_string(), new.role.to_string()),
                        (
                            "department",
                            department(old.department.as_deref()),
                            department(new.department.as_deref()),
                        ),
                        ("status", old.status.to_string(), new.status.to_string()),
                        ("active", old.active.to_string(), new.active.to_string()),
                        ("max_load", max_load(old.max_load), max_load(new_max_load)),
                    ],
                ));
            }
            email_clash(&file.agents, &agents)?;
        }
        let had = departments.iter().map(|d| (d.key.clone(), d.name.clone()));
        changes.extend(named("department", &file.departments, had.collect()));
        if !file.topics.is_empty() {
            let had = client.topics().await?;
            for new in &file.topics {
                let Some(old) = had.iter().find(|t| t.key.as_deref() == Some(&new.key)) else {
                    continue;
                };
                changes.extend(Change::of(
                    "topic",
                    &new.key,
                    &old.name,
                    [
                        ("name", old.name.clone(), new.name.clone()),
                        (
                            "department",
                            department(old.department.as_deref()),
                            department(new.department.as_deref()),
                        ),
                    ],
                ));
            }
        }
        if !file.outcomes.is_empty() {
            let had = client.outcomes().await?;
            let had = had.into_iter().map(|o| (o.key, o.name)).collect();
            changes.extend(named("outcome", &file.outcomes, had));
        }
        if !file.blocks.is_empty() {
            let had = client.blocks().await?;
            let had = had.into_iter().map(|b| (b.key, b.name)).collect();
            changes.extend(named("block", &file.blocks, had));
        }
        Ok(changes)
    }

    /// What it holds, in a sentence.
    pub fn describe(&self, now: Timestamp) -> String {
        match self {
            Source::File(file) => Plan::new(file, now).describe(),
            Source::Generated(generated) => generated.describe(),
        }
    }
}

/// An agent of the document whose email another agent of the platform holds when its upsert
/// comes (the upserts go in the document's order, each taking its email from the agent it
/// was), refused before anything is sent: the load stopped at that agent with exit 1, the
/// departments before it changed, the rest not, and its dry run had said nothing (new user).
fn email_clash(
    wanted: &[livectl_contract::AgentInput],
    agents: &[livectl_contract::Agent],
) -> Result<(), CliError> {
    let mut holder: std::collections::HashMap<String, (String, String)> = agents
        .iter()
        .map(|a| {
            let key = a.key.clone().unwrap_or_else(|| a.id.clone());
            (a.email.to_lowercase(), (key, a.name.clone()))
        })
        .collect();
    for new in wanted {
        let email = new.email.to_lowercase();
        if let Some((key, name)) = holder.get(&email)
            && *key != new.key
        {
            return Err(CliError::usage(format!(
                "agent `{}`'s email {} belongs to agent `{key}` ({name}) on the platform when it is loaded; nothing was sent",
                new.key, new.email
            ))
            .hint("give each agent an email of its own, or change the other agent's first (earlier in the file)"));
        }
        holder.retain(|_, (key, _)| *key != new.key);
        holder.insert(email, (new.key.clone(), new.name.clone()));
    }
    Ok(())
}

/// The names a seed changes of the entries of one kind the platform `had` (key, name).
fn named(
    kind: &'static str,
    wanted: &[livectl_contract::NamedInput],
    had: Vec<(Option<String>, String)>,
) -> Vec<Change> {
    wanted
        .iter()
        .filter_map(|new| {
            let (_, was) = had
                .iter()
                .find(|(key, _)| key.as_deref() == Some(&new.key))?;
            Change::of(
                kind,
                &new.key,
                was,
                [("name", was.clone(), new.name.clone())],
            )
        })
        .collect()
}

/// What a seed changes of an agent or a catalog entry already there (`Source::changes`): as data
/// for a dry run's `would_change` (`{"agent": "ana", "name": …, "fields": […]}`, the kind
/// naming the key), and said as `agent `ana` (Ana Lima): role admin -> agent`.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// `agent`, `department`, `topic`, `outcome` or `block`.
    pub kind: &'static str,
    pub key: String,
    /// Its name as it is.
    pub name: String,
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// The change of the entry `key` of `kind` (named `name` now): its `fields` (name, what
    /// it was, what it would be) that differ; None when none does.
    fn of<const N: usize>(
        kind: &'static str,
        key: &str,
        name: &str,
        fields: [(&'static str, String, String); N],
    ) -> Option<Change> {
        let fields: Vec<FieldChange> = fields
            .into_iter()
            .filter(|(_, was, now)| was != now)
            .map(|(field, was, now)| FieldChange { field, was, now })
            .collect();
        (!fields.is_empty()).then(|| Change {
            kind,
            key: key.to_owned(),
            name: name.to_owned(),
            fields,
        })
    }
}

impl serde::Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry(self.kind, &self.key)?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry("fields", &self.fields)?;
        map.end()
    }
}

/// A field a seed changes: what it was, what it would be.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub was: String,
    pub now: String,
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|c| format!("{} {} -> {}", c.field, c.was, c.now))
            .collect();
        write!(
            f,
            "{} `{}` ({}): {}",
            self.kind,
            self.key,
            self.name,
            fields.join(", ")
        )
    }
}

/// What a seed sets a field of an agent it names to when the document leaves it out.
pub fn agent_defaults() -> String {
    use livectl_contract::AgentInput;
    format!(
        "role {}, status {}, active {}, department {NONE}, max_load {NONE}",
        AgentInput::DEFAULT_ROLE,
        AgentInput::DEFAULT_STATUS,
        AgentInput::DEFAULT_ACTIVE
    )
}

/// A load that stopped with no answer (the platform gone, a time limit) after some of it was
/// loaded says so, and how to finish it: it said only that the server could not be reached,
/// as if nothing had been (hostile-input check). The request without an answer may have been
/// done too; loading again is safe either way, each entry by its key.
/// A refusal the platform answered is not such a stop: loading again would meet it again.
/// Nor is a token refused (401) or a role that does not allow it (403) part way, but the
/// entries loaded before stay all the same, and are said (hostile-input check).
fn cut_short(e: livectl_client::ClientError, tally: &Tally) -> CliError {
    let stopped = e.unanswered() || matches!(e, livectl_client::ClientError::Connect { .. });
    let refused = matches!(e.status(), Some(401 | 403));
    let sent = tally.created + tally.changed + tally.unchanged;
    let e = CliError::from(e);
    if !(stopped || refused) || sent == 0 {
        return e;
    }
    let once = if refused {
        "with a token the platform takes, an admin's"
    } else {
        "once the platform answers"
    };
    e.hint(format!(
        "the load stopped part way: the {sent} entries loaded before stay; {once}, the same seed again finishes it (each entry is loaded by its key, none twice)"
    ))
}

/// How many interventions kept as first loaded are named one by one.
const KEPT_SAID: usize = 10;

/// Sends the data, in order, idempotently: a second load changes nothing. Relative instants
/// (`now-2h`) count from `now`.
pub async fn load(
    client: &Client,
    ui: &Ui,
    source: Source,
    now: Timestamp,
) -> Result<Tally, CliError> {
    let mut tally = Tally::default();
    let mut ids = Ids::default();
    let count = {
        let plan = Plan::new(source.catalog(), now);
        for step in plan.catalog() {
            let input = step.input(&ids).map_err(internal)?;
            let (id, result) = client
                .upsert(&input)
                .await
                .map_err(|e| cut_short(e, &tally))?;
            ids.record(input.kind(), input.key(), id);
            tally.upserted(result);
        }
        match &source {
            Source::File(_) => plan.conversations(),
            Source::Generated(generated) => generated.spec.interventions,
        }
    };
    // Batches go one at a time, in order, so the same data gives the same ids on a fresh
    // workspace; the next one is made and encoded on a thread of its own while this one is on
    // its way (making them was a tenth of a load's time).
    let (made, mut batches) = tokio::sync::mpsc::channel(1);
    let maker = tokio::task::spawn_blocking(move || make_batches(&source, &ids, now, &made));
    let progress = Progress::conversations(ui, count as u64);
    while let Some(batch) = batches.recv().await {
        let (conversations, request) = batch?;
        let answer = client.batch(&request).await.map_err(|e| {
            // A batch the platform refused (4xx) is rolled back whole: the hints of a single
            // request (the new user's `livectl show iv_31`) name what never was. A batch with
            // no answer may have been committed: its hints stay.
            if e.status().is_some_and(|s| (400..500).contains(&s)) {
                let mut e = CliError::from(e);
                e.hints.clear();
                return e.hint("that batch's conversations were rolled back, none of them loaded; what was loaded before it stays, and loading the file again goes on from there");
            }
            cut_short(e, &tally)
        })?;
        for r in &answer.results {
            tally.record(r);
        }
        progress.inc(conversations as u64);
    }
    // The batches ended: because the last was made, or because making them panicked.
    made_all(maker).await?;
    progress.finish();
    Ok(tally)
}

/// Says what a load kept as it was though its document said otherwise: the first few, and how
/// many more (the whole list is in `-o json`); `reset` is the command that starts that sandbox
/// over, when the load went to one livectl can reset.
pub fn say_kept(ui: &Ui, tally: &Tally, reset: Option<&str>) {
    for note in tally.kept.iter().take(KEPT_SAID) {
        ui.note(format!("warning: {note}"));
    }
    if tally.kept.len() > KEPT_SAID {
        ui.note(format!(
            "warning: and {} more interventions kept as first loaded",
            tally.kept.len() - KEPT_SAID
        ));
    }
    if !tally.kept.is_empty() {
        let anew = match reset {
            Some(reset) => format!("; to load one anew, start the sandbox over with `{reset}`"),
            None => String::new(),
        };
        ui.note(format!(
            "hint: a load does not edit an intervention it started{anew}"
        ));
    }
}

/// A batch ready to send, with how many conversations it holds.
type Made = Result<(usize, EncodedBatch), CliError>;

/// Makes the batches in order, each encoded, until the last, a failure, or the sender gone.
fn make_batches(
    source: &Source,
    ids: &Ids,
    now: Timestamp,
    made: &tokio::sync::mpsc::Sender<Made>,
) {
    let plan = Plan::new(source.catalog(), now);
    let batches: Box<dyn Iterator<Item = Result<Batch, PlanError>> + '_> = match source {
        Source::File(_) => Box::new(plan.batches(ids)),
        Source::Generated(generated) => Box::new(plan::batches(
            generated
                .conversations()
                .map(|(c, user)| plan.ops(&c, &user, ids)),
        )),
    };
    for batch in batches {
        let next = batch.map_err(internal).and_then(|batch| {
            let conversations = batch.conversations;
            let request = EncodedBatch::new(&plan::request(batch))?;
            Ok((conversations, request))
        });
        let failed = next.is_err();
        if made.blocking_send(next).is_err() || failed {
            return;
        }
    }
}

/// Whether the thread making the batches ended by making the last one: a panic there would
/// otherwise read as the end of the data, and a part of it as a whole load.
async fn made_all(maker: tokio::task::JoinHandle<()>) -> Result<(), CliError> {
    maker.await.map_err(|e| {
        CliError::failure(format!(
            "making the seed batches failed ({e}); what was sent before stays loaded, and loading again completes it"
        ))
    })
}

/// A plan that names a key without an id: the data was checked, so this is a bug.
fn internal(e: impl std::fmt::Display) -> CliError {
    CliError::failure(format!("the seed plan is inconsistent: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The end of the batches is a whole load only when their maker finished: a maker that
    /// panicked is a failure, not a smaller load.
    #[test]
    fn a_maker_that_panicked_fails_the_load() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let finished = tokio::task::spawn_blocking(|| ());
            assert!(made_all(finished).await.is_ok());
            let panicked = tokio::task::spawn_blocking(|| panic!("a generator bug"));
            let error = made_all(panicked).await.expect_err("a failure");
            assert!(
                error.to_string().contains("making the seed batches failed"),
                "{error}"
            );
        });
    }
}
