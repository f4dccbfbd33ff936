//! Running a plan: confirmation, journal, bounded concurrency, rate, Ctrl-C, progress, summary.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use livectl_client::retry::retryable_status;
use livectl_client::{Client, ClientError, Options as Send};

use super::journal::{FORMAT, Header, Journal, Line, State};
use super::{Options, Plan, key, new_run_id};
use crate::error::{CliError, ClosedPipeIsFine, ErrorKind};
use crate::model::{Item, ItemOutcome, ItemResult, Names, Summary};
use crate::ui::progress::Progress;
use crate::ui::{Format, Ui, prompt};
use crate::usecases::lookup::{self, NamesOf};

/// Runs a plan, then prints the summary. Exit 3 when an item failed, 130 when interrupted.
/// `target` says where requests go, stably across runs (it binds the journal).
pub async fn run(
    client: &Client,
    ui: &Ui,
    target: &str,
    plan: Plan,
    options: &Options,
) -> Result<(), CliError> {
    if plan.items.is_empty() {
        ui.note("nothing matches: no intervention was changed");
        return Ok(());
    }
    if options.dry_run {
        let names = if ui.tables() {
            lookup::names(client, NamesOf::People).await?
        } else {
            Names::default()
        };
        ui.list(&names, &plan.items)?;
        ui.note(format!(
            "dry run: {} intervention(s) would be changed; nothing was sent",
            plan.items.len()
        ));
        return Ok(());
    }
    let me = client.me().await?;
    confirm(ui, &plan, options.yes)?;
    let run_id = new_run_id();
    let path = options.journal.clone().unwrap_or_else(|| {
        crate::config::state_dir()
            .join("runs")
            .join(format!("{run_id}.ndjson"))
    });
    let header = Header {
        journal: FORMAT.into(),
        version: 1,
        run_id,
        action: plan.command,
        target: target.to_owned(),
        agent: me.agent.id,
        created_at: jiff::Timestamp::now(),
        items: plan.items,
    };
    let journal = Journal::create(&path, &header)?;
    ui.note(format!("journal: {}", path.display()));
    execute(client, ui, journal, header, State::default(), options).await
}

/// Continues the run of a journal: only what is left, in-flight items replayed with their keys.
/// `command` is the command resuming it, which must be the one that started it.
pub async fn resume(
    client: &Client,
    ui: &Ui,
    target: &str,
    command: &str,
    path: &Path,
    options: &Options,
) -> Result<(), CliError> {
    let me = client.me().await?;
    let (journal, header, state) = Journal::open(path)?;
    if header.action != command {
        return Err(CliError::usage(format!(
            "{} is the journal of a `{}` run, not `{command}`",
            path.display(),
            header.action
        ))
        .hint(format!(
            "resume it with `livectl {} --resume {}`",
            header.action,
            path.display()
        )));
    }
    if header.target != target || header.agent != me.agent.id {
        return Err(CliError::usage(format!(
            "{} was written by {} on {}; this run is {} on {target}",
            path.display(),
            header.agent,
            header.target,
            me.agent.id,
        ))
        .hint("resume with the profile (and token) the run started with"));
    }
    let in_flight = state.in_flight();
    ui.note(format!(
        "resuming run {} from {}{}",
        header.run_id,
        path.display(),
        if in_flight > 0 {
            format!(" ({in_flight} in flight, replayed with their keys)")
        } else {
            String::new()
        }
    ));
    execute(client, ui, journal, header, state, options).await
}

