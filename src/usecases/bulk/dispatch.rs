//! Phase 3 of a run, and resuming one: the plan streamed back from the journal and sent with
//! bounded concurrency and an optional rate, each start and end journaled; Ctrl-C, progress and
//! the summary. A live run plans its targets as they are listed, beside the workers, which
//! read the plan back as it grows.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use futures_util::stream::{FuturesUnordered, LocalBoxStream};
use futures_util::{FutureExt, StreamExt};
use livectl_client::retry::{pass_pause, retryable_status};
use livectl_client::{Client, ClientError, Lane, Options as Send};
use livectl_contract::{ActionKind, Agent, Permission, ProblemCode};
use tokio::sync::Notify;

use super::journal::{
    self, Header, Journal, Line, Notable, Pick, PlanLines, Results, Scan, Step, Where,
};
use super::ledger::{Ledger, Mark};
use super::stopping::Stopping;
use super::{Again, Command, Options, RATES, key};
use crate::error::{CliError, ClosedPipeIsFine, ErrorKind};
use crate::model::{Full, Given, Item, ItemOutcome, ItemResult, NoRoom, NoRooms, Summary};
use crate::ui::Ui;
use crate::ui::progress::Progress;
use crate::usecases::pool::{Pool, Route};
use crate::usecases::spread::Router;

/// What running the command of a run cut short while listing does again.
pub(super) const RESELECT: &str = "running the command again selects anew, including what this run acted on where its filters still match";

/// The time between two actions at `rate` a second, kept within what a timer takes whatever
/// the rate (the parser already refuses rates outside `RATES`).
pub fn rate_period(rate: f64) -> Duration {
    let rate = if rate.is_finite() {
        rate.clamp(RATES.0, RATES.1)
    } else {
        RATES.1
    };
    Duration::try_from_secs_f64(1.0 / rate)
        .unwrap_or(Duration::from_secs(1000))
        .max(Duration::from_micros(1))
}

/// Continues the run of a journal: only what is left, in-flight items replayed with their keys.
/// `command` is the command resuming it, which must be the one that started it; the workspace
/// and the agent must be the run's, wherever the platform is reached now (`target`, as a
/// journal's header names it).
pub async fn resume(
    client: &Client,
    ui: &Ui,
    target: &str,
    command: &Command,
    path: &Path,
    options: &Options,
) -> Result<(), CliError> {
    if !options.dry_run {
        super::check_shape(ui)?;
    }
    let me = client.me().await?;
    let (journal, header, mut scan) = journal::open(
        path,
        command,
        &options.reach,
        options.journal_limit,
        options.dry_run,
    )?;
    // It holds the run's items and reasons: private, as it was made.
    if !options.dry_run
        && let Ok(Some(mode)) = crate::files::make_private(path)
    {
        ui.warn(format!(
            "the journal {} could be {} by other users (mode {mode:03o}); it is private (0600) again",
            path.display(),
            crate::files::others_may(mode)
        ));
    }
    if header.workspace != me.workspace.id {
        // The command that reaches the run's platform, when it is not the one reached now
        // (the same one holds another workspace: it was reset, or moved).
        let again = options
            .reach_to
            .filter(|_| !crate::config::same_address(&header.target, target))
            .map(|reach| command.again(&reach(&header.target), path));
        let hint = match again {
            Some(Again::Resume(resume)) => {
                format!("resume it against the workspace it started in: `{resume}`")
            }
            _ => "resume it against the workspace it started in".to_owned(),
        };
        // A workspace reset or gone leaves the run nothing to resume: its journal is only a
        // record then, which `livectl runs` lists until it is removed.
        let gone = format!(
            "if that workspace is gone, nothing is left to resume: remove the journal (`rm {}`) and `livectl runs` no longer lists it",
            crate::ui::shell_word(&path.display().to_string())
        );
        return Err(CliError::usage(format!(
            "{} is a run in workspace {} (reached at {}); this platform is workspace {} ({})",
            path.display(),
            header.workspace,
            header.target,
            me.workspace.id,
            me.workspace.name
        ))
        .hint(hint)
        .hint(gone));
    }
    if header.agent != me.agent.id {
        return Err(CliError::usage(format!(
            "{} was written by {}; this run acts as {}",
            path.display(),
            header.agent,
            me.agent.id,
        ))
        .hint("resume with the profile (and token) the run started with"));
    }
    if options.dry_run {
        let concurrency = options.pace.over(header.pace).concurrency;
        let resumed = Resumed {
            header: &header,
            scan: &scan,
            path,
            command,
        };
        return dry_resume(client, ui, me.agent, &resumed, concurrency).await;
    }
    scan.close_short(&journal)?;
    if scan.cut_short {
        ui.note(format!(
            "run {} stopped while it was still listing its targets: the {} it had planned are resumed; the targets it had not listed were never planned nor touched ({RESELECT})",
            header.run_id,
            scan.ledger.len()
        ));
    }
    let in_flight = scan.ledger.count(Mark::InFlight);
    let pace = options.pace.over(header.pace);
    if scan.ledger.left() == 0 {
        ui.note(format!(
            "run {} from {} has nothing left to send: every item ended, as its summary says",
            header.run_id,
            path.display()
        ));
    } else {
        ui.note(format!(
            "resuming run {} from {}{}; {}",
            header.run_id,
            path.display(),
            if in_flight > 0 {
                format!(" ({in_flight} in flight, replayed with their keys)")
            } else {
                String::new()
            },
            pace
        ));
    }
    let run = Run {
        journal,
        header,
        scan,
        live: None,
    };
    execute(client, ui, run, command, options).await
}

/// A journal opened to be resumed, as a dry run reads it.
struct Resumed<'a> {
    header: &'a Header,
    scan: &'a Scan,
    path: &'a Path,
    command: &'a Command,
}

