//! Phases 1 and 2 of a run: the plan streamed into the journal (or printed, for a dry run), then
//! the confirmation with the count and a sample. Declined, nothing is left behind. A run chosen
//! by filters and confirmed already (`--yes`) needs no count: its plan goes on while the first
//! items are sent (`dispatch::Live`).

use std::collections::HashMap;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures_util::StreamExt;
use futures_util::stream::LocalBoxStream;
use livectl_client::Client;

use super::check;
use super::dispatch::{Live, Run, execute};
use super::journal::{self, FORMAT, Header, Planner, Scan};
use super::{Options, Plan, new_run_id};
use crate::error::{CliError, ErrorKind};
use crate::model::{Given, Item, Names, NoRooms, Summary};
use crate::ui::{Ui, prompt};
use crate::usecases::lookup::{self, NamesOf};
use crate::usecases::targets::Source;

/// How many ids the confirmation shows.
const SAMPLE: usize = 5;

/// Runs a plan, then prints the summary. Exit 3 when an item failed, or when a plan to be
/// confirmed would change nothing (then nothing is sent: `changes_nothing`), 130 when interrupted, 1
/// when the journal could not be written (before the run: nothing was sent; during it: the
/// journal is resumable). `target` says where requests go, for people reading the journal.
pub async fn run(
    client: &Client,
    ui: &Ui,
    target: &str,
    plan: Plan<'_>,
    options: &Options,
) -> Result<(), CliError> {
    let Plan {
        command,
        describe,
        items,
        source,
        repeats,
        chooses,
    } = plan;
    let by_filter = source == Source::Filters;
    // The journal named is judged before anything is listed, asked or sent, a dry run's too.
    if let Some(path) = &options.journal {
        Planner::judge(path, &command.name)?;
    }
    // Items are judged when what the run would do is said before anything is sent (a dry run,
    // a person asked to confirm, a run refused for want of --yes), so what is said is what
    // the platform would answer: ids looked up, items listed by filters as listed (no
    // request). Ids are not looked up only to refuse a run for want of --yes (a GET an id to
    // say "pass --yes"; the dry run the hint names does).
    let looked_up = options.dry_run || (!options.yes && (ui.interactive() || by_filter));
    let concurrency = options.pace.fresh().concurrency;
    if options.dry_run {
        let names = Rc::new(people(client, ui).await?);
        let items = if looked_up {
            let me = client.me().await?.agent;
            check::looked_up(client, me, names.clone(), items, concurrency)
        } else {
            items
        };
        return dry_run(client, ui, &names, items, source, &repeats, chooses).await;
    }
    super::check_shape(ui)?;
    // Who runs it is asked while the first targets are listed.
    let mut items = items.peekable();
    let (me, nothing) = tokio::join!(client.me(), async {
        Pin::new(&mut items).peek().await.is_none()
    });
    let me = me?;
    if nothing {
        note_repeats(ui, &repeats);
        ui.note(nothing_to_do(source));
        // A script asking for JSON gets the summary of a run of nothing, not an empty stdout.
        return ui.bulk_summary(&Summary::nothing(&command.name), std::iter::empty());
    }
    let mut items = items.boxed_local();
    if looked_up {
        let names = Rc::new(people(client, ui).await?);
        items = check::looked_up(client, me.agent.clone(), names, items, concurrency);
    }
    if !options.yes && !ui.interactive() {
        // Nobody can confirm: count what would change, to refuse with the count, unless it is
        // one id, which needs no confirmation.
        let (mut count, mut unchanged) = (0u64, Unchanged::default());
        let mut first = None;
        while let Some(item) = items.next().await {
            let item = item?;
            count += 1;
            unchanged.count(&item);
            first.get_or_insert(item);
        }
        note_repeats(ui, &repeats);
        let asked = Asked {
            action: &command.name,
            describe: &describe,
            count,
            unchanged,
            sample: &[],
        };
        confirm(client, ui, &asked, by_filter, false).await?;
        items = futures_util::stream::iter(first.map(Ok)).boxed_local();
    }
    let run_id = options.run_id.clone().unwrap_or_else(new_run_id);
    let path = match &options.journal {
        Some(path) => path.clone(),
        None => journal::runs_dir()?.join(journal::file_name(&run_id)),
    };
    let header = Header {
        journal: FORMAT.into(),
        version: journal::VERSION,
        run_id,
        action: command.name.clone(),
        workspace: me.workspace.id,
        agent: me.agent.id,
        target: target.to_owned(),
        created_at: jiff::Timestamp::now(),
        pace: options.pace.fresh(),
        chooses,
    };
    // A Ctrl-C while planning: nothing was sent, and the unfinished journal goes. Listening
    // starts before the journal exists, so no Ctrl-C can leave one behind.
    let _claim = crate::signals::claim();
    let ctrl_c = crate::signals::interrupted();
    tokio::pin!(ctrl_c);
    tokio::select! {
        biased;
        () = &mut ctrl_c => return Err(interrupted_while_planning()),
        () = std::future::ready(()) => {}
    }
    let mut planner = Planner::create(&path, &header, options.journal_limit)?;
    if options.yes && by_filter {
        // Confirmed already, and listed by the platform: the items are planned as they are
        // sent, so the first go out while the rest are still listed. Ids given (stdin) are
        // planned whole first, so a bad line sends nothing.
        let plan_at = planner.plan_at();
        let journal = planner.stream()?;
        ui.note(format!("journal: {}", path.display()));
        let run = Run {
            journal,
            header,
            scan: Scan::fresh(0, plan_at),
            live: Some(Live { items, repeats }),
        };
        return execute(client, ui, run, &command, options).await;
    }
    let mut sample = Vec::new();
    let mut unchanged = Unchanged::default();
    loop {
        let next = tokio::select! {
            biased;
            () = &mut ctrl_c => {
                planner.abandon();
                return Err(interrupted_while_planning());
            }
            next = items.next() => next,
        };
        match next {
            None => break,
            Some(Ok(item)) => {
                if sample.len() < SAMPLE {
                    sample.push(item.id.clone());
                }
                unchanged.count(&item);
                planner = planner.plan(&item)?;
            }
            Some(Err(e)) => {
                planner.abandon();
                return Err(e);
            }
        }
    }
    note_repeats(ui, &repeats);
    let count = planner.items();
    let plan_at = planner.plan_at();
    let journal = planner.finish()?;
    let asked = Asked {
        action: &command.name,
        describe: &describe,
        count,
        unchanged,
        sample: &sample,
    };
    if let Err(e) = confirm(client, ui, &asked, by_filter, options.yes).await {
        journal.remove();
        return Err(e);
    }
    ui.note(format!("journal: {}", path.display()));
    let scan = Scan::fresh(count, plan_at);
    let run = Run {
        journal,
        header,
        scan,
        live: None,
    };
    execute(client, ui, run, &command, options).await
}

