//! `livectl history USER... | --all`: a readable timeline on a terminal, or a streamed export
//! with `-o ndjson|csv|json` or `--out FILE` (written to a temporary file, renamed when complete).

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use futures_util::TryStreamExt;
use jiff::Timestamp;
use livectl_client::Client;
use livectl_contract::{HistoryQuery, HistoryRecord};

use super::Ctx;
use crate::error::CliError;
use crate::files::Export;
use crate::model::Names;
use crate::ui::progress::Progress;
use crate::ui::{Format, ListWriter, View, timeline};
use crate::usecases::lookup::{self, NamesOf};

/// USER or --all, one of them: the usage line a bare `history` gets names both.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("whose").required(true).args(["users", "all"])))]
pub struct HistoryArgs {
    /// Users: an id (us_3), an email or an exact name
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// Every user's history
    #[arg(long)]
    pub all: bool,
    /// Only records at or after this instant: a date (2026-11-01, midnight UTC), an instant
    /// with its zone (2026-11-01T08:00:00Z, 2026-11-01T09:00:00+01:00), or a time ago (2d,
    /// 1h30m, or as seed files write it: now-2d, now)
    #[arg(long, value_name = "WHEN", value_parser = instant, allow_hyphen_values = true)]
    pub since: Option<Timestamp>,
    /// Only records before this instant (the same forms as --since)
    #[arg(long, value_name = "WHEN", value_parser = instant, allow_hyphen_values = true)]
    pub until: Option<Timestamp>,
    /// Write the export to FILE (format from the extension: .csv, .json, .ndjson or none for
    /// NDJSON; -o, which must agree with it, for any other name)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// A date (`2026-11-01`, midnight UTC), an instant with its zone (`…T08:00:00Z`,
/// `…T08:00:00+01:00`), or a time ago: a duration (`2d`, as `kubectl logs --since`) or a seed
/// file's relative instant (`now-2d`, `now`). A time without a zone is refused: read as a date
/// it lost its time (`--since 2026-11-29T08:00:00` asked from midnight), and guessing the zone
/// would put a script's window somewhere else on each machine.
fn instant(s: &str) -> Result<Timestamp, String> {
    instant_at(s, Timestamp::now())
}

/// `instant`, with the relative forms counted back from `now`; finer than a millisecond, the
/// next millisecond (`time::millis_up`).
fn instant_at(s: &str, now: Timestamp) -> Result<Timestamp, String> {
    use livectl_contract::time;
    if time::offset_out_of_range(s) {
        return Err(format!(
            "`{s}`: an offset is at most +23:59 or -23:59, such as 2026-11-01T08:00:00+01:00"
        ));
    }
    read_instant(s, now).map(time::millis_up)
}

fn read_instant(s: &str, now: Timestamp) -> Result<Timestamp, String> {
    use livectl_contract::seed::Instant;
    let text = s.trim();
    // The seed files' words (`now`, `now-2d`) are read by their own parser, so both say the
    // same of a bad duration after `now-`.
    if text == "now" || text.starts_with("now-") {
        return text.parse::<Instant>().map(|i| i.resolve(now));
    }
    // `-1h` means an hour ago: its value, not clap's tip to pass it after `--` (which failed).
    if let Some(ago) = text.strip_prefix('-')
        && livectl_contract::duration::parse(ago).is_ok()
    {
        return Err(format!(
            "`{s}`: a time ago is written without a sign, such as {ago} or now-{ago}"
        ));
    }
    // A signed year (`-2026-01-01`, `+002026-…`) is ISO 8601's expanded form, years before
    // the common era or past 9999: sent as asked for `-002026-01-01` (hostile-input check).
    if text.starts_with(['-', '+'])
        && (text.parse::<Timestamp>().is_ok()
            || text.parse::<jiff::civil::Date>().is_ok()
            || jiff::civil::Date::strptime("%Y-%m-%d", text).is_ok()
            || text.parse::<jiff::civil::DateTime>().is_ok())
    {
        return Err(format!(
            "`{s}`: a date or an instant is written without a sign, such as 2026-11-01 or 2026-11-01T08:00:00Z"
        ));
    }
    // A duration alone is that long ago. It needs a unit, so no date (`20261101`) reads as one.
    if text.starts_with(|c: char| c.is_ascii_digit()) && text.ends_with(['s', 'm', 'h', 'd']) {
        return livectl_contract::duration::parse(text)
            .map(|ago| Instant::BeforeNow(ago).resolve(now));
    }
    // A zone by name, with or without its offset: `2026-11-01T08:00:00[Europe/Paris]`. Read as
    // a zoned time first: jiff's instant reads the offset and skips the name, so a zone not
    // known (`+01:00[Mars/Base]`) or at odds with the offset would pass unseen.
    // Annotations that name no zone (`[u-ca=iso8601]`, a key and its value) leave an instant
    // with its offset an instant.
    let names_a_zone = s
        .split('[')
        .skip(1)
        .any(|a| !a.split(']').next().unwrap_or_default().contains('='));
    if names_a_zone {
        match s.parse::<jiff::Zoned>() {
            Ok(z) => return Ok(z.timestamp()),
            Err(e) if s.parse::<jiff::civil::DateTime>().is_ok() => {
                return Err(format!("`{s}`: {e}"));
            }
            Err(_) => {}
        }
    } else if let Ok(t) = s.parse::<Timestamp>() {
        return Ok(t);
    }
    // A date alone, in ISO 8601's extended or basic form (`2026-11-01`, `20261101`).
    let basic = s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit());
    let date = jiff::civil::Date::strptime(if basic { "%Y%m%d" } else { "%Y-%m-%d" }, s);
    if let Ok(d) = date
        && let Ok(z) = d.to_zoned(jiff::tz::TimeZone::UTC)
    {
        return Ok(z.timestamp());
    }
    if let Ok(t) = s.parse::<jiff::civil::DateTime>()
        && s.contains(['T', 't', ' '])
    {
        let t = t.strftime("%Y-%m-%dT%H:%M:%S%.f");
        return Err(format!(
            "`{s}` has no zone; write {t}Z for UTC, or its offset, such as {t}+01:00"
        ));
    }
    if livectl_contract::time::out_of_range(s) {
        return Err(livectl_contract::time::beyond(s));
    }
    Err(format!(
        "`{s}` is not a date, an instant or a time ago; use 2026-11-01, 2026-11-01T08:00:00Z, \
         2d (two days ago) or now-2d"
    ))
}

