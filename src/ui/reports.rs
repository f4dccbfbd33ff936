//! How livectl's own reports print as rows: queues, a bulk run's plan and results, stuck
//! interventions, the cases of a conformance run.

use std::io::Write;

use serde::Serialize;
use serde::ser::SerializeMap;

use super::rows::{opt, state, time};
use super::{Color, Format, Row, Span, View, age};
use crate::error::CliError;
use crate::model::{
    Case, Item, ItemOutcome, ItemResult, Names, QueueRow, Stuck, StuckReason, Summary, Verdict,
};

impl Row for QueueRow {
    const FIELDS: &'static [&'static str] = &[
        "queue",
        "agent",
        "name",
        "status",
        "count",
        "max_load",
        "oldest_at",
    ];
    const COLUMNS: &'static [&'static str] =
        &["queue", "agent", "status", "count", "max_load", "oldest"];
    const TITLED: &'static [(&'static str, &'static str)] = &[("oldest", "oldest_at")];
    const CSV: &'static [&'static str] = &[
        "queue",
        "agent",
        "name",
        "status",
        "count",
        "max_load",
        "oldest_at",
    ];
    fn id(&self) -> &str {
        self.agent.as_deref().unwrap_or("general")
    }
    fn shown(&self, field: &str, _: &View) -> Option<String> {
        (field == "agent").then(|| self.name.clone()).flatten()
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        vec![
            if self.queue == "general" {
                "general"
            } else {
                "My Queue"
            }
            .into(),
            self.name.clone().unwrap_or_else(|| "-".into()).into(),
            self.status.clone().unwrap_or_else(|| "-".into()).into(),
            self.count.to_string().into(),
            self.max_load
                .map_or_else(|| "-".into(), |m| m.to_string())
                .into(),
            self.oldest_at
                .map(|t| age(t, view.ui.now))
                .unwrap_or_else(|| "-".into())
                .into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.queue.clone(),
            opt(&self.agent),
            opt(&self.name),
            opt(&self.status),
            self.count.to_string(),
            self.max_load.map(|m| m.to_string()).unwrap_or_default(),
            time(&self.oldest_at),
        ]
    }
    json_is_serde!();
}

impl Row for ItemResult {
    const FIELDS: &'static [&'static str] = &["id", "result", "reason"];
    const COLUMNS: &'static [&'static str] = &["id", "result", "reason"];
    const CSV: &'static [&'static str] = &["id", "result", "reason"];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, _: &View) -> Vec<Span> {
        let result = match self.result {
            ItemOutcome::Done => Span::painted("done", Color::Green),
            ItemOutcome::Skipped => Span::painted("skipped", Color::Yellow),
            ItemOutcome::Failed => Span::painted("failed", Color::Red),
        };
        vec![self.id.as_str().into(), result, opt(&self.reason).into()]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.id.clone(),
            format!("{:?}", self.result).to_lowercase(),
            opt(&self.reason),
        ]
    }
    json_is_serde!();
}

impl Row for Case {
    const FIELDS: &'static [&'static str] = &["rule", "case", "result", "detail"];
    const COLUMNS: &'static [&'static str] = &["rule", "case", "result", "detail"];
    const CSV: &'static [&'static str] = &["rule", "case", "result", "detail"];
    fn id(&self) -> &str {
        &self.case
    }
    fn cells(&self, _: &View) -> Vec<Span> {
        let result = match self.result {
            Verdict::Passed => Span::painted("passed", Color::Green),
            Verdict::Failed => Span::painted("failed", Color::Red),
            Verdict::Skipped => Span::painted("skipped", Color::Yellow),
        };
        vec![
            self.rule.as_str().into(),
            self.case.as_str().into(),
            result,
            self.detail.as_str().into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        vec![
            self.rule.clone(),
            self.case.clone(),
            self.result.as_str().to_owned(),
            self.detail.clone(),
        ]
    }
    json_is_serde!();
}

/// Why a run would not change an item, as a plan shows it (`not_sent`): the platform would
/// refuse it as it stands (`Item::refused`), or no agent had room for it (the reason a run
/// reports, `NoRoom::reason`). The latter's agent is the plan's mark (`NoRoom::mark`), never
/// shown as an agent or a body.
fn not_sent(item: &Item) -> Option<String> {
    item.refused
        .clone()
        .or_else(|| item.unplaced().map(|no_room| no_room.reason()))
}

