//! TARGETS: ids as arguments, `-` for ids on stdin (one a line, NDJSON objects with an `id`, or
//! livectl's own rows as it prints them piped, the id first), or the `list` filters. They
//! stream: stdin is read and a listing fetched page by page as the plan takes them, each id
//! once.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures_util::StreamExt;
use futures_util::stream::LocalBoxStream;
use livectl_client::{Client, FULL_PAGE};
use livectl_contract::{
    InterventionQuery, InterventionRef, InterventionState, Kind, Owner, limits,
};

use super::seen::Seen;
use crate::error::CliError;
use crate::model::Looked;

/// An intervention given by id, looked up as it stands now (`GET`, decoded in part): what a
/// plan by ids asks of each target, once, to spread it or to say what the platform would
/// refuse. An id the platform does not know, or will not show the caller, is said as such; any
/// other failure stops the plan.
pub async fn look(client: &Client, id: &str) -> Result<Looked, CliError> {
    match client.intervention_ref(id).await {
        Ok(now) => Ok(Looked::Now(now)),
        Err(e) if e.status() == Some(404) => Ok(Looked::Missing),
        Err(e) if e.status() == Some(403) => Ok(Looked::Hidden(e.to_string())),
        Err(e) => Err(CliError::from(e)),
    }
}

/// One selected intervention: its id and, when it was listed, the version seen.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub id: String,
    pub version: Option<i64>,
    /// The owner when it was listed (for spreading).
    pub owner: Option<String>,
    /// Its department when it was listed (for `@department`).
    pub department: Option<String>,
    pub state: Option<InterventionState>,
    /// The intervention as it was looked up after it was given (to spread it), if it was.
    pub looked: Option<Looked>,
}

impl Target {
    /// What a plan knows of the intervention now: what was looked up after it was given, or
    /// its listing (a plan by filters), which `bulk::check` judges as it would a look, so a
    /// dry run by filters says what an agent's token would be refused without asking again.
    /// Returns its id, its listed version and that.
    pub fn known(self) -> (String, Option<i64>, Option<Looked>) {
        let listed = match (self.looked, self.state, self.version) {
            (Some(looked), ..) => Some(looked),
            (None, Some(state), Some(version)) => Some(Looked::Now(InterventionRef {
                id: self.id.clone(),
                department: self.department,
                state,
                owner: self.owner,
                version,
            })),
            _ => None,
        };
        (self.id, self.version, listed)
    }

    pub fn bare(id: String) -> Target {
        Target {
            id,
            version: None,
            owner: None,
            department: None,
            state: None,
            looked: None,
        }
    }
}

impl From<InterventionRef> for Target {
    fn from(i: InterventionRef) -> Target {
        Target {
            id: i.id,
            version: Some(i.version),
            owner: i.owner,
            department: i.department,
            state: Some(i.state),
            looked: None,
        }
    }
}

/// A target the platform listed, refused when its id is not an intervention's: a plan holds
/// only ids that its resume reads back (`journal::read`), and keys a header can carry.
fn listed(i: InterventionRef) -> Result<Target, CliError> {
    match wrong_id(&i.id) {
        None => Ok(Target::from(i)),
        Some(wrong) => Err(
            CliError::failure(format!("in the platform's listing: {wrong}"))
                .hint("`livectl conformance` checks a platform's answers against the contract"),
        ),
    }
}

/// Where the targets came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Arguments,
    Stdin,
    Filters,
}

/// The targets of a run, as they come.
pub struct Selection<'a> {
    pub source: Source,
    pub targets: LocalBoxStream<'a, Result<Target, CliError>>,
    /// Ids given more than once: dropped as they came, counted here.
    pub repeats: Arc<AtomicU64>,
    /// The owner the filters select by (`--owner`, `--from`), as an id.
    pub owner: Option<Owner>,
}