/// `--resume --dry-run`: what a resume would send (items never sent, in flight when the run
/// stopped, or failed for a reason that may pass), printed as a plan is, each looked up as a
/// dry run by ids looks its items up (`check`: as `caller`, `concurrency` at a time), so it says
/// which the platform would refuse as they stand now; nothing is sent and the journal is left
/// as it is.
async fn dry_resume(
    client: &Client,
    ui: &Ui,
    caller: Agent,
    resumed: &Resumed<'_>,
    concurrency: u16,
) -> Result<(), CliError> {
    let Resumed {
        header,
        scan,
        path,
        command,
    } = *resumed;
    let mut plan = journal::plan_lines(path, scan.plan_at, command)?;
    if scan.unclosed {
        plan = plan.cut_short();
    }
    // Each looked up but those sent before (in flight when the run stopped, or failed for a
    // reason that may pass): sent again with their keys, the platform may answer with what
    // it stored.
    let left = plan.filter_map(|line| match line {
        Ok((n, item)) => match scan.ledger.get(n) {
            Some(Mark::Unsent) => Some(Ok((n, item, true))),
            Some(mark) if mark.left() => Some(Ok((n, item, false))),
            _ => None,
        },
        Err(e) => Some(Err(e)),
    });
    // A pool's items are said with the agent each would go to, as a new run's dry run says
    // them (`agent @online` for every one, new user): one sent before to the agent it was
    // sent to (its pick), which the resume sends it to again; the others, never sent or sent
    // before any pick, to the pool's pick as it stands, each looked up for its owner and
    // department (`concurrency` at a time). One the platform would refuse whatever the agent
    // (`check`'s judgement) takes no room, as in a new run's plan (`Spreader::pick_refused`);
    // one no agent has room for gets the mark that says so.
    let router = Router::default();
    let left = futures_util::stream::iter(left)
        .map(|line| async {
            let (n, mut item, look) = line?;
            let Some(_) = item.action.target().and_then(Route::decode) else {
                return Ok::<_, CliError>((item, look));
            };
            match scan.picks.get(&n) {
                Some(pick) => item.action = item.action.given_to(&pick.agent),
                None => item.looked = Some(crate::usecases::targets::look(client, &item.id).await?),
            }
            Ok((item, look))
        })
        .buffered(usize::from(concurrency.max(1)))
        .boxed_local();
    let names = std::rc::Rc::new(super::plan::people(client, ui).await?);
    let left = super::check::looked_up_where(client, caller, names.clone(), left, concurrency)
        .then(|item| {
            let router = &router;
            async move {
                let mut item = item?;
                let Some(route) = item.action.target().and_then(Route::decode) else {
                    return Ok(item);
                };
                let (owner, department) = match &item.looked {
                    Some(crate::model::Looked::Now(now)) => {
                        (now.owner.clone(), now.department.clone())
                    }
                    _ => (None, None),
                };
                let (owner, department) = (owner.as_deref(), department.as_deref());
                // Refused whatever the agent, it takes no room (`Spreader::pick_refused`).
                let refused = item.refused.is_some();
                let to = router
                    .with(client, &route, |s| {
                        if refused {
                            s.pick_refused(owner, department)
                        } else {
                            s.pick_or_unplaced(owner, department)
                        }
                    })
                    .await?;
                item.action = item.action.given_to(&to);
                Ok(item)
            }
        })
        .boxed_local();
    let printed = super::plan::print(ui, &names, left).await?;
    if scan.cut_short {
        ui.note(format!(
            "run {} stopped while it was still listing its targets: a resume sends what it had planned ({RESELECT})",
            header.run_id
        ));
    }
    ui.note(if printed.count == 0 {
        format!(
            "run {} from {} has nothing left to send; nothing was sent",
            header.run_id,
            path.display()
        )
    } else {
        format!(
            "dry run: resuming run {} would send {}{}; nothing was sent",
            header.run_id,
            crate::ui::counted(printed.changed(), "intervention", "interventions"),
            printed.unchanged.said()
        )
    });
    Ok(())
}

/// A run whose every failure in this session was a 403, with nothing done in it: the token's
/// agent may not do this. When the run did nothing at all, that is what one such action says
/// too (exit 4, not 3: no item went through, and sending them again with the same token would
/// be refused the same way); a resume judges what it sent itself, so a run resumed after a
/// failure of another kind says so too. When an earlier session of the run did some of its
/// items, the run did some and failed some, as a first run that did some exits (3), and says
/// that the rest was refused. `sent` is how many were refused in this session.
fn refused_all(summary: &Summary, agent: &str, sent: u64) -> CliError {
    let each = if sent == summary.failed {
        "each".to_owned()
    } else {
        format!("each of the {sent} this resume sent")
    };
    let failed = format!(
        "{} of {} failed",
        summary.failed,
        crate::ui::counted(summary.total, "item", "items")
    );
    let e = if summary.done == 0 {
        CliError::new(
            ErrorKind::Auth,
            format!(
                "{agent} may not {} these interventions: the platform refused {each} with 403 forbidden ({failed}, none was done)",
                summary.action
            ),
        )
    } else {
        CliError::new(
            ErrorKind::PartialBulk,
            format!(
                "{failed}: {agent} may not {} the rest: the platform refused {each} with 403 forbidden ({} done earlier in this run)",
                summary.action, summary.done
            ),
        )
    };
    e.hint(format!(
        "the summary says why each was refused; {}",
        who_may(&summary.action)
    ))
}

/// Who may do `action`, as its permission says it, for a run the caller may not do; a fix
/// (`fix-return`, …) and other names that are no action's get the words for either.
pub(super) fn who_may(action: &str) -> &'static str {
    match action.parse::<ActionKind>().map(ActionKind::permission) {
        Ok(Permission::ToSelfOrAdmin) => {
            "an agent assigns only to itself (`--to me`); to anyone else, run it with an admin's token"
        }
        Ok(Permission::OwnerOrAdmin) => {
            "run it with an admin's token, or, for one assigned, with its owner's"
        }
        Err(_) => "run it with the token of an agent who may (the owner, or an admin)",
    }
}

/// An item that was sent and ended, in this run.
struct Ended {
    n: u64,
    result: ItemResult,
    /// Where its end line is; None when it could not be written, or is deferred (a done
    /// item's: the summary reads back only the others).
    at: Option<u64>,
    /// Failed for a reason that may pass if sent again.
    retry: bool,
    /// Left where it is for want of room: who had none.
    no_room: Option<NoRoom>,
    /// Done, given to this agent (an assign or a reassign).
    given: Option<String>,
    /// Its agent was picked from a pool as it was sent.
    routed: bool,
}

/// How an item ends: its outcome, why, whether it may pass if sent again, and who had no room
/// for it when that is why it stays where it is.
struct Ending {
    outcome: ItemOutcome,
    reason: Option<String>,
    retry: bool,
    no_room: Option<NoRoom>,
    /// Done, given to this agent.
    given: Option<String>,
}

impl Ending {
    /// Left where it is: `no_room` had no room for it (never sent again).
    fn left(no_room: NoRoom) -> Ending {
        Ending {
            outcome: ItemOutcome::Skipped,
            reason: Some(no_room.reason()),
            retry: false,
            no_room: Some(no_room),
            given: None,
        }
    }

    /// Sent to `agent`: when done, it was given to it.
    fn to(mut self, agent: &str) -> Ending {
        if self.outcome == ItemOutcome::Done {
            self.given = Some(agent.to_owned());
        }
        self
    }
}

impl From<(ItemOutcome, Option<String>, bool)> for Ending {
    fn from((outcome, reason, retry): (ItemOutcome, Option<String>, bool)) -> Ending {
        Ending {
            outcome,
            reason,
            retry,
            no_room: None,
            given: None,
        }
    }
}

/// What the items of a run came to so far: each worker records here how its item ended.
struct Tally<'p> {
    ledger: Ledger,
    /// The items that did not end done, with where their end line is.
    notable: Vec<Notable>,
    progress: &'p Progress,
    /// Done in this run (this session of it, for a resume).
    done: u64,
    /// Failed in this run for good.
    failures: u64,
    /// Of those, the ones that failed for a passing reason: a resume sends them again.
    resumable: u64,
    /// Left where they are for want of room.
    no_room: u64,
    /// Who had no room for them, each once.
    full: NoRooms,
    /// The items done given to each agent (assigns and reassigns): by every session of the
    /// run, those before counted from the journal (`Scan::given`).
    given: HashMap<String, u64>,
    /// Some item's agent was picked from a pool.
    routed: bool,
    /// Failed and waiting for another pass.
    retrying: Vec<u64>,
    /// Of those, the ones that failed in the current pass.
    again: u64,
}

