//! `livectl autopilot`: an on-call fixer that runs until stopped. It follows the event stream
//! (resumed with Last-Event-ID), looks at the platform when something changed or when a pending
//! rule falls due, and sends what its rules decide through the bulk engine, with If-Match at
//! the version it saw and a journal, so two autopilots (or an autopilot and a person) never
//! move an item twice: the second is refused 412 and reported as skipped.
//!
//! - `rules.rs`: the rules and settings, from flags or a TOML file;
//! - `decide.rs`: the judgement, with no I/O;
//! - here: the loop, the moves and the summary.

mod decide;
pub mod rules;

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Duration;

use futures_util::TryStreamExt;
use jiff::Timestamp;
use livectl_client::{Client, ClientError, FULL_PAGE, Outage, Update};
use livectl_contract::{ActionKind, Intervention, InterventionQuery, Role, States};

use self::decide::{Decided, World, decide};
use self::rules::Settings;
use super::bulk::{self, journal};
use super::lookup::{self, NamesOf};
use super::spread::{self, To};
use crate::error::{CliError, ErrorKind};
use crate::model::{AutopilotSummary, ItemOutcome, Names, NoRoom};
use crate::ui::{Reach, StreamNotes, Ui};
use crate::usecases::targets::Source;

/// The longest the autopilot goes without looking, when nothing is due and nothing happens:
/// a deactivation, for one, is no event.
const IDLE_LOOK: Duration = Duration::from_secs(30);
/// The shortest pause between two looks, so a burst of events costs one look.
const SETTLE: Duration = Duration::from_millis(100);

/// How a run goes.
pub struct Options {
    pub dry_run: bool,
    /// Catch up once and stop (cron, tests).
    pub once: bool,
    /// Where each batch's journal goes (the runs directory when None).
    pub journal_dir: Option<PathBuf>,
    /// The test hook LIVECTL_JOURNAL_LIMIT, passed on to the engine.
    pub journal_limit: Option<u64>,
    /// The flags that reached the platform (`connect::reach`), repeated in the command a
    /// batch that stopped suggests.
    pub reach: Reach,
    /// The agent whose token the autopilot acts with (`check_admin`): a service account, or
    /// the person on call. A pool hands work on to the others, never to it.
    pub me: String,
}

/// Refuses a token that is not an admin's (exit 4) before anything is watched: an autopilot
/// moves other agents' work. The admin's agent id.
pub async fn check_admin(client: &Client) -> Result<String, CliError> {
    let me = client.me().await?;
    if me.agent.role != Role::Admin {
        return Err(CliError::new(
            ErrorKind::Auth,
            format!(
                "autopilot moves other agents' work and needs an admin's token; this one acts as {} ({}), an agent",
                me.agent.name, me.agent.id
            ),
        )
        .hint("use an admin's profile or LIVECTL_TOKEN"));
    }
    Ok(me.agent.id)
}

/// Runs until stopped (Ctrl-C or SIGTERM), or after one look with `once`; the summary, also
/// when it ends with an error (a platform gone longer than it rides out, a full disk), and how
/// it ended. `to` is `--to` resolved (`resolve_to`), before the run is announced.
pub async fn run(
    client: &Client,
    target: &str,
    ui: &Ui,
    settings: &Settings,
    to: To,
    options: &Options,
) -> (AutopilotSummary, Result<(), CliError>) {
    let names = match lookup::names(client, NamesOf::People).await {
        Ok(names) => names,
        Err(e) => return (AutopilotSummary::default(), Err(e)),
    };
    let started = std::time::Instant::now();
    let mut pilot = Pilot {
        client,
        target,
        settings,
        options,
        ui,
        names,
        to,
        summary: AutopilotSummary::default(),
        seen: HashSet::new(),
        platform: StreamNotes::platform(ui),
        outage: client.outage(),
    };
    // A stop is handled here: between looks it ends the watch at once; during a batch the
    // engine lets what is in flight finish.
    let _claim = crate::signals::claim();
    let result = pilot.watch().await;
    pilot.summary.seconds = started.elapsed().as_secs();
    match result {
        // A stop asked for while a batch was in flight: it finished, the summary follows. A
        // run until stopped ends so (0, as `watch`); one look cut short did not do what it was
        // run for, and says so as a bulk run does (130: it exited 0, its moves unknown:
        // automation check).
        Err(e) if e.kind == ErrorKind::Interrupted && !options.once => (pilot.summary, Ok(())),
        ended => (pilot.summary, ended),
    }
}

