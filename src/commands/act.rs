//! What the five actions share: TARGETS, and running an action on them. One id acts at once and
//! prints the intervention; more targets (ids, `-` for stdin, or filters) make a bulk run.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use futures_util::StreamExt;
use livectl_client::{Client, ClientError, Options};
use livectl_contract::{Action, ActionKind, Intervention};

use super::Ctx;
use super::filters::{BulkArgs, Filters};
use crate::error::CliError;
use crate::model::{Full, Item, Names, NoRoom};
use crate::ui::{Format, Row, standing};
use crate::usecases::bulk::{self, Plan};
use crate::usecases::lookup::{self, NamesOf};
use crate::usecases::targets::{self, Selection};
use crate::usecases::{pool, spread};

/// TARGETS: what an action acts on.
#[derive(Debug, Args)]
pub struct Targets {
    /// Intervention ids, or `-` to read them from stdin (one a line, NDJSON objects with an "id",
    /// acted on as listed when they carry a "version", or the rows `livectl list` prints piped)
    #[arg(value_name = "ID", add = ArgValueCandidates::new(crate::completion::interventions))]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// Whether spreading work may give it to agents who are not online.
#[derive(Debug, Clone, Copy, Args)]
pub struct AwayArgs {
    /// Give work to named agents who are away or offline, and to a pool's agents who are away
    /// (left out of a spread by default)
    #[arg(long)]
    pub include_away: bool,
}

impl AwayArgs {
    /// Refused with --resume, as every argument a journal's requests already hold is (clap
    /// cannot say it: these arguments are the autopilot's too, which has no --resume).
    pub fn not_on_resume(&self, bulk: &BulkArgs) -> Result<(), CliError> {
        if self.include_away && bulk.resume.is_some() {
            return Err(CliError::usage(
                "--include-away does not go with --resume: the journal holds each item's agent",
            ));
        }
        Ok(())
    }
}

/// `--reason`, one definition for every action that takes one: `assign`, `reassign`,
/// `return`, `cancel` (`assign` had none, though the contract records one: new user).
#[derive(Debug, Args)]
pub struct ReasonArg {
    /// Why, recorded in the event
    #[arg(long, conflicts_with = "resume")]
    pub reason: Option<String>,
}

impl ReasonArg {
    /// The reason, refused before anything is sent when the platform would refuse it.
    pub fn checked(&self) -> Result<Option<String>, CliError> {
        super::filters::check_reason(self.reason.as_deref())?;
        Ok(self.reason.clone())
    }
}

/// The arguments of the actions that take only a reason: `return` and `cancel`.
#[derive(Debug, Args)]
pub struct ReasonArgs {
    #[command(flatten)]
    pub targets: Targets,
    #[command(flatten)]
    pub reason: ReasonArg,
}

/// Runs an action that takes only a reason on its targets (or resumes its run).
pub async fn with_reason(
    ctx: &Ctx,
    targets: &Targets,
    action: Action,
    describe: &str,
) -> Result<(), CliError> {
    super::filters::check_reason(action.reason())?;
    let command = bulk::Command::of(action.kind());
    if targets.resumed(ctx, &command).await? {
        return Ok(());
    }
    let selection = targets.select(ctx, action.kind()).await?;
    targets
        .perform(ctx, plan(command, describe.to_owned(), selection, action))
        .await
}

/// The plan of one action on every target selected.
pub fn plan<'a>(
    command: bulk::Command,
    describe: String,
    selection: Selection<'a>,
    action: Action,
) -> Plan<'a> {
    let Selection {
        source,
        targets,
        repeats,
        ..
    } = selection;
    Plan {
        command,
        describe,
        items: targets
            .map(move |target| {
                target.map(|t| {
                    let (id, version, looked) = t.known();
                    Item {
                        id,
                        version,
                        action: action.clone(),
                        refused: None,
                        looked,
                    }
                })
            })
            .boxed_local(),
        source,
        repeats,
        chooses: false,
    }
}

/// The plan of an action that gives every target selected to an agent of `to`, spread as the
/// targets pass (`spread::spread`: least loaded first, within each max_load); `action` makes
/// the action for the agent picked (or the mark of an item that fits nowhere).
pub fn spread_plan<'a>(
    client: &'a Client,
    command: bulk::Command,
    to: &spread::To,
    selection: Selection<'a>,
    spreader: spread::Spreader,
    action: impl Fn(String) -> Action + 'a,
) -> Plan<'a> {
    let describe = format!("{} to {}", command.name, to.describe());
    let source = selection.source;
    let repeats = selection.repeats.clone();
    // The action's kind is the one its body is made for, whatever the agent.
    let kind = action(String::new()).kind();
    let items = spread::spread(client, selection, spreader, kind)
        .map(move |picked| {
            picked.map(|(target, agent)| {
                let (id, version, looked) = target.known();
                Item {
                    id,
                    version,
                    action: action(agent),
                    refused: None,
                    looked,
                }
            })
        })
        .boxed_local();
    Plan {
        command,
        describe,
        items,
        source,
        repeats,
        chooses: to.chooses(),
    }
}

