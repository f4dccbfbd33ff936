//! `livectl history USER... | --all`: a readable timeline on a terminal, or a streamed export
//! with `-o ndjson|csv|json` or `--out FILE` (written to a temporary file, renamed when complete).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use futures_util::TryStreamExt;
use jiff::Timestamp;

use super::list::agent_names;
use super::{Ctx, io};
use crate::api::models::HistoryRecord;
use crate::error::{CliError, ExitKind};
use crate::output::atomic::AtomicFile;
use crate::output::{Format, ListWriter, sanitize};

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Users: an id (us_3), an email or an exact name
    #[arg(required_unless_present = "all", value_name = "USER")]
    pub users: Vec<String>,
    /// Every user's history
    #[arg(long, conflicts_with = "users")]
    pub all: bool,
    /// Only records at or after this instant (2026-11-01 or 2026-11-01T08:00:00Z)
    #[arg(long, value_parser = parse_instant)]
    pub since: Option<Timestamp>,
    /// Only records before this instant
    #[arg(long, value_parser = parse_instant)]
    pub until: Option<Timestamp>,
    /// Write the export to FILE (format from -o, else from the extension: .csv, .json, else ndjson)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

fn parse_instant(s: &str) -> Result<Timestamp, String> {
    if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    s.parse::<jiff::civil::Date>()
        .ok()
        .and_then(|d| d.to_zoned(jiff::tz::TimeZone::UTC).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| {
            format!("`{s}` is not a date or an instant; use 2026-11-01 or 2026-11-01T08:00:00Z")
        })
}

pub async fn run(args: HistoryArgs, mut ctx: Ctx) -> Result<(), CliError> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since >= until
    {
        return Err(CliError::usage(format!(
            "--since ({since}) must be before --until ({until})"
        )));
    }
    let format = match (&args.out, ctx.out.format) {
        (_, Some(f)) => Some(f),
        (Some(path), None) => Some(match path.extension().and_then(|e| e.to_str()) {
            Some("csv") => Format::Csv,
            Some("json") => Format::Json,
            _ => Format::Ndjson,
        }),
        (None, None) => None,
    };
    if format == Some(Format::Table) && args.out.is_some() {
        return Err(CliError::usage(
            "--out writes ndjson, csv or json, not a table",
        ));
    }
    // Check the destination before fetching anything.
    let file = args.out.as_deref().map(AtomicFile::create).transpose()?;
    let users = resolve_users(&ctx, &args.users).await?;
    let mut query = Vec::new();
    if let Some(since) = args.since {
        query.push(("since".to_owned(), since.to_string()));
    }
    if let Some(until) = args.until {
        query.push(("until".to_owned(), until.to_string()));
    }
    let timeline = format.is_none() && ctx.out.stdout_tty;
    if timeline || ctx.out.tables() {
        ctx.out.names = agent_names(&ctx).await?;
    }
    ctx.out.format = format;
    let export = async {
        match file {
            Some(file) => {
                let file = write_records(&ctx, &users, &query, file, false, true).await?;
                if let Some(file) = file {
                    file.commit()?;
                }
                Ok(())
            }
            None => write_records(
                &ctx,
                &users,
                &query,
                std::io::stdout().lock(),
                timeline,
                false,
            )
            .await
            .map(|_| ()),
        }
    };
    tokio::select! {
        result = export => result,
        _ = tokio::signal::ctrl_c() => Err(CliError::new(
            ExitKind::Interrupted,
            if args.out.is_some() { "interrupted; the file was not written" } else { "interrupted" },
        )),
    }
}

/// None for --all.
async fn resolve_users(ctx: &Ctx, users: &[String]) -> Result<Option<Vec<String>>, CliError> {
    if users.is_empty() {
        return Ok(None);
    }
    let mut ids = Vec::new();
    let mut directory = None;
    for user in users {
        if crate::api::ids::Kind::User.parse(user).is_some() {
            ids.push(ctx.client.user(user).await?.id);
            continue;
        }
        if directory.is_none() {
            directory = Some(
                ctx.client
                    .collect::<crate::api::models::User>("/v1/users")
                    .await?,
            );
        }
        let all = directory.as_deref().unwrap_or_default();
        let matches: Vec<_> = all
            .iter()
            .filter(|u| {
                u.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(user))
                    || u.name.eq_ignore_ascii_case(user)
            })
            .collect();
        match matches.as_slice() {
            [one] => ids.push(one.id.clone()),
            [] => {
                return Err(CliError::new(
                    ExitKind::NotFound,
                    format!("no user is called `{user}`"),
                )
                .hint("give the user's id (us_...), email or exact name"));
            }
            many => {
                return Err(CliError::usage(format!(
                    "`{user}` matches {} users: {}",
                    many.len(),
                    many.iter()
                        .map(|u| format!("{} ({})", u.name, u.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
    }
    Ok(Some(ids))
}

async fn write_records<W: Write>(
    ctx: &Ctx,
    users: &Option<Vec<String>>,
    query: &[(String, String)],
    writer: W,
    timeline: bool,
    to_file: bool,
) -> Result<Option<W>, CliError> {
    let paths: Vec<String> = match users {
        Some(ids) => ids
            .iter()
            .map(|id| format!("/v1/users/{id}/history"))
            .collect(),
        None => vec!["/v1/history".to_owned()],
    };
    if timeline {
        let mut writer = writer;
        for path in paths {
            let stream = ctx.client.all::<HistoryRecord>(path, query.to_vec(), 1000);
            futures_util::pin_mut!(stream);
            let mut conversation = String::new();
            while let Some(r) = stream.try_next().await? {
                if r.conversation_id != conversation {
                    conversation = r.conversation_id.clone();
                    writeln!(
                        writer,
                        "\n{} ({}, {}), conversation {}",
                        sanitize(&r.user.name, false),
                        r.user.id,
                        r.channel,
                        r.conversation_id
                    )
                    .map_err(io)?;
                }
                let who = match &r.agent {
                    Some(_) => ctx.out.agent_name(&r.agent),
                    None => r.sender.to_string(),
                };
                writeln!(
                    writer,
                    "  {}  {}: {}",
                    r.at.strftime("%Y-%m-%d %H:%M"),
                    sanitize(&who, false),
                    sanitize(&r.text, false)
                )
                .map_err(io)?;
            }
        }
        return Ok(Some(writer));
    }
    let mut list = ListWriter::<W, HistoryRecord>::new(&ctx.out, writer).map_err(io)?;
    // A count on a terminal's stderr while an export runs (the total is not known up front).
    let progress = if ctx.out.stderr_tty && !ctx.out.quiet && (to_file || !ctx.out.stdout_tty) {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{spinner} {pos} records  {per_sec}  {elapsed}")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    for path in paths {
        let stream = ctx.client.all::<HistoryRecord>(path, query.to_vec(), 1000);
        futures_util::pin_mut!(stream);
        while let Some(r) = stream.try_next().await? {
            list.item(&r).map_err(io)?;
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    list.finish().map_err(io)
}
