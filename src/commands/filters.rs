//! The filters that select interventions, shared by `list`, `watch` and every action, and the
//! options of bulk runs. They become the contract's `InterventionQuery`.

use std::path::PathBuf;

use clap::Args;
use clap_complete::engine::ArgValueCandidates;
use jiff::{SignedDuration, Timestamp};
use livectl_client::Client;
use livectl_contract::{ActionKind, InterventionQuery, InterventionState, Owner, States};

use crate::cli::GlobalArgs;
use crate::error::{CliError, ErrorKind};
use crate::ui::Ui;
use crate::usecases::{bulk, lookup};

/// `--state`: one of the contract's states, or a set of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StateFilter {
    Queued,
    Assigned,
    Completed,
    Cancelled,
    // Queued and assigned.
    Open,
    // Every state.
    All,
}

impl StateFilter {
    /// Whether it names open states alone (queued, assigned, open).
    pub fn is_open(self) -> bool {
        self.states().iter().all(|s| States::open().contains(*s))
    }

    /// As it is typed: `completed`.
    pub fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }

    fn states(self) -> &'static [InterventionState] {
        use InterventionState::*;
        match self {
            StateFilter::Queued => &[Queued],
            StateFilter::Assigned => &[Assigned],
            StateFilter::Completed => &[Completed],
            StateFilter::Cancelled => &[Cancelled],
            StateFilter::Open => &[Queued, Assigned],
            StateFilter::All => InterventionState::ALL,
        }
    }
}

/// The value name of every flag that takes a duration (`--older-than`, `--grace`, `--queued`,
/// `--no-reply`, the sandbox's timeouts): a negative one given as a word of its own
/// (`--older-than -5m`) is joined to its flag before clap reads the line
/// (`cli::join_hyphen_values`), so that the duration's parser says what is wrong with it.
pub const DURATION: &str = "DURATION";

/// A duration given on the command line: `90s`, `30m`, `2h`, `1d`, `1h30m`.
pub fn duration(s: &str) -> Result<SignedDuration, String> {
    livectl_contract::duration::parse(s)
}

#[derive(Debug, Clone, Default, Args)]
pub struct Filters {
    /// States to include: queued, assigned, completed, cancelled, open (queued and assigned) or all
    #[arg(long, value_delimiter = ',', value_enum)]
    pub state: Vec<StateFilter>,
    /// Owner: an AGENT (id, key, email, unique name or `me`), or `none` for the general queue
    #[arg(long, visible_alias = "from", value_name = "AGENT", add = ArgValueCandidates::new(crate::completion::owners))]
    pub owner: Option<String>,
    /// Department: id, key or name
    #[arg(long)]
    pub department: Option<String>,
    /// Only interventions with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only interventions queued longer ago than this, e.g. 30m, 2h, 1d (counted from
    /// queued_at, not from an assignment, which `list`'s WAITING counts an assigned one from)
    #[arg(long, value_name = DURATION, value_parser = duration)]
    pub older_than: Option<SignedDuration>,
}

impl Filters {
    /// The states `--state` names; the open ones when it is not given.
    fn states(&self) -> States {
        if self.state.is_empty() {
            States::open()
        } else {
            States::new(self.state.iter().flat_map(|s| s.states().iter().copied()))
        }
    }

    /// True when any filter was given (bulk actions select by filters only then).
    pub fn is_set(&self) -> bool {
        // One list of the filters: those `as_typed` says.
        !self.as_typed().is_empty()
    }

    /// The filters given, each as it is typed (`--owner ana`, `--state queued,assigned`), for
    /// a message that names what chose the interventions.
    pub fn as_typed(&self) -> Vec<String> {
        let mut given: Vec<String> = Vec::new();
        if !self.state.is_empty() {
            let states: Vec<String> = self.state.iter().map(|s| s.name()).collect();
            given.push(format!("--state {}", states.join(",")));
        }
        let flags = [
            ("--owner", self.owner.clone()),
            ("--department", self.department.clone()),
            ("--tag", self.tag.clone()),
            (
                "--older-than",
                self.older_than.map(livectl_contract::duration::format),
            ),
        ];
        for (flag, value) in flags {
            if let Some(value) = value {
                given.push(format!("{flag} {}", crate::ui::shell_word(&value)));
            }
        }
        given
    }