/// TARGETS whose filters were judged (`Targets::judge`).
pub struct Judged<'t> {
    targets: &'t Targets,
    query: Option<livectl_contract::InterventionQuery>,
}

impl Judged<'_> {
    /// The interventions named, as they come (`Targets::select`).
    pub async fn select<'a>(self, ctx: &'a Ctx) -> Result<Selection<'a>, CliError> {
        let client = ctx.client().await?;
        // The listing is read as the run's items are sent: with as many passes.
        let pace = self.targets.bulk.options(&ctx.global).pace.fresh();
        targets::select(client, &self.targets.ids, self.query, pace.retries)
    }
}

impl Targets {
    /// One id given as an argument: acted on at once, asked about by nobody.
    pub fn one(&self) -> bool {
        self.ids.len() == 1 && self.ids[0] != "-"
    }

    /// Whether what the run would do is said to a person before anything is sent
    /// (`BulkArgs::judged`); one id is sent at once.
    pub fn judged(&self, global: &crate::cli::GlobalArgs) -> bool {
        self.bulk.judged(global) && (self.bulk.dry_run || !self.one())
    }

    /// With --resume, continues the journal's run and says so (true); the journal holds the
    /// interventions and their actions, so nothing else is built. Without, refuses ids that are
    /// not interventions' (every action calls this first) and answers false.
    pub async fn resumed(&self, ctx: &Ctx, command: &bulk::Command) -> Result<bool, CliError> {
        let Some(path) = &self.bulk.resume else {
            // Before the platform is asked anything, or the other arguments are resolved; and
            // the journal named, before `complete`'s questions (its form was filled in, then
            // the journal refused: review).
            targets::check_ids(&self.ids)?;
            if let Some(journal) = &self.bulk.journal {
                bulk::journal::Planner::judge(journal, &command.name)?;
            }
            return Ok(false);
        };
        if !self.ids.is_empty() || self.filters.is_set() {
            return Err(CliError::usage(
                "--resume takes the interventions from the journal; give no ids or filters",
            ));
        }
        let connection = ctx.connection_to_resume(path).await?;
        let options = self.bulk.options(&ctx.global);
        bulk::resume(
            &connection.client,
            &ctx.ui,
            &connection.target(),
            command,
            path,
            &options,
        )
        .await?;
        Ok(true)
    }

    /// The interventions named, as they come: ids, stdin, or what the filters select. Filters
    /// select only the states `action` acts on: the others could only be refused, item by item.
    pub async fn select<'a>(
        &self,
        ctx: &'a Ctx,
        action: ActionKind,
    ) -> Result<Selection<'a>, CliError> {
        self.judge(ctx, action).await?.select(ctx).await
    }

    /// The filters judged (the states `action` acts on, an --owner and a --department looked
    /// up), with nothing listed or read from stdin yet: for a command that asks questions of
    /// its own before it selects (`complete`'s pickers), so that a value given wrong is said
    /// before any question.
    pub async fn judge(&self, ctx: &Ctx, action: ActionKind) -> Result<Judged<'_>, CliError> {
        // The states first: a --state the action cannot act on is refused before anything is
        // asked of the platform (an --owner looked up, a department listed).
        let states = if self.filters.is_set() {
            Some(self.filters.states_for(action, &ctx.ui)?)
        } else {
            None
        };
        let client = ctx.client().await?;
        let query = match states {
            Some(states) => {
                let mut query = self.filters.query(client, ctx.ui.now).await?;
                query.state = states;
                Some(query)
            }
            None => None,
        };
        targets::check(&self.ids, query.is_some())?;
        Ok(Judged {
            targets: self,
            query,
        })
    }

    /// Runs a plan: at once for one id given as an argument, as a bulk run otherwise.
    pub async fn perform(&self, ctx: &Ctx, mut plan: Plan<'_>) -> Result<(), CliError> {
        let connection = ctx.connection().await?;
        let client = &connection.client;
        let bulk = &self.bulk;
        let one_id = self.one();
        if one_id && !bulk.dry_run && bulk.journal.is_none() {
            let Some(mut item) = plan.items.next().await.transpose()? else {
                return Ok(());
            };
            if let Some(action) = to_the_one_agent_named(&item.action) {
                item.action = action;
            }
            if item.action.target().is_some_and(crate::model::is_unplaced) {
                // Several agents named, none with room: which to ask is not livectl's to
                // guess, and the item is reported as a run reports it, a run of one.
                plan.items = futures_util::stream::iter([Ok(item)]).boxed_local();
                return bulk::run(
                    client,
                    &ctx.ui,
                    &connection.target(),
                    plan,
                    &bulk.options(&ctx.global),
                )
                .await;
            }
            // What --json names is checked before the action is sent, not after.
            ctx.ui.shape.check(<Intervention as Row>::FIELDS)?;
            let pooled = item.action.target().and_then(pool::Route::decode);
            let intervention = match pooled {
                Some(route) => to_the_pool(client, &item, &route).await?,
                None => act_once(client, &item.id, &item.action).await?,
            };
            if ctx.ui.format == Some(Format::Json) {
                // A --jq program that fails on the answer: the action stands.
                return ctx
                    .ui
                    .json(&intervention)
                    .map_err(|e| e.after_change(&format!("{} was done all the same", item.id)));
            }
            let names = if ctx.ui.tables() {
                lookup::names(client, NamesOf::People).await?
            } else {
                Names::default()
            };
            return ctx.ui.list(&names, &[intervention]);
        }
        bulk::run(
            client,
            &ctx.ui,
            &connection.target(),
            plan,
            &bulk.options(&ctx.global),
        )
        .await
    }
}