/// A Ctrl-C before anything was sent.
pub(super) fn interrupted_while_planning() -> CliError {
    CliError::interrupted("interrupted while planning: nothing was sent")
}

pub(super) fn note_repeats(ui: &Ui, repeats: &AtomicU64) {
    let repeated = repeats.load(Ordering::SeqCst);
    if repeated > 0 {
        ui.note(format!(
            "ignored {}",
            crate::ui::counted(repeated, "repeated id", "repeated ids")
        ));
    }
}

/// `--dry-run`: the plan printed as it streams; nothing is sent and no journal is written.
async fn dry_run(
    client: &Client,
    ui: &Ui,
    names: &Names,
    items: LocalBoxStream<'_, Result<Item, CliError>>,
    source: Source,
    repeats: &AtomicU64,
    chooses: bool,
) -> Result<(), CliError> {
    let printed = print(ui, names, items).await?;
    note_repeats(ui, repeats);
    if printed.count == 0 {
        ui.note(nothing_to_do(source));
    } else {
        ui.note(format!(
            "dry run: {} would be changed{}; nothing was sent",
            interventions(printed.changed()),
            printed.unchanged.said()
        ));
    }
    // A spread says who would get how many, as its run says who got them: by name, which a
    // plan printed for a pipe did not look up.
    if Given::worth_saying(chooses, printed.given.len()) {
        let looked_up;
        let names = if printed.given.keys().all(|a| names.get(a).is_some()) {
            names
        } else {
            looked_up = lookup::names(client, NamesOf::People)
                .await
                .unwrap_or_default();
            &looked_up
        };
        let given = Given::sorted(printed.given, |agent| names.get(agent).map(str::to_owned));
        ui.note(format!("dry run: would give {}", Given::said(&given)));
    }
    Ok(())
}