    /// The contract's query for these filters: names resolved to ids, open interventions when
    /// no state is given. An owner the token's agent sees none of the interventions of is
    /// refused (`unseen`): what a list or a run would select is nothing it may see.
    pub async fn query(
        &self,
        client: &Client,
        now: Timestamp,
    ) -> Result<InterventionQuery, CliError> {
        self.query_naming(client, now, "--owner (--from)", Seen::Refused)
            .await
    }

    /// `query` for a stream of changes (`watch`): an agent watching a colleague sees the
    /// colleague's status changes, and what the colleague returns to the queue, though none of
    /// the colleague's interventions, so the owner is not refused (review).
    pub async fn query_watched(
        &self,
        client: &Client,
        now: Timestamp,
    ) -> Result<InterventionQuery, CliError> {
        self.query_naming(client, now, "--owner (--from)", Seen::Anyone)
            .await
    }

    /// `query`, for a command whose owner flag is `owner_flag` (an error names it), as the
    /// console's `--owner`, which has no `--from`; `seen` says whether an owner whose
    /// interventions the token's agent cannot see is refused.
    pub async fn query_naming(
        &self,
        client: &Client,
        now: Timestamp,
        owner_flag: &str,
        seen: Seen,
    ) -> Result<InterventionQuery, CliError> {
        let mut query = InterventionQuery {
            state: self.states(),
            ..InterventionQuery::default()
        };
        if query.state.is_all() {
            query.state = States::default();
        }
        if let Some(owner) = &self.owner {
            query.owner = Some(if owner == livectl_contract::NONE {
                Owner::Nobody
            } else {
                let agent = lookup::agent(client, owner, owner_flag).await?;
                // `me` is the token's own agent, always its to see: not asked about again.
                if seen == Seen::Refused && owner != "me" {
                    unseen(client, &query, &agent, owner_flag).await?;
                }
                Owner::Agent(agent.id)
            });
        }
        if let Some(department) = &self.department {
            let departments = client.departments().await?;
            query.department = Some(
                lookup::pick(&departments, department, "--department")?
                    .id
                    .clone(),
            );
        }
        query.tag = self
            .tag
            .as_deref()
            .map(livectl_contract::limits::normalize_tag)
            .transpose()
            .map_err(|e| CliError::usage(format!("--tag: {e}")))?;
        if let Some(age) = self.older_than {
            query.queued_before = Some(
                now.checked_sub(age)
                    .map_err(|e| CliError::usage(format!("--older-than: {e}")))?,
            );
        }
        Ok(query)
    }
}

/// Whether a filter for an owner whose interventions the token's agent cannot see is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A list, a bulk run, the console: everything they would show is interventions.
    Refused,
    /// A stream of changes: the owner's status changes are anyone's to see.
    Anyone,
}

/// Refuses (exit 4) a filter for `owner`'s interventions when the token's agent may see none
/// of them (`InterventionQuery::unseen_by`: an agent's filter for another agent's work), rather
/// than listing nothing as if the owner had none, or a bulk run saying "nothing matches".
async fn unseen(
    client: &Client,
    query: &InterventionQuery,
    owner: &livectl_contract::Agent,
    owner_flag: &str,
) -> Result<(), CliError> {
    let query = InterventionQuery {
        owner: Some(Owner::Agent(owner.id.clone())),
        ..query.clone()
    };
    let me = client.me().await?.agent;
    if query.unseen_by(me.role, &me.id).is_none() {
        return Ok(());
    }
    let key = owner.key.as_deref().unwrap_or(&owner.id);
    Err(CliError::new(
        ErrorKind::Auth,
        format!(
            "{owner_flag} {} ({key}): {}, so {}'s are not {}'s to see",
            owner.name,
            livectl_contract::Role::AGENT_SEES,
            owner.name,
            me.name
        ),
    )
    .hint("use an admin's token, or --owner me for your own"))
}