/// The action on one id sent at once, `if_match` its version when given: the platform's answer,
/// or the run interrupted while it was on its way.
async fn send_once(
    client: &Client,
    id: &str,
    action: &Action,
    if_match: Option<i64>,
) -> Result<Result<Intervention, ClientError>, CliError> {
    // A Ctrl-C while the action is on its way: it may have been done, as when no answer came
    // (it said only "interrupted", on-call check). The claim ends with the send: a Ctrl-C
    // after it stops the run at once.
    let _claim = crate::signals::claim();
    let options = Options {
        if_match,
        ..Options::default()
    };
    tokio::select! {
        acted = client.act::<Intervention>(id, action, options) => Ok(acted),
        () = crate::signals::interrupted() => Err(CliError::interrupted(format!(
            "interrupted while {} of {id} was on its way",
            action.name(),
        ))
        .hint(format!(
            "the platform may have done it: look with `livectl show {id}` before sending it again"
        ))),
    }
}

/// `send_once`, what the platform refused said as such (`refused`).
async fn act_once(client: &Client, id: &str, action: &Action) -> Result<Intervention, CliError> {
    match send_once(client, id, action, None).await? {
        Ok(intervention) => Ok(intervention),
        Err(e) => Err(refused(client, id, action, e).await),
    }
}

/// One id given to a pool (`--to @online`) is one action, as one id given to an agent is: the
/// pool resolved over the intervention as it stands, as a bulk run resolves each item
/// (`spread::Router`), and the action sent at once to the agent picked, with If-Match the
/// version it was picked on. It was a bulk run of one: a journal, exit 3 for what the
/// platform refused, and a run's summary for the intervention (new user). An agent that
/// filled up meanwhile (409 `at_capacity`) passes it to the next, as a run does; a pool with
/// no agent with room is said as one agent with none is (exit 6), with the same hint.
async fn to_the_pool(
    client: &Client,
    item: &Item,
    route: &pool::Route,
) -> Result<Intervention, CliError> {
    let now = match client.intervention_ref(&item.id).await {
        Ok(now) => now,
        // Unknown or hidden: said as the action on it would be.
        Err(e) => return Err(refused(client, &item.id, &item.action, e).await),
    };
    let router = spread::Router::default();
    let no_room = || async {
        let no_room = if route.pool == pool::Pool::Department && now.department.is_none() {
            NoRoom::NoDepartment
        } else {
            let departments = match route.department {
                Some(_) => client.departments().await.ok(),
                None => None,
            };
            NoRoom::Pool {
                pool: spread::pool_named(route, departments.as_deref()),
                include_away: route.include_away,
            }
        };
        let agents = client.agents().await.ok();
        CliError::new(
            crate::error::ErrorKind::Conflict,
            format!("{}; {} is left where it is", no_room.why(), item.id),
        )
        .hint(spread::no_room_hint(&[no_room], agents.as_deref()))
    };
    for _ in 0..spread::OFFERS {
        let picked = router
            .pick(
                client,
                route,
                now.owner.as_deref(),
                now.department.as_deref(),
            )
            .await?;
        let Some(agent) = picked else {
            return Err(no_room().await);
        };
        let action = item.action.given_to(&agent);
        match send_once(client, &item.id, &action, Some(now.version)).await? {
            Ok(intervention) => return Ok(intervention),
            Err(e) if e.code() == Some(livectl_contract::ProblemCode::AtCapacity) => {
                router.full(route, &agent).await;
            }
            Err(e) => return Err(refused(client, &item.id, &action, e).await),
        }
    }
    Err(no_room().await)
}

