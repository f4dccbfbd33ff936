//! The suite's own data and the requests every rule shares: a department, two agents and a
//! catalog created by key under `conformance-<run>-`, interventions started in that department
//! and driven to any state, and the list of them to cancel at the end.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::time::Duration;

use futures_util::TryStreamExt;

use livectl_client::{Client, Endpoint, FULL_PAGE, Options, RawAnswer, RawRequest};
use livectl_contract::seed::plan::CatalogInput;
use livectl_contract::{
    Action, ActionKind, Agent, AgentInput, AgentStatus, AssignRequest, Channel, CompleteRequest,
    ConversationCreated, ConversationInput, Intervention, InterventionInput, InterventionQuery,
    InterventionState, MessageInput, NamedInput, ReasonRequest, Role, Sender, TopicInput,
    UserInput,
};

use crate::error::CliError;

/// The run and its data; what every rule's check is given.
pub struct Suite {
    run: String,
    admin: Client,
    /// An agent's client and who it is, for the role rules.
    agent: Option<(Client, Agent)>,
    pub department: String,
    /// Two agents of the suite's department (role `agent`, active), by id.
    pub agent_a: String,
    pub agent_b: String,
    pub topic: String,
    pub outcome: String,
    pub block: String,
    serial: AtomicU32,
    /// Set when the run is asked to stop: no further change is sent.
    stopped: AtomicBool,
}

/// At most this many tries of a request the platform throttles (429 is never a verdict but in
/// the rate-limit rule).
const THROTTLED_TRIES: u32 = 5;
/// The longest `Retry-After` honoured.
const LONGEST_WAIT: Duration = Duration::from_secs(10);
/// What a request sent after a stop answers.
const STOPPED: &str = "not sent: the run was interrupted";

impl Suite {
    /// A new run: its id, and its department, agents and catalog created through the API.
    pub async fn create(admin: Client, agent: Option<(Client, Agent)>) -> Result<Suite, CliError> {
        let run = format!("{:08x}", fastrand::u32(..));
        let key = |what: &str| key(&run, what);
        let create = async |input: CatalogInput| -> Result<String, CliError> {
            let (id, _) = admin.upsert(&input).await.map_err(|e| {
                let what = input.key().to_owned();
                let mut error = CliError::from(e);
                error.message = format!(
                    "cannot create the suite's data ({what}) through the seeding endpoints: {}",
                    error.message
                );
                error
            })?;
            Ok(id)
        };
        let named = |what: &str, name: &str| NamedInput {
            key: key(what),
            name: format!("{name} (conformance {run})"),
        };
        let department =
            create(CatalogInput::Department(named("department", "Conformance"))).await?;
        let agent_a = create(CatalogInput::Agent(agent_input(
            &run,
            &department,
            "a",
            true,
        )))
        .await?;
        let agent_b = create(CatalogInput::Agent(agent_input(
            &run,
            &department,
            "b",
            true,
        )))
        .await?;
        let topic = create(CatalogInput::Topic(TopicInput {
            key: key("topic"),
            name: format!("Conformance topic ({run})"),
            department: Some(department.clone()),
        }))
        .await?;
        let outcome = create(CatalogInput::Outcome(named(
            "outcome",
            "Conformance outcome",
        )))
        .await?;
        let block = create(CatalogInput::Block(named("block", "Conformance block"))).await?;
        Ok(Suite {
            run,
            admin,
            agent,
            department,
            agent_a,
            agent_b,
            topic,
            outcome,
            block,
            serial: AtomicU32::new(0),
            stopped: AtomicBool::new(false),
        })
    }

    pub fn run(&self) -> &str {
        &self.run
    }

    /// The admin's client.
    pub fn admin(&self) -> &Client {
        &self.admin
    }

    /// The agent's client and who it is, when a token was given.
    pub fn agent(&self) -> Option<&(Client, Agent)> {
        self.agent.as_ref()
    }