/// The body a plan shows: none for an item no agent had room for, whose agent is the mark.
fn shown_body(item: &Item) -> bool {
    item.refused.is_some() || item.unplaced().is_none()
}

impl Row for Item {
    const FIELDS: &'static [&'static str] = &["id", "version", "action", "body", "not_sent"];
    const COLUMNS: &'static [&'static str] = &["id", "action", "if version", "with"];
    const CSV: &'static [&'static str] = &["id", "action", "version", "body", "not_sent"];
    fn id(&self) -> &str {
        &self.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        let body = serde_json::to_value(self.action.body()).unwrap_or_default();
        let with = match body.as_object() {
            _ if let Some(why) = &self.refused => format!("refused: {why}"),
            _ if let Some(why) = not_sent(self) => format!("not sent: {why}"),
            Some(fields) => fields
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| {
                    let text = v
                        .as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string());
                    let shown = if k == "agent" {
                        view.names.of(&text)
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
            self.id.as_str().into(),
            self.action.name().into(),
            self.version
                .map(|v| v.to_string())
                .unwrap_or_else(|| "-".into())
                .into(),
            with.into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        let why = not_sent(self);
        vec![
            self.id.clone(),
            self.action.name().to_owned(),
            self.version.map(|v| v.to_string()).unwrap_or_default(),
            if shown_body(self) {
                serde_json::to_string(&self.action.body()).unwrap_or_default()
            } else {
                String::new()
            },
            why.unwrap_or_default(),
        ]
    }
    fn json(&self, w: &mut dyn std::io::Write) -> serde_json::Result<()> {
        // Every item has every field: `not_sent` is null for one the run would send.
        let mut value = serde_json::to_value(self)?;
        if !shown_body(self) {
            value["body"] = serde_json::Value::Null;
        }
        value["not_sent"] = not_sent(self).into();
        serde_json::to_writer(w, &value)
    }
}

/// Why an intervention is stuck, in a sentence.
pub fn reason(r: &StuckReason, now: jiff::Timestamp) -> String {
    match r {
        StuckReason::Queued { since } => format!("queued for {}", age(*since, now)),
        StuckReason::OwnerInactive { owner } => format!("owner {owner} is inactive"),
        StuckReason::OwnerAbsent {
            owner,
            status,
            since,
        } => format!("owner {owner} {status} for {}", age(*since, now)),
        // The user's whole wait, and the owner's part when it began later (a reassignment).
        StuckReason::NoReply { since, user } if user < since => format!(
            "user waiting {} for a reply, {} of it since assigned",
            age(*user, now),
            age(*since, now)
        ),
        StuckReason::NoReply { since, .. } => {
            format!("user waiting {} for a reply", age(*since, now))
        }
    }
}

/// One reason as data beside its sentence: `{"kind": "no_reply", "since": …, "seconds": 900,
/// "text": "user waiting 15m for a reply"}`; `since` and `seconds` are null when the contract
/// does not say since when (an owner's deactivation).
#[derive(Serialize)]
struct ReasonJson {
    kind: &'static str,
    #[serde(serialize_with = "livectl_contract::time::exact_or_null::serialize")]
    since: Option<jiff::Timestamp>,
    seconds: Option<i64>,
    text: String,
}

impl ReasonJson {
    fn new(r: &StuckReason, now: jiff::Timestamp) -> ReasonJson {
        let since = r.since();
        ReasonJson {
            kind: r.kind(),
            since,
            seconds: since.map(|t| (now - t).get_seconds().max(0)),
            text: reason(r, now),
        }
    }
}

/// A stuck intervention reads as the intervention with its reasons, as data and in words.
struct StuckJson<'a>(&'a Stuck, jiff::Timestamp);

impl Serialize for StuckJson<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let value =
            serde_json::to_value(&self.0.intervention).map_err(serde::ser::Error::custom)?;
        let mut map = s.serialize_map(None)?;
        if let serde_json::Value::Object(fields) = value {
            for (k, v) in fields {
                map.serialize_entry(&k, &v)?;
            }
        }
        let reasons: Vec<ReasonJson> = self
            .0
            .reasons
            .iter()
            .map(|r| ReasonJson::new(r, self.1))
            .collect();
        map.serialize_entry("reasons", &reasons)?;
        map.end()
    }
}

