//! What the five actions share: TARGETS, and running an action on them. One id acts at once and
//! prints the intervention; more targets (ids, `-` for stdin, or filters) make a bulk run.

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use livectl_client::Options;
use livectl_contract::{Action, Intervention};

use super::Ctx;
use super::filters::{BulkArgs, Filters};
use crate::error::CliError;
use crate::model::{Item, Names};
use crate::ui::Format;
use crate::usecases::bulk::{self, Plan};
use crate::usecases::targets::{self, Source, Target};

/// TARGETS: what an action acts on.
#[derive(Debug, Args)]
pub struct Targets {
    /// Intervention ids, or `-` to read them from stdin (one a line, or NDJSON objects with an "id")
    #[arg(value_name = "ID", add = ArgValueCandidates::new(crate::completion::interventions))]
    pub ids: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// The arguments of the actions that take only a reason: `return` and `cancel`.
#[derive(Debug, Args)]
pub struct ReasonArgs {
    #[command(flatten)]
    pub targets: Targets,
    /// Why, recorded in the event
    #[arg(long)]
    pub reason: Option<String>,
}

/// Runs an action that takes only a reason on its targets (or resumes its run).
pub async fn with_reason(
    ctx: &Ctx,
    targets: &Targets,
    action: Action,
    describe: &str,
) -> Result<(), CliError> {
    let command = action.name();
    if targets.resumed(ctx, command).await? {
        return Ok(());
    }
    let list = targets.resolve(ctx).await?;
    targets
        .perform(ctx, command, describe.to_owned(), list, |_| action.clone())
        .await
}

impl Targets {
    /// With --resume, continues the journal's run and says so (true); the journal holds the
    /// interventions and their actions, so nothing else is built.
    pub async fn resumed(&self, ctx: &Ctx, command: &str) -> Result<bool, CliError> {
        let Some(path) = &self.bulk.resume else {
            return Ok(false);
        };
        if !self.ids.is_empty() || self.filters.is_set() {
            return Err(CliError::usage(
                "--resume takes the interventions from the journal; give no ids or filters",
            ));
        }
        let connection = ctx.connection().await?;
        let options = self.bulk.options(ctx.global.yes);
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

    /// The interventions named: ids, stdin, or what the filters select.
    pub async fn resolve(&self, ctx: &Ctx) -> Result<(Vec<Target>, Source), CliError> {
        let client = ctx.client().await?;
        let query = if self.filters.is_set() {
            Some(self.filters.query(client, ctx.ui.now).await?)
        } else {
            None
        };
        targets::resolve(client, &ctx.ui, &self.ids, query).await
    }

    /// Runs `action(n)` on the n-th target: at once for one id given as an argument, as a bulk
    /// run otherwise.
    pub async fn perform(
        &self,
        ctx: &Ctx,
        command: &str,
        describe: String,
        (list, source): (Vec<Target>, Source),
        action: impl Fn(usize) -> Action,
    ) -> Result<(), CliError> {
        let connection = ctx.connection().await?;
        let client = &connection.client;
        let bulk = &self.bulk;
        if list.len() == 1 && source == Source::Arguments && !bulk.dry_run && bulk.journal.is_none()
        {
            let intervention: Intervention = client
                .act(&list[0].id, &action(0), Options::default())
                .await?;
            if ctx.ui.format == Some(Format::Json) {
                return ctx.ui.json(&intervention);
            }
            return ctx.ui.list(&Names::default(), &[intervention]);
        }
        let items = list
            .into_iter()
            .enumerate()
            .map(|(n, t)| Item {
                id: t.id,
                version: t.version,
                action: action(n),
            })
            .collect();
        let plan = Plan {
            command: command.to_owned(),
            describe,
            items,
            by_filter: source == Source::Filters,
        };
        bulk::run(
            client,
            &ctx.ui,
            &connection.target(),
            plan,
            &bulk.options(ctx.global.yes),
        )
        .await
    }
}