    /// A key of this run no other request has used: `conformance-<run>-<what>-<n>`.
    pub fn fresh(&self, what: &str) -> String {
        let n = self.serial.fetch_add(1, Ordering::Relaxed) + 1;
        format!("conformance-{}-{what}-{n}", self.run)
    }

    /// Sends nothing more that could change data; what is in flight finishes.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    pub fn stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }

    /// Sends a request once as the admin (again only after a 429).
    pub async fn send(&self, request: &RawRequest) -> Result<RawAnswer, String> {
        self.send_as(&self.admin, request).await
    }

    /// Sends a request once with `client`'s token, as described, and again only after a 429
    /// (which did not act); an error is the evidence that no answer came.
    pub async fn send_as(
        &self,
        client: &Client,
        request: &RawRequest,
    ) -> Result<RawAnswer, String> {
        let mut tries = 0;
        loop {
            if self.stopped() {
                return Err(STOPPED.into());
            }
            let answer = client
                .raw(request)
                .await
                .map_err(|e| format!("no answer: {e}"))?;
            tries += 1;
            if answer.status.as_u16() != 429 || tries >= THROTTLED_TRIES {
                return Ok(answer);
            }
            let wait = answer
                .header("retry-after")
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs)
                .unwrap_or(Duration::from_secs(1))
                .min(LONGEST_WAIT);
            tokio::time::sleep(wait).await;
        }
    }

    /// A new queued intervention in the suite's department, started with a conversation through
    /// `POST /v1/conversations`.
    pub async fn queued(&self) -> Result<Intervention, String> {
        self.queued_at(None).await
    }

    /// `queued`, queued at the instant given (now when None).
    pub async fn queued_at(&self, at: Option<jiff::Timestamp>) -> Result<Intervention, String> {
        let key = self.fresh("conversation");
        let body = ConversationInput {
            key: key.clone(),
            user: UserInput {
                key: self.fresh("user"),
                name: format!("Conformance user ({})", self.run),
                email: None,
                channel: Channel::Web,
            },
            started_at: None,
            messages: vec![MessageInput {
                sender: Sender::User,
                agent: None,
                text: "I would like to talk to a person".into(),
                at: None,
            }],
            intervention: Some(InterventionInput {
                summary: format!("Conformance check {key}"),
                department: Some(self.department.clone()),
                queued_at: at,
            }),
        };
        let body = serde_json::to_value(&body).map_err(|e| format!("setup: {e}"))?;
        let answer = self
            .send(&RawRequest::post(Endpoint::Conversations, body))
            .await
            .map_err(|e| format!("setup: starting an intervention: {e}"))?;
        if !matches!(answer.status.as_u16(), 200 | 201) {
            return Err(format!(
                "setup: starting an intervention answered {}: {}",
                answer.status.as_u16(),
                answer.snippet(160)
            ));
        }
        let created: ConversationCreated = answer.decode().map_err(|e| {
            format!("setup: the answer to starting an intervention does not read: {e}")
        })?;
        created.intervention.ok_or_else(|| {
            "setup: a conversation with an intervention was created without one".to_owned()
        })
    }

    /// A new intervention driven to `state` by the admin: assigned to agent A on the way.
    pub async fn in_state(&self, state: InterventionState) -> Result<Intervention, String> {
        let queued = self.queued().await?;
        let steps: &[ActionKind] = match state {
            InterventionState::Queued => &[],
            InterventionState::Assigned => &[ActionKind::Assign],
            InterventionState::Completed => &[ActionKind::Assign, ActionKind::Complete],
            InterventionState::Cancelled => &[ActionKind::Cancel],
        };
        let mut now = queued;
        for kind in steps {
            now = self.act(&self.admin, &now.id, &self.sample(*kind)).await?;
        }
        Ok(now)
    }

    /// An intervention assigned by the admin to `agent`.
    pub async fn assigned_to(&self, agent: &str) -> Result<Intervention, String> {
        let queued = self.queued().await?;
        self.act(&self.admin, &queued.id, &assign(agent)).await
    }

    /// Runs an action through the client's typed operation (with its retries and key): setup,
    /// not a check.
    pub async fn act(
        &self,
        client: &Client,
        id: &str,
        action: &Action,
    ) -> Result<Intervention, String> {
        if self.stopped() {
            return Err(STOPPED.into());
        }
        client
            .act(id, action, Options::default())
            .await
            .map_err(|e| format!("setup: {} {id}: {e}", action.name()))
    }

    /// The intervention as it is now.
    pub async fn get(&self, id: &str) -> Result<Intervention, String> {
        self.admin
            .intervention(id)
            .await
            .map_err(|e| format!("reading {id} back: {e}"))
    }

    /// An action of this kind with a body the contract accepts: assign to agent A, reassign to
    /// agent B, complete with the suite's catalog.
    pub fn sample(&self, kind: ActionKind) -> Action {
        let reason = Some(format!("conformance {}", self.run));
        match kind {
            ActionKind::Assign => assign(&self.agent_a),
            ActionKind::Reassign => Action::Reassign(AssignRequest {
                agent: self.agent_b.clone(),
                reason,
            }),
            ActionKind::Return => Action::Return(ReasonRequest { reason }),
            ActionKind::Cancel => Action::Cancel(ReasonRequest { reason }),
            ActionKind::Complete => Action::Complete(CompleteRequest {
                topic: self.topic.clone(),
                outcome: self.outcome.clone(),
                tags: vec!["conformance".into()],
                block: Some(self.block.clone()),
            }),
        }
    }

    /// Cancels the suite's interventions that are still open (all of them are in its
    /// department), so no queue keeps them, then makes its agents inactive and offline, so no
    /// pool and no autopilot gives them real work (the autopilot moved nine customers'
    /// conversations to them: automation check); what could not be done, in words.
    pub async fn clean_up(&self) -> Vec<String> {
        let mut left = self.cancel_open().await;
        for letter in ["a", "b"] {
            let retired = agent_input(&self.run, &self.department, letter, false);
            if let Err(e) = self.admin.upsert(&CatalogInput::Agent(retired)).await {
                left.push(format!("agent {}: {e}", letter.to_uppercase()));
            }
        }
        left
    }

    async fn cancel_open(&self) -> Vec<String> {
        let open = InterventionQuery {
            department: Some(self.department.clone()),
            state: livectl_contract::States::open(),
            ..InterventionQuery::default()
        };
        let ids: Vec<String> = match self
            .admin
            .interventions(open, FULL_PAGE)
            .map_ok(|i| i.id)
            .try_collect()
            .await
        {
            Ok(ids) => ids,
            Err(e) => return vec![format!("listing them: {e}")],
        };
        let cancel = self.sample(ActionKind::Cancel);
        let mut left = Vec::new();
        for id in ids {
            if let Err(e) = self
                .admin
                .act::<serde::de::IgnoredAny>(&id, &cancel, Options::default())
                .await
            {
                left.push(format!("{id}: {e}"));
            }
        }
        left
    }
}

/// The key of what the suite creates in run `run`: every one starts with `conformance-<run>-`.
fn key(run: &str, what: &str) -> String {
    format!("conformance-{run}-{what}")
}

/// One of the suite's two agents (`letter` a or b) of its department: active while the suite
/// runs, inactive once it ends, and offline throughout, so no pool (`@online`) and no autopilot
/// gives it real work meanwhile (review).
fn agent_input(run: &str, department: &str, letter: &str, active: bool) -> AgentInput {
    AgentInput {
        key: key(run, &format!("agent-{letter}")),
        name: format!("Conformance {} ({run})", letter.to_uppercase()),
        email: format!("{}@example.invalid", key(run, letter)),
        role: Role::Agent,
        department: Some(department.to_owned()),
        status: AgentStatus::Offline,
        status_since: None,
        active,
        max_load: None,
    }
}

/// Assign to `agent`.
pub fn assign(agent: &str) -> Action {
    Action::Assign(AssignRequest {
        agent: agent.to_owned(),
        reason: None,
    })
}
