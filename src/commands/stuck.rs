//! `livectl stuck`: open interventions that need help, each with its reasons, and `--fix` to act
//! on them through the bulk engine.

use clap::{Args, ValueEnum};
use futures_util::StreamExt;
use jiff::SignedDuration;
use livectl_contract::{ActionKind, Role};

use super::Ctx;
use super::act::AwayArgs;
use super::filters::{BulkArgs, DURATION, Filters, StateFilter, duration};
use crate::error::CliError;
use crate::model::{Names, Rule};
use crate::ui::{Format, Reach, stuck_json};
use crate::usecases::autopilot::rules::{DEFAULT_NO_REPLY, DEFAULT_QUEUED};
use crate::usecases::bulk::{self, Plan};
use crate::usecases::spread;
use crate::usecases::stuck::{self, Fix, Thresholds};
use crate::usecases::targets::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FixArg {
    /// Back to the general queue (assigned ones)
    Return,
    /// Cancel the takeovers
    Cancel,
    /// To the agents named by --to, spread evenly (queued ones are assigned)
    Reassign,
}

#[derive(Debug, Args)]
pub struct StuckArgs {
    /// A user waiting longer than this for an agent's reply is stuck (default 15m)
    #[arg(long, value_name = DURATION, value_parser = duration, conflicts_with = "resume")]
    pub no_reply: Option<SignedDuration>,
    /// An intervention waiting in the general queue longer than this is stuck (default 30m)
    #[arg(long, value_name = DURATION, value_parser = duration, conflicts_with = "resume")]
    pub queued: Option<SignedDuration>,
    /// Act on what is stuck
    #[arg(long, value_enum)]
    pub fix: Option<FixArg>,
    /// With --fix reassign: the agents to move them to (repeated, or separated by commas), or a
    /// pool (@online, @department, @department:NAME)
    #[arg(
        long,
        value_name = "AGENT",
        value_delimiter = ',',
        requires = "fix",
        conflicts_with = "resume"
    )]
    pub to: Vec<String>,
    /// Only what is stuck for these reasons, repeated or comma-separated: owner-offline,
    /// owner-away, owner-inactive, queued, no-reply (the autopilot's rules)
    #[arg(long = "rule", value_name = "RULE", value_delimiter = ',', value_parser = rule)]
    pub rules: Vec<Rule>,
    /// Only the interventions these choose, as `list` does (open ones)
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub away: AwayArgs,
    /// With --fix: why, recorded in the events
    #[arg(long, requires = "fix", conflicts_with = "resume")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

fn rule(s: &str) -> Result<Rule, String> {
    s.parse()
}