/// The action an item's plan left where it is because the one agent named had no room (or
/// owns it), made again for that agent: one id given to one agent is sent at once, as every
/// other action on one id, so the platform's refusal (409 `at_capacity`) is said as such, exit
/// 6, and room made since is used. One id given to several agents or a pool, none with room,
/// stays a run of one: which agent to ask is not livectl's to guess. It was a bulk run of one,
/// with a journal and exit 3, where `assign` said the platform's refusal.
fn to_the_one_agent_named(action: &Action) -> Option<Action> {
    let Some(NoRoom::Agents(agents)) = action.target().and_then(NoRoom::of_mark) else {
        return None;
    };
    let [
        Full {
            id: Some(agent), ..
        },
    ] = agents.as_slice()
    else {
        return None;
    };
    action.target().map(|_| action.given_to(agent))
}

/// An action on one intervention refused: when the platform says how it stands now, the message
/// says it with the owner's name, and the hint names the real id (and, for an `assign` of one
/// assigned already, the action that moves it). An agent with no room (409 `at_capacity`) is
/// said as a bulk run says it: by name, at its max_load, with what would place the item.
async fn refused(client: &Client, id: &str, action: &Action, e: ClientError) -> CliError {
    let kind = action.kind();
    let now = e.problem().and_then(|p| p.current.clone());
    let assigned = now
        .as_ref()
        .is_some_and(|i| i.state == livectl_contract::InterventionState::Assigned);
    let status = e.status();
    let running = e.code() == Some(livectl_contract::ProblemCode::IdempotencyConflict);
    // Sent, and no answer that says what became of it: a connection that ended, no answer in
    // time, or the platform's failure (which may come after its commit, the case keys exist
    // for). The last attempt's error was said as the run's, though an earlier one may have
    // done the action (hostile-input check).
    let unknown = e.unanswered();
    let full = match action.target() {
        Some(agent) if e.code() == Some(livectl_contract::ProblemCode::AtCapacity) => {
            Some(full_now(client, agent).await)
        }
        _ => None,
    };
    let mut error = CliError::from(e);
    if let Some((full, _)) = &full {
        error.message = format!("{}; {id} is left where it is", full.why());
    }
    if let Some(now) = now {
        // Names are a courtesy here: without them the ids stand.
        let names = lookup::names(client, NamesOf::People)
            .await
            .unwrap_or_default();
        // Given to the agent who owns it: said by name, as a dry run says it ("ag_4 already
        // owns it (now assigned to Sam Okafor, …)" named one agent twice, once by id).
        error.message = match now.owner.as_deref() {
            Some(owner) if status == Some(409) && assigned && action.target() == Some(owner) => {
                format!(
                    "cannot {kind} intervention {id}: {} (version {}); nothing was changed",
                    NoRoom::owns_already(&names.of(owner)),
                    now.version
                )
            }
            _ => format!("{} (now {})", error.message, standing(&names, &now)),
        };
    }
    // The intervention's own id in the hint; a 404 that is not the API's (ErrorKind::Failure)
    // keeps the hint that says so.
    let show = format!("`livectl show {id}`");
    if running {
        error.hints = vec![crate::error::still_running(&show)];
    } else if matches!(status, Some(409 | 412)) {
        error.hints = vec![format!("look at it as it is now with {show}")];
        if kind == ActionKind::Assign && assigned {
            error.hints.push(format!(
                "it is assigned already: `livectl reassign {id} --to AGENT` moves it to another agent"
            ));
        }
    } else if unknown {
        error = error.unsure(&show);
    }
    if let Some((full, agents)) = full {
        error
            .hints
            .insert(0, spread::no_room_hint(&[full], agents.as_deref()));
    }
    error
}

/// `agent`, which had no room, as it stands now (by name, with its max_load), and every agent
/// for the hint; only its id when they cannot be listed.
async fn full_now(client: &Client, agent: &str) -> (NoRoom, Option<Vec<livectl_contract::Agent>>) {
    let agents = client.agents().await.ok();
    let now = agents
        .as_deref()
        .and_then(|all| all.iter().find(|a| a.id == agent));
    let full = Full {
        id: Some(agent.to_owned()),
        name: now.map(|a| a.name.clone()),
        max_load: now.and_then(|a| a.max_load),
        owns: false,
    };
    (NoRoom::Agents(vec![full]), agents)
}