impl Tally<'_> {
    /// Item `n` was planned while the run went on.
    fn planned(&mut self, n: u64) {
        let pushed = self.ledger.push();
        debug_assert_eq!(pushed, n, "the ledger counts the plan as the journal does");
        self.progress.grow(1);
    }

    /// Records how an item ended; in the `last` pass a failure is final.
    fn record(&mut self, ended: Ended, last: bool) {
        let Ended {
            n,
            result,
            at,
            retry,
            no_room,
            given,
            routed,
        } = ended;
        self.routed |= routed;
        if let Some(agent) = given {
            match self.given.get_mut(&agent) {
                Some(count) => *count += 1,
                None => {
                    self.given.insert(agent, 1);
                }
            }
        }
        let mark = match result.result {
            ItemOutcome::Done => Mark::Done,
            ItemOutcome::Skipped => Mark::Skipped,
            ItemOutcome::Failed if retry && !last => Mark::Retry,
            ItemOutcome::Failed => Mark::Failed,
        };
        self.ledger.set(n, mark);
        if let Some(who) = no_room {
            self.no_room += 1;
            self.full.add(who);
        }
        match mark {
            Mark::Done => self.done += 1,
            // Counted as it ends: a later pass may still do it.
            Mark::Retry => {
                self.again += 1;
                self.retrying.push(n);
            }
            Mark::Failed => {
                self.failures += 1;
                self.resumable += u64::from(retry);
                self.progress.message(format!("{} failed", self.failures));
            }
            _ => {}
        }
        if result.result != ItemOutcome::Done {
            self.notable.push(Notable {
                n,
                at: match at {
                    Some(at) => Where::Journal(at),
                    None => Where::Held(Box::new(result)),
                },
            });
        }
        if mark != Mark::Retry {
            self.progress.inc(1);
        }
    }
}

/// A run ready to be sent: its journal, header and what the journal says so far; with `live`,
/// the targets still arriving.
pub(super) struct Run<'a> {
    pub journal: Journal,
    pub header: Header,
    pub scan: Scan,
    pub live: Option<Live<'a>>,
}

/// The targets of a confirmed run chosen by filters, as they are listed: they are planned in
/// the journal as fast as they arrive while the workers send what is planned already, reading
/// the plan back as it grows.
pub(super) struct Live<'a> {
    pub items: LocalBoxStream<'a, Result<Item, CliError>>,
    /// Ids given more than once, said when the targets end.
    pub repeats: Arc<AtomicU64>,
}

/// Plan lines waiting in memory beyond this many bytes are written at once, whether or not
/// the next target is ready.
const PLAN_CHUNK: usize = 64 * 1024;

/// Plans the targets of a live run into the journal until they end (the plan is closed), a
/// Ctrl-C, a journal that cannot be written, or a listing that fails (its error is kept in
/// `failed`). What is planned is written as soon as the next target is not ready at once, and
/// the workers waiting for it are woken.
async fn plan_live(
    live: Live<'_>,
    ui: &Ui,
    journal: &Journal,
    tally: &RefCell<Tally<'_>>,
    grown: &Growth,
    failed: &RefCell<Option<CliError>>,
    watch: &Watch,
) {
    let mut items = live.items.peekable();
    loop {
        // Nothing more will be sent: what is not listed yet stays unplanned.
        if watch.halted() {
            break;
        }
        let next = tokio::select! {
            biased;
            () = crate::signals::interrupted() => break,
            () = watch.stopped.notified() => break,
            next = items.next() => next,
        };
        match next {
            None => {
                if journal.close_plan() {
                    super::plan::note_repeats(ui, &live.repeats);
                }
                break;
            }
            Some(Err(e)) => {
                failed.borrow_mut().get_or_insert(e);
                break;
            }
            Some(Ok(item)) => {
                let Some(n) = journal.plan(&item) else {
                    break;
                };
                tally.borrow_mut().planned(n);
                let ready = std::pin::Pin::new(&mut items)
                    .peek()
                    .now_or_never()
                    .is_some();
                if !ready || journal.pending() >= PLAN_CHUNK {
                    journal.flush();
                    grown.more.notify_waiters();
                }
            }
        }
    }
    journal.flush();
    grown.over.set(true);
    grown.more.notify_waiters();
}

/// How the readers of a growing plan learn that it grew, or that planning is over.
#[derive(Default)]
struct Growth {
    more: Notify,
    over: std::cell::Cell<bool>,
}

/// Where a pass takes its items from.
enum Feed<'a> {
    /// The plan read back from the journal: what is left of it.
    Plan(Box<dyn Iterator<Item = Result<(u64, Item), CliError>> + 'a>),
    /// The plan read as a live run writes it.
    Growing { lines: PlanLines, grown: &'a Growth },
}

impl Feed<'_> {
    /// The next item and its number; None at the end of the plan, or of what a live run
    /// planned before it stopped.
    async fn next(&mut self, journal: &Journal) -> Option<Result<(u64, Item), CliError>> {
        let (lines, grown) = match self {
            Feed::Plan(lines) => return lines.next(),
            Feed::Growing { lines, grown } => (lines, *grown),
        };
        loop {
            let more = grown.more.notified();
            tokio::pin!(more);
            more.as_mut().enable();
            match lines.step() {
                Step::Item(n, item) => return Some(Ok((n, item))),
                Step::End => return None,
                Step::Failed(e) => return Some(Err(e)),
                // Planning stopped short: what it planned is all there is.
                Step::Wait if grown.over.get() || journal.is_broken() => return None,
                Step::Wait => more.await,
            }
        }
    }
}

