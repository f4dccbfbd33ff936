//! `livectl watch` and `list --watch`: the live stream of changes, resumed after a dropped
//! connection with Last-Event-ID so nothing is missed.

use std::collections::HashMap;
use std::io::{StdoutLock, Write};

use clap::Args;
use livectl_client::{Client, EventStream, Update};
use livectl_contract::{Event, Intervention, InterventionQuery, ProblemCode, States, StreamEvent};

use super::Ctx;
use super::filters::Filters;
use crate::error::CliError;
use crate::model::Names;
use crate::ui::{ListWriter, Row, StreamNotes, Ui, View, timeline};
use crate::usecases::lookup::{self, NamesOf};

#[derive(Debug, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub filters: Filters,
}

/// The fields only an agent's status change has; with an intervention's (`Event`'s), the
/// fields of the changes the stream carries, for `--json`: a field one kind lacks is null there.
const STATUS_FIELDS: &[&str] = &["agent", "from", "to"];

/// The field each change's line carries its kind in: the SSE `event:` type, `intervention` or
/// `status` (`StreamEvent`). A script told them apart by which fields were there.
const TYPE: &str = "type";

fn change_fields() -> Vec<&'static str> {
    std::iter::once(&TYPE)
        .chain(<Event as Row>::FIELDS)
        .chain(STATUS_FIELDS)
        .copied()
        .collect()
}

pub async fn exec(args: WatchArgs, ctx: &Ctx) -> Result<(), CliError> {
    if ctx.ui.shape.sort.is_some() {
        return Err(endless("--sort", false));
    }
    ctx.ui.shape.check(&change_fields())?;
    let client = ctx.client().await?;
    let query = args.filters.query_watched(client, ctx.ui.now).await?;
    let (names, output) = if ctx.ui.for_people() {
        let names = lookup::names(client, NamesOf::People).await?;
        (names, Output::Timeline)
    } else {
        (Names::default(), Output::Changes)
    };
    let events = client.events(None);
    follow(&args.filters, query, ctx, events, &names, output).await
}

/// `--sort` (or another flag that orders a whole list) given to a stream that never ends:
/// `list --watch`'s (`watched_list`) or `watch`'s, which has no --watch to leave out.
pub fn endless(flag: &str, watched_list: bool) -> CliError {
    let e = CliError::usage(format!(
        "{flag}: a stream of changes never ends, so it cannot be ordered"
    ));
    if watched_list {
        e.hint(format!("leave out {flag}, or sort a list without --watch"))
    } else {
        e.hint(format!(
            "leave out {flag}; `livectl list {flag} FIELD` orders the interventions as they are"
        ))
    }
}

/// How the changes are written.
pub enum Output<'a> {
    /// A line of words for each change, for people (`watch`, `list --watch` on a terminal).
    Timeline,
    /// Each change as a JSON line, through `--json`/`--jq` when given (`watch` for scripts).
    Changes,
    /// The intervention each change leaves, as a row of the list before it (`list --watch`
    /// for scripts, as `kubectl get -w` writes): agents' status changes are not rows.
    Rows(Box<Rows<'a, StdoutLock<'static>>>),
}

/// The rows of a watched list: each intervention as it is when its change is read, a version
/// written once (changes that come in a burst are read after the last of them).
pub struct Rows<'a, W: Write> {
    writer: ListWriter<'a, W, Intervention>,
    /// The version last written of each intervention.
    written: HashMap<String, i64>,
}

impl<'a, W: Write> Rows<'a, W> {
    /// Going on from a list already written with `writer`, each of whose interventions is
    /// at the version `written` says.
    pub fn new(writer: ListWriter<'a, W, Intervention>, written: HashMap<String, i64>) -> Self {
        Rows { writer, written }
    }

    /// Writes the row, unless this version of it was written already.
    pub fn item(&mut self, now: &Intervention) -> Result<(), CliError> {
        if self.written.insert(now.id.clone(), now.version) == Some(now.version) {
            return Ok(());
        }
        self.writer.item(now)
    }

    /// A row of the list that a change took out of its filters: written once more as it is
    /// now, so a script sees it leave, then no longer one of the list's rows.
    pub fn left(&mut self, now: &Intervention) -> Result<(), CliError> {
        match self.written.remove(&now.id) {
            Some(version) if version != now.version => self.writer.item(now),
            _ => Ok(()),
        }
    }
}