pub async fn exec(args: HistoryArgs, ctx: &Ctx) -> Result<(), CliError> {
    if let (Some(since), Some(until)) = (args.since, args.until)
        && since >= until
    {
        // Said to the millisecond, as every instant livectl writes (a time ago has nanoseconds).
        let said = livectl_contract::time::rfc3339;
        return Err(CliError::usage(format!(
            "--since ({}) must be before --until ({})",
            said(since),
            said(until)
        )));
    }
    // What the file's name promises: a format livectl writes, nothing (no extension), or an
    // extension livectl does not write.
    let named = match args.out.as_deref().and_then(|p| p.extension()) {
        None => Ok(None),
        // Whatever its case: `week.CSV` is a CSV file.
        Some(e) => match e.to_str().map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Ok(Some(Format::Csv)),
            Some("json") => Ok(Some(Format::Json)),
            Some("ndjson" | "jsonl") => Ok(Some(Format::Ndjson)),
            _ => Err(e.to_string_lossy()),
        },
    };
    // A format asked for on this command line: -o, or --json and --jq (which print JSON). A
    // profile's `output` is a default for the terminal, which a file's name overrules.
    let asked = match ctx.global.output {
        Some(f) => Some((f, "-o")),
        None => ctx
            .ui
            .shape
            .is_json()
            .then_some((Format::Json, "--json or --jq")),
    };
    // The file as the user named it, for the messages below.
    let shown = args
        .out
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let format = match (asked, named) {
        (Some((given, flag)), Ok(Some(named))) if named != given => {
            let name = |f: Format| {
                clap::ValueEnum::to_possible_value(&f)
                    .map(|v| v.get_name().to_owned())
                    .unwrap_or_default()
            };
            return Err(CliError::usage(format!(
                "--out {shown} promises {} by its name, and {flag} asks for {}",
                name(named),
                name(given)
            ))
            .hint(format!("leave out {flag}, or name the file for the format")));
        }
        (Some((given, _)), _) => Some(given),
        (None, Ok(Some(named))) => Some(named),
        // A file without an extension; `-` is stdout, where the profile's default holds.
        (None, Ok(None)) if args.out.as_deref().is_some_and(|p| p.as_os_str() != "-") => {
            Some(Format::Ndjson)
        }
        (None, Ok(None)) => ctx.ui.format,
        // Not what the name promises: say so rather than write NDJSON into `x.xlsx`.
        (None, Err(other)) => {
            return Err(CliError::usage(format!(
                "--out {shown}: livectl does not write .{other} files"
            ))
            .hint("name the file .ndjson, .csv or .json, or give the format with -o"));
        }
    };
    if format == Some(Format::Table) && args.out.is_some() {
        return Err(CliError::usage(
            "--out writes ndjson, csv or json, not a table",
        ));
    }
    // A user left out (`history ""`) names nobody: said before anything is asked, as `show ""`
    // is (it was "no user is called ``", exit 5, after connecting).
    if args.users.iter().any(|u| u.trim().is_empty()) {
        return Err(CliError::usage("a user's name is empty")
            .hint("give the user's id (us_...), email or exact name, or --all"));
    }
    // Check the destination before fetching anything.
    let out = args.out.as_deref().map(Export::open).transpose()?;
    let client = ctx.client().await?;
    let users = if args.users.is_empty() {
        None
    } else {
        Some(lookup::users(client, &args.users).await?)
    };
    let query = HistoryQuery {
        since: args.since,
        until: args.until,
        ..HistoryQuery::default()
    };
    let records = Records {
        client,
        users,
        query,
    };
    let mut ui = ctx.ui.clone();
    let timeline = format.is_none() && ui.stdout_tty;
    let names = if timeline || ui.needs_names() {
        lookup::names(client, NamesOf::People).await?
    } else {
        Names::default()
    };
    ui.format = format;
    let view = View {
        ui: &ui,
        names: &names,
    };
    let given = args.out.as_deref().unwrap_or(std::path::Path::new("-"));
    let export = async {
        let format = format.unwrap_or(Format::Ndjson);
        match out {
            Some(Export::Whole(file)) => {
                let progress = Progress::records(&ui);
                let list = ListWriter::with_format(view, format, file, false)?.in_file();
                let (file, count) = records
                    .write(list, &progress)
                    .await
                    .map_err(|e| e.writing(given, true))?;
                progress.finish();
                file.commit()?;
                exported(&ui, count, args.out.as_deref());
                Ok(())
            }
            Some(Export::Through(device)) => {
                // A device or a pipe (`--out /dev/stdout`, a FIFO): written as stdout is.
                let terminal = std::io::IsTerminal::is_terminal(&device);
                let list = ListWriter::with_format(view, format, device, terminal)?;
                let (device, count) = records
                    .write(list, &Progress::hidden())
                    .await
                    .map_err(|e| e.writing(given, false))?;
                Export::Through(device)
                    .commit()
                    .map_err(|e| e.writing(given, false))?;
                exported(&ui, count, args.out.as_deref());
                Ok(())
            }
            Some(Export::Stdout) => {
                let list = ui.stream_in(&names, format)?;
                drop(records.write(list, &Progress::hidden()).await?.0);
                Ok(())
            }
            Some(Export::Stderr) => {
                let list = ui.stream_to_stderr(&names, format)?;
                drop(records.write(list, &Progress::hidden()).await?.0);
                Ok(())
            }
            None if timeline => records.show(&view).await,
            None => {
                let progress = if ui.stdout_tty {
                    Progress::hidden()
                } else {
                    Progress::records(&ui)
                };
                let list = ui.stream(&names)?;
                drop(records.write(list, &progress).await?.0);
                progress.finish();
                Ok(())
            }
        }
    };
    let _claim = crate::signals::claim();
    tokio::select! {
        result = export => result,
        () = crate::signals::interrupted() => Err(match &args.out {
            Some(_) => CliError::interrupted("interrupted; the file was not written")
                .hint("run the same command again: the file is written whole or not at all"),
            None => CliError::interrupted("interrupted; what was written is cut short")
                .hint("run the same command again; with --out FILE an export is written whole or not at all"),
        }),
    }
}

