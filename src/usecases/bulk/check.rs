//! A plan by ids (arguments, stdin) looked up before a dry run prints it or a confirmation counts
//! it, and what a resume would send before its dry run prints it: each item's intervention as it
//! stands now, and whether the platform would refuse the action on it, and why, in the order the
//! platform checks (the id, whether the caller may see it, the version a listed item names, the
//! state, the role). A plan by filters is judged on its listing, asked for nothing more: it lists
//! only the states its action takes (`Filters::states_for`), at their versions, and the role is
//! judged on the owner listed (`Target::known`). An item the plan looked up already (to spread
//! it, `Item::looked`) is not asked for again. The run itself sends every item all the
//! same: the platform's answer, not this look, is its result.

use std::rc::Rc;

use futures_util::StreamExt;
use futures_util::stream::LocalBoxStream;
use livectl_client::Client;
use livectl_contract::{Agent, InterventionRef, Permission, Role};

use crate::error::CliError;
use crate::model::{Item, Looked, Names};
use crate::usecases::targets;

/// The items of a plan, each with why the platform would refuse it (`Item::refused`), looked up
/// `concurrency` at a time and in order (those not looked up already), as `caller` (the
/// token's agent); the agents a reason names are named by `names` (the table's, for people),
/// by id where it has none.
pub(super) fn looked_up<'a>(
    client: &'a Client,
    caller: Agent,
    names: Rc<Names>,
    items: LocalBoxStream<'a, Result<Item, CliError>>,
    concurrency: u16,
) -> LocalBoxStream<'a, Result<Item, CliError>> {
    let items = items
        .map(|item| item.map(|item| (item, true)))
        .boxed_local();
    looked_up_where(client, caller, names, items, concurrency)
}

/// As `looked_up`, for the items paired with `true`; those paired with `false` pass as they
/// are (a resume's items sent before under their keys: what the platform answers them may be
/// the answer it stored, whatever the intervention is now).
pub(super) fn looked_up_where<'a>(
    client: &'a Client,
    caller: Agent,
    names: Rc<Names>,
    items: LocalBoxStream<'a, Result<(Item, bool), CliError>>,
    concurrency: u16,
) -> LocalBoxStream<'a, Result<Item, CliError>> {
    let caller = Rc::new(caller);
    items
        .map(move |item| {
            let (caller, names) = (caller.clone(), names.clone());
            async move {
                let (mut item, look) = item?;
                if !look {
                    return Ok(item);
                }
                let looked = match item.looked.take() {
                    Some(looked) => looked,
                    None => targets::look(client, &item.id).await?,
                };
                item.refused = match &looked {
                    Looked::Now(now) => refusal(&item, now, &caller, &names),
                    Looked::Missing => Some(NOT_FOUND.into()),
                    // The intervention is not the caller's to see: the action would be refused
                    // the same way, before its state is looked at.
                    Looked::Hidden(said) => Some(format!("{FORBIDDEN}{said}")),
                };
                // Kept for what follows (a resume's dry run picks a pool's agent from it).
                item.looked = Some(looked);
                Ok(item)
            }
        })
        .buffered(usize::from(concurrency.max(1)))
        .boxed_local()
}

/// Why an id the platform does not know would be refused.
const NOT_FOUND: &str = "not found";

/// How a refusal the platform would answer 403 begins (`Item::refused`): the caller may not.
pub(super) const FORBIDDEN: &str = "forbidden: ";

/// Why the platform would refuse `item` on the intervention as it is `now`, to `caller`, each
/// agent by its name in `names`; None when it would act. The states an action takes are the
/// contract's (`ActionKind::allowed`).
fn refusal(item: &Item, now: &InterventionRef, caller: &Agent, names: &Names) -> Option<String> {
    let kind = item.action.kind();
    // A listed item (a resumed plan by filters) is sent with If-Match: changed since, skipped.
    if let Some(listed) = item.version
        && listed != now.version
    {
        return Some(crate::model::changed_since(Some((now.version, now.state))));
    }
    if !kind.allowed(now.state) {
        return Some(format!(
            "{}: {kind} acts on {}",
            now.state,
            kind.allowed_from_words()
        ));
    }
    // One agent named, with no room: the role is judged by it all the same, as the platform
    // judges it before room (an agent's token aiming at a full colleague was told "left where
    // they are", exit 3, where every item is refused 403: supervisor check). Of several named,
    // which the run would have asked is not known: left to the run.
    let named_full = item
        .action
        .target()
        .and_then(crate::model::NoRoom::of_mark)
        .and_then(|no_room| match no_room {
            crate::model::NoRoom::Agents(agents) if agents.len() == 1 => {
                agents.into_iter().next().and_then(|a| a.id)
            }
            _ => None,
        });
    // A pool's route or the mark of an item no agent had room for: no agent named yet.
    let target = item
        .action
        .target()
        .filter(|to| !to.starts_with('@'))
        .or(named_full.as_deref());
    if item.action.kind() == livectl_contract::ActionKind::Reassign
        && let (Some(to), Some(owner)) = (target, now.owner.as_deref())
        && to == owner
    {
        return Some(format!(
            "{}: reassign needs another agent",
            crate::model::NoRoom::owns_already(&names.of(owner))
        ));
    }
    let permission = kind.permission();
    // A pool's agent is chosen as the item is sent: whether it is the caller is not known yet.
    let to = match permission {
        Permission::ToSelfOrAdmin => Some(target.unwrap_or(&caller.id)),
        Permission::OwnerOrAdmin => target,
    };
    let admin = caller.role == Role::Admin;
    let refusal = kind.refusal(admin, caller.id.as_str(), to, now.owner.as_deref())?;
    Some(format!(
        "{FORBIDDEN}{}",
        refusal.naming(names.of(&caller.id), names.of(to.unwrap_or_default()))
    ))
}