/// Opens the stream and waits until it is up (through reconnects, as `next` allows), so that
/// a list written after this misses no change made while it was read (`list --watch`).
pub async fn open(events: &mut EventStream<'_>, ui: &Ui) -> Result<(), CliError> {
    let mut down = StreamNotes::new(ui, events.was_up());
    loop {
        match events.next().await? {
            Update::Connected { .. } => return Ok(()),
            Update::Disconnected { error } => down.failed(&error, &error.class()),
            // Nothing comes before the stream is up.
            Update::Event(_) | Update::Status(_) | Update::Undecodable { .. } => {}
        }
    }
}

/// Streams changes until Ctrl-C or SIGTERM, which end it with 0: a command that runs until it
/// is stopped has done its job when it is stopped (work cut short exits 130). Only changes to
/// interventions matching the filters (`query`, as `filters` made it) are shown when filters
/// are given.
pub async fn follow(
    filters: &Filters,
    mut query: InterventionQuery,
    ctx: &Ctx,
    events: EventStream<'_>,
    names: &Names,
    output: Output<'_>,
) -> Result<(), CliError> {
    let client = ctx.client().await?;
    // Changes to interventions in every state are news unless --state says otherwise.
    if filters.state.is_empty() {
        query.state = States::default();
    }
    let query = filters.is_set().then_some(query);
    let _claim = crate::signals::claim();
    let watching = Watching {
        client,
        ui: &ctx.ui,
        view: View { ui: &ctx.ui, names },
        query: query.as_ref(),
    };
    tokio::select! {
        result = watching.stream(events, output) => result,
        () = crate::signals::interrupted() => Ok(()),
    }
}

struct Watching<'a> {
    client: &'a Client,
    ui: &'a Ui,
    view: View<'a>,
    query: Option<&'a InterventionQuery>,
}

