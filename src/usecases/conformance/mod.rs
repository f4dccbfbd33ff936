//! `livectl conformance`: the contract's behavioural rules (DESIGN.md sections 3, 4 and 9)
//! checked against any implementation over HTTP, on data the suite creates under its own
//! prefix (`conformance-<run>-…`) and nothing else.
//!
//! Each rule is one async function from the suite to its cases, listed once in `RULES`: adding
//! a rule is writing its function and adding its line there.

mod events;
mod expect;
mod idempotency;
pub mod junit;
mod pagination;
mod preconditions;
mod problems;
mod rate_limits;
mod roles;
mod state_machine;
mod suite;

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use livectl_client::{Client, Token};
use livectl_contract::{Agent, Role};

use crate::error::{CliError, ErrorKind};
use crate::model::{Case, Verdict};
use crate::ui::Ui;
use crate::ui::progress::Progress;

pub use suite::Suite;

/// What a rule's check gives back: its cases, in order.
type Checking<'a> = Pin<Box<dyn Future<Output = Vec<Outcome>> + 'a>>;

/// A rule of the contract and the function that checks it.
pub struct Rule {
    pub name: &'static str,
    check: for<'a> fn(&'a Suite) -> Checking<'a>,
}

/// Every rule, in the order they run. The rate limits come last: a burst must not slow the
/// others down.
pub const RULES: &[Rule] = &[
    Rule {
        name: "state machine",
        check: |s| Box::pin(state_machine::check(s)),
    },
    Rule {
        name: "roles",
        check: |s| Box::pin(roles::check(s)),
    },
    Rule {
        name: "idempotency",
        check: |s| Box::pin(idempotency::check(s)),
    },
    Rule {
        name: "preconditions",
        check: |s| Box::pin(preconditions::check(s)),
    },
    Rule {
        name: "pagination",
        check: |s| Box::pin(pagination::check(s)),
    },
    Rule {
        name: "events",
        check: |s| Box::pin(events::check(s)),
    },
    Rule {
        name: "problems",
        check: |s| Box::pin(problems::check(s)),
    },
    Rule {
        name: "rate limits",
        check: |s| Box::pin(rate_limits::check(s)),
    },
];

/// The longest one rule may take; past it, the rule is one failed case.
const RULE_DEADLINE: Duration = Duration::from_secs(180);

/// One case as a rule reports it; the runner adds the rule's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub case: String,
    pub result: Verdict,
    pub detail: String,
}

/// A case from its check: what was seen when it held, the evidence when it did not.
pub fn outcome(case: impl Into<String>, checked: Result<String, String>) -> Outcome {
    let (result, detail) = match checked {
        Ok(seen) => (Verdict::Passed, seen),
        Err(evidence) => (Verdict::Failed, evidence),
    };
    Outcome {
        case: case.into(),
        result,
        detail,
    }
}

/// A case not checked, and why.
pub fn skipped(case: impl Into<String>, why: impl Into<String>) -> Outcome {
    Outcome {
        case: case.into(),
        result: Verdict::Skipped,
        detail: why.into(),
    }
}

/// What a run found.
#[derive(Debug, Clone)]
pub struct Report {
    /// The run's id: every key the suite created starts with `conformance-<run>-`.
    pub run: String,
    pub cases: Vec<Case>,
    pub elapsed: Duration,
}

impl Report {
    pub fn count(&self, verdict: Verdict) -> usize {
        self.cases.iter().filter(|c| c.result == verdict).count()
    }

    pub fn failed(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.result == Verdict::Failed)
    }
}

/// The caller, who must be an admin (the suite creates a catalog and acts on anyone's
/// interventions): the first request of a run, before anything is created.
pub async fn admin(client: &Client) -> Result<Agent, CliError> {
    let me = client.me().await?.agent;
    if me.role != Role::Admin {
        return Err(CliError::new(
            ErrorKind::Auth,
            format!(
                "the conformance suite needs an admin's token; this one is {} ({}), an {}",
                me.name, me.id, me.role
            ),
        )
        .hint("run it with an admin's token (LIVECTL_TOKEN or a profile); nothing was created"));
    }
    Ok(me)
}

