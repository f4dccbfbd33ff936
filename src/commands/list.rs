//! `livectl list`: interventions, open ones by default.

use std::collections::HashMap;

use clap::Args;
use futures_util::TryStreamExt;
use livectl_client::FULL_PAGE;
use livectl_contract::Intervention;

use super::Ctx;
use super::filters::Filters;
use super::watch::{Output, Rows};
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
    /// Then keep watching: each change to a matching intervention as it happens (a line on a
    /// terminal; for scripts, the intervention as it is then, as one more row)
    #[arg(long)]
    pub watch: bool,
}

pub async fn exec(args: ListArgs, ctx: &Ctx) -> Result<(), CliError> {
    if args.watch && ctx.ui.shape.sort.is_some() {
        return Err(super::watch::endless("--sort", true));
    }
    if !args.watch {
        return list(args, ctx).await;
    }
    // A command that runs until it is stopped ends with 0 when it is, as `watch` does: also
    // while its stream opens or its list is read (it exited 130 then, on-call check).
    let _claim = crate::signals::claim();
    tokio::select! {
        listed = list(args, ctx) => listed,
        () = crate::signals::interrupted() => Ok(()),
    }
}

async fn list(args: ListArgs, ctx: &Ctx) -> Result<(), CliError> {
    let client = ctx.client().await?;
    let query = args.filters.query(client, ctx.ui.now).await?;
    let names = if ctx.ui.needs_names() {
        lookup::names(client, NamesOf::People).await?
    } else {
        Names::default()
    };
    // With --watch the stream is up before the list is read: a change made meanwhile comes
    // after the list, never lost between the two. A stream that cannot be opened fails the
    // run after the list is shown.
    let (mut events, mut unopened) = (None, None);
    if args.watch {
        let mut stream = client.events(None);
        match super::watch::open(&mut stream, &ctx.ui).await {
            Ok(()) => events = Some(stream),
            Err(e) => unopened = Some(e),
        }
    }
    // Sorted, the first --limit by the sort are of every match, not of the first fetched.
    let sorted = ctx.ui.shape.sort.is_some() && !args.all;
    let page_size = if args.all || sorted {
        FULL_PAGE
    } else {
        args.limit.min(FULL_PAGE)
    };
    // For scripts, a watched list goes on with the same rows (`kubectl get -w`).
    let rows = args.watch && !ctx.ui.tables();
    let mut writer = if rows {
        ctx.ui.stream_live::<Intervention>(&names)?
    } else {
        ctx.ui.stream::<Intervention>(&names)?
    };
    let stream = client.interventions(query.clone(), page_size);
    futures_util::pin_mut!(stream);
    let mut more = false;
    // Each row's version, so a change read back at the same version is not a row again.
    let mut written = HashMap::new();
    if sorted {
        writer.keep_first(args.limit as usize);
    }
    while let Some(item) = stream.try_next().await? {
        if !args.all && !sorted && writer.count() as u32 >= args.limit {
            more = true;
            break;
        }
        writer.item(&item)?;
        if rows {
            written.insert(item.id, item.version);
        }
    }
    let matched = writer.count();
    let shown = if sorted {
        more = matched > args.limit as usize;
        matched.min(args.limit as usize)
    } else {
        matched
    };
    let output = if rows {
        Output::Rows(Box::new(Rows::new(writer, written)))
    } else {
        drop(writer.finish()?);
        Output::Timeline
    };
    if more && sorted {
        ctx.ui.note(format!(
            "showing the first {shown} by --sort of the {matched} that match: --all shows every one, or a larger --limit"
        ));
    } else if more {
        ctx.ui.note(format!(
            "showing the first {shown}; more match: --all shows every one, or a larger --limit"
        ));
    }
    if let Some(e) = unopened {
        return Err(e);
    }
    match events {
        Some(events) => {
            super::watch::follow(&args.filters, query, ctx, events, &names, output).await
        }
        None => Ok(()),
    }
}