#[cfg(test)]
mod tests {
    use livectl_contract::{Action, AgentStatus, AssignRequest, InterventionState, ReasonRequest};

    use super::*;

    fn agent(id: &str, role: Role) -> Agent {
        serde_json::from_value(serde_json::json!({
            "id": id, "name": id, "email": format!("{id}@example.com"),
            "role": role, "status": AgentStatus::Online, "active": true,
            "status_since": "2026-11-24T12:00:00.000Z",
        }))
        .unwrap()
    }

    fn now(state: InterventionState, owner: Option<&str>) -> InterventionRef {
        InterventionRef {
            id: "iv_1".into(),
            department: None,
            state,
            owner: owner.map(str::to_owned),
            version: 4,
        }
    }

    fn item(action: Action) -> Item {
        Item {
            id: "iv_1".into(),
            version: None,
            action,
            refused: None,
            looked: None,
        }
    }

    fn to(agent: &str) -> AssignRequest {
        AssignRequest {
            agent: agent.into(),
            reason: None,
        }
    }

    #[test]
    fn the_state_is_checked_before_the_role_as_the_platform_does() {
        use InterventionState::*;
        let (admin, bo) = (agent("ag_1", Role::Admin), agent("ag_2", Role::Agent));
        let back = item(Action::Return(ReasonRequest::default()));
        let cancel = item(Action::Cancel(ReasonRequest::default()));
        let cases = [
            (
                &back,
                now(Queued, None),
                &admin,
                Some("queued: return acts on assigned"),
            ),
            (&back, now(Assigned, Some("ag_3")), &admin, None),
            (&back, now(Assigned, Some("ag_2")), &bo, None),
            (
                &back,
                now(Completed, Some("ag_3")),
                &bo,
                Some("completed: return acts on assigned"),
            ),
            (
                &back,
                now(Assigned, Some("ag_3")),
                &bo,
                Some("forbidden: only its owner or an admin may return it"),
            ),
            (
                &cancel,
                now(Queued, None),
                &bo,
                Some("forbidden: nobody owns it, so only an admin may cancel it"),
            ),
            (&cancel, now(Queued, None), &admin, None),
            (
                &cancel,
                now(Cancelled, None),
                &admin,
                Some("cancelled: cancel acts on queued or assigned"),
            ),
        ];
        for (item, now, caller, want) in cases {
            assert_eq!(
                refusal(item, &now, caller, &Names::default()).as_deref(),
                want,
                "{item:?} {now:?}"
            );
        }
    }

    #[test]
    fn an_agent_named_is_checked_and_a_pools_route_is_left_to_the_run() {
        use InterventionState::*;
        let bo = agent("ag_2", Role::Agent);
        let admin = agent("ag_1", Role::Admin);
        let reassign = item(Action::Reassign(to("ag_3")));
        assert_eq!(
            refusal(
                &reassign,
                &now(Assigned, Some("ag_3")),
                &admin,
                &Names::default()
            )
            .as_deref(),
            Some("ag_3 owns it already: reassign needs another agent")
        );
        assert_eq!(
            refusal(
                &reassign,
                &now(Assigned, Some("ag_4")),
                &admin,
                &Names::default()
            ),
            None
        );
        let to_cy = item(Action::Assign(to("ag_3")));
        assert_eq!(
            refusal(&to_cy, &now(Queued, None), &bo, &Names::default()).as_deref(),
            Some(
                "forbidden: an agent may assign only to itself (ag_2); only an admin may assign to ag_3"
            )
        );
        assert_eq!(
            refusal(
                &item(Action::Assign(to("ag_2"))),
                &now(Queued, None),
                &bo,
                &Names::default()
            ),
            None
        );
        let pooled = item(Action::Assign(to("@online")));
        assert_eq!(
            refusal(&pooled, &now(Queued, None), &bo, &Names::default()),
            None
        );
        let unplaced = item(Action::Assign(to(
            &crate::model::NoRoom::pool("@online").mark()
        )));
        assert_eq!(
            refusal(&unplaced, &now(Queued, None), &bo, &Names::default()),
            None
        );
        // An agent named with no room is judged by the role first, as the platform does.
        let full = |id: &str| {
            crate::model::NoRoom::Agents(vec![crate::model::Full {
                id: Some(id.to_owned()),
                name: None,
                max_load: Some(8),
                owns: false,
            }])
            .mark()
        };
        assert_eq!(
            refusal(
                &item(Action::Assign(to(&full("ag_3")))),
                &now(Queued, None),
                &bo,
                &Names::default(),
            )
            .as_deref(),
            Some(
                "forbidden: an agent may assign only to itself (ag_2); only an admin may assign to ag_3"
            )
        );
        assert_eq!(
            refusal(
                &item(Action::Assign(to(&full("ag_2")))),
                &now(Queued, None),
                &bo,
                &Names::default(),
            ),
            None,
            "no room for itself: left where it is"
        );
        assert_eq!(
            refusal(
                &item(Action::Assign(to(&full("ag_3")))),
                &now(Queued, None),
                &admin,
                &Names::default(),
            ),
            None
        );
    }
}