/// Why `id` is not an intervention's id as the contract spells them (`iv_42`), when it is not:
/// checked before anything is sent, so a run never acts on the targets around a wrong one.
pub fn wrong_id(id: &str) -> Option<String> {
    match Kind::of(id) {
        // A number alone is most likely the id without its prefix: `show 42` means iv_42.
        None if !id.is_empty() && id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit()) => {
            Some(format!(
                "`{id}` is not an intervention id (those look like iv_42): did you mean iv_{id}?"
            ))
        }
        // An id in capitals (`IV_19`): ids are written in small letters.
        None if Kind::of(&id.to_ascii_lowercase()) == Some(Kind::Intervention) => Some(format!(
            "`{id}` is not an intervention id (those look like iv_42): did you mean {}?",
            id.to_ascii_lowercase()
        )),
        // Ids joined by commas, as `--to ana,bo` takes agents: each is its own argument.
        None if id.contains(',')
            && id
                .split(',')
                .all(|one| Kind::of(one.trim()) == Some(Kind::Intervention)) =>
        {
            let apart: Vec<&str> = id.split(',').map(str::trim).collect();
            Some(format!(
                "`{id}` is not an intervention id (those look like iv_42): give the ids apart, separated by spaces, such as {}",
                apart.join(" ")
            ))
        }
        None => Some(format!(
            "`{id}` is not an intervention id (those look like iv_42)"
        )),
        Some(_) => super::lookup::wrong_kind(id, Kind::Intervention),
    }
}

/// Ids given as arguments that are not interventions' (`-`, stdin, is not an id: `select` says
/// where it may go): refused first, before anything else is asked or resolved.
pub fn check_ids(ids: &[String]) -> Result<(), CliError> {
    match ids.iter().filter(|i| *i != "-").find_map(|id| wrong_id(id)) {
        Some(wrong) => {
            Err(CliError::usage(wrong).hint("`livectl list` shows the open interventions"))
        }
        None => Ok(()),
    }
}

/// Batches of ids waiting between the thread that reads stdin and the plan.
const STDIN_QUEUE: usize = 16;

/// The most ids one batch holds: a file's reads seldom end at a line's end, and a batch that
/// waited for one could hold all of a large file.
const STDIN_BATCH: usize = 1024;

/// What stdin takes, said where a line is refused.
const STDIN_TAKES: &str = "give one id a line, NDJSON objects with an \"id\" (livectl list -o ndjson), \
     or the rows `livectl list` prints when piped, the id first";

/// The target on line `n` of stdin, if it holds one: blank lines hold none; a line starting
/// with `{` is an NDJSON object whose `id` is taken, with its `version` when it has one (a
/// listing, `list -o ndjson`: the run sends If-Match with it, as a run by filters does, so an
/// intervention changed since is skipped, not overwritten); a line of tab-separated fields is a
/// row as livectl prints one piped (`list`, `stuck`, a run's plan or summary), whose first
/// field is its id. A JSON array (`-o json`) is refused, naming what is taken.
fn target_of_line(n: usize, line: &str) -> Result<Option<Target>, CliError> {
    Ok(id_of_line(n, line)?.map(|(id, version)| Target {
        version,
        ..Target::bare(id)
    }))
}