impl Filters {
    /// The states a run of `action` chosen by these filters lists: those `--state` names (the
    /// open ones by default) that the action acts on. `--state` naming none of them is refused
    /// (`reassign --state completed` could only be refused item by item); naming more is
    /// narrowed, and said.
    pub fn states_for(&self, action: ActionKind, ui: &Ui) -> Result<States, CliError> {
        let asked = self.states();
        let acted = States::new(
            asked
                .as_slice()
                .iter()
                .copied()
                .filter(|s| action.allowed(*s)),
        );
        let given = || {
            self.state
                .iter()
                .filter_map(clap::ValueEnum::to_possible_value)
                .map(|v| v.get_name().to_owned())
                .collect::<Vec<_>>()
                .join(",")
        };
        if acted.is_empty() {
            return Err(CliError::usage(format!(
                "{action} acts on {} interventions, and --state {} selects none of them; nothing was sent",
                action.allowed_from_words(),
                given()
            ))
            .hint(format!(
                "leave out --state: a run chosen by filters takes the {} ones",
                action.allowed_from_words()
            )));
        }
        if !self.state.is_empty() && acted.as_slice().len() < asked.as_slice().len() {
            ui.note(format!(
                "{action} acts on {} interventions: --state {} narrowed to {acted}",
                action.allowed_from_words(),
                given()
            ));
        }
        Ok(acted)
    }
}

/// Bulk options, shared by the five actions and `stuck --fix`.
#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// Requests in flight at once [default: 16, or the run's own on --resume]
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = concurrency)]
    pub concurrency: Option<u16>,
    /// At most N actions a second, from 0.001 to 1000000 [default: no limit, or the run's own on
    /// --resume]
    #[arg(long, value_name = "N", value_parser = rate, allow_negative_numbers = true)]
    pub rate: Option<f64>,
    /// Passes at the end of the run over items that failed for a passing reason (5xx, timeouts,
    /// retries spent), with their same keys; in a run chosen by filters, a page of the listing
    /// that failed so is asked for again as many times [default: 2, or the run's own on
    /// --resume]
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = retries)]
    pub retries: Option<u32>,
    /// Print what would change and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write the journal here [default: a new file in $XDG_STATE_HOME/livectl/runs/]
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Continue the run of this journal (its path, or the run id `livectl runs` shows): only
    /// what is left, in-flight items replayed with their keys (with --dry-run: print what is
    /// left and send nothing)
    #[arg(long, value_name = "JOURNAL", value_parser = journal, conflicts_with = "journal")]
    pub resume: Option<PathBuf>,
}

/// `--resume`: a journal's path; or a run id (`20261124T120000Z-3f2a1c`) where no file has that
/// name, for its journal in the runs directory.
fn journal(s: &str) -> Result<PathBuf, String> {
    let given = PathBuf::from(s);
    if bulk::wrong_run_id(s).is_none() && !given.exists() {
        return Ok(bulk::journal::runs_path().join(bulk::journal::file_name(s)));
    }
    Ok(given)
}