impl Watching<'_> {
    async fn stream(
        &self,
        mut events: EventStream<'_>,
        mut output: Output<'_>,
    ) -> Result<(), CliError> {
        let ui = self.ui;
        if events.was_up() {
            // Opened before a list (`open`): it is up already.
            ui.note("watching changes (Ctrl-C to stop)");
        }
        let mut down = StreamNotes::new(ui, events.was_up());
        loop {
            match events.next().await? {
                Update::Connected { resumed: false } => {
                    down.up();
                    ui.note("watching changes (Ctrl-C to stop)")
                }
                Update::Connected { resumed: true } => {
                    down.up();
                    ui.note("reconnected; watching changes")
                }
                Update::Disconnected { error } => down.failed(&error, &error.class()),
                Update::Undecodable { id, detail } => ui.note(format!(
                    "warning: skipped event {id}, which is not an event of the contract: {detail}"
                )),
                // An agent's status change: shown without filters, or when --owner names the
                // agent.
                Update::Status(event) => {
                    if self.query.is_some_and(|q| !q.matches_status(&event)) {
                        continue;
                    }
                    match &mut output {
                        Output::Timeline => {
                            ui.text(&timeline::status_change(&self.view, &event))?
                        }
                        Output::Changes => self.change(StreamEvent::STATUS, &*event)?,
                        Output::Rows(_) => {}
                    }
                }
                Update::Event(event) => {
                    // The intervention as it is now: to check the filters, and to be
                    // the row of a list.
                    let rows = matches!(output, Output::Rows(_));
                    let intervention = if self.query.is_some() || rows {
                        match self.now(&event.intervention_id).await {
                            Some(i) if self.query.is_none_or(|q| q.matches_event(&event, &i)) => {
                                Some(i)
                            }
                            // Out of the filters: a row of the list leaves it (any filter,
                            // as an owner's does).
                            Some(i) => {
                                if let Output::Rows(rows) = &mut output {
                                    rows.left(&i)?;
                                }
                                continue;
                            }
                            None => continue,
                        }
                    } else {
                        None
                    };
                    match (&mut output, intervention) {
                        (Output::Rows(rows), Some(now)) => {
                            rows.item(&now)?;
                            // Written as it left the owner filtered on: no longer a row.
                            if self.query.is_some_and(|q| !q.matches(&now)) {
                                rows.left(&now)?;
                            }
                        }
                        (Output::Rows(_), None) => {}
                        (Output::Timeline, now) => {
                            let summary = now.as_ref().map(|i| i.summary.as_str());
                            ui.text(&timeline::change(&self.view, &event, summary))?;
                        }
                        (Output::Changes, _) => self.change(StreamEvent::INTERVENTION, &*event)?,
                    }
                }
            }
        }
    }

    /// The intervention as it is now; None when it is not to be shown or cannot be read.
    async fn now(&self, id: &str) -> Option<Intervention> {
        match self.client.intervention(id).await {
            Ok(i) => Some(i),
            // An agent is sent the event that takes an intervention out of its view (assigned
            // from the queue to another agent), but may no longer read it.
            Err(e) if e.code() == Some(ProblemCode::Forbidden) => None,
            Err(e) => {
                // A look-up that failed skips this event, not the watch.
                self.ui
                    .note(format!("warning: cannot read {id} as it is now: {e}"));
                None
            }
        }
    }

    /// One change as a JSON line (shaped by `--json`/`--jq` when given), its kind (`kind`, the SSE `event:` type) in its `type`.
    fn change(&self, kind: &str, change: &impl serde::Serialize) -> Result<(), CliError> {
        /// The change's fields in the contract's order, its type first.
        #[derive(serde::Serialize)]
        struct Typed<'a, T> {
            r#type: &'a str,
            #[serde(flatten)]
            change: &'a T,
        }
        let ui = self.ui;
        let typed = Typed {
            r#type: kind,
            change,
        };
        if !ui.shape.is_json() {
            return ui.json_line(&typed);
        }
        let value = serde_json::to_value(&typed).map_err(|e| CliError::output(e.into()))?;
        ui.shaped_line(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Changes that came in a burst are read back at the same version: one row.
    #[test]
    fn a_version_is_a_row_once() {
        let ui = Ui::silent();
        let names = Names::default();
        let view = View {
            ui: &ui,
            names: &names,
        };
        let writer = ListWriter::with_format(view, crate::ui::Format::Ids, Vec::new(), false);
        let listed = HashMap::from([("iv_1".to_owned(), 3)]);
        let mut rows = Rows::new(writer.unwrap(), listed);
        let at = |id: &str, version: i64| -> Intervention {
            serde_json::from_value(serde_json::json!({
                "id": id, "conversation_id": "cv_1",
                "user": {"id": "us_1", "name": "Una", "channel": "web"},
                "summary": "help", "department": null, "state": "queued", "owner": null,
                "queued_at": "2026-11-24T09:00:00Z", "assigned_at": null, "closed_at": null,
                "last_user_message_at": null, "last_agent_message_at": null, "tags": [],
                "completion": null, "version": version, "updated_at": "2026-11-24T10:00:01Z"
            }))
            .unwrap()
        };
        for (id, version) in [
            ("iv_1", 3),
            ("iv_1", 4),
            ("iv_1", 4),
            ("iv_2", 1),
            ("iv_1", 5),
        ] {
            rows.item(&at(id, version)).unwrap();
        }
        let written = rows.writer.finish().unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), "iv_1\niv_2\niv_1\n");
    }

    /// `--json` knows every field of both kinds of change, and only those.
    #[test]
    fn the_change_fields_are_the_two_kinds_fields() {
        let event: livectl_contract::Event = serde_json::from_value(serde_json::json!({
            "seq": 1, "at": "2026-11-24T10:00:00Z", "intervention_id": "iv_1", "actor": "ag_1",
            "action": "assigned", "from_owner": null, "to_owner": "ag_2", "reason": null,
            "idempotency_key": null
        }))
        .unwrap();
        let status: livectl_contract::StatusEvent = serde_json::from_value(serde_json::json!({
            "seq": 2, "at": "2026-11-24T10:00:00Z", "agent": "ag_2", "actor": "ag_2",
            "from": "online", "to": "away", "reason": null, "idempotency_key": null
        }))
        .unwrap();
        let mut fields: Vec<String> = [
            serde_json::to_value(&event).unwrap(),
            serde_json::to_value(&status).unwrap(),
        ]
        .iter()
        .flat_map(|v| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>())
        .chain([TYPE.to_owned()])
        .collect();
        fields.sort();
        fields.dedup();
        let mut known: Vec<String> = change_fields().iter().map(|f| (*f).to_owned()).collect();
        known.sort();
        assert_eq!(fields, known);
    }
}