pub(super) async fn execute(
    client: &Client,
    ui: &Ui,
    run: Run<'_>,
    command: &Command,
    options: &Options,
) -> Result<(), CliError> {
    let Run {
        journal,
        header,
        scan,
        mut live,
    } = run;
    let Scan {
        ledger,
        plan_at,
        notable,
        picks,
        given,
        routed,
        no_room,
        full,
        ..
    } = scan;
    let pace = options.pace.over(header.pace);
    let started = std::time::Instant::now();

    // Ctrl-C, SIGTERM or SIGHUP stops dispatching and retrying; what is in flight ends,
    // unless a second one leaves it (`Stopping`); the summary follows.
    let _claim = crate::signals::claim();
    let stop = Arc::new(AtomicBool::new(false));
    // Whether a stop was asked for: the flag, or the signal itself, since the watcher that sets
    // the flag may not have run yet (one thread runs both).
    let stop_asked =
        || stop.load(Ordering::SeqCst) || crate::signals::interrupted().now_or_never().is_some();
    let watcher = {
        let stop = stop.clone();
        tokio::spawn(async move {
            crate::signals::interrupted().await;
            stop.store(true, Ordering::SeqCst);
        })
    };
    let again = command.again(&options.reach, journal.path());
    let stopping = Stopping::default();
    let progress = Progress::items(ui, ledger.left(), pace.rate);
    let tally = RefCell::new(Tally {
        ledger,
        notable,
        progress: &progress,
        done: 0,
        failures: 0,
        resumable: 0,
        // Left by the sessions before, as their `given` is counted.
        no_room,
        full,
        // What the sessions before gave, so the summary's counts are the whole run's, as its
        // `done` is.
        given,
        routed,
        retrying: Vec::new(),
        again: 0,
    });
    let limiter = pace.rate.map(|r| {
        let mut interval = tokio::time::interval(rate_period(r));
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tokio::sync::Mutex::new(interval)
    });
    // Items routed to a pool get their agent as they are sent; one sent before (by an earlier
    // run, or an earlier pass of this one) goes to the same agent again, with the same key.
    let router = Router::default();
    let picks = Picks {
        journal: &journal,
        earlier: std::sync::Mutex::new(picks),
    };
    let watch = Watch::new(pace.concurrency);
    // How many items' starts one write may hold: one an item when a rate spaces them, since an
    // item started long before it is sent would read as sent if the run were killed meanwhile
    // (a stop withdraws it).
    let ahead = if limiter.is_some() {
        1
    } else {
        usize::from(pace.concurrency.max(1))
    };
    let run_id = header.run_id.as_str();
    let sending = Sending {
        client,
        journal: &journal,
        router: &router,
        picks: &picks,
        watch: &watch,
        agents: tokio::sync::OnceCell::new(),
        departments: tokio::sync::OnceCell::new(),
    };
    // The first pass sends what is left; each further pass (at most `retries`) sends again, with
    // the same keys, what failed in the pass before for a reason that may pass now.
    let mut pass = 0;
    // Why the targets of a live run stopped coming before they ended.
    let listing = RefCell::new(None);
    let grown = Growth::default();
    loop {
        let live = live.take();
        let plan = journal::plan_lines(journal.path(), plan_at, command)?;
        let feed = if live.is_some() {
            Feed::Growing {
                lines: plan,
                grown: &grown,
            }
        } else {
            // What is left: items that never ended, and failures worth another try.
            let todo = tally.borrow().ledger.left_bits();
            Feed::Plan(Box::new(plan.filter(move |line| match line {
                Ok((n, _)) => todo.contains(*n),
                Err(_) => true,
            })))
        };
        let feed = tokio::sync::Mutex::new(feed);
        let last = pass == pace.retries;
        tally.borrow_mut().again = 0;
        // A plan line that cannot be read, or targets that cannot be listed: nothing more is
        // sent, what is in flight ends.
        let unreadable = RefCell::new(None);
        // Items whose starts went out in the write of the start of an item a worker took
        // (`start`), for the workers that take an item next.
        let taken_ahead = RefCell::new(std::collections::VecDeque::new());
        // Each worker sends one item at a time on a connection of its own, taking the next as
        // soon as one ends, so a request goes out in the same poll that read the answer.
        // Ctrl-C, a journal that failed, a plan line that could not be read or targets that
        // could not be listed: no item is sent any more.
        let halted = || {
            stop_asked()
                || watch.halted()
                || journal.is_broken()
                || unreadable.borrow().is_some()
                || listing.borrow().is_some()
        };
        let worker = || async {
            let mut lane = client.lane();
            // Ends deferred (`act`) go out with the next record, or before a worker waits for
            // anything, so none is kept while nothing is sent.
            loop {
                if halted() {
                    break;
                }
                // Items taken from the feed have no start yet; those another worker took
                // with its own have theirs.
                let taken = taken_ahead.borrow_mut().pop_front();
                let taken = match taken {
                    Some(item) => Taken::Started(item),
                    None => {
                        let next = async { feed.lock().await.next(&journal).await };
                        tokio::pin!(next);
                        let next = match next.as_mut().now_or_never() {
                            Some(next) => next,
                            None => {
                                journal.flush();
                                // Waiting for the listing's next page does not hold up a
                                // Ctrl-C.
                                tokio::select! {
                                    biased;
                                    () = crate::signals::interrupted() => break,
                                    next = next => next,
                                }
                            }
                        };
                        let first = match next {
                            None => break,
                            Some(Ok(line)) => line,
                            Some(Err(e)) => {
                                unreadable.borrow_mut().get_or_insert(e);
                                break;
                            }
                        };
                        match take_ahead(first, &feed, &journal, ahead, &unreadable) {
                            Some(batch) => Taken::Fresh(batch),
                            None => break,
                        }
                    }
                };
                if let Some(limiter) = &limiter {
                    let turn = async {
                        limiter.lock().await.tick().await;
                    };
                    tokio::pin!(turn);
                    if turn.as_mut().now_or_never().is_none() {
                        journal.flush();
                        // Waiting for its turn does not hold up a Ctrl-C either.
                        tokio::select! {
                            biased;
                            () = crate::signals::interrupted() => break,
                            () = turn => {}
                        }
                    }
                }
                // Halted while this item waited for its turn: it is not sent (one started
                // already goes back, to be withdrawn with the others).
                if halted() {
                    if let Taken::Started(item) = taken {
                        taken_ahead.borrow_mut().push_front(item);
                    }
                    break;
                }
                let (n, item, key) = match taken {
                    Taken::Started(item) => item,
                    Taken::Fresh(batch) => {
                        let Some(mut batch) = start(&journal, run_id, batch) else {
                            break;
                        };
                        let Some(first) = batch.pop_front() else {
                            break;
                        };
                        taken_ahead.borrow_mut().extend(batch);
                        first
                    }
                };
                // Left in flight if a second Ctrl-C drops this future before it ends.
                stopping.flying.borrow_mut().insert(n);
                let ended = act(&sending, &mut lane, n, item, key).await;
                stopping.flying.borrow_mut().remove(&n);
                if stop_asked() {
                    stopping.ended(ended.result.result, ended.retry);
                }
                tally.borrow_mut().record(ended, last);
            }
            journal.flush();
        };
        let mut workers: FuturesUnordered<_> =
            (0..pace.concurrency.max(1)).map(|_| worker()).collect();
        let planning = async {
            if let Some(live) = live {
                plan_live(live, ui, &journal, &tally, &grown, &listing, &watch).await;
            }
        };
        let sent = async {
            tokio::join!(planning, async { while workers.next().await.is_some() {} });
        };
        let left = tokio::select! {
            biased;
            () = sent => false,
            () = stopping.watch(client, ui, &again) => true,
        };
        // Dropped with the workers: the requests still in flight, whose answers never come.
        drop(workers);
        // Started ahead and never sent, the run having stopped: said so, for a resume to
        // count them as never sent (a kill leaves them in flight, replayed with their keys).
        let unsent: Vec<Line> = taken_ahead
            .borrow_mut()
            .drain(..)
            .map(|(n, _, _)| Line::Withdrawn { n })
            .collect();
        if !unsent.is_empty() {
            journal.record_all(unsent);
        }
        if left {
            // The ends deferred by items done before (`act`), so a resume sends only the rest.
            journal.flush();
            let mut tally = tally.borrow_mut();
            for &n in stopping.flying.borrow().iter() {
                tally.ledger.set(n, Mark::InFlight);
            }
            stopping.left.set(true);
            break;
        }
        if let Some(e) = unreadable.into_inner() {
            return Err(e);
        }
        if listing.borrow().is_some() {
            break;
        }
        let again = tally.borrow().again;
        if again == 0 || last || stop_asked() || watch.halted() || journal.is_broken() {
            break;
        }
        pass += 1;
        progress.message(format!(
            "{} failed; pass {} of {}: {again} to try again",
            tally.borrow().failures,
            pass + 1,
            pace.retries + 1
        ));
        let pause = watch.pause_before(pass);
        if ui.verbose >= 2 {
            ui.log(&format!(
                "  sending {again} again in {} ms (pass {} of {})",
                pause.as_millis(),
                pass + 1,
                pace.retries + 1
            ));
        }
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = crate::signals::interrupted() => {}
        }
    }
    progress.finish();
    watcher.abort();
    // A live run that stopped while planning, before it sent anything: no journal is left,
    // as when a plan is made whole first.
    let untouched = {
        let ledger = &tally.borrow().ledger;
        ledger.count(Mark::Unsent) == ledger.len()
    };
    if journal.is_planning() && untouched {
        let _ = std::fs::remove_file(journal.path());
        if let Some(e) = listing.into_inner() {
            return Err(e.hint("the run did not start and nothing was sent"));
        }
        if let Some(why) = journal.failure() {
            return Err(journal::not_started(journal.path(), why, &command.name));
        }
        return Err(super::plan::interrupted_while_planning());
    }
    let Tally {
        mut ledger,
        notable,
        done: done_now,
        mut failures,
        no_room,
        full,
        retrying,
        mut resumable,
        given,
        routed,
        ..
    } = tally.into_inner();
    // A run stopped before its next pass: what waited for it failed (and a resume retries it).
    let mut called_off: u64 = 0;
    for n in retrying {
        if ledger.get(n) == Some(Mark::Retry) {
            ledger.set(n, Mark::Failed);
            resumable += 1;
            failures += 1;
            called_off += 1;
        }
    }

    let not_sent = ledger.left();
    // Sent, and left without an answer by a second Ctrl-C: a resume sends them again.
    let unanswered = if stopping.left.get() {
        stopping.flying.borrow().len() as u64
    } else {
        0
    };
    // A Ctrl-C that came after the last item ended interrupted nothing, unless the targets were
    // still being listed; nor did one whose items in flight all ended as they would have (a
    // run done, or failed for good, keeps its exit): only one it cut short (not sent, left
    // without an answer, its retries called off) is interrupted.
    // Items waiting for a pass the stop called off were cut short too: a Ctrl-C between
    // passes ended with 3, "failed", as if they had failed for good (hostile-input check).
    let interrupted = stop_asked()
        && (not_sent > 0
            || journal.is_planning()
            || stopping.finished.get().passing > 0
            || called_off > 0);
    let summary = Summary {
        run_id: Some(header.run_id.clone()),
        action: header.action.clone(),
        journal: Some(journal.path().to_owned()),
        total: ledger.len(),
        done: ledger.count(Mark::Done),
        skipped: ledger.count(Mark::Skipped),
        failed: ledger.count(Mark::Failed),
        not_sent,
        interrupted,
        given: if Given::worth_saying(routed || header.chooses, given.len()) {
            sending.given(given).await
        } else {
            Vec::new()
        },
    };
    ui.run_ended(&format!(
        "{}: {} done, {} skipped, {} failed{}{} of {} in {}; journal {}",
        summary.action,
        summary.done,
        summary.skipped,
        summary.failed,
        if unanswered > 0 {
            format!(", {unanswered} sent without an answer")
        } else {
            String::new()
        },
        if not_sent > unanswered {
            format!(", {} not sent", not_sent - unanswered)
        } else {
            String::new()
        },
        summary.total,
        crate::ui::elapsed(started.elapsed()),
        journal.path().display()
    ));
    if !summary.given.is_empty() {
        let given = crate::model::Given::said(&summary.given);
        ui.note(format!("{}: given to {given}", summary.action));
    }
    let results = Results::new(journal.path(), notable, &ledger);
    // A reader that went away (`| head`) does not change how the run ended.
    ui.bulk_summary(&summary, results)
        .or_closed_pipe()
        .map_err(|e| e.after_change("the run ended as its line above says"))?;
    let step = again.step();
    let forbidden = watch.forbidden.get();
    // Stopped while the targets were still listed: a resume sends what was planned.
    let unlisted = format!("the targets not listed yet were not planned; {RESELECT}");
    // A halt first: the listing of a live run may have failed for the same reason after it.
    if let Some(halt) = watch.halt.into_inner() {
        let left = format!(
            "dispatching stopped: {} done, {resumable} to send again, {not_sent} not sent",
            summary.done
        );
        let e = match halt {
            Halt::Refused(said) => CliError::new(
                ErrorKind::Auth,
                format!("the platform stopped accepting the token ({said}); {left}"),
            )
            .hint(if options.reach.by_address() {
                // A login with the run's flags would write the profile runs use, refused when
                // it points elsewhere (the second new user met that refusal).
                format!(
                    "give LIVECTL_TOKEN a new token, then {step}; or log in to it under a profile of its own with `{}`, and run that with --profile NAME in place of --api-url",
                    options.reach.command("login --profile NAME")
                )
            } else {
                format!(
                    "log in again with `{}` (or give LIVECTL_TOKEN a new token, if it came from there), then {step}",
                    options.reach.command("login")
                )
            }),
            Halt::Gone(said) => {
                CliError::failure(format!("the platform stopped answering ({said}); {left}"))
                    .hint(format!("once it answers again, {step}"))
            }
            Halt::Failing(said) => CliError::failure(format!(
                "the platform failed item after item ({said}); {left}"
            ))
            .hint(format!("once it works again, {step}")),
        };
        return Err(if journal.is_planning() {
            e.hint(unlisted)
        } else {
            e
        });
    }
    if let Some(e) = listing.into_inner() {
        return Err(e.hint(format!(
            "the {} planned before it {} in the journal: {step}; {unlisted}",
            crate::ui::counted(summary.total, "item", "items"),
            if summary.total == 1 { "is" } else { "are" }
        )));
    }
    if interrupted {
        // Every item planned so far ended: a resume would send nothing.
        if not_sent == 0 && journal.is_planning() {
            return Err(CliError::new(
                ErrorKind::Interrupted,
                "interrupted while the targets were listed: every item planned so far ended",
            )
            .hint(unlisted));
        }
        // Those in flight at the stop that failed for a passing reason are said among them.
        let waited = called_off.saturating_sub(stopping.finished.get().passing);
        let e = stopping.said(not_sent - unanswered, unanswered, waited);
        // Nothing left, nothing to send again: a resume would do nothing.
        let e = if not_sent > 0 || stopping.finished.get().passing > 0 || called_off > 0 {
            e.hint(step.clone())
        } else {
            e
        };
        return Err(if journal.is_planning() {
            e.hint(unlisted)
        } else {
            e
        });
    }
    if let Some(why) = journal.failure() {
        return Err(CliError::failure(format!(
            "cannot write the journal {}: {why}; dispatching stopped, {} not sent",
            journal.path().display(),
            crate::ui::counted(not_sent, "item", "items")
        ))
        .hint(format!("free some space, then {step}")));
    }
    // Judged on what this session sent: a resume's earlier sessions are in the summary.
    if failures > 0 && done_now == 0 && forbidden == failures {
        return Err(refused_all(&summary, &header.agent, failures));
    }
    if summary.failed > 0 {
        let e = CliError::new(
            ErrorKind::PartialBulk,
            format!(
                "{} of {} failed",
                summary.failed,
                crate::ui::counted(summary.total, "item", "items")
            ),
        );
        return Err(if resumable > 0 {
            e.hint(match &again {
                Again::Resume(resume) => format!(
                    "{resumable} of them failed for a passing reason, which `{resume}` sends again"
                ),
                Again::Restart(_) => {
                    format!("{resumable} of them failed for a passing reason; {step}")
                }
            })
        } else {
            // The items' results say why each failed; the hint does not point at them, since
            // the console's status line shows only the first (new user).
            e.hint("none failed for a passing reason, so a resume would not send them again")
        });
    }
    if no_room > 0 {
        let why = full.why();
        return Err(CliError::new(
            ErrorKind::PartialBulk,
            format!(
                "{no_room} of {} {}: {why}",
                crate::ui::counted(summary.total, "item", "items"),
                if no_room == 1 {
                    "was left where it is"
                } else {
                    "were left where they are"
                }
            ),
        )
        .hint(crate::usecases::spread::no_room_hint_now(client, &full).await)
        // As a failure not worth another try says (a loop resuming until exit 0 waits on them).
        .hint("they ended where they are, so a resume would not send them again"));
    }
    Ok(())
}