/// What a printed plan holds.
pub(super) struct Printed {
    /// Its items.
    pub count: u64,
    /// Those a run would not change.
    pub unchanged: Unchanged,
    /// The items it would give each agent, by id.
    pub given: HashMap<String, u64>,
}

impl Printed {
    /// The items a run would change.
    pub fn changed(&self) -> u64 {
        self.count - self.unchanged.total()
    }
}

/// The items of a plan that a run would not change, as a dry run and a confirmation count them.
#[derive(Debug, Clone, Default)]
pub(super) struct Unchanged {
    /// No agent of their pool had room for them: a run leaves them where they are.
    pub unplaced: u64,
    /// Who had no room for them, as a run's last message says it.
    pub full: NoRooms,
    /// The platform would refuse them as they stand (judged: `Item::refused`).
    pub refused: u64,
    /// Of those, refused 403: the caller may not (`check::FORBIDDEN`).
    pub forbidden: u64,
}

impl Unchanged {
    /// Counts `item` if a run would not change it.
    pub fn count(&mut self, item: &Item) {
        if let Some(why) = &item.refused {
            self.refused += 1;
            if why.starts_with(check::FORBIDDEN) {
                self.forbidden += 1;
            }
        } else if let Some(who) = item.unplaced() {
            self.unplaced += 1;
            self.full.add(who);
        }
    }

    pub fn total(&self) -> u64 {
        self.unplaced + self.refused
    }

    /// `, 3 left where they are (Bo Chen (ag_3) is at its max_load of 2), 2 would be refused`,
    /// or what of it there is, or nothing.
    pub fn said(&self) -> String {
        let mut said = String::new();
        if self.unplaced > 0 {
            let place = if self.unplaced == 1 {
                "it is"
            } else {
                "they are"
            };
            said += &format!(
                ", {} left where {place} ({})",
                self.unplaced,
                self.full.why()
            );
        }
        if self.refused > 0 {
            said += &format!(", {} would be refused", self.refused);
        }
        said
    }
}

/// `1 intervention`, `3 interventions`.
fn interventions(n: u64) -> String {
    crate::ui::counted(n, "intervention", "interventions")
}

/// The names a plan's table shows agents by, and its reasons too (`check::looked_up`); none
/// for a pipe or a script, which get ids.
pub(super) async fn people(client: &Client, ui: &Ui) -> Result<Names, CliError> {
    if ui.tables() {
        lookup::names(client, NamesOf::People).await
    } else {
        Ok(Names::default())
    }
}

/// Items of a plan printed in the run's format as they come (a dry run's, a dry resume's),
/// agents by `names` (`people`); how many would be sent, and how many not.
pub(super) async fn print(
    ui: &Ui,
    names: &Names,
    mut items: LocalBoxStream<'_, Result<Item, CliError>>,
) -> Result<Printed, CliError> {
    let mut out = ui.stream::<Item>(names)?;
    let mut unchanged = Unchanged::default();
    let mut given = HashMap::new();
    while let Some(item) = items.next().await {
        let item = item?;
        unchanged.count(&item);
        if let Some(agent) = given_to(&item) {
            *given.entry(agent.to_owned()).or_insert(0) += 1;
        }
        out.item(&item)?;
    }
    let count = out.count() as u64;
    drop(out.finish()?);
    Ok(Printed {
        count,
        unchanged,
        given,
    })
}

/// The agent an item of a plan would be given to: its action's agent, unless it would be
/// refused, was left for want of room, or goes to a pool picked from as it is sent.
fn given_to(item: &Item) -> Option<&str> {
    if item.refused.is_some() || item.unplaced().is_some() {
        return None;
    }
    item.action
        .target()
        .filter(|to| crate::usecases::pool::Route::decode(to).is_none())
}

/// What a run with no target says (exit 0): a pipe from a listing that found nothing is such a
/// run, as filters that match nothing are.
fn nothing_to_do(source: Source) -> &'static str {
    match source {
        Source::Stdin => "stdin held no ids: no intervention was changed",
        Source::Arguments | Source::Filters => "nothing matches: no intervention was changed",
    }
}

/// Items chosen by filters always need a yes: their count is only known now. Ids need one
/// from two items on.
fn needs_confirmation(count: u64, by_filter: bool) -> bool {
    count > 1 || by_filter
}