pub async fn exec(mut args: StuckArgs, ctx: &Ctx) -> Result<(), CliError> {
    args.away.not_on_resume(&args.bulk)?;
    if args.bulk.resume.is_some() && (args.filters.is_set() || !args.rules.is_empty()) {
        return Err(CliError::usage(
            "--resume takes the interventions from the journal; give no filters or rules",
        ));
    }
    // Stuck is a matter of open interventions: a closed state would find nothing, said as
    // nothing stuck; `all` holds the open ones, and means them here (`stuck::find`).
    if let Some(closed) = args
        .filters
        .state
        .iter()
        .find(|s| !s.is_open() && **s != StateFilter::All)
    {
        return Err(CliError::usage(format!(
            "--state {}: stuck looks at open interventions only (queued, assigned or open)",
            closed.name()
        )));
    }
    // A threshold for a rule that --rule leaves out is a contradiction, refused rather than
    // ignored, as the autopilot refuses it (review).
    for (rule, flag, given) in [
        (Rule::Queued, "--queued", args.queued),
        (Rule::NoReply, "--no-reply", args.no_reply),
    ] {
        if let Some(given) = given
            && !args.rules.is_empty()
            && !args.rules.contains(&rule)
        {
            return Err(CliError::usage(format!(
                "{flag} {} sets the {rule} rule's threshold, which --rule leaves out; add --rule {rule} or leave out {flag}",
                livectl_contract::duration::format(given)
            )));
        }
    }
    super::filters::check_reason(args.reason.as_deref())?;
    // A resume does the fix its journal records.
    if let (None, Some(path)) = (args.fix, &args.bulk.resume) {
        args.fix = Some(journaled(path, &crate::connect::reach(&ctx.global))?);
    }
    if args.fix.is_none() && (args.bulk.dry_run || args.bulk.journal.is_some()) {
        return Err(CliError::usage("--dry-run and --journal go with --fix"));
    }
    if args.fix == Some(FixArg::Reassign) && args.to.is_empty() && args.bulk.resume.is_none() {
        return Err(CliError::usage(
            "--fix reassign needs --to AGENT (one or more)",
        ));
    }
    // Agents named for another fix, or for none, were dropped without a word.
    if args.fix != Some(FixArg::Reassign) && (!args.to.is_empty() || args.away.include_away) {
        // The command the hint gives must run: --fix reassign needs its agents.
        let (flag, name) = if args.to.is_empty() {
            ("--include-away", " --to AGENT")
        } else {
            ("--to", " AGENT")
        };
        let fix = match args.fix {
            Some(FixArg::Return) => "; --fix return names no agent",
            Some(FixArg::Cancel) => "; --fix cancel names no agent",
            _ => "",
        };
        return Err(
            CliError::usage(format!("{flag} goes with --fix reassign{fix}")).hint(format!(
                "to move them to agents: `livectl stuck --fix reassign {flag}{name}`"
            )),
        );
    }
    let connection = match &args.bulk.resume {
        Some(path) => ctx.connection_to_resume(path).await?,
        None => ctx.connection().await?,
    };
    let client = &connection.client;
    let ui = &ctx.ui;
    let options = args.bulk.options(&ctx.global);
    let command = args.fix.map(|f| {
        let name = f
            .to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default();
        let kinds: &[ActionKind] = match f {
            FixArg::Return => &[ActionKind::Return],
            FixArg::Cancel => &[ActionKind::Cancel],
            FixArg::Reassign => &[ActionKind::Assign, ActionKind::Reassign],
        };
        bulk::Command::new(format!("{FIX_RUN}{name}"), kinds)
    });
    if let (Some(command), Some(path)) = (&command, &args.bulk.resume) {
        return bulk::resume(client, ui, &connection.target(), command, path, &options).await;
    }
    let limits = Thresholds {
        no_reply: args.no_reply.unwrap_or(DEFAULT_NO_REPLY),
        queued: args.queued.unwrap_or(DEFAULT_QUEUED),
    };
    let query = args.filters.query(client, ui.now).await?;
    let (found, me) = tokio::join!(stuck::find(client, ui.now, limits, query), client.me());
    let ((mut found, agents), me) = (found?, me?.agent);
    if !args.rules.is_empty() {
        found.retain(|s| s.reasons.iter().any(|r| args.rules.contains(&r.rule())));
    }
    let chosen = chosen_by(&args);
    // An agent's token lists only what an agent sees: said, so that "nothing is stuck" is not
    // taken for the workspace's answer (on-call check); the role's rule is `Role::sees`.
    let agent = !me.role.sees_every();
    if agent && !found.is_empty() {
        ui.note(format!(
            "these are the stuck ones among the interventions {} sees: {}; {ADMIN_SEES}",
            me.name,
            Role::AGENT_SEES
        ));
    }
    let (Some(fix), Some(command)) = (args.fix, command) else {
        if found.is_empty() {
            // Both said when both hold: an agent's filter for a colleague found nothing it
            // sees (the agent's note was dropped once a filter was given: review).
            let among = match (&chosen, agent) {
                (Some(chosen), true) => format!(
                    " among the interventions chosen ({chosen}) that {} sees: {}; {ADMIN_SEES}",
                    me.name,
                    Role::AGENT_SEES
                ),
                (Some(chosen), false) => format!(" among the interventions chosen ({chosen})"),
                (None, true) => format!(
                    " among the interventions {} sees: {}; {ADMIN_SEES}",
                    me.name,
                    Role::AGENT_SEES
                ),
                (None, false) => String::new(),
            };
            ui.note(format!("nothing is stuck{among}"));
            if ui.format == Some(Format::Json) {
                return ui.json(&stuck_json(&found));
            }
            return Ok(());
        }
        let names = Names::new(agents.values().map(|a| (a.id.clone(), a.name.clone())));
        return ui.list(&names, &found);
    };
    let (fix, describe) = match fix {
        FixArg::Return => (Fix::Return, "return to the queue".to_owned()),
        FixArg::Cancel => (Fix::Cancel, "cancel".to_owned()),
        FixArg::Reassign => (
            Fix::Reassign(spread::to(client, ui, &args.to, args.away.include_away, "--to").await?),
            format!("move to {}", args.to.join(" and ")),
        ),
    };
    let items = stuck::plan(
        client,
        ui,
        &fix,
        args.reason.clone(),
        &found,
        args.bulk.judged(&ctx.global),
    )
    .await?;
    let plan = Plan {
        command,
        describe,
        items: futures_util::stream::iter(items.into_iter().map(Ok)).boxed_local(),
        source: Source::Filters,
        repeats: Default::default(),
        chooses: matches!(&fix, Fix::Reassign(to) if to.chooses()),
    };
    bulk::run(client, ui, &connection.target(), plan, &options).await
}

/// The filters and rules given, as typed (`--owner ana --rule queued`); None for none.
fn chosen_by(args: &StuckArgs) -> Option<String> {
    let mut given = args.filters.as_typed();
    if !args.rules.is_empty() {
        let rules: Vec<&str> = args.rules.iter().map(|r| r.as_str()).collect();
        given.push(format!("--rule {}", rules.join(",")));
    }
    (!given.is_empty()).then(|| given.join(" "))
}

/// How a fix's run is named in its journal, before the fix: `stuck --fix return`.
const FIX_RUN: &str = "stuck --fix ";

/// What an agent's `stuck` says it does not see.
const ADMIN_SEES: &str = "an admin's token sees every one";

/// The fix a `stuck --fix` run recorded in its journal, for `stuck --resume` without `--fix`.
fn journaled(path: &std::path::Path, reach: &Reach) -> Result<FixArg, CliError> {
    let action = bulk::journal::action(path)?;
    action
        .strip_prefix(FIX_RUN)
        .and_then(|name| FixArg::from_str(name, false).ok())
        .ok_or_else(|| {
            CliError::usage(format!(
                "{} is the journal of a run of `{action}`, not of `stuck --fix`",
                path.display()
            ))
            .hint(bulk::Again::of(&action, reach, path).elsewhere())
        })
}
