//! Running a plan: confirmation, journal, bounded concurrency, rate, Ctrl-C, progress, summary.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use serde::Serialize;

use super::journal::{FORMAT, Header, Journal, Line, Outcome, State};
use super::{BulkArgs, Item, new_run_id};
use crate::api::{ClientError, Post};
use crate::commands::{Ctx, io, print_list};
use crate::error::{CliError, ExitKind};
use crate::output::{Format, Output, Row};

/// One item's result.
#[derive(Debug, Clone, Serialize)]
pub struct ItemResult {
    pub id: String,
    pub result: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What a run did, as printed with `-o json`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub run_id: String,
    pub action: String,
    pub journal: PathBuf,
    pub done: usize,
    pub skipped: usize,
    pub failed: usize,
    pub interrupted: bool,
    pub items: Vec<ItemResult>,
}

impl Row for ItemResult {
    const COLUMNS: &'static [&'static str] = &["id", "result", "reason"];
    const CSV: &'static [&'static str] = &["id", "result", "reason"];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, out: &Output) -> Vec<String> {
        let result = match self.result {
            Outcome::Done => out.paint("done", comfy_table::Color::Green),
            Outcome::Skipped => out.paint("skipped", comfy_table::Color::Yellow),
            Outcome::Failed => out.paint("failed", comfy_table::Color::Red),
        };
        vec![
            self.id.clone(),
            result,
            self.reason.clone().unwrap_or_default(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            format!("{:?}", self.result).to_lowercase(),
            self.reason.clone().unwrap_or_default(),
        ]
    }
}

/// A planned item, as `--dry-run` prints it.
#[derive(Debug, Clone, Serialize)]
struct Planned<'a>(&'a Item);

impl Row for Planned<'_> {
    const COLUMNS: &'static [&'static str] = &["id", "action", "if version", "with"];
    const CSV: &'static [&'static str] = &["id", "action", "version", "body"];
    fn id(&self) -> &str {
        &self.0.id
    }
    fn cells(&self, out: &Output) -> Vec<String> {
        let with = match self.0.body.as_object() {
            Some(fields) => fields
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| {
                    let text = v
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string());
                    let shown = if k == "agent" {
                        out.agent_name(&Some(text))
                    } else {
                        text
                    };
                    format!("{k} {shown}")
                })
                .collect::<Vec<_>>()
                .join(", "),
            None => String::new(),
        };
        vec![
            self.0.id.clone(),
            self.0.action.clone(),
            self.0
                .version
                .map(|v| v.to_string())
                .unwrap_or_else(|| "-".into()),
            with,
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.0.id.clone(),
            self.0.action.clone(),
            self.0.version.map(|v| v.to_string()).unwrap_or_default(),
            self.0.body.to_string(),
        ]
    }
}

