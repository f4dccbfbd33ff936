//! Rule 4, preconditions (DESIGN.md section 4): an action with a stale `If-Match` is 412
//! `precondition_failed` carrying `current` and changes nothing; with the current version it
//! works.

use livectl_client::RawRequest;
use livectl_contract::{ActionKind, InterventionState, ProblemCode};

use super::{Outcome, Suite, expect, outcome};

const STALE: &str = "a stale If-Match: 412 precondition_failed with current";
const CURRENT: &str = "the current If-Match works";

pub async fn check(s: &Suite) -> Vec<Outcome> {
    // Assigned, so that it has a version before the current one.
    let before = match s.in_state(InterventionState::Assigned).await {
        Ok(i) => i,
        Err(setup) => {
            return vec![
                outcome(STALE, Err(setup.clone())),
                outcome(CURRENT, Err(setup)),
            ];
        }
    };
    let action = s.sample(ActionKind::Return);
    let stale = async {
        let request = RawRequest::action(&before.id, &action).if_match(before.version - 1);
        let answer = s.send(&request).await?;
        let problem = expect::problem(&answer, 412, ProblemCode::PreconditionFailed)?;
        let now = s.get(&before.id).await?;
        expect::unchanged(&before, &now)?;
        expect::current(&problem, &now)?;
        Ok(format!(
            "412 with current version {} for If-Match \"{}\"",
            before.version,
            before.version - 1
        ))
    }
    .await;
    let current = async {
        let request = RawRequest::action(&before.id, &action).if_match(before.version);
        let after = expect::intervention(&s.send(&request).await?)?;
        if after.state != InterventionState::Queued || after.version != before.version + 1 {
            return Err(format!(
                "200 with {} version {}, expected queued version {}",
                after.state,
                after.version,
                before.version + 1
            ));
        }
        Ok(format!("200 for If-Match \"{}\"", before.version))
    }
    .await;
    vec![outcome(STALE, stale), outcome(CURRENT, current)]
}