/// The agent behind `--agent-token-stdin` or LIVECTL_AGENT_TOKEN: an active agent, not an admin,
/// or the role rules would prove nothing.
pub async fn agent(client: &Client, token: Token) -> Result<(Client, Agent), CliError> {
    let agent = client.with_token(token);
    let me = agent.me().await.map(|me| me.agent).map_err(|e| {
        let mut error = CliError::from(e);
        error.message = format!("the agent token was not accepted: {}", error.message);
        error.instead("give an agent's token with --agent-token-stdin or LIVECTL_AGENT_TOKEN; nothing was created")
    })?;
    if me.role != Role::Agent {
        return Err(CliError::usage(format!(
            "the agent token belongs to {} ({}), an {}: the role rules need an agent's token",
            me.name, me.id, me.role
        ))
        .hint("give the token of an agent whose role is `agent`; nothing was created"));
    }
    if !me.active {
        return Err(CliError::usage(format!(
            "the agent token belongs to {} ({}), who is inactive and may receive no work",
            me.name, me.id
        ))
        .hint("give the token of an active agent; nothing was created"));
    }
    Ok((agent, me))
}

/// Creates the suite's data and checks every rule against the platform, the admin's client
/// `client` and, for the role rules, an agent's. Interventions the suite left open are
/// cancelled at the end, also when the run is interrupted (Ctrl-C or SIGTERM: exit 130), so no
/// queue keeps them.
pub async fn run(
    client: &Client,
    agent: Option<(Client, Agent)>,
    ui: &Ui,
) -> Result<Report, CliError> {
    let started = Instant::now();
    // Listening from the start: a stop while the data is made still ends the run cleanly.
    // A stop is this run's to handle: it cancels what it started before it ends.
    let _claim = crate::signals::claim();
    let stop = crate::signals::interrupted();
    tokio::pin!(stop);
    let suite = tokio::select! {
        suite = Suite::create(client.clone(), agent) => suite?,
        () = &mut stop => return Err(CliError::interrupted(
            "interrupted while creating the suite's catalog; no intervention was started",
        )),
    };
    let progress = Progress::steps(ui, RULES.len() as u64, "rules");
    let checking = check_all(&suite, &progress);
    tokio::pin!(checking);
    // A stop lets the request in flight finish and sends no other change, so the clean-up,
    // which lists the suite's department, sees every intervention the suite started.
    let cases = tokio::select! {
        cases = &mut checking => cases,
        () = &mut stop => {
            suite.stop();
            checking.await
        }
    };
    progress.finish();
    let left = suite.clean_up().await;
    if !left.is_empty() {
        ui.note(format!(
            "livectl conformance: could not clean up {} of the suite's interventions and agents: {}",
            left.len(),
            left.join("; ")
        ));
    }
    if suite.stopped() {
        return Err(CliError::interrupted(
            "interrupted; the interventions the suite had started are cancelled",
        ));
    }
    Ok(Report {
        run: suite.run().to_owned(),
        cases,
        elapsed: started.elapsed(),
    })
}

/// Every rule in turn, each within its deadline.
async fn check_all(suite: &Suite, progress: &Progress) -> Vec<Case> {
    let mut cases = Vec::new();
    for rule in RULES {
        progress.message(rule.name.to_owned());
        let outcomes = match tokio::time::timeout(RULE_DEADLINE, (rule.check)(suite)).await {
            Ok(outcomes) => outcomes,
            Err(_) => vec![outcome(
                "finishes",
                Err(format!(
                    "the rule's checks did not finish within {} s",
                    RULE_DEADLINE.as_secs()
                )),
            )],
        };
        cases.extend(outcomes.into_iter().map(|o| Case {
            rule: rule.name.to_owned(),
            case: o.case,
            result: o.result,
            detail: o.detail,
        }));
        progress.inc(1);
    }
    cases
}