async fn execute(
    client: &Client,
    ui: &Ui,
    journal: Journal,
    header: Header,
    state: State,
    options: &Options,
) -> Result<(), CliError> {
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
    let progress = Progress::items(ui, pending.len() as u64);
    let failures = AtomicUsize::new(0);
    let limiter = options.rate.map(|r| {
        let mut interval = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::sync::Mutex::new(interval)
    });
    let (journal_ref, run_id, limiter_ref, stop_ref) =
        (&journal, header.run_id.as_str(), &limiter, &stop);
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
            let result = act(client, journal_ref, run_id, item).await?;
            Ok::<_, CliError>(Some(result))
        })
        .buffer_unordered(usize::from(options.concurrency.max(1)));
    futures_util::pin_mut!(outcomes);
    while let Some(result) = outcomes.next().await {
        let Some(result) = result? else { continue };
        if result.result == ItemOutcome::Failed {
            let n = failures.fetch_add(1, Ordering::SeqCst) + 1;
            progress.message(format!("{n} failed"));
        }
        progress.inc(1);
        results.insert(result.id.clone(), result);
    }
    progress.finish();
    watcher.abort();

    // A Ctrl-C that came after the last item was sent interrupted nothing.
    let interrupted = stop.load(Ordering::SeqCst) && results.len() < header.items.len();
    let items: Vec<ItemResult> = header
        .items
        .iter()
        .filter_map(|i| results.remove(&i.id))
        .collect();
    let count = |o: ItemOutcome| items.iter().filter(|r| r.result == o).count();
    let summary = Summary {
        run_id: header.run_id.clone(),
        action: header.action.clone(),
        journal: journal.path().to_owned(),
        done: count(ItemOutcome::Done),
        skipped: count(ItemOutcome::Skipped),
        failed: count(ItemOutcome::Failed),
        interrupted,
        items,
    };
    // A reader that went away (`| head`) does not change how the run ended.
    print_summary(ui, &summary, header.items.len()).or_closed_pipe()?;
    let command = &header.action;
    if interrupted {
        return Err(CliError::new(
            ErrorKind::Interrupted,
            "interrupted: in-flight items finished, the rest was not sent",
        )
        .hint(format!(
            "continue with `livectl {command} --resume {}`",
            summary.journal.display()
        )));
    }
    if summary.failed > 0 {
        return Err(CliError::new(
            ErrorKind::PartialBulk,
            format!(
                "{} of {} item(s) failed",
                summary.failed,
                header.items.len()
            ),
        )
        .hint(format!(
            "retry what failed for a passing reason with `livectl {command} --resume {}`",
            summary.journal.display()
        )));
    }
    Ok(())
}

/// One item: its start recorded with its key before the first attempt, then its end.
async fn act(
    client: &Client,
    journal: &Journal,
    run_id: &str,
    item: Item,
) -> Result<ItemResult, CliError> {
    let key = key(run_id, &item);
    journal.record(&Line::Start {
        id: item.id.clone(),
        key: key.clone(),
    })?;
    // Only whether it acted matters here; the answer is not decoded.
    let answer: Result<serde::de::IgnoredAny, ClientError> = client
        .act(
            &item.id,
            &item.action,
            Send {
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
    Ok(ItemResult {
        id: item.id,
        result: outcome,
        reason,
    })
}

/// Done, skipped (changed by someone else: never retried with a fresh version) or failed; a
/// failure that may pass later is marked for retry on resume.
fn classify<T>(answer: Result<T, ClientError>) -> (ItemOutcome, Option<String>, bool) {
    match answer {
        Ok(_) => (ItemOutcome::Done, None, false),
        Err(ClientError::Problem {
            status: 412,
            problem,
        }) => {
            let now = problem
                .current
                .map(|c| format!(" (now version {}, {})", c.version, c.state))
                .unwrap_or_default();
            (
                ItemOutcome::Skipped,
                Some(format!("changed by someone else since it was listed{now}")),
                false,
            )
        }
        Err(e) => {
            // Worth another try on resume: what the client itself would retry (a key still
            // running, a throttle, a 5xx) or a failure without an answer.
            let retry = e
                .status()
                .is_none_or(|status| retryable_status(status, e.code()));
            (ItemOutcome::Failed, Some(e.to_string()), retry)
        }
    }
}

/// Items chosen by filters always need a yes: their count is only known now. Ids need one
/// from two items on.
fn confirm(ui: &Ui, plan: &Plan, yes: bool) -> Result<(), CliError> {
    let items = &plan.items;
    if (items.len() <= 1 && !plan.by_filter) || yes {
        return Ok(());
    }
    let describe = &plan.describe;
    if !ui.interactive() {
        return Err(CliError::usage(format!(
            "this run would change {} interventions ({describe}); nothing was changed",
            items.len()
        ))
        .hint("pass --yes to confirm when not running interactively, or --dry-run to see them"));
    }
    let sample: Vec<&str> = items.iter().take(5).map(|i| i.id.as_str()).collect();
    let more = if items.len() > 5 { ", …" } else { "" };
    let question = format!(
        "{describe}: {} interventions ({}{more})?",
        items.len(),
        sample.join(", ")
    );
    if prompt::confirm(ui, &question, false)? {
        Ok(())
    } else {
        Err(CliError::interrupted("nothing was changed"))
    }
}

fn print_summary(ui: &Ui, summary: &Summary, total: usize) -> Result<(), CliError> {
    ui.note(format!(
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
    let names = Names::default();
    match ui.format {
        Some(Format::Json) => ui.json(summary),
        Some(Format::Ndjson | Format::Csv | Format::Ids) => ui.list(&names, &summary.items),
        _ => {
            let notable: Vec<ItemResult> = summary
                .items
                .iter()
                .filter(|r| r.result != ItemOutcome::Done)
                .cloned()
                .collect();
            if notable.is_empty() {
                Ok(())
            } else {
                ui.list(&names, &notable)
            }
        }
    }
}
