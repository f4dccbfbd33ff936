//! `livectl list`: interventions, open ones by default, with the filters every bulk action
//! shares.

use clap::Args;
use futures_util::TryStreamExt;

use super::{Ctx, io, lookup};
use crate::api::models::Intervention;
use crate::error::CliError;
use crate::output::{ListWriter, parse_age};

/// The filters that select interventions, for `list` and for bulk actions.
#[derive(Debug, Clone, Default, Args)]
pub struct Filters {
    /// States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all
    #[arg(long, value_delimiter = ',', value_parser = ["queued", "assigned", "completed", "cancelled", "open", "all"])]
    pub state: Vec<String>,
    /// Owner: an AGENT (id, email, unique name or `me`), or `none` for the general queue
    #[arg(long, visible_alias = "from", value_name = "AGENT", add = clap_complete::engine::ArgValueCandidates::new(crate::completion::agents))]
    pub owner: Option<String>,
    /// Department: id, key or name
    #[arg(long)]
    pub department: Option<String>,
    /// Only interventions with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only interventions queued longer ago than this, e.g. 30m, 2h, 1d
    #[arg(long, value_name = "DURATION", value_parser = parse_age)]
    pub older_than: Option<jiff::SignedDuration>,
}

impl Filters {
    /// True when any filter was given (bulk actions select by filters only then).
    pub fn is_set(&self) -> bool {
        !self.state.is_empty()
            || self.owner.is_some()
            || self.department.is_some()
            || self.tag.is_some()
            || self.older_than.is_some()
    }

    /// The query of `GET /v1/interventions` for these filters.
    pub async fn query(&self, ctx: &Ctx) -> Result<Vec<(String, String)>, CliError> {
        let mut query = Vec::new();
        let mut states: Vec<&str> = Vec::new();
        for s in &self.state {
            let words: &[&str] = match s.as_str() {
                "all" => &["queued", "assigned", "completed", "cancelled"],
                "open" => &["queued", "assigned"],
                "queued" => &["queued"],
                "assigned" => &["assigned"],
                "completed" => &["completed"],
                _ => &["cancelled"],
            };
            for w in words {
                if !states.contains(w) {
                    states.push(w);
                }
            }
        }
        if states.is_empty() {
            states = vec!["queued", "assigned"];
        }
        if states.len() == 4 {
            states.clear();
        }
        if !states.is_empty() {
            query.push(("state".into(), states.join(",")));
        }
        if let Some(owner) = &self.owner {
            let id = if owner == "none" {
                "none".to_owned()
            } else {
                lookup::agent(ctx, owner, "--owner").await?.id
            };
            query.push(("owner".into(), id));
        }
        if let Some(department) = &self.department {
            let departments = ctx.client.departments().await?;
            query.push((
                "department".into(),
                lookup::pick(&departments, department, "--department")?
                    .id
                    .clone(),
            ));
        }
        if let Some(tag) = &self.tag {
            query.push(("tag".into(), tag.trim().to_lowercase()));
        }
        if let Some(age) = self.older_than {
            let before = ctx
                .out
                .now
                .checked_sub(age)
                .map_err(|e| CliError::usage(format!("--older-than: {e}")))?;
            query.push(("queued_before".into(), before.to_string()));
        }
        Ok(query)
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: Filters,
    /// At most this many interventions
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Every matching intervention, page after page
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Then keep watching: print each change to a matching intervention as it happens
    #[arg(long)]
    pub watch: bool,
}

pub async fn run(args: ListArgs, mut ctx: Ctx) -> Result<(), CliError> {
    let query = args.filters.query(&ctx).await?;
    if ctx.out.tables() {
        ctx.out.names = agent_names(&ctx).await?;
    }
    let page_size = if args.all { 1000 } else { args.limit.min(1000) };
    let mut writer =
        ListWriter::<_, Intervention>::new(&ctx.out, std::io::stdout().lock()).map_err(io)?;
    let stream = ctx
        .client
        .all::<Intervention>("/v1/interventions", query, page_size);
    futures_util::pin_mut!(stream);
    let mut more = false;
    while let Some(item) = stream.try_next().await? {
        if !args.all && writer.count() as u32 >= args.limit {
            more = true;
            break;
        }
        writer.item(&item).map_err(io)?;
    }
    let shown = writer.count();
    writer.finish().map_err(io)?;
    if more {
        ctx.out.note(format!(
            "showing the first {shown}; use --all for every one, or --limit N"
        ));
    }
    Ok(())
}

/// Agent and department names by id, for tables.
pub async fn agent_names(ctx: &Ctx) -> Result<std::collections::HashMap<String, String>, CliError> {
    let mut names: std::collections::HashMap<String, String> = ctx
        .client
        .agents()
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    names.extend(
        ctx.client
            .departments()
            .await?
            .into_iter()
            .map(|d| (d.id, d.name)),
    );
    Ok(names)
}