fn id_of_line(n: usize, line: &str) -> Result<Option<(String, Option<i64>)>, CliError> {
    // A byte-order mark some editors write before the first line is not part of the id.
    let line = if n == 1 {
        line.trim_start_matches('\u{feff}')
    } else {
        line
    };
    let text = line.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            CliError::usage(format!("stdin line {n}: not valid JSON: {e}")).hint(
                "give one id a line, or NDJSON objects with an \"id\" (livectl list -o ndjson)",
            )
        })?;
        let id = value.get("id").and_then(|v| v.as_str()).ok_or_else(|| {
            CliError::usage(format!("stdin line {n}: the object has no string \"id\""))
                .hint("give NDJSON objects with an \"id\" (livectl list -o ndjson)")
        })?;
        // A version that is none (`"2"`, `1.5`, null) is refused, never dropped: the item
        // would be acted on without If-Match, over a change made since it was listed.
        let version = match value.get("version") {
            None => None,
            Some(given) => Some(
                given
                    .as_i64()
                    .filter(|v| livectl_contract::limits::is_version(*v))
                    .ok_or_else(|| {
                        CliError::usage(format!(
                            "stdin line {n}: \"version\" is the version listed, a whole number \
                             from 1, not {given}"
                        ))
                        .hint(
                            "pipe `livectl list -o ndjson` as it prints, or leave \"version\" \
                             out to act on it as it stands then",
                        )
                    })?,
            ),
        };
        return checked(n, id).map(|id| Some((id, version)));
    }
    if text.starts_with('[') {
        return Err(CliError::usage(format!(
            "stdin line {n}: a JSON array (as `-o json` prints) is not read: \
             stdin takes one id a line, or one JSON object with an \"id\" a line"
        ))
        .hint("pipe `livectl list -o ids` or `livectl list -o ndjson`"));
    }
    if let Some(id) = row_id(text) {
        return match wrong_id(id) {
            None => Ok(Some((id.to_owned(), None))),
            Some(wrong) => Err(CliError::usage(format!(
                "stdin line {n}: a row's first field is its id, and {wrong}"
            ))
            .hint(STDIN_TAKES)),
        };
    }
    // A CSV listing (`-o csv`): its header names the id first.
    if n == 1 && text.starts_with("id,") {
        return Err(CliError::usage(format!(
            "stdin line 1: `{text}` is a CSV header; stdin takes one id a line, or one JSON object with an \"id\" a line"
        ))
        .hint("pipe `livectl list -o ids` or `livectl list -o ndjson`"));
    }
    if text.split_whitespace().count() > 1 {
        return Err(
            CliError::usage(format!("stdin line {n}: `{text}` is not one id")).hint(STDIN_TAKES),
        );
    }
    checked(n, text).map(|id| Some((id, None)))
}

/// The first field of `text` when it reads as a row livectl prints piped: fields split by
/// tabs, the id first and words after it (a state, an action, a result). Ids alone split by
/// tabs (`iv_1<TAB>iv_2`) are no row: taking the first would drop the others unsaid.
fn row_id(text: &str) -> Option<&str> {
    let mut fields = text.split('\t').map(str::trim);
    let first = fields.next()?;
    let second = fields.next()?;
    (wrong_id(second).is_some()).then_some(first)
}

/// The id on stdin line `n`, if it is an intervention's.
fn checked(n: usize, id: &str) -> Result<String, CliError> {
    match wrong_id(id) {
        None => Ok(id.to_owned()),
        Some(wrong) => Err(CliError::usage(format!("stdin line {n}: {wrong}"))
            .hint("give one intervention id a line; nothing was sent")),
    }
}

/// Reads ids from `reader` and hands the new ones to `send` in batches, which answers false to
/// stop: blank lines are skipped, repeats dropped and counted in `repeats`. A batch goes when
/// no whole line is left of what was read, before the next read waits for more, or when it is
/// full (`STDIN_BATCH`): a file or a fast pipe goes in a few hand-overs rather than one an id,
/// a slow producer's ids as they come, even when its writes split lines. A bad line is sent
/// as its error and ends the reading. Input without any id sends nothing: a pipe from a
/// listing that found nothing is a run with nothing to do, as filters that match nothing.
pub fn read_ids(
    reader: impl Read,
    repeats: &AtomicU64,
    mut send: impl FnMut(Vec<Result<Target, CliError>>) -> bool,
) {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let mut seen = Seen::new();
    let mut batch = Vec::new();
    let mut line = String::new();
    for n in 1.. {
        line.clear();
        // A line is read no further than any row livectl prints could be: one endless line (a
        // binary piped in) was read into memory whole.
        let id = match (&mut reader)
            .take(limits::STDIN_LINE_BYTES + 1)
            .read_line(&mut line)
        {
            Ok(0) => break,
            Ok(read) if read as u64 > limits::STDIN_LINE_BYTES => Err(CliError::usage(format!(
                "stdin line {n} is longer than {}: not a row with an id",
                limits::bytes_said(limits::STDIN_LINE_BYTES)
            ))
            .hint(STDIN_TAKES)),
            Ok(_) => target_of_line(n, &line),
            Err(e) => Err(CliError::usage(format!("stdin line {n}: {e}"))),
        };
        match id {
            Ok(Some(target)) if seen.insert(&target.id) => batch.push(Ok(target)),
            Ok(Some(_)) => {
                repeats.fetch_add(1, Ordering::SeqCst);
            }
            Ok(None) => {}
            Err(e) => {
                batch.push(Err(e));
                send(batch);
                return;
            }
        }
        let full = batch.len() >= STDIN_BATCH;
        let waits = !reader.buffer().contains(&b'\n');
        if (full || waits) && !batch.is_empty() && !send(std::mem::take(&mut batch)) {
            return;
        }
    }
    if !batch.is_empty() {
        send(batch);
    }
}

