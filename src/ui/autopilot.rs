//! `livectl autopilot`'s log: one line per decision for people, one NDJSON object per decision
//! with `-o ndjson` (or `json`), and the summary when it stops.

use super::{Format, Ui};
use crate::error::CliError;
use crate::model::{AutopilotSummary, Decision, Names};

impl Ui {
    fn machine(&self) -> bool {
        matches!(self.format, Some(Format::Json | Format::Ndjson))
    }

    /// `10:00:05  iv_3  owner-offline: reassign from Sam Okafor (ag_4) to Ana Lima (ag_2): done;
    /// owner Sam Okafor (ag_4) offline for 2m10s`
    pub fn decision(&self, names: &Names, d: &Decision) -> Result<(), CliError> {
        if self.machine() {
            return self.json_line(d);
        }
        let who = |id: &Option<String>| match id.as_deref() {
            Some(id) => format!("{} ({id})", names.of(id)),
            None => "-".into(),
        };
        let what = match d.action.as_str() {
            "reassign" => format!("reassign from {} to {}", who(&d.from), who(&d.to)),
            "assign" => format!("assign to {}", who(&d.to)),
            "return" => format!("return to the general queue from {}", who(&d.from)),
            _ => "leave where it is".into(),
        };
        let detail = d
            .detail
            .as_deref()
            .map(|x| format!(" ({x})"))
            .unwrap_or_default();
        self.line(&format!(
            "{}  {}  {}: {what}: {}{detail}; {}",
            self.clock(d.at),
            d.intervention,
            d.rule,
            d.result,
            d.why
        ))
    }

    /// The summary: a last NDJSON object `{"summary": …}` for machines, a line on stderr for
    /// people, which ends with the exit code when work was left undone (`undone`, for
    /// `--once`); the decisions left say why (`left_why`: who had no room).
    pub fn autopilot_summary(
        &self,
        s: &AutopilotSummary,
        undone: Option<u8>,
    ) -> Result<(), CliError> {
        if self.machine() {
            return self.json_line(&serde_json::json!({ "summary": s }));
        }
        let would = if s.would > 0 {
            format!(", {} would be done (dry run)", s.would)
        } else {
            String::new()
        };
        let unknown = if s.unknown > 0 {
            format!(
                ", {} unknown (stopped before its answer was recorded)",
                s.unknown
            )
        } else {
            String::new()
        };
        let exit = match undone {
            Some(code) => format!("; {} not done: exit {code}", s.failed + s.left),
            None => String::new(),
        };
        self.note(format!(
            "autopilot stopped after {}s: {}: {} done, {} skipped (changed by someone else), {} failed, {} left{}{unknown}{would}{exit}",
            s.seconds,
            super::counted(s.decisions, "decision", "decisions"),
            s.done,
            s.skipped,
            s.failed,
            s.left,
            if s.left > 0 {
                format!(" ({})", s.left_why.join("; "))
            } else {
                String::new()
            }
        ));
        Ok(())
    }
}
