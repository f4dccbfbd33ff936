//! `livectl autopilot`: the on-call fixer. It moves work off owners who went offline (or away)
//! once the grace period has passed, and off deactivated ones at once, assigns what waited too long in the
//! general queue, and moves what waits too long for a reply; every move through the bulk engine
//! with If-Match, so nothing moves twice. It runs until Ctrl-C or SIGTERM (exit 0), riding out
//! a platform gone a while as the event stream does, then says what it did (also when it ends
//! with an error). With `--once` it looks once and exits 3 when work was left undone.

use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use super::act::AwayArgs;
use super::filters::DURATION;
use crate::error::{CliError, ErrorKind};
use crate::usecases::autopilot::rules::{self, Given, Rule, Settings};
use crate::usecases::autopilot::{self, Options};

#[derive(Debug, Args)]
pub struct AutopilotArgs {
    /// How long an owner may be offline (or away) before its work moves, such as 90s or 2m (a
    /// deactivated owner's moves at once) [default: 2m]
    #[arg(long, value_name = DURATION)]
    pub grace: Option<String>,
    /// Where work goes: a pool (@online, @department, @department:NAME) or agents; an owner's
    /// work goes back to the general queue when no agent has room [default: @online]
    #[arg(long, value_name = "POOL", allow_hyphen_values = true, add = clap_complete::engine::ArgValueCandidates::new(crate::completion::agents))]
    pub to: Vec<String>,
    #[command(flatten)]
    pub away: AwayArgs,
    /// Assign from the pool what waited in the general queue longer than this (turns the queued
    /// rule on)
    #[arg(long, value_name = DURATION)]
    pub queued: Option<String>,
    /// Move to another agent what waited for a reply longer than this (turns the no-reply rule
    /// on)
    #[arg(long, value_name = DURATION)]
    pub no_reply: Option<String>,
    /// The rules, repeated or comma-separated: owner-offline, owner-away, owner-inactive,
    /// queued, no-reply [default: owner-offline and owner-inactive, with queued and no-reply
    /// when their thresholds are given]
    #[arg(long = "rule", value_name = "RULE")]
    pub rules: Vec<String>,
    /// A TOML file of the same settings (rules, grace, queued, no_reply, to, include_away);
    /// flags win over it
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say what it would do; send nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Look once (catching up on what is stuck), act, and stop; exit 3 when a move failed or
    /// was left undone for want of an agent with capacity (as a bulk run with items not done)
    #[arg(long)]
    pub once: bool,
    /// Where the journal of each batch of moves goes [default: the runs directory]
    #[arg(long, value_name = "DIR")]
    pub journal_dir: Option<PathBuf>,
}

pub async fn exec(args: AutopilotArgs, ctx: &Ctx) -> Result<(), CliError> {
    let flags = Given {
        rules: (!args.rules.is_empty()).then(|| args.rules.clone()),
        grace: args.grace.clone(),
        queued: args.queued.clone(),
        no_reply: args.no_reply.clone(),
        to: (!args.to.is_empty()).then(|| args.to.join(",")),
        include_away: args.away.include_away.then_some(true),
        origin: rules::Origin::Flags,
    };
    let file = match &args.config {
        Some(path) => Given::read(path)?,
        None => Given::default(),
    };
    let settings = Settings::new(flags, file)?;
    if let Some(dir) = &args.journal_dir {
        crate::files::existing_dir("--journal-dir", dir)?;
    }
    // Every --to is checked (and a pool's name) before the token is.
    for to in &settings.to {
        if crate::usecases::pool::Pool::is_pool(to) {
            crate::usecases::spread::pool_of(to, &settings.to_named)?;
        }
    }
    let connection = ctx.connection().await?;
    let client = &connection.client;
    let me = autopilot::check_admin(client).await?;
    // Everything that can be checked is, before the run is announced: the agents or the
    // department --to names, and where the journals go.
    let to = autopilot::resolve_to(client, &settings).await?;
    let journal_dir = match (&args.journal_dir, args.dry_run) {
        (None, false) => Some(crate::usecases::bulk::journal::runs_dir()?),
        (dir, _) => dir.clone(),
    };
    let options = Options {
        dry_run: args.dry_run,
        once: args.once,
        journal_dir,
        journal_limit: super::filters::journal_limit(),
        reach: crate::connect::reach(&ctx.global),
        me,
    };
    let ui = &ctx.ui;
    ui.note(format!(
        "autopilot: rules {}; grace {}{}; to {}{}{}{}",
        settings
            .rules
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        livectl_contract::duration::format(settings.grace),
        // The thresholds of the rules that have one, as they will be applied.
        [
            (Rule::Queued, "queued", settings.queued),
            (Rule::NoReply, "no reply", settings.no_reply),
        ]
        .iter()
        .filter(|(rule, ..)| settings.has(*rule))
        .map(|(_, name, after)| format!(
            "; {name} after {}",
            livectl_contract::duration::format(*after)
        ))
        .collect::<String>(),
        settings.to.join(", "),
        if settings.include_away {
            " and away agents"
        } else {
            ""
        },
        if args.dry_run {
            "; dry run: nothing is sent"
        } else {
            ""
        },
        if args.once {
            "; one look"
        } else {
            " (Ctrl-C to stop)"
        },
    ));
    // What it did is said however it ends: stopped, or given up with an error.
    let (summary, ended) = autopilot::run(
        client,
        &connection.target(),
        ui,
        &settings,
        to.clone(),
        &options,
    )
    .await;
    // One look that left work undone says so by its exit code, for the cron job or the CI step
    // that ran it; a run until stopped has no end to judge by, and a dry run sent nothing.
    let ended = ended.and_then(|()| match autopilot::undone(&summary, &options, &to) {
        Some(undone) => Err(undone),
        None => Ok(()),
    });
    let undone = match &ended {
        Err(e) if e.kind == ErrorKind::PartialBulk => Some(e.exit_code()),
        _ => None,
    };
    ui.autopilot_summary(&summary, undone)?;
    ended
}