/// The error a run with `--once` ends with when a move failed or was left where it was for
/// want of an agent of `--to` with capacity (the summary's `left_why`): exit 3, as a bulk run
/// with items not done. A run until stopped, or a dry run, is not judged by what it left.
pub fn undone(summary: &AutopilotSummary, options: &Options, to: &To) -> Option<CliError> {
    let left_why = summary.left_why.join("; ");
    let undone = summary.failed + summary.left;
    if !options.once || options.dry_run || undone == 0 {
        return None;
    }
    // Each clause only when it counts something: failures are not for want of capacity.
    let mut why = Vec::new();
    if summary.failed > 0 {
        why.push(format!("{} failed", summary.failed));
    }
    if summary.left > 0 {
        let place = if summary.left == 1 {
            "it is"
        } else {
            "they are"
        };
        why.push(format!("{} left where {place} ({left_why})", summary.left));
    }
    let mut e = CliError::new(
        ErrorKind::PartialBulk,
        format!(
            "{undone} of {} not done: {}",
            crate::ui::counted(summary.decisions, "decision", "decisions"),
            why.join(", ")
        ),
    );
    if summary.left > 0 {
        // `--include-away` is offered only for a pool it would widen (it was for `--to fay`:
        // new user).
        let widen = match to {
            To::Pool {
                include_away: false,
                ..
            } => " (or widen the pool with --include-away)",
            _ => "",
        };
        e = e.hint(format!("work goes only to online agents below their max_load, never to its own owner: see who is online, and their loads, with `livectl queues`; raise a max_load, or name more agents with --to{widen}"));
    }
    if summary.failed > 0 {
        e = e.hint(
            "each decision's line says why it failed; looked at again, the autopilot decides anew",
        );
    }
    Some(e)
}

/// `--to` resolved once (a pool stays a pool: its members are looked at every time): an
/// unknown agent or department is refused before anything is watched.
pub async fn resolve_to(client: &Client, settings: &Settings) -> Result<To, CliError> {
    spread::to(
        client,
        &Ui::silent(),
        &settings.to,
        settings.include_away,
        &settings.to_named,
    )
    .await
}

struct Pilot<'a> {
    client: &'a Client,
    target: &'a str,
    settings: &'a Settings,
    options: &'a Options,
    ui: &'a Ui,
    names: Names,
    to: To,
    summary: AutopilotSummary,
    /// (intervention, version, action) already decided: said once, sent once (a dry run, or an
    /// item left for want of capacity, is not said again until it changes).
    seen: HashSet<(String, i64, String)>,
    /// What is said while the platform fails the looks, and the outage they ride out.
    platform: StreamNotes<'a>,
    outage: Outage<'a>,
}

