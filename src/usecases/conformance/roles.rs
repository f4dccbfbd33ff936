//! Rule 2, roles (DESIGN.md sections 3 and 9), with an agent's token: an agent assigns only to
//! itself (403 otherwise); only the owner or an admin acts on an assigned intervention, and only
//! an admin cancels a queued one; an agent acting on one it may not see learns nothing of it.
//! Skipped, case by case, without an agent's token.

use livectl_client::{Client, RawRequest};
use livectl_contract::{
    Action, ActionKind, AssignRequest, Intervention, InterventionState, ProblemCode,
};

use super::suite::assign;
use super::{Outcome, Suite, expect, outcome, skipped};

const ASSIGN_SELF: &str = "an agent assigns to itself";
const ASSIGN_OTHER: &str = "an agent may not assign to another";
const CANCEL_QUEUED: &str = "an agent may not cancel a queued one";
const NOT_OWNER: [(ActionKind, &str); 4] = [
    (ActionKind::Reassign, "an agent may not reassign another's"),
    (ActionKind::Return, "an agent may not return another's"),
    (ActionKind::Cancel, "an agent may not cancel another's"),
    (ActionKind::Complete, "an agent may not complete another's"),
];
const NOTHING_SAID: &str = "an agent learns nothing of another's";
const OWNER_RETURNS: &str = "the owner returns its own";
const OWNER_COMPLETES: &str = "the owner completes its own";
const ADMIN_ANYONE: &str = "an admin acts on anyone's";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    let Some((agent, me)) = s.agent() else {
        let why = "no agent token: give one with --agent-token-stdin or LIVECTL_AGENT_TOKEN";
        let mut names = vec![ASSIGN_SELF, ASSIGN_OTHER, CANCEL_QUEUED];
        names.extend(NOT_OWNER.iter().map(|(_, name)| *name));
        names.extend([NOTHING_SAID, OWNER_RETURNS, OWNER_COMPLETES, ADMIN_ANYONE]);
        return names.into_iter().map(|n| skipped(n, why)).collect();
    };
    let me = me.id.as_str();
    let mut outcomes = vec![
        outcome(ASSIGN_SELF, assign_self(s, agent, me).await),
        outcome(ASSIGN_OTHER, assign_other(s, agent).await),
        outcome(CANCEL_QUEUED, cancel_queued(s, agent).await),
    ];
    for (kind, name) in NOT_OWNER {
        outcomes.push(outcome(name, not_owner(s, agent, me, kind).await));
    }
    outcomes.extend([
        outcome(NOTHING_SAID, nothing_said(s, agent, me).await),
        outcome(
            OWNER_RETURNS,
            owner_acts(s, agent, me, ActionKind::Return).await,
        ),
        outcome(
            OWNER_COMPLETES,
            owner_acts(s, agent, me, ActionKind::Complete).await,
        ),
        outcome(ADMIN_ANYONE, admin_acts(s, me).await),
    ]);
    outcomes
}

async fn assign_self(s: &Suite, agent: &Client, me: &str) -> Result<String, String> {
    let queued = s.queued().await?;
    let answer = s
        .send_as(agent, &RawRequest::action(&queued.id, &assign(me)))
        .await?;
    let after = expect::intervention(&answer)?;
    if after.owner.as_deref() != Some(me) {
        return Err(format!(
            "200, but the owner is {}, not the agent {me}",
            after.owner.as_deref().unwrap_or("nobody")
        ));
    }
    Ok(format!("200: {} owned by {me}", after.id))
}

async fn assign_other(s: &Suite, agent: &Client) -> Result<String, String> {
    let queued = s.queued().await?;
    forbidden(s, agent, &queued, &assign(&s.agent_a)).await
}

async fn cancel_queued(s: &Suite, agent: &Client) -> Result<String, String> {
    let queued = s.queued().await?;
    forbidden(s, agent, &queued, &s.sample(ActionKind::Cancel)).await
}

/// The agent acts on an intervention agent A owns.
async fn not_owner(
    s: &Suite,
    agent: &Client,
    me: &str,
    kind: ActionKind,
) -> Result<String, String> {
    let theirs = s.in_state(InterventionState::Assigned).await?;
    let action = match kind {
        // Taking it over: to itself.
        ActionKind::Reassign => Action::Reassign(AssignRequest {
            agent: me.to_owned(),
            reason: None,
        }),
        other => s.sample(other),
    };
    forbidden(s, agent, &theirs, &action).await
}

/// The agent takes, with a stale `If-Match`, an intervention agent A owns: a 412 or a 409
/// would carry the intervention whole (`current`); a 403 carries nothing of it.
async fn nothing_said(s: &Suite, agent: &Client, me: &str) -> Result<String, String> {
    let theirs = s.in_state(InterventionState::Assigned).await?;
    let request = RawRequest::action(&theirs.id, &assign(me)).if_match(theirs.version - 1);
    let answer = s.send_as(agent, &request).await?;
    expect::problem(&answer, 403, ProblemCode::Forbidden)?;
    let body: serde_json::Value = serde_json::from_slice(&answer.body).unwrap_or_default();
    if body.get("current").is_some() {
        return Err(format!(
            "403, but its body carries the intervention (`current`): {body}"
        ));
    }
    if let Some(owner) = theirs.owner.as_deref()
        && body.to_string().contains(owner)
    {
        return Err(format!("403, but its body names the owner {owner}: {body}"));
    }
    expect::unchanged(&theirs, &s.get(&theirs.id).await?)?;
    Ok(format!(
        "403 forbidden on {}, nothing of it said",
        theirs.id
    ))
}

/// A 403 `forbidden` that changed nothing.
async fn forbidden(
    s: &Suite,
    agent: &Client,
    before: &Intervention,
    action: &Action,
) -> Result<String, String> {
    let answer = s
        .send_as(agent, &RawRequest::action(&before.id, action))
        .await?;
    expect::problem(&answer, 403, ProblemCode::Forbidden)?;
    expect::unchanged(before, &s.get(&before.id).await?)?;
    Ok(format!("403 forbidden on {}, unchanged", before.id))
}

/// The agent acts on an intervention it owns.
async fn owner_acts(
    s: &Suite,
    agent: &Client,
    me: &str,
    kind: ActionKind,
) -> Result<String, String> {
    let mine = s.assigned_to(me).await?;
    let answer = s
        .send_as(agent, &RawRequest::action(&mine.id, &s.sample(kind)))
        .await?;
    let after = expect::intervention(&answer)?;
    if after.state != kind.leads_to() {
        return Err(format!(
            "200, but it is {}, not {}",
            after.state,
            kind.leads_to()
        ));
    }
    Ok(format!("200: {} is {}", after.id, after.state))
}

/// The admin returns an intervention the agent owns.
async fn admin_acts(s: &Suite, me: &str) -> Result<String, String> {
    let theirs = s.assigned_to(me).await?;
    let answer = s
        .send(&RawRequest::action(
            &theirs.id,
            &s.sample(ActionKind::Return),
        ))
        .await?;
    let after = expect::intervention(&answer)?;
    if after.state != InterventionState::Queued || after.owner.is_some() {
        return Err(format!(
            "200, but it is {} owned by {}, not queued with no owner",
            after.state,
            after.owner.as_deref().unwrap_or("nobody")
        ));
    }
    Ok(format!(
        "200: the admin returned {}, owned by {me}",
        after.id
    ))
}