/// The agents that items in flight were sent to from a pool, journaled before each attempt.
struct Picks<'j> {
    journal: &'j Journal,
    /// Items without an end yet, or failed and waiting for another pass.
    earlier: std::sync::Mutex<HashMap<u64, Pick>>,
}

impl Picks<'_> {
    fn earlier(&self, n: u64) -> Option<Pick> {
        self.earlier.lock().ok()?.get(&n).cloned()
    }

    /// Records where item `n` goes now; false when the journal cannot say so (then it is not
    /// sent).
    fn record(&self, n: u64, pick: &Pick) -> bool {
        let written = self
            .journal
            .record(&Line::Pick {
                n,
                agent: pick.agent.clone(),
                version: pick.version,
            })
            .is_some();
        if written && let Ok(mut earlier) = self.earlier.lock() {
            earlier.insert(n, pick.clone());
        }
        written
    }

    /// Item `n` ended for good: its agent need not be remembered.
    fn forget(&self, n: u64) {
        if let Ok(mut earlier) = self.earlier.lock() {
            earlier.remove(&n);
        }
    }
}

/// What every item of a run is sent with.
struct Sending<'r> {
    client: &'r Client,
    journal: &'r Journal,
    router: &'r Router,
    picks: &'r Picks<'r>,
    watch: &'r Watch,
    /// The workspace's agents, listed when an agent named first refuses an item for want of
    /// room (None: they could not be listed), to say who it is and its capacity.
    agents: tokio::sync::OnceCell<Option<Vec<Agent>>>,
    /// The workspace's departments, listed when a department's pool has no room, to name it
    /// as the run was asked (`@department:billing`, not the plan's `dp_2`).
    departments: tokio::sync::OnceCell<Option<Vec<livectl_contract::Department>>>,
}