/// The ids on stdin, read by a thread of their own so the plan streams while stdin is read.
fn stdin_ids<'a>(repeats: Arc<AtomicU64>) -> LocalBoxStream<'a, Result<Target, CliError>> {
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Result<Target, CliError>>>(STDIN_QUEUE);
    std::thread::spawn(move || {
        read_ids(std::io::stdin().lock(), &repeats, |batch| {
            tx.blocking_send(batch).is_ok()
        });
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        let batch = rx.recv().await?;
        Some((futures_util::stream::iter(batch), rx))
    })
    .flatten()
    .boxed_local()
}

/// Whether TARGETS name interventions one way: ids (or `-` alone), or filters (`filtered`).
pub fn check(ids: &[String], filtered: bool) -> Result<(), CliError> {
    if !ids.is_empty() && filtered {
        return Err(CliError::usage("give ids or filters, not both"));
    }
    if ids.len() > 1 && ids.iter().all(|i| i == "-") {
        return Err(
            CliError::usage("`-` is given more than once; stdin is read once")
                .hint("give `-` once"),
        );
    }
    if ids.len() > 1 && ids.iter().any(|i| i == "-") {
        return Err(CliError::usage(
            "`-` reads ids from stdin and cannot be mixed with ids",
        ));
    }
    if ids.is_empty() && !filtered {
        return Err(CliError::usage(
            "name the interventions: ids, `-` to read them from stdin, or filters such as --owner or --older-than",
        ));
    }
    check_ids(ids)
}

