//! `livectl list`: interventions, open ones by default.

use clap::Args;
use futures_util::TryStreamExt;
use livectl_client::FULL_PAGE;
use livectl_contract::Intervention;

use super::Ctx;
use super::filters::Filters;
use crate::error::CliError;
use crate::model::Names;
use crate::usecases::lookup::{self, NamesOf};

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filters: Filters,
    /// At most this many interventions
    #[arg(long, default_value_t = 100, value_parser = super::filters::count, allow_negative_numbers = true)]
    pub limit: u32,
    /// Every matching intervention, page after page
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Then keep watching: print each change to a matching intervention as it happens
    #[arg(long)]
    pub watch: bool,
}

pub async fn exec(args: ListArgs, ctx: &Ctx) -> Result<(), CliError> {
    let client = ctx.client().await?;
    let query = args.filters.query(client, ctx.ui.now).await?;
    let names = if ctx.ui.tables() {
        lookup::names(client, NamesOf::People).await?
    } else {
        Names::default()
    };
    let page_size = if args.all {
        FULL_PAGE
    } else {
        args.limit.min(FULL_PAGE)
    };
    let mut writer = ctx.ui.stream::<Intervention>(&names)?;
    let stream = client.interventions(query, page_size);
    futures_util::pin_mut!(stream);
    let mut more = false;
    while let Some(item) = stream.try_next().await? {
        if !args.all && writer.count() as u32 >= args.limit {
            more = true;
            break;
        }
        writer.item(&item)?;
    }
    let shown = writer.count();
    drop(writer.finish()?);
    if more {
        ctx.ui.note(format!(
            "showing the first {shown}; more match: --all shows every one, or a larger --limit"
        ));
    }
    if args.watch {
        return super::watch::follow(&args.filters, ctx).await;
    }
    Ok(())
}