/// Runs `items` (or, with --resume, what the journal left), then prints the summary. Exit 3 when
/// an item failed, 130 when interrupted.
pub async fn run(
    ctx: &Ctx,
    action: &str,
    items: Vec<Item>,
    bulk: &BulkArgs,
    describe: &str,
    by_filter: bool,
) -> Result<(), CliError> {
    let me = ctx.client.me().await?;
    let (journal, header, state) = match &bulk.resume {
        Some(path) => {
            let (journal, header, state) = Journal::open(path)?;
            if header.action != action {
                return Err(CliError::usage(format!(
                    "{} is the journal of a `{}` run, not `{action}`",
                    path.display(),
                    header.action
                ))
                .hint(format!(
                    "resume it with `livectl {} --resume {}`",
                    header.action,
                    path.display()
                )));
            }
            if header.api_url != ctx.target || header.agent != me.id {
                return Err(CliError::usage(format!(
                    "{} was written by {} on {}; this run is {} on {}",
                    path.display(),
                    header.agent,
                    header.api_url,
                    me.id,
                    ctx.target
                ))
                .hint("resume with the profile (and token) the run started with"));
            }
            ctx.out.note(format!(
                "resuming run {} from {}",
                header.run_id,
                path.display()
            ));
            (journal, header, state)
        }
        None => {
            if items.is_empty() {
                ctx.out.note("nothing matches: no intervention was changed");
                return Ok(());
            }
            if bulk.dry_run {
                let planned: Vec<Planned> = items.iter().map(Planned).collect();
                let mut out = ctx.out.clone();
                if out.tables() {
                    out.names = crate::commands::list::agent_names(ctx).await?;
                }
                print_list(&out, &planned)?;
                ctx.out.note(format!(
                    "dry run: {} intervention(s) would be changed; nothing was sent",
                    items.len()
                ));
                return Ok(());
            }
            confirm(ctx, &items, describe, by_filter)?;
            let run_id = new_run_id();
            let path = bulk.journal.clone().unwrap_or_else(|| {
                crate::config::state_dir()
                    .join("runs")
                    .join(format!("{run_id}.ndjson"))
            });
            let header = Header {
                journal: FORMAT.into(),
                version: 1,
                run_id,
                action: action.to_owned(),
                api_url: ctx.target.clone(),
                agent: me.id.clone(),
                created_at: jiff::Timestamp::now(),
                items,
            };
            let journal = Journal::create(&path, &header)?;
            ctx.out.note(format!("journal: {}", path.display()));
            (journal, header, State::default())
        }
    };

    // What is left: items that never ended, and failures worth another try.
    let mut results: HashMap<String, ItemResult> = HashMap::new();
    let mut pending = Vec::new();
    for item in &header.items {
        match state.ended.get(&item.id) {
            Some((outcome, reason, false)) => {
                results.insert(
                    item.id.clone(),
                    ItemResult {
                        id: item.id.clone(),
                        result: *outcome,
                        reason: reason.clone(),
                    },
                );
            }
            _ => pending.push(item.clone()),
        }
    }

    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = stop.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::SeqCst);
            }
        })
    };
    let progress = progress_bar(&ctx.out, pending.len() as u64);
    let failures = Arc::new(AtomicUsize::new(0));
    let limiter = bulk.rate.map(|r| {
        let mut interval = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::sync::Mutex::new(interval)
    });
    let (journal, header_ref, limiter_ref, stop_ref) = (&journal, &header, &limiter, &stop);
    let outcomes = futures_util::stream::iter(pending)
        .take_while(|_| std::future::ready(!stop.load(Ordering::SeqCst)))
        .map(|item| async move {
            if let Some(limiter) = limiter_ref {
                limiter.lock().await.tick().await;
            }
            // Ctrl-C while this item waited for its turn: it is not sent.
            if stop_ref.load(Ordering::SeqCst) {
                return Ok(None);
            }
            let key = item.key(&header_ref.run_id);
            journal.record(&Line::Start {
                id: item.id.clone(),
                key: key.clone(),
            })?;
            let path = format!(
                "/v1/interventions/{}/{}",
                crate::api::client::path_segment(&item.id),
                item.action
            );
            // Only the status matters here; the body is not decoded.
            let answer: Result<serde::de::IgnoredAny, ClientError> = ctx
                .client
                .post(
                    &path,
                    &item.body,
                    Post {
                        idempotency_key: Some(key),
                        if_match: item.version,
                    },
                )
                .await;
            let (outcome, reason, retry) = classify(answer);
            journal.record(&Line::End {
                id: item.id.clone(),
                outcome,
                reason: reason.clone(),
                retry,
            })?;
            Ok::<_, CliError>(Some(ItemResult {
                id: item.id,
                result: outcome,
                reason,
            }))
        })
        .buffer_unordered(usize::from(bulk.concurrency));
    futures_util::pin_mut!(outcomes);
    while let Some(result) = outcomes.next().await {
        let Some(result) = result? else { continue };
        if result.result == Outcome::Failed {
            let n = failures.fetch_add(1, Ordering::SeqCst) + 1;
            progress.set_message(format!("{n} failed"));
        }
        progress.inc(1);
        results.insert(result.id.clone(), result);
    }
    progress.finish_and_clear();
    watcher.abort();

    // A Ctrl-C that came after the last item was sent interrupted nothing.
    let interrupted = stop.load(Ordering::SeqCst) && results.len() < header.items.len();
    let items: Vec<ItemResult> = header
        .items
        .iter()
        .filter_map(|i| results.remove(&i.id))
        .collect();
    let count = |o: Outcome| items.iter().filter(|r| r.result == o).count();
    let summary = Summary {
        run_id: header.run_id.clone(),
        action: header.action.clone(),
        journal: journal.path().to_owned(),
        done: count(Outcome::Done),
        skipped: count(Outcome::Skipped),
        failed: count(Outcome::Failed),
        interrupted,
        items,
    };
    print_summary(&ctx.out, &summary, header.items.len())?;
    if interrupted {
        return Err(CliError::new(
            ExitKind::Interrupted,
            "interrupted: in-flight items finished, the rest was not sent",
        )
        .hint(format!(
            "continue with `livectl {action} --resume {}`",
            summary.journal.display()
        )));
    }
    if summary.failed > 0 {
        return Err(CliError::new(
            ExitKind::PartialBulk,
            format!(
                "{} of {} item(s) failed",
                summary.failed,
                header.items.len()
            ),
        )
        .hint(format!(
            "retry what failed for a passing reason with `livectl {action} --resume {}`",
            summary.journal.display()
        )));
    }
    Ok(())
}