impl Sending<'_> {
    /// The pool of `route` as people named it: a department by its key (or name), as a dry run
    /// says it; by its id when the departments cannot be listed.
    async fn pool_named(&self, route: &Route) -> String {
        if route.department.is_none() {
            return route.pool.to_string();
        }
        let departments = self
            .departments
            .get_or_init(|| async { self.client.departments().await.ok() })
            .await;
        crate::usecases::spread::pool_named(route, departments.as_deref())
    }

    /// How an answer ends its item, with what it says of the whole run (`Watch`).
    fn classify<T>(&self, answer: Result<T, ClientError>) -> Ending {
        self.watch.heard(&answer);
        if let Err(e) = &answer
            && e.status() == Some(403)
        {
            self.watch.forbidden.set(self.watch.forbidden.get() + 1);
        }
        classify(answer).into()
    }

    /// The workspace's agents, listed once when first needed (None: they could not be).
    async fn agents(&self) -> &Option<Vec<Agent>> {
        self.agents
            .get_or_init(|| async { self.client.agents().await.ok() })
            .await
    }

    /// The items given to each agent, most first, each agent by name as the platform lists it.
    async fn given(&self, given: HashMap<String, u64>) -> Vec<Given> {
        let agents = self.agents().await;
        Given::sorted(given, |agent| {
            agents
                .iter()
                .flatten()
                .find(|a| a.id == agent)
                .map(|a| a.name.clone())
        })
    }

    /// Agent `id`, which refused an item for want of room (409 `at_capacity`), by name and
    /// capacity as the platform lists it; by id alone when it cannot.
    async fn full(&self, id: &str) -> Full {
        let agents = self.agents().await;
        let now = agents.iter().flatten().find(|a| a.id == id);
        Full {
            id: Some(id.to_owned()),
            name: now.map(|a| a.name.clone()),
            max_load: now.and_then(|a| a.max_load),
            owns: false,
        }
    }
}

/// Why a run stops sending before its items end, from the answers themselves: sending the rest
/// could only fail the same way, and each would then be a failure to read through.
enum Halt {
    /// 401: the platform no longer knows the token; nothing was done with it. What it said.
    Refused(String),
    /// No answer at all, item after item: the platform is gone. The last item's error.
    Gone(String),
    /// A failure of its own (5xx), item after item, each after its retries: the platform is
    /// broken, and the rest would fail the same way. The last item's error.
    Failing(String),
}

/// Watches a run's answers for a `Halt`.
struct Watch {
    halt: RefCell<Option<Halt>>,
    /// Told when the run halts, so a listing in progress stops too.
    stopped: Notify,
    /// Items that ended with no answer, or a failure of the platform's own (5xx), since the
    /// last one that had another answer.
    unanswered: std::cell::Cell<u32>,
    /// That many in a row mean the platform is gone, or broken: each had the retries the
    /// run's budget still allowed.
    gone_after: u32,
    /// The longest the platform asked to be left alone (`Retry-After`) in a failure since the
    /// last pass: the next pass waits at least that long.
    asked: std::cell::Cell<Option<Duration>>,
    /// Items refused 403 in this run: never sent again, so each is an item failed for good.
    /// When they are every failure of a run that did nothing, the run exits as a refused
    /// action does (`refused_all`).
    forbidden: std::cell::Cell<u64>,
}

impl Watch {
    fn new(concurrency: u16) -> Watch {
        Watch {
            halt: RefCell::new(None),
            stopped: Notify::new(),
            unanswered: std::cell::Cell::new(0),
            gone_after: 2 * u32::from(concurrency.max(4)),
            asked: std::cell::Cell::new(None),
            forbidden: std::cell::Cell::new(0),
        }
    }

    fn heard<T>(&self, answer: &Result<T, ClientError>) {
        match answer {
            Ok(_) => self.answered(),
            Err(e) => self.failed(e),
        }
    }

    /// One more item without a good answer; whether that makes enough in a row to stop.
    fn unanswered_again(&self) -> bool {
        self.unanswered.set(self.unanswered.get() + 1);
        self.unanswered.get() >= self.gone_after
    }

    /// The platform answered (whatever it said, but a failure of its own).
    fn answered(&self) {
        self.unanswered.set(0);
    }

    fn failed(&self, e: &ClientError) {
        if let Some(wait) = e.retry_after() {
            self.asked
                .set(Some(self.asked.get().map_or(wait, |asked| asked.max(wait))));
        }
        match e {
            ClientError::Connect { .. }
            | ClientError::Ended { .. }
            | ClientError::Timeout { .. } => {
                if self.unanswered_again() {
                    self.stop(Halt::Gone(e.to_string()));
                }
            }
            e if e.status() == Some(401) => {
                self.answered();
                self.stop(Halt::Refused(e.to_string()));
            }
            // A failure that says when to come back (`Retry-After`: a 503 in maintenance, a
            // 429) is a platform there and busy: the run's passes wait for it. It neither
            // counts towards a halt nor clears the count.
            e if e.retry_after().is_some() => {}
            // A 500 for every item, each retried, would go on to the end of the run (and
            // press a broken platform all the way): the same rule as for no answer.
            e if e.status().is_some_and(|s| s >= 500) => {
                if self.unanswered_again() {
                    self.stop(Halt::Failing(e.to_string()));
                }
            }
            // Any other failure is an answer, or a request that could not be made.
            _ => self.answered(),
        }
    }