/// Resolves TARGETS into the interventions to act on, as a stream: ids, `-` for stdin, or the
/// interventions a query selects (with the version listed, for If-Match). A page of the listing
/// that failed for a reason that may pass is asked for again `passes` more times, as the run's
/// failed items are.
pub fn select<'a>(
    client: &'a Client,
    ids: &[String],
    query: Option<InterventionQuery>,
    passes: u32,
) -> Result<Selection<'a>, CliError> {
    check(ids, query.is_some())?;
    let repeats = Arc::new(AtomicU64::new(0));
    Ok(match query {
        Some(query) => Selection {
            source: Source::Filters,
            owner: query.owner.clone(),
            // Every page is planned: the next is asked for while this one is decoded and
            // planned. The general queue comes in the order it is served, longest waiting
            // first, so a spread short of room places those first.
            targets: client
                .intervention_refs_or_whole_ahead(query.served_in_order(), FULL_PAGE, passes)
                .map(|item| item.map_err(CliError::from).and_then(listed))
                .boxed_local(),
            repeats,
        },
        None if ids == ["-"] => Selection {
            source: Source::Stdin,
            targets: stdin_ids(repeats.clone()),
            repeats,
            owner: None,
        },
        None => {
            let mut seen = Seen::new();
            let unique: Vec<Result<Target, CliError>> = ids
                .iter()
                .filter(|i| seen.insert(i))
                .map(|i| Ok(Target::bare(i.clone())))
                .collect();
            Selection {
                source: Source::Arguments,
                targets: futures_util::stream::iter(unique).boxed_local(),
                repeats,
                owner: None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};

    use super::read_ids;
    use crate::error::CliError;

    fn read(input: &str) -> (Vec<Result<String, CliError>>, u64) {
        let (targets, repeats) = read_targets(input);
        (
            targets.into_iter().map(|t| t.map(|t| t.id)).collect(),
            repeats,
        )
    }

    fn read_targets(input: &str) -> (Vec<Result<super::Target, CliError>>, u64) {
        let repeats = AtomicU64::new(0);
        let mut got = Vec::new();
        read_ids(input.as_bytes(), &repeats, |batch| {
            got.extend(batch);
            true
        });
        (got, repeats.load(Ordering::SeqCst))
    }

    #[test]
    fn stdin_ids_skip_blanks_and_repeats_and_read_ndjson() {
        let input = "\u{feff}iv_1\r\n\n  iv_2  \r\n{\"id\":\"iv_3\",\"state\":\"queued\"}\niv_1\n";
        let (ids, repeats) = read(input);
        let ids: Vec<String> = ids.into_iter().map(Result::unwrap).collect();
        assert_eq!(ids, ["iv_1", "iv_2", "iv_3"]);
        assert_eq!(repeats, 1);
    }

    /// A listing's NDJSON carries each intervention's version: the run sends If-Match with it,
    /// so one changed since it was listed is skipped, not overwritten (a colleague's reassign
    /// was undone: supervisor check). Ids alone carry none.
    #[test]
    fn ndjson_from_a_listing_keeps_the_version_it_listed() {
        let (targets, _) =
            read_targets("{\"id\":\"iv_3\",\"version\":4}\niv_5\n{\"id\":\"iv_6\"}\n");
        let versions: Vec<(String, Option<i64>)> = targets
            .into_iter()
            .map(|t| t.map(|t| (t.id, t.version)).unwrap())
            .collect();
        assert_eq!(
            versions,
            [
                ("iv_3".to_owned(), Some(4)),
                ("iv_5".to_owned(), None),
                ("iv_6".to_owned(), None)
            ]
        );
    }

    /// Input that comes in pieces, as from a pipe whose writer is slow: each `read` gives the
    /// next piece.
    struct Pieces(std::collections::VecDeque<&'static str>);

    impl std::io::Read for Pieces {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let Some(piece) = self.0.pop_front() else {
                return Ok(0);
            };
            buf[..piece.len()].copy_from_slice(piece.as_bytes());
            Ok(piece.len())
        }
    }

    #[test]
    fn stdin_ids_go_a_read_at_a_time_so_a_slow_producers_ids_are_not_held_back() {
        let repeats = AtomicU64::new(0);
        let mut batches = Vec::new();
        let pieces = Pieces(["iv_1\niv_2\niv_", "3\n", "\n", "iv_2\niv_4\n"].into());
        read_ids(pieces, &repeats, |batch| {
            batches.push(batch.into_iter().map(|t| t.unwrap().id).collect::<Vec<_>>());
            true
        });
        // Each whole id goes before the next read, also when a piece ends inside a line; a read
        // that brought no new id sends nothing.
        assert_eq!(batches, [vec!["iv_1", "iv_2"], vec!["iv_3"], vec!["iv_4"]]);
        assert_eq!(repeats.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_large_input_goes_in_bounded_batches() {
        // Beyond one buffer (64 KiB), whose reads end inside a line.
        let input: String = (1..=20_000).map(|n| format!("iv_{n}\n")).collect();
        assert!(input.len() > 64 * 1024);
        let mut sizes = Vec::new();
        let mut ids = 0;
        read_ids(input.as_bytes(), &AtomicU64::new(0), |batch| {
            sizes.push(batch.len());
            ids += batch.into_iter().filter(Result::is_ok).count();
            true
        });
        assert_eq!(ids, 20_000);
        assert!(sizes.iter().all(|n| *n <= 1024), "{sizes:?}");
        assert!(sizes.len() < 40, "a few hand-overs: {sizes:?}");
    }

    #[test]
    fn malformed_stdin_names_the_line() {
        let error = |input: &str| {
            let (got, _) = read(input);
            got.into_iter()
                .find_map(Result::err)
                .map(|e| e.message)
                .unwrap_or_default()
        };
        assert!(error("iv_1\n{\"id\": \n").contains("stdin line 2"));
        assert!(error("{\"name\":\"x\"}\n").contains("no string \"id\""));
        assert!(error("iv_1 iv_2\n").contains("not one id"));
        assert!(error("iv_1\nag_3\n").contains(
            "stdin line 2: `ag_3` is not an intervention id (those look like iv_42): `ag_` is the prefix of agents"
        ));
        assert!(error("iv_3,iv_4\n").contains("`iv_3,iv_4` is not an intervention id"));
        assert!(error("iv_1\n\u{feff}iv_2\n").contains("stdin line 2"));
        assert!(error("{\"id\":\"iv_07\"}\n").contains("`iv_07` is not an intervention id"));
        assert!(
            read("\n \n").0.is_empty(),
            "blank input is no error, and no id"
        );
    }

    #[test]
    fn livectls_own_piped_rows_give_their_first_field() {
        // As `list`, `stuck` and a run's plan print piped: no header, the id first.
        let input = "iv_1\tassigned\tBo Chen\tUser 1\t5m\tHelp\n\
                     iv_2\tqueued\t-\tiv_9\t2h\tiv_8\n\
                     iv_3\treassign\t-\tagent Cy Diaz\n";
        let (ids, _) = read(input);
        let ids: Vec<String> = ids.into_iter().map(Result::unwrap).collect();
        assert_eq!(ids, ["iv_1", "iv_2", "iv_3"]);
    }

    #[test]
    fn what_stdin_does_not_take_is_refused_saying_what_it_takes() {
        let refused = |input: &str| {
            let (got, _) = read(input);
            got.into_iter()
                .find_map(Result::err)
                .map(|e| (e.message, e.hints))
                .unwrap_or_default()
        };
        // `-o json`, and a JSON array on one line (`--json id`).
        for array in ["[\n{\"id\":\"iv_1\"},\n]\n", "[{\"id\":\"iv_1\"}]\n"] {
            let (message, hints) = refused(array);
            assert_eq!(
                message,
                "stdin line 1: a JSON array (as `-o json` prints) is not read: stdin takes \
                 one id a line, or one JSON object with an \"id\" a line"
            );
            assert_eq!(
                hints,
                ["pipe `livectl list -o ids` or `livectl list -o ndjson`"]
            );
        }
        // Another list's rows (`livectl agents`): its first field is named.
        assert_eq!(
            refused("ag_3\tBo Chen\tbo@example.com\n").0,
            "stdin line 1: a row's first field is its id, and `ag_3` is not an intervention id \
             (those look like iv_42): `ag_` is the prefix of agents"
        );
        assert_eq!(
            refused("iv_1\n42\tqueued\n").0,
            "stdin line 2: a row's first field is its id, and `42` is not an intervention id \
             (those look like iv_42): did you mean iv_42?"
        );
        // Ids split by tabs are several ids, not a row: none is dropped unsaid.
        assert_eq!(
            refused("iv_1\tiv_2\n").0,
            "stdin line 1: `iv_1\tiv_2` is not one id"
        );
        let (message, hints) = refused("iv_1 queued\n");
        assert_eq!(message, "stdin line 1: `iv_1 queued` is not one id");
        assert_eq!(hints, [super::STDIN_TAKES]);
    }

    #[test]
    fn a_listed_target_whose_id_is_no_interventions_stops_the_plan_naming_the_platform() {
        let listed = |id: &str| {
            super::listed(livectl_contract::InterventionRef {
                id: id.into(),
                department: None,
                state: livectl_contract::InterventionState::Queued,
                owner: None,
                version: 3,
            })
        };
        let target = listed("iv_42").unwrap();
        assert_eq!((target.id.as_str(), target.version), ("iv_42", Some(3)));
        let e = listed("iv_0042").unwrap_err();
        assert_eq!(e.kind, crate::error::ErrorKind::Failure);
        assert_eq!(
            e.message,
            "in the platform's listing: `iv_0042` is not an intervention id (those look like iv_42)"
        );
        assert!(
            listed("ag_7")
                .unwrap_err()
                .message
                .contains("`ag_` is the prefix of agents")
        );
    }
}