/// Done, skipped (changed by someone else: never retried with a fresh version) or failed; a
/// failure that may pass later is marked for retry on resume.
fn classify<T>(answer: Result<T, ClientError>) -> (Outcome, Option<String>, bool) {
    match answer {
        Ok(_) => (Outcome::Done, None, false),
        Err(ClientError::Problem {
            status: 412,
            problem,
        }) => {
            let now = problem
                .current
                .map(|c| format!(" (now version {}, {})", c.version, c.state))
                .unwrap_or_default();
            (
                Outcome::Skipped,
                Some(format!("changed by someone else since it was listed{now}")),
                false,
            )
        }
        Err(e) => {
            // Worth another try on resume: what the client itself would retry (a key still
            // running, a throttle, a 5xx) or a transport failure.
            let retry = match e.status() {
                Some(status) => crate::api::retry::retryable_status(status, e.code()),
                None => true,
            };
            (Outcome::Failed, Some(e.to_string()), retry)
        }
    }
}

/// Items chosen by filters always need a yes: their count is only known now. Ids need one
/// from two items on.
fn confirm(ctx: &Ctx, items: &[Item], describe: &str, by_filter: bool) -> Result<(), CliError> {
    if (items.len() <= 1 && !by_filter) || ctx.global.yes {
        return Ok(());
    }
    let sample: Vec<&str> = items.iter().take(5).map(|i| i.id.as_str()).collect();
    let more = if items.len() > 5 { ", …" } else { "" };
    let question = format!(
        "{describe}: {} interventions ({}{more})?",
        items.len(),
        sample.join(", ")
    );
    if !ctx.out.interactive() {
        return Err(CliError::usage(format!(
            "this run would change {} interventions ({describe}); nothing was changed",
            items.len()
        ))
        .hint("pass --yes to confirm when not running interactively, or --dry-run to see them"));
    }
    let yes = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| CliError::failure(format!("the prompt failed: {e}")))?;
    if yes {
        Ok(())
    } else {
        Err(CliError::new(ExitKind::Interrupted, "nothing was changed"))
    }
}

fn progress_bar(out: &Output, len: u64) -> indicatif::ProgressBar {
    if out.quiet || !out.stderr_tty {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(len),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len}  {per_sec}  eta {eta}  {msg}")
    {
        bar.set_style(style);
    }
    bar
}

fn print_summary(out: &Output, summary: &Summary, total: usize) -> Result<(), CliError> {
    out.note(format!(
        "{}: {} done, {} skipped, {} failed{} of {total}; journal {}",
        summary.action,
        summary.done,
        summary.skipped,
        summary.failed,
        if summary.interrupted {
            format!(", {} not sent", total - summary.items.len())
        } else {
            String::new()
        },
        summary.journal.display()
    ));
    match out.format {
        Some(Format::Json) => out.json(summary).map_err(io),
        Some(Format::Ndjson | Format::Csv | Format::Ids) => print_list(out, &summary.items),
        _ => {
            let notable: Vec<ItemResult> = summary
                .items
                .iter()
                .filter(|r| r.result != Outcome::Done)
                .cloned()
                .collect();
            if notable.is_empty() {
                Ok(())
            } else {
                print_list(out, &notable)
            }
        }
    }
}