    /// What a failure of the platform's own (routing an item to a pool) says, when it came
    /// from an answer or the lack of one.
    fn failed_within(&self, e: &CliError) {
        if let Some(e) = e
            .source
            .as_deref()
            .and_then(|s| s.downcast_ref::<ClientError>())
        {
            self.failed(e);
        }
    }

    /// The pause before pass `pass`: at least as long as the platform asked in a failure
    /// since the last one.
    fn pause_before(&self, pass: u32) -> Duration {
        pass_pause(pass, self.asked.take())
    }

    /// The first reason to stop is the one said.
    fn stop(&self, halt: Halt) {
        let mut halted = self.halt.borrow_mut();
        if halted.is_none() {
            *halted = Some(halt);
            self.stopped.notify_waiters();
        }
    }

    fn halted(&self) -> bool {
        self.halt.borrow().is_some()
    }
}

/// An item a worker takes: with its start recorded already, or from the feed with the items
/// ready at once behind it (`take_ahead`), none started yet.
#[expect(
    clippy::large_enum_variant,
    reason = "one at a time on each worker's stack, never boxed up in numbers"
)]
enum Taken {
    Started((u64, Item, String)),
    Fresh(Vec<(u64, Item)>),
}

/// The item a worker took from the feed, with the items ready at once behind it, up to
/// `ahead` in all; None when the plan could not be read on (its error kept in `unreadable`):
/// nothing of it is sent.
fn take_ahead(
    first: (u64, Item),
    feed: &tokio::sync::Mutex<Feed<'_>>,
    journal: &Journal,
    ahead: usize,
    unreadable: &RefCell<Option<CliError>>,
) -> Option<Vec<(u64, Item)>> {
    let mut batch = vec![first];
    if let Ok(mut feed) = feed.try_lock() {
        while batch.len() < ahead {
            match feed.next(journal).now_or_never() {
                Some(Some(Ok(line))) => batch.push(line),
                Some(Some(Err(e))) => {
                    unreadable.borrow_mut().get_or_insert(e);
                    return None;
                }
                Some(None) | None => break,
            }
        }
    }
    Some(batch)
}

/// Records the starts of the items taken, each with its key, in one write, just before the
/// first of them is sent: every item's key is in the journal before its first attempt, at one
/// write for several items while they flow. None when they could not be recorded: none of them
/// is sent.
///
/// An item started so and not sent is withdrawn when the run stops (`withdrawn` in the
/// journal); a kill leaves it in flight to a resume, which sends it with its key as it sends
/// any item in flight.
fn start(
    journal: &Journal,
    run_id: &str,
    batch: Vec<(u64, Item)>,
) -> Option<std::collections::VecDeque<(u64, Item, String)>> {
    let batch: std::collections::VecDeque<_> = batch
        .into_iter()
        .map(|(n, item)| {
            let key = key(run_id, &item);
            (n, item, key)
        })
        .collect();
    let starts = batch.iter().map(|(n, _, key)| Line::Start {
        n: *n,
        key: key.clone(),
    });
    journal.record_all(starts).then_some(batch)
}

/// One item, on the worker's `lane`, its start recorded with its key (`start`), then its end.
///
/// The end of an item done is deferred (`Journal::defer`): it goes out with the next record,
/// or when a worker is about to wait for anything (its next item, the rate) or stops: one
/// write an item instead of two while items flow. Within the run only the other ends are read
/// back (the summary's reasons); a kill that loses a deferred end leaves the item in flight in
/// the journal, where it was a moment before, so a resume sends it again with its key and the
/// platform replays its answer.
async fn act(sending: &Sending<'_>, lane: &mut Lane, n: u64, item: Item, key: String) -> Ended {
    let Sending { journal, picks, .. } = sending;
    let mut pooled = false;
    let Ending {
        outcome,
        reason,
        retry,
        no_room,
        given,
    } = match item.action.target() {
        // No agent had room when it was planned: left where it is, never forced.
        Some(to) if let Some(no_room) = NoRoom::of_mark(to) => Ending::left(no_room),
        Some(to) if let Some(route) = Route::decode(to) => {
            pooled = true;
            routed(sending, lane, &route, n, &item, &key).await
        }
        target => {
            // Only whether it acted matters here; the answer is not decoded.
            let answer: Result<serde::de::IgnoredAny, ClientError> = lane
                .act(
                    &item.id,
                    &item.action,
                    Send {
                        idempotency_key: Some(key),
                        if_match: item.version,
                    },
                )
                .await;
            match (answer, target) {
                // The agent filled up since the plan: the platform keeps its capacity, and
                // the item stays, said as a plan says an item no agent had room for.
                (
                    Err(ClientError::Problem {
                        status: 409,
                        problem,
                        ..
                    }),
                    Some(agent),
                ) if problem.code == ProblemCode::AtCapacity.as_str() => {
                    sending.watch.answered();
                    Ending::left(NoRoom::Agents(vec![sending.full(agent).await]))
                }
                (answer, Some(agent)) => sending.classify(answer).to(agent),
                (answer, None) => sending.classify(answer),
            }
        }
    };
    let end = Line::End {
        n,
        id: item.id.clone(),
        outcome,
        reason: reason.clone(),
        retry,
        no_room: no_room.as_ref().map(NoRoom::mark),
    };
    // Only what did not end done is read back (for the summary), from where its end is.
    let at = if outcome == ItemOutcome::Done {
        journal.defer(&end);
        None
    } else {
        journal.record(&end)
    };
    if !retry {
        picks.forget(n);
    }
    Ended {
        n,
        result: ItemResult {
            id: item.id,
            result: outcome,
            reason,
        },
        at,
        retry,
        no_room,
        given,
        routed: pooled,
    }
}

/// An item routed to a pool: its owner and department as they are now, then the least-loaded
/// agent of the pool with room; an agent that refuses it for want of room (409 `at_capacity`:
/// someone else filled it meanwhile) is marked full and the next is tried, with the same key.
async fn routed(
    sending: &Sending<'_>,
    lane: &mut Lane,
    route: &Route,
    n: u64,
    item: &Item,
    key: &str,
) -> Ending {
    let Sending {
        client,
        router,
        picks,
        ..
    } = sending;
    let now = match client.intervention(&item.id).await {
        Ok(i) => {
            sending.watch.answered();
            i
        }
        Err(e) => return sending.classify::<()>(Err(e)),
    };
    if route.pool == Pool::Department && now.department.is_none() {
        return Ending::left(NoRoom::NoDepartment);
    }
    let left = || async {
        Ending::left(NoRoom::Pool {
            pool: sending.pool_named(route).await,
            include_away: route.include_away,
        })
    };
    // Sent before (the answer lost): the same request again, same agent and same If-Match,
    // which the key replays if it was done; another request under that key would be refused.
    let mut earlier = picks.earlier(n);
    for _ in 0..crate::usecases::spread::OFFERS {
        // A pick the journal gave (an earlier session's) was never counted here.
        let counted = earlier.is_none();
        let pick = match earlier.take() {
            Some(pick) => pick,
            None => {
                let picked = router
                    .pick(
                        client,
                        route,
                        now.owner.as_deref(),
                        now.department.as_deref(),
                    )
                    .await;
                match picked {
                    Ok(Some(agent)) => Pick {
                        agent,
                        // The version the pick was made on when none was listed: an item
                        // that someone moved meanwhile is not moved again.
                        version: item.version.or(Some(now.version)),
                    },
                    Ok(None) => return left().await,
                    Err(e) => {
                        sending.watch.failed_within(&e);
                        return (ItemOutcome::Failed, Some(e.message), true).into();
                    }
                }
            }
        };
        let agent = pick.agent.clone();
        if !picks.record(n, &pick) {
            return (
                ItemOutcome::Failed,
                Some("the journal cannot be written; not sent".into()),
                true,
            )
                .into();
        }
        let action = item.action.given_to(&agent);
        let answer: Result<serde::de::IgnoredAny, ClientError> = lane
            .act(
                &item.id,
                &action,
                Send {
                    idempotency_key: Some(key.to_owned()),
                    if_match: pick.version,
                },
            )
            .await;
        match answer {
            Err(ClientError::Problem {
                status: 409,
                problem,
                ..
            }) if problem.code == ProblemCode::AtCapacity.as_str() => {
                sending.watch.answered();
                router.full(route, &agent).await;
            }
            answer => {
                if counted
                    && let Err(e) = &answer
                    && gives_room_back(e)
                {
                    router.release(route, &agent).await;
                }
                return sending.classify(answer).to(&agent);
            }
        }
    }
    left().await
}