impl Pilot<'_> {
    async fn watch(&mut self) -> Result<(), CliError> {
        let mut events = self.client.events(None);
        let mut down = StreamNotes::new(self.ui, events.was_up());
        if !self.options.once {
            // Connected before catching up, so no change between the two is missed.
            loop {
                let update = tokio::select! {
                    update = events.next() => update?,
                    () = crate::signals::interrupted() => return Ok(()),
                };
                match update {
                    Update::Disconnected { error } => down.failed(&error, &error.class()),
                    _ => {
                        down.up();
                        break;
                    }
                }
            }
        }
        // Catch up first: what became stuck while no autopilot ran.
        let mut next = self.look().await?;
        if self.options.once || stopping() {
            return Ok(());
        }
        self.ui.note("caught up; watching the event stream");
        loop {
            let wait = next
                .map(|at| {
                    let now = Timestamp::now();
                    let left = at.duration_since(now).as_millis().max(0);
                    Duration::from_millis(u64::try_from(left).unwrap_or(0))
                })
                .unwrap_or(IDLE_LOOK)
                .min(IDLE_LOOK)
                .max(SETTLE);
            // Until something changes or a look falls due: a stream reconnecting (for as long
            // as an outage lasts) does not put the look off.
            let due = tokio::time::Instant::now() + wait;
            loop {
                let changed = tokio::select! {
                    update = events.next() => Some(update),
                    () = tokio::time::sleep_until(due) => None,
                    () = crate::signals::interrupted() => return Ok(()),
                };
                match changed {
                    Some(Ok(Update::Disconnected { error })) => down.failed(&error, &error.class()),
                    Some(Ok(Update::Connected { resumed: false })) => down.up(),
                    Some(Ok(Update::Undecodable { .. })) => {}
                    Some(Ok(Update::Connected { resumed: true })) => {
                        down.up();
                        self.ui.note("reconnected to the event stream");
                        break;
                    }
                    Some(Err(e)) => {
                        // The stream gave up: keep looking on the clock, and open it again.
                        self.ui.note(format!(
                            "the event stream stopped ({e}); looking every {}s meanwhile",
                            IDLE_LOOK.as_secs()
                        ));
                        let last = events.last_seen();
                        events = self.client.events(last);
                        down.up();
                        break;
                    }
                    Some(Ok(Update::Event(_) | Update::Status(_))) | None => break,
                }
            }
            tokio::select! {
                () = tokio::time::sleep(SETTLE) => {}
                () = crate::signals::interrupted() => return Ok(()),
            }
            // The platform gone (restarted, a network down a while) is ridden out as the
            // stream rides it out, under the client's one policy (`Outage`): looked at again
            // after each pause until it answers, for up to `OUTAGE`.
            next = loop {
                let failed = match self.look().await {
                    Ok(next) => break next,
                    Err(e) => e,
                };
                let Some(error) = transient(&failed) else {
                    return Err(failed);
                };
                if !self.outage.failed(error, true) {
                    let down = self.outage.down_for().unwrap_or_default();
                    return Err(CliError {
                        message: format!(
                            "the platform is still down after {}; giving up: {}",
                            crate::ui::elapsed(down),
                            failed.message
                        ),
                        ..failed
                    });
                }
                self.platform.failed(error, &error.class());
                tokio::select! {
                    () = self.outage.pause("the autopilot's look") => {}
                    () = crate::signals::interrupted() => return Ok(()),
                }
            };
        }
    }

    /// One look: the platform as it is, the decisions due, the moves sent; when to look next.
    async fn look(&mut self) -> Result<Option<Timestamp>, CliError> {
        let now = Timestamp::now();
        let agents = self.client.agents().await?;
        let queues = self.client.queues().await?;
        let query = InterventionQuery {
            state: States::open(),
            ..InterventionQuery::default()
        };
        let open: Vec<Intervention> = self
            .client
            .interventions(query, FULL_PAGE)
            .try_collect()
            .await?;
        // It answered: an outage it was in is over, said before what it decides.
        self.platform.back();
        self.outage.up();
        let world = World {
            agents: &agents,
            queues: &queues,
            open: &open,
            now,
            me: &self.options.me,
        };
        let (decided, next) = decide(self.settings, &self.to, &world);
        let fresh: Vec<Decided> = decided
            .into_iter()
            .filter(|d| {
                let key = (
                    d.decision.intervention.clone(),
                    d.decision.version,
                    format!("{}>{:?}", d.decision.action, d.decision.to),
                );
                // Sent moves change the version: only what was not sent is kept from repeating.
                let sent = d.item.is_some() && !self.options.dry_run;
                sent || self.seen.insert(key)
            })
            .collect();
        // Asked to stop while it looked: nothing is sent (said "on their way" of moves the
        // engine then never sent: review).
        if stopping() {
            return Err(stopped_looking());
        }
        if !fresh.is_empty() {
            self.act(fresh).await?;
        }
        Ok(next)
    }

    /// Sends the moves through the bulk engine and logs each decision with how it went.
    async fn act(&mut self, decided: Vec<Decided>) -> Result<(), CliError> {
        let (to_send, left): (Vec<Decided>, Vec<Decided>) =
            decided.into_iter().partition(|d| d.item.is_some());
        for d in left {
            self.summary.decisions += 1;
            self.summary.leave(d.decision.detail.as_deref());
            self.ui.decision(&self.names, &d.decision)?;
        }
        if to_send.is_empty() {
            return Ok(());
        }
        if self.options.dry_run {
            for mut d in to_send {
                d.decision.result = "dry run".into();
                self.summary.decisions += 1;
                self.summary.would += 1;
                self.ui.decision(&self.names, &d.decision)?;
            }
            return Ok(());
        }
        let dir = match &self.options.journal_dir {
            Some(dir) => dir.clone(),
            None => journal::runs_dir()?,
        };
        // Named after the run id its header holds, as every run's journal: `livectl runs` lists
        // it by that id, and `--resume ID` finds it in the runs directory.
        let run_id = bulk::new_run_id();
        let path = dir.join(journal::file_name(&run_id));
        let items: Vec<_> = to_send.iter().filter_map(|d| d.item.clone()).collect();
        let plan = bulk::Plan {
            command: bulk::Command::autopilot(&[
                ActionKind::Assign,
                ActionKind::Reassign,
                ActionKind::Return,
            ]),
            describe: "autopilot".into(),
            items: futures_util::StreamExt::boxed_local(futures_util::stream::iter(
                items.into_iter().map(Ok),
            )),
            source: Source::Filters,
            repeats: Default::default(),
            chooses: false,
        };
        let options = bulk::Options {
            yes: true,
            journal: Some(path.clone()),
            run_id: Some(run_id),
            journal_limit: self.options.journal_limit,
            reach: self.options.reach.clone(),
            ..bulk::Options::default()
        };
        let sending = to_send.len();
        let muted = Ui::muted();
        let run = bulk::run(self.client, &muted, self.target, plan, &options);
        tokio::pin!(run);
        // The engine says nothing through its muted ui: a first stop is said here (it said
        // nothing at all while its moves finished: automation check).
        let ran = tokio::select! {
            ran = &mut run => ran,
            () = crate::signals::interrupted() => {
                self.ui.note(if sending == 1 {
                    "stopping: the move on its way finishes first (Ctrl-C again stops waiting for it)".to_owned()
                } else {
                    format!("stopping: the {sending} moves on their way finish first (Ctrl-C again stops waiting for them)")
                });
                run.await
            }
        };
        let ended = ends(&path);
        let interrupted = matches!(&ran, Err(e) if e.kind == ErrorKind::Interrupted);
        // Items that failed or were left are reported one by one below; a batch that stopped
        // (a full disk, a token refused, the platform gone) ends the autopilot after its moves
        // so far are logged.
        let stopped = match ran {
            Ok(())
            | Err(CliError {
                kind: ErrorKind::PartialBulk | ErrorKind::Interrupted,
                ..
            }) => None,
            Err(e) => Some(e),
        };
        for mut d in to_send {
            let id = &d.decision.intervention;
            let (result, detail) = match ended.get(id) {
                Some(None) => {
                    self.summary.unknown += 1;
                    (
                        "unknown",
                        Some("sent, and its end was not recorded; started again, the autopilot looks at it anew".to_owned()),
                    )
                }
                Some(Some((ItemOutcome::Done, _, _))) => {
                    self.summary.done += 1;
                    ("done", None)
                }
                // The agent chosen filled up before the move: left where it is, as a look
                // leaves an item nobody has room for (the same count, the same exit 3).
                Some(Some((_, _, Some(no_room)))) => {
                    self.summary.leave(Some(&no_room.why()));
                    ("left", Some(no_room.reason()))
                }
                Some(Some((ItemOutcome::Skipped, reason, None))) => {
                    self.summary.skipped += 1;
                    ("skipped", reason.clone())
                }
                Some(Some((ItemOutcome::Failed, reason, None))) => {
                    self.summary.failed += 1;
                    ("failed", reason.clone())
                }
                None => {
                    // Stopped before it was sent.
                    continue;
                }
            };
            d.decision.result = result.into();
            d.decision.detail = detail;
            self.summary.decisions += 1;
            self.ui.decision(&self.names, &d.decision)?;
        }
        if let Some(e) = stopped {
            return Err(e);
        }
        if interrupted {
            return Err(CliError::interrupted(
                "interrupted while its moves were on their way; what became of each is said above",
            )
            .hint("run it again: it looks at the platform anew, and moves nothing twice"));
        }
        Ok(())
    }
}