/// What a confirmation asks about: the plan's items, those a run would not change among them
/// (left where they are, refused: not counted as changes), a sample of ids.
struct Asked<'a> {
    /// The run's command (`Command::name`): whose permission a refusal names.
    action: &'a str,
    describe: &'a str,
    count: u64,
    unchanged: Unchanged,
    sample: &'a [String],
}

/// `3 interventions, 2 left where they are (no agent has capacity)`: what a run would change,
/// as its dry run counts it.
fn would_change(count: u64, unchanged: &Unchanged) -> String {
    format!(
        "{}{}",
        interventions(count - unchanged.total()),
        unchanged.said()
    )
}

/// A run nobody can confirm (no terminal, no --yes). Its ids are not looked up for it, so what
/// it names is not said as what it would change ("would change 2" of two ids that do not
/// exist: supervisor check), but for what a pool's plan judged already.
fn unconfirmed(ui: &Ui, describe: &str, count: u64, unchanged: &Unchanged) -> CliError {
    let what = if unchanged.total() == 0 {
        format!("this run names {}", interventions(count))
    } else {
        format!("this run would change {}", would_change(count, unchanged))
    };
    // Why nobody is asked, by what `Ui::interactive` found (a terminal blamed on `--no-input`
    // misled: review).
    let why = if ui.no_input {
        "--no-input asks nobody"
    } else if !ui.stdin_tty {
        "stdin is not a terminal"
    } else if !ui.stdout_tty {
        "stdout is not a terminal"
    } else {
        "stderr is not a terminal"
    };
    CliError::usage(format!("{what} ({describe}); nothing was changed")).hint(format!(
        "{why}, so nobody can be asked to confirm: pass --yes to go ahead, or --dry-run to see what it would do"
    ))
}

/// A run that would change no intervention (each item left where it is for want of room, or
/// refused as it stands): said as its dry run counts it, with what would help, and ended before
/// anything is sent rather than asked about (a yes would only send what the platform refuses).
/// Exit 3, as a run that left its items undone ends: the items asked for were not done; exit 4
/// when the caller may act on none of them, as the same run sent ends (`refused_all`).
async fn changes_nothing(
    client: &Client,
    action: &str,
    describe: &str,
    unchanged: &Unchanged,
) -> CliError {
    let kind = if unchanged.unplaced == 0 && unchanged.forbidden == unchanged.refused {
        ErrorKind::Auth
    } else {
        ErrorKind::PartialBulk
    };
    let mut e = CliError::new(
        kind,
        format!(
            "{describe} would change no intervention: {}; nothing was sent",
            unchanged.said().trim_start_matches(", ")
        ),
    );
    if unchanged.unplaced > 0 {
        e = e.hint(crate::usecases::spread::no_room_hint_now(client, &unchanged.full).await);
    }
    if unchanged.refused > 0 {
        e = e.hint("--dry-run lists each item with why the platform would refuse it");
    }
    if kind == ErrorKind::Auth {
        e = e.hint(super::dispatch::who_may(action));
    }
    e
}

/// Asks to confirm a run that needs it (`needs_confirmation`, no --yes): on a terminal, the
/// count and a sample; refused without one (`unconfirmed`). A run that would change nothing is
/// not asked about (`changes_nothing`).
async fn confirm(
    client: &Client,
    ui: &Ui,
    asked: &Asked<'_>,
    by_filter: bool,
    yes: bool,
) -> Result<(), CliError> {
    let Asked {
        action,
        describe,
        count,
        ref unchanged,
        sample,
    } = *asked;
    if !needs_confirmation(count, by_filter) || yes {
        return Ok(());
    }
    if count > 0 && unchanged.total() == count {
        return Err(changes_nothing(client, action, describe, unchanged).await);
    }
    if !ui.interactive() {
        return Err(unconfirmed(ui, describe, count, unchanged));
    }
    let more = if count > sample.len() as u64 {
        ", …"
    } else {
        ""
    };
    let question = format!(
        "{describe}: {} ({}{more})?",
        would_change(count, unchanged),
        sample.join(", ")
    );
    if prompt::confirm(ui, &question, false)? {
        Ok(())
    } else {
        Err(CliError::declined("nothing was changed"))
    }
}
