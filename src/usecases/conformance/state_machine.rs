//! Rule 1, the state machine (DESIGN.md section 3): every action from every state, one case
//! each. An allowed move answers 200 with the intervention as it now is, one version on; a
//! refused one is 409 `invalid_transition` carrying `current` and changes nothing. Completed
//! and cancelled are final: every action from them is refused.

use livectl_client::RawRequest;
use livectl_contract::{ActionKind, InterventionState, ProblemCode};

use super::{Outcome, Suite, expect, outcome};

pub async fn check(s: &Suite) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    for &kind in ActionKind::ALL {
        for &from in InterventionState::ALL {
            let checked = transition(s, kind, from).await;
            outcomes.push(outcome(format!("{kind} from {from}"), checked));
        }
    }
    outcomes
}

/// Whether no action leads out of `state`, as the contract's table says.
fn is_final(state: InterventionState) -> bool {
    ActionKind::ALL.iter().all(|k| !k.allowed(state))
}

async fn transition(
    s: &Suite,
    kind: ActionKind,
    from: InterventionState,
) -> Result<String, String> {
    let before = s.in_state(from).await?;
    let answer = s
        .send(&RawRequest::action(&before.id, &s.sample(kind)))
        .await?;
    let now = s.get(&before.id).await?;
    if kind.allowed(from) {
        let after = expect::intervention(&answer)?;
        let to = kind.leads_to();
        if after.state != to {
            return Err(format!(
                "200 with the intervention {}, expected {to}",
                after.state
            ));
        }
        if after.version != before.version + 1 {
            return Err(format!(
                "200 with version {} after version {}: every change adds one",
                after.version, before.version
            ));
        }
        if after != now {
            return Err(format!(
                "200 with an intervention that is not as it now is: answered {} version {}, read back {} version {}",
                after.state, after.version, now.state, now.version
            ));
        }
        Ok(format!("200: {from} to {to}, version {}", after.version))
    } else {
        let problem = expect::problem(&answer, 409, ProblemCode::InvalidTransition)?;
        expect::unchanged(&before, &now)?;
        expect::current(&problem, &now)?;
        let note = if is_final(from) {
            ", a final state"
        } else {
            ""
        };
        Ok(format!(
            "409 invalid_transition with current ({from}{note})"
        ))
    }
}