/// A stop asked for while the autopilot looked, before it sent anything.
fn stopped_looking() -> CliError {
    CliError::interrupted("interrupted while it looked; nothing was moved")
        .hint("run it again: it looks at the platform anew")
}

/// The platform's transient failure behind an error (no answer, a 5xx, a 429), if that is
/// what it is: one to ride out rather than stop for.
fn transient(e: &CliError) -> Option<&ClientError> {
    e.source
        .as_deref()
        .and_then(|s| s.downcast_ref::<ClientError>())
        .filter(|c| c.is_transient())
}

/// Whether a stop was asked for already.
fn stopping() -> bool {
    use futures_util::FutureExt;
    crate::signals::interrupted().now_or_never().is_some()
}

/// How an item sent ended: its outcome, its reason, and who had no room for it.
type Ended = (ItemOutcome, Option<String>, Option<NoRoom>);

/// How each item of a journal sent ended, by intervention id: its outcome, its reason and who
/// had no room for it when it was left where it is for want of room, or None for one sent
/// whose end was not written (the journal stopped with it in flight). An item whose start went
/// out ahead and was withdrawn (the batch stopped before sending it) was not sent: it is not
/// here.
fn ends(path: &Path) -> HashMap<String, Option<Ended>> {
    let Ok(file) = std::fs::File::open(path) else {
        return HashMap::new();
    };
    let mut ids = HashMap::new();
    let mut ended = HashMap::new();
    for line in std::io::BufReader::new(file).lines().map_while(Result::ok) {
        match serde_json::from_str::<journal::Line>(&line) {
            Ok(journal::Line::Plan { n, id, .. }) => {
                ids.insert(n, id);
            }
            Ok(journal::Line::Start { n, .. }) => {
                if let Some(id) = ids.get(&n) {
                    ended.entry(id.clone()).or_insert(None);
                }
            }
            Ok(journal::Line::Withdrawn { n }) => {
                if let Some(id) = ids.get(&n)
                    && ended.get(id) == Some(&None)
                {
                    ended.remove(id);
                }
            }
            Ok(journal::Line::End {
                id,
                outcome,
                reason,
                no_room,
                ..
            }) => {
                let no_room = no_room.as_deref().and_then(NoRoom::of_mark);
                ended.insert(id, Some((outcome, reason, no_room)));
            }
            _ => {}
        }
    }
    ended
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A batch stopped with items started ahead and withdrawn reports only what it sent: a
    /// withdrawn item was logged "sent, and its end was not recorded" (the review).
    #[test]
    fn a_withdrawn_item_was_not_sent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("batch.ndjson");
        let lines = [
            r#"{"event":"plan","n":0,"id":"iv_1","action":"cancel","body":{}}"#,
            r#"{"event":"plan","n":1,"id":"iv_2","action":"cancel","body":{}}"#,
            r#"{"event":"plan","n":2,"id":"iv_3","action":"cancel","body":{}}"#,
            r#"{"event":"planned","items":3}"#,
            r#"{"event":"start","n":0,"key":"r:cancel:iv_1"}"#,
            r#"{"event":"start","n":1,"key":"r:cancel:iv_2"}"#,
            r#"{"event":"start","n":2,"key":"r:cancel:iv_3"}"#,
            r#"{"event":"end","n":0,"id":"iv_1","outcome":"done"}"#,
            r#"{"event":"withdrawn","n":2}"#,
        ];
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let ended = ends(&path);
        assert_eq!(
            ended.get("iv_1"),
            Some(&Some((ItemOutcome::Done, None, None)))
        );
        assert_eq!(ended.get("iv_2"), Some(&None), "sent, its end not written");
        assert_eq!(ended.get("iv_3"), None, "never sent");
    }

    /// What `--once` left undone names only what happened: failures are not for want of
    /// capacity.
    #[test]
    fn what_was_left_undone_names_only_what_happened() {
        let options = Options {
            dry_run: false,
            once: true,
            journal_dir: None,
            journal_limit: None,
            reach: Default::default(),
            me: "ag_1".into(),
        };
        let online = To::Pool {
            pool: crate::usecases::pool::Pool::Online,
            department: None,
            include_away: false,
        };
        let said = |failed, left| {
            let summary = AutopilotSummary {
                decisions: 3,
                failed,
                left,
                left_why: vec!["no agent of @online has room".into()],
                ..AutopilotSummary::default()
            };
            undone(&summary, &options, &online).map(|e| e.message)
        };
        assert_eq!(said(0, 0), None);
        assert_eq!(
            said(2, 0).as_deref(),
            Some("2 of 3 decisions not done: 2 failed")
        );
        assert_eq!(
            said(1, 1).as_deref(),
            Some(
                "2 of 3 decisions not done: 1 failed, 1 left where it is (no agent of @online has room)"
            )
        );
        // `--include-away` is offered for a pool it would widen, not for agents named.
        let left = AutopilotSummary {
            decisions: 1,
            left: 1,
            ..AutopilotSummary::default()
        };
        let widens = |to: &To| {
            undone(&left, &options, to)
                .unwrap()
                .hints
                .iter()
                .any(|h| h.contains("--include-away"))
        };
        assert!(widens(&online));
        assert!(!widens(&To::Agents(Vec::new())));
        let dry = Options {
            dry_run: true,
            ..options
        };
        let summary = AutopilotSummary {
            decisions: 1,
            failed: 1,
            ..AutopilotSummary::default()
        };
        assert!(
            undone(&summary, &dry, &online).is_none(),
            "a dry run sent nothing"
        );
    }
}