/// The line that ends an export: how many records, how many bytes, where. What `--jq` wrote
/// is its program's output, not records.
fn exported(ui: &crate::ui::Ui, count: usize, out: Option<&std::path::Path>) {
    let Some(out) = out else { return };
    let bytes = std::fs::metadata(out)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| format!(" ({} bytes)", m.len()))
        .unwrap_or_default();
    let records = crate::ui::counted(count as u64, "record", "records");
    let what = if ui.shape.jq.is_some() {
        format!("what --jq made of {records}")
    } else {
        records
    };
    ui.note(format!("exported {what}{bytes} to {}", out.display()));
}

/// The records asked for: some users' histories one after the other, or everyone's.
struct Records<'a> {
    client: &'a Client,
    /// None for every user.
    users: Option<Vec<String>>,
    query: HistoryQuery,
}

impl Records<'_> {
    fn sources(&self) -> Vec<Option<&str>> {
        match &self.users {
            Some(ids) => ids.iter().map(|id| Some(id.as_str())).collect(),
            None => vec![None],
        }
    }

    /// The timeline on a terminal: each conversation under a heading.
    async fn show(&self, view: &View<'_>) -> Result<(), CliError> {
        for user in self.sources() {
            let stream = self.client.history(user, self.query.clone());
            futures_util::pin_mut!(stream);
            let mut conversation = String::new();
            while let Some(r) = stream.try_next().await? {
                let new = r.conversation_id != conversation;
                if new {
                    conversation = r.conversation_id.clone();
                }
                view.ui.text(&timeline::history(view, &r, new))?;
            }
        }
        Ok(())
    }

    /// The export: every record streamed into the list; the writer and the count.
    async fn write<W: Write>(
        &self,
        mut list: ListWriter<'_, W, HistoryRecord>,
        progress: &Progress,
    ) -> Result<(W, usize), CliError> {
        for user in self.sources() {
            if list.takes_raw() {
                // JSON out: the records go as the platform wrote them, not decoded and
                // written again (the export's CPU was mostly that).
                let stream = self.client.history_raw(user, self.query.clone());
                futures_util::pin_mut!(stream);
                while let Some(r) = stream.try_next().await? {
                    list.raw(&r)?;
                    progress.inc(1);
                }
                continue;
            }
            let stream = self.client.history(user, self.query.clone());
            futures_util::pin_mut!(stream);
            while let Some(r) = stream.try_next().await? {
                list.item(&r)?;
                progress.inc(1);
            }
        }
        let count = list.count();
        Ok((list.finish()?, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_ago_counts_back_from_now() {
        let now: Timestamp = "2026-11-30T12:00:00Z".parse().unwrap();
        let at = |s: &str| instant_at(s, now).map(|t| t.to_string());
        for (given, meant) in [
            ("2d", "2026-11-28T12:00:00Z"),
            ("1h30m", "2026-11-30T10:30:00Z"),
            ("now-2d", "2026-11-28T12:00:00Z"),
            ("now", "2026-11-30T12:00:00Z"),
            (" 90s ", "2026-11-30T11:58:30Z"),
            // A date in ISO 8601's basic form is still a date, not a duration.
            ("20261101", "2026-11-01T00:00:00Z"),
            // The platform keeps milliseconds: a finer bound is the next one.
            ("2026-11-30T10:00:15.0009Z", "2026-11-30T10:00:15.001Z"),
        ] {
            assert_eq!(at(given).as_deref(), Ok(meant), "{given}");
        }
        for (given, words) in [
            ("0s", "no time at all"),
            ("1m30h", "out of order"),
            ("now-soon", "after `now-` give a duration"),
            (
                "-2d",
                "a time ago is written without a sign, such as 2d or now-2d",
            ),
            ("-x", "2d (two days ago) or now-2d"),
            ("2 days", "not a duration; use a number with s, m, h or d"),
            ("99999d", "longer than ten years"),
            (
                "now-10000d",
                "`now-10000d` is not an instant: `10000d` is longer than ten years",
            ),
            // The last days of the year 9999 are dates all the same.
            (
                "9999-12-31",
                "`9999-12-31` is past the instants livectl holds, -009999-01-02T01:59:59Z to 9999-12-30T22:00:00Z",
            ),
            ("9999-12-31T23:59:58Z", "is past the instants livectl holds"),
            // ISO 8601's expanded years were sent as asked for (`-002026-01-01`).
            (
                "-2026-01-01",
                "a date or an instant is written without a sign",
            ),
            ("+002026-01-01T00:00:00Z", "written without a sign"),
            // jiff reads offsets up to 25:59: a window moved by a day, unseen.
            (
                "2026-11-30T10:00:00+25:00",
                "an offset is at most +23:59 or -23:59",
            ),
        ] {
            let said = at(given).unwrap_err();
            assert!(said.contains(words), "{given}: {said}");
        }
    }
}