/// Whether a pool's pick answered so was given nothing, so the room it counted goes to the
/// items that follow: a 4xx that nothing could follow (refused, changed meanwhile). An answer
/// that never came, a 5xx, or a 4xx retried (408, 429, the key still running: 409
/// `idempotency_conflict`) may yet be done: its room stays counted.
fn gives_room_back(e: &ClientError) -> bool {
    e.status()
        .is_some_and(|s| (400..500).contains(&s) && !retryable_status(s, e.code()))
}

/// Done, skipped (changed by someone else: never retried with a fresh version) or failed; a
/// failure that may pass later is marked for retry on resume.
fn classify<T>(answer: Result<T, ClientError>) -> (ItemOutcome, Option<String>, bool) {
    match answer {
        Ok(_) => (ItemOutcome::Done, None, false),
        Err(ClientError::Problem {
            status: 412,
            problem,
            ..
        }) => {
            let now = problem.current.map(|c| (c.version, c.state));
            (
                ItemOutcome::Skipped,
                Some(crate::model::changed_since(now)),
                false,
            )
        }
        Err(e) => {
            // Worth another try on resume: what the client itself would retry (a key still
            // running, a throttle, a 5xx) or a failure without an answer, unless the request
            // could not be made at all (sending it again cannot change that).
            // A 401 was refused before anything was done: sent again once the token is good.
            let retry = match e.status() {
                Some(401) => true,
                Some(status) => retryable_status(status, e.code()),
                None => !matches!(e, ClientError::Config(_)),
            };
            // Sent with no answer that says what became of it: "failed" alone read as not
            // done, and every such item of a stuck --fix had been (on-call check).
            let reason = if e.unanswered() {
                format!("{e} (it may have been done: a resume settles it, at most once)")
            } else {
                e.to_string()
            };
            (ItemOutcome::Failed, Some(reason), retry)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(status: u16, retry_after: Option<u64>) -> ClientError {
        ClientError::Status {
            status,
            reason: String::new(),
            body: String::new(),
            request: "POST /v1/interventions/iv_1/assign".into(),
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    /// An item sent with no answer that says what became of it may have been done, and its
    /// reason says so (the rows read "failed" alone, and each had been done, on-call check);
    /// one the platform answered is not said to be.
    #[test]
    fn an_item_without_an_answer_may_have_been_done() {
        let ended = ClientError::Ended {
            url: "http://127.0.0.1:9/v1/interventions/iv_1/return".into(),
            detail: "connection closed before message completed".into(),
        };
        let (outcome, reason, retry) = classify::<()>(Err(ended));
        assert_eq!((outcome, retry), (ItemOutcome::Failed, true));
        assert!(
            reason
                .as_deref()
                .unwrap()
                .ends_with(" (it may have been done: a resume settles it, at most once)"),
            "{reason:?}"
        );
        for answered in [
            refused(409, None),
            refused(429, Some(1)),
            refused(503, None),
        ] {
            let (_, reason, _) = classify::<()>(Err(answered));
            assert!(!reason.unwrap().contains("may have been done"));
        }
        let (_, reason, _) = classify::<()>(Err(refused(502, None)));
        assert!(reason.unwrap().contains("may have been done"));
    }

    /// A pool's pick gives its room back only when nothing could follow the answer: refused or
    /// changed meanwhile, not a 408, a 429, a key still running (409 `idempotency_conflict`),
    /// a 5xx or no answer (the review: any 4xx gave it back).
    #[test]
    fn a_pick_gives_its_room_back_only_when_nothing_can_follow() {
        for status in [400, 403, 404, 412, 422] {
            assert!(gives_room_back(&refused(status, None)), "{status}");
        }
        for status in [408, 429, 500, 503] {
            assert!(!gives_room_back(&refused(status, None)), "{status}");
        }
        let problem = |code: &str| ClientError::Problem {
            status: 409,
            problem: Box::new(
                serde_json::from_value(serde_json::json!({
                    "type": "about:blank", "title": "Conflict", "status": 409,
                    "detail": "d", "code": code,
                }))
                .unwrap(),
            ),
            request: "POST /v1/interventions/iv_1/assign".into(),
            retry_after: None,
        };
        assert!(!gives_room_back(&problem("idempotency_conflict")));
        assert!(gives_room_back(&problem("invalid_transition")));
        let unanswered = ClientError::Connect {
            url: "http://127.0.0.1:9".into(),
            detail: "refused".into(),
        };
        assert!(!gives_room_back(&unanswered));
    }

    /// Eight failures of the platform's own in a row halt a run (concurrency 4); a busy
    /// platform's answers (`Retry-After`) neither count nor clear the count, another answer
    /// clears it.
    #[test]
    fn failures_of_the_platform_item_after_item_halt_but_a_busy_one_does_not() {
        let watch = Watch::new(4);
        for _ in 0..7 {
            watch.failed(&refused(500, None));
        }
        for _ in 0..20 {
            watch.failed(&refused(503, Some(1)));
            watch.failed(&refused(429, Some(1)));
        }
        assert!(!watch.halted());
        watch.failed(&refused(502, None));
        assert!(watch.halted());
        assert!(matches!(&*watch.halt.borrow(), Some(Halt::Failing(_))));
        let watch = Watch::new(4);
        for _ in 0..7 {
            watch.failed(&refused(500, None));
        }
        watch.failed(&refused(409, None));
        watch.failed(&refused(500, None));
        assert!(
            !watch.halted(),
            "a 409 is an answer: the count starts again"
        );
    }

    #[test]
    fn the_next_pass_waits_for_the_longest_retry_after_of_this_one() {
        let watch = Watch::new(4);
        for answer in [
            refused(503, Some(7)),
            refused(429, Some(12)),
            refused(500, None),
            refused(429, Some(2)),
        ] {
            watch.heard::<()>(&Err(answer));
        }
        assert!(watch.pause_before(1) >= Duration::from_secs(12));
        // Taken by that pass: the one after it asks again.
        assert_eq!(watch.pause_before(1), Duration::from_secs(1));
        assert!(!watch.halted());
    }
}