/// A whole number from `min` to `max`, said in words when it is not one (clap's `-1 is not in
/// 1..=256` is Rust's notation; `99999999999999999999` was "not a count", a number too large).
pub fn whole(s: &str, min: u64, max: u64) -> Result<u64, String> {
    let text = s.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{s}` is not a whole number; give one from {min} to {max}"
        ));
    }
    match text.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "{s} is out of range; give a whole number from {min} to {max}"
        )),
    }
}

/// `--concurrency`: requests in flight at once.
fn concurrency(s: &str) -> Result<u16, String> {
    whole(s, 1, u64::from(bulk::MAX_CONCURRENCY)).map(|n| n as u16)
}

/// `--retries`: passes over the items that failed for a passing reason.
fn retries(s: &str) -> Result<u32, String> {
    whole(s, 0, u64::from(bulk::MAX_RETRIES)).map(|n| n as u32)
}

/// A count of 1 or more (`--limit`, `--rate-limit`, `--max-connections`), refused in words.
pub fn count(s: &str) -> Result<u32, String> {
    let text = s.trim();
    let too_many = || {
        format!(
            "{s} is too many; give a whole number from 1 to {}",
            u32::MAX
        )
    };
    // Digits beyond what a count holds: too many, not "not a count".
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) && text.parse::<u32>().is_err()
    {
        return Err(too_many());
    }
    match text.parse::<i64>() {
        Ok(n) if n >= 1 => u32::try_from(n).map_err(|_| too_many()),
        _ => Err(format!(
            "`{s}` is not a count; give a whole number of 1 or more, such as 50"
        )),
    }
}

/// `--rate`: actions a second, within `bulk::RATES` (a slower rate would wait longer than any
/// timer measures, a faster one would be no limit at all).
pub fn rate(s: &str) -> Result<f64, String> {
    let (slowest, fastest) = bulk::RATES;
    match s.trim().parse::<f64>() {
        Ok(r) if (slowest..=fastest).contains(&r) => Ok(r),
        Ok(r) if r.is_finite() => Err(format!(
            "{s} actions a second is out of range; give a rate from {slowest} to {fastest}, such as 50"
        )),
        _ => Err(format!(
            "`{s}` is not a rate; give a number of actions a second from {slowest} to {fastest}, such as 50"
        )),
    }
}

impl BulkArgs {
    /// Whether what a run of several items would do is said to a person before anything is
    /// sent (a dry run, a confirmation, a run refused for want of `--yes`): a spread then plans
    /// on the agents as they stand, a pool resolved and each agent's room counted, so what is
    /// said is what the run does. A run confirmed by `--yes` leaves a pool to be resolved as
    /// each item is sent.
    pub fn judged(&self, global: &GlobalArgs) -> bool {
        self.dry_run || !global.yes
    }

    /// The engine's options; `--yes` and how the platform was reached from the global flags.
    pub fn options(&self, global: &GlobalArgs) -> bulk::Options {
        bulk::Options {
            pace: bulk::PaceArgs {
                concurrency: self.concurrency,
                rate: self.rate,
                retries: self.retries,
            },
            dry_run: self.dry_run,
            journal: self.journal.clone(),
            yes: global.yes,
            reach: crate::connect::reach(global),
            journal_limit: journal_limit(),
            reach_to: Some(crate::connect::reach_named),
            run_id: None,
        }
    }
}

/// The test hook LIVECTL_JOURNAL_LIMIT (`bulk::Options::journal_limit`), hidden from help as
/// LIVECTL_FORCE_TTY and LIVECTL_NOW are; the bulk commands and the autopilot read it here.
pub fn journal_limit() -> Option<u64> {
    std::env::var("LIVECTL_JOURNAL_LIMIT")
        .ok()
        .and_then(|n| n.trim().parse().ok())
}

/// `--reason`: no longer than the platform records, checked before anything is sent (the
/// platform would refuse each item with 422); and not blank, which records nothing anyone could
/// read (the timeline showed `()`: new user).
pub fn check_reason(reason: Option<&str>) -> Result<(), CliError> {
    let Some(reason) = reason else {
        return Ok(());
    };
    if reason.trim().is_empty() {
        return Err(CliError::usage("--reason is blank; nothing was sent")
            .hint("give a reason, or leave --reason out"));
    }
    livectl_contract::Limit::ReasonLength
        .length(reason)
        .map_err(|e| {
            CliError::usage(format!(
                "--reason {e} ({}); nothing was sent",
                reason.chars().count()
            ))
            .hint("shorten it")
        })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::rate;
    use crate::usecases::bulk::{RATES, rate_period};

    #[test]
    fn any_rate_is_taken_within_its_range_or_refused_and_none_panics() {
        let mut rng = fastrand::Rng::with_seed(20_261_128);
        let edges = [
            "0", "-0", "1e-20", "1e-300", "5e-324", "0.001", "1000000", "1e308", "inf", "-inf",
            "NaN", "", " 50 ", "1_000", "0x10",
        ];
        let random = (0..100_000).map(|_| f64::from_bits(rng.u64(..)).to_string());
        for text in edges.iter().map(|s| (*s).to_owned()).chain(random) {
            match rate(&text) {
                Ok(r) => {
                    assert!((RATES.0..=RATES.1).contains(&r), "{text}");
                    let period = rate_period(r);
                    assert!(
                        (Duration::from_micros(1)..=Duration::from_secs(1000)).contains(&period),
                        "{text}: {period:?}"
                    );
                }
                Err(e) => assert!(e.contains("from 0.001 to 1000000"), "{text}: {e}"),
            }
        }
        // The engine takes any number without panicking, should another caller pass one.
        for _ in 0..100_000 {
            let period = rate_period(f64::from_bits(rng.u64(..)));
            assert!(period >= Duration::from_micros(1));
        }
    }
}