impl Row for Stuck {
    const FIELDS: &'static [&'static str] = super::rows::intervention_fields!("reasons");
    const COLUMNS: &'static [&'static str] = &["id", "state", "owner", "user", "why"];
    const TITLED: &'static [(&'static str, &'static str)] = &[("why", "reasons")];
    const CSV: &'static [&'static str] = &[
        "id",
        "state",
        "owner",
        "user_id",
        "queued_at",
        "last_user_message_at",
        "reasons",
    ];
    fn id(&self) -> &str {
        &self.intervention.id
    }
    fn cells(&self, view: &View) -> Vec<Span> {
        let i = &self.intervention;
        vec![
            i.id.as_str().into(),
            state(i.state),
            view.agent(i.owner.as_deref()).into(),
            i.user.name.as_str().into(),
            self.reasons(self.now).into(),
        ]
    }
    fn record(&self) -> Vec<String> {
        let i = &self.intervention;
        vec![
            i.id.clone(),
            i.state.to_string(),
            i.owner.clone().unwrap_or_default(),
            i.user.id.clone(),
            livectl_contract::time::rfc3339(i.queued_at),
            time(&i.last_user_message_at),
            self.reasons(self.now),
        ]
    }
    /// Its reasons sort by kind, then by the instant each counts from, the longest wait first
    /// as every sort by an instant: `--sort why` compared them as JSON text, 72 seconds after
    /// 3975 (new user).
    fn shown(&self, field: &str, view: &View) -> Option<String> {
        match field {
            "reasons" => Some(
                self.reasons
                    .iter()
                    .map(|r| {
                        let since = r.since().map(livectl_contract::time::rfc3339);
                        format!("{} {}", r.kind(), since.unwrap_or_default())
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            _ => self.intervention.shown(field, view),
        }
    }
    fn json(&self, w: &mut dyn Write) -> serde_json::Result<()> {
        serde_json::to_writer(w, &StuckJson(self, self.now))
    }
}

impl Stuck {
    fn reasons(&self, now: jiff::Timestamp) -> String {
        self.reasons
            .iter()
            .map(|r| reason(r, now))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A list of stuck interventions as one JSON array (for `-o json` of an empty or whole list).
pub fn stuck_json(items: &[Stuck]) -> impl Serialize + '_ {
    struct All<'a>(&'a [Stuck]);
    impl Serialize for All<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|x| StuckJson(x, x.now)))
        }
    }
    All(items)
}

impl super::Ui {
    /// The summary of a bulk run: with `-o json` one object, its counts and the items that were
    /// skipped or failed; in every other format those items as a list. The items stream from
    /// where they are kept (the journal), so a run of a million holds none of them at once.
    pub fn bulk_summary(
        &self,
        summary: &Summary,
        items: impl Iterator<Item = Result<ItemResult, CliError>>,
    ) -> Result<(), CliError> {
        if self.muted {
            return Ok(());
        }
        // The console holds the terminal, and stdout has nowhere to go: the first item that
        // failed, with why, is kept for its status line, which said "the summary says why each
        // failed" of a summary it never shows (new user).
        if super::console::holds_terminal() {
            for item in items {
                let item = item?;
                if item.result == ItemOutcome::Failed {
                    let why = item.reason.as_deref().unwrap_or("no reason given");
                    super::console::keep_run_end(&format!("{} failed: {why}", item.id));
                    break;
                }
            }
            return Ok(());
        }
        let mut items = items.peekable();
        if self.format == Some(Format::Json) {
            #[derive(Serialize)]
            #[serde(bound(serialize = "I: Iterator<Item = Result<ItemResult, CliError>>"))]
            struct Whole<'a, I: Iterator<Item = Result<ItemResult, CliError>>> {
                #[serde(flatten)]
                summary: &'a Summary,
                items: Lazy<I>,
            }
            return self.json(&Whole {
                summary,
                items: Lazy(std::cell::RefCell::new(Some(items))),
            });
        }
        if items.peek().is_none() && self.format != Some(Format::Csv) {
            return Ok(());
        }
        let names = Names::default();
        let mut out = self.stream::<ItemResult>(&names)?;
        for item in items {
            out.item(&item?)?;
        }
        drop(out.finish()?);
        Ok(())
    }
}

/// A sequence serialized as it is read, once.
struct Lazy<I>(std::cell::RefCell<Option<I>>);

impl<I: Iterator<Item = Result<ItemResult, CliError>>> Serialize for Lazy<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        if let Some(items) = self.0.borrow_mut().take() {
            for item in items {
                seq.serialize_element(&item.map_err(|e| S::Error::custom(e.message))?)?;
            }
        }
        seq.end()
    }
}
