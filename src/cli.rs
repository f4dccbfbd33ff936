//! The command line: `Cli`, its global options and the command enum.

use std::ffi::OsString;

use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::commands::{self, Ctx};
use crate::error::CliError;
use crate::ui::{ColorChoice, Format, Shape, Ui};

/// Administer the live agents of a chatbot platform: queues, takeovers, bulk moves, history.
///
/// Without a profile or --api-url, livectl serves an embedded sandbox with demo data from
/// $XDG_DATA_HOME/livectl/sandbox.db. Connect to a real platform with `livectl login`.
#[derive(Debug, Parser)]
#[command(
    name = "livectl",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// The profile to use [default: the config's default_profile]
    #[arg(long, global = true, env = "LIVECTL_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,
    /// The platform's API address, e.g. https://live.example.com
    #[arg(long, global = true, env = "LIVECTL_API_URL", value_name = "URL")]
    pub api_url: Option<String>,
    /// Output format [default: table on a terminal, plain lines otherwise]
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,
    /// When to use colour (NO_COLOR turns it off too)
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Never prompt; a missing value is an error
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Answer yes to confirmations
    #[arg(short, long, global = true)]
    pub yes: bool,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Say more on stderr (-v requests, -vv retries, -vvv bodies); tokens are never shown
    #[arg(short, long, global = true, action = ArgAction::Count)]
    pub verbose: u8,
    /// Show times in UTC rather than the local zone (TZ)
    #[arg(long, global = true)]
    pub utc: bool,
    /// Print JSON with only these fields (comma-separated; without any, list them)
    #[arg(long, global = true, value_name = "FIELDS", num_args = 0..=1, default_missing_value = "")]
    pub json: Option<String>,
    /// Filter the JSON through a jq expression (strings print raw), e.g. '.[].id'; it reads
    /// the whole list, held in memory (for a large export pipe -o ndjson into jq); into a
    /// .json file (--out), the list of its outputs
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,
    /// Order a list by one of its fields (see --json for the fields; one the table shows by
    /// name, such as owner or user, by that name), or by a column's title (agents' FOR is
    /// status_since); `-FIELD` orders it the other way (`--sort -queued`: the newest first),
    /// what has no value last either way; `list --sort F --limit N` reads every match and
    /// gives the first N by F
    #[arg(long, global = true, value_name = "FIELD")]
    pub sort: Option<String>,
    /// Use the embedded sandbox even when a profile is configured
    #[arg(long, global = true)]
    pub sandbox: bool,
    /// Allow plain http:// to hosts other than loopback
    #[arg(long, global = true)]
    pub allow_insecure_http: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Every queue: the general queue and each agent's My Queue
    Queues(commands::queues::QueuesArgs),
    /// List interventions (open ones by default)
    List(commands::list::ListArgs),
    /// Show one intervention: user, summary, state, owner, timeline, last messages
    Show(commands::show::ShowArgs),
    /// Assign a queued intervention (to yourself by default)
    Assign(commands::assign::AssignArgs),
    /// Move an assigned intervention to another agent's My Queue
    Reassign(commands::reassign::ReassignArgs),
    /// Return an assigned intervention to the general queue
    Return(commands::act::ReasonArgs),
    /// Cancel the takeover: the user goes back to the bot
    Cancel(commands::act::ReasonArgs),
    /// Complete an intervention with topic, outcome, tags and closing block
    Complete(commands::complete::CompleteArgs),
    /// Open interventions that need help: owner away, offline or deactivated, user waiting for a reply, queued too long
    Stuck(commands::stuck::StuckArgs),
    /// Bulk runs left unfinished (killed, stopped, items left), with the command that resumes each
    ///
    /// One row a journal in the runs directory (or the PATHs given), newest first: its run id,
    /// its action, when it started, the platform it ran against, its items done, failed (for
    /// good) and left (what a resume sends), and the `--resume` command that carries it on. A
    /// run still going in another livectl is `running`; a file that cannot be resumed (not a
    /// journal, damaged) is `unusable`, with why. Journals are only read, never changed.
    Runs(commands::runs::RunsArgs),
    /// Load a seed file (YAML or JSON) or generated data through the API, idempotently
    Seed(commands::seed::SeedArgs),
    /// An agent's status (online, away, offline): shown, or set (an event on the stream)
    Status(commands::status::StatusArgs),
    /// On-call fixer: moves work off agents who went offline, out of a queue waiting too long
    ///
    /// It runs until Ctrl-C, SIGTERM or SIGHUP, following the event stream. Once an owner has
    /// been offline (or away, per --rule) longer than --grace, or at once when it was
    /// deactivated, its open interventions move to the pool of --to, or back to the general queue when no agent has room; with
    /// --queued and --no-reply it also assigns what waited too long in the general queue and
    /// moves what waits too long for a reply. Every move goes through the bulk engine with
    /// If-Match and a journal, so two autopilots (or an autopilot and a person) never move an
    /// item twice. It catches up on start, logs one line per decision (NDJSON with -o ndjson)
    /// and says what it did when it stops. It needs an admin's token.
    Autopilot(commands::autopilot::AutopilotArgs),
    /// Live stream of changes (Ctrl-C to stop)
    Watch(commands::watch::WatchArgs),
    /// Full-screen live view: queues, interventions, stuck ones, events; every action by keys
    ///
    /// The general queue and every agent's My Queue (with its load against the agent's
    /// capacity, 3/5), the selected queue's interventions, the stuck ones with their reasons and
    /// the latest events, agents' status changes among them, redrawn as the event stream reports
    /// changes. Keys: a assign to me, t assign or reassign to another agent, r return, x cancel,
    /// c complete, h the user's history, space marks (an action on marks is a bulk run with a
    /// journal), / search, d and o filter by department and owner, ? every key, q or Ctrl-C
    /// leaves (exit 0, as `watch`). It needs a terminal of at least 80x24; without one it exits
    /// 2 and points to `livectl watch`.
    Console(commands::console::ConsoleArgs),
    /// The agents
    Agents(commands::catalog::CatalogArgs),
    /// The topics conversations are completed with
    Topics(commands::catalog::CatalogArgs),
    /// The outcomes conversations are completed with
    Outcomes(commands::catalog::CatalogArgs),
    /// The blocks the bot can send when a takeover completes
    Blocks(commands::catalog::CatalogArgs),
    /// The departments
    Departments(commands::catalog::CatalogArgs),
    /// A user's history: a timeline on a terminal, an export with -o or --out
    History(commands::history::HistoryArgs),
    /// Save a profile and its token
    Login(commands::login::LoginArgs),
    /// Forget a profile's token
    Logout(commands::logout::LogoutArgs),
    /// Who the token belongs to
    Whoami(commands::whoami::WhoamiArgs),
    /// Read and change the configuration
    Config(commands::config::ConfigArgs),
    /// An authenticated request to any endpoint of the API, as `gh api` does
    ///
    /// PATH is under /v1/. Fields become the JSON body of a POST or the query of a GET. The
    /// request goes with the run's profile and token, its retries, and an Idempotency-Key on
    /// anything that changes data. The answer's JSON is printed (shaped by --jq and --json); an
    /// error answer exits with the code of its kind, as every command does.
    Api(commands::api::ApiArgs),
    /// Run a local sandbox of the platform's API
    Sandbox(commands::sandbox::SandboxArgs),
    /// Check the platform against the contract's rules: states, roles, idempotency, events, …
    ///
    /// Eight rules as named cases, each passed, failed with its evidence, or skipped with why:
    /// the state machine, roles, idempotency, preconditions, pagination, events, problems and
    /// rate limits. The suite creates its own department, agents, catalog and interventions
    /// through the seeding endpoints, keyed conformance-<run>-…, touches nothing else, cancels
    /// the interventions it left open and makes its agents inactive and offline.
    ///
    /// It needs an admin's token; the role rules also need an agent's (else they are skipped).
    /// On a platform that is not a sandbox, and on your demo workspace (the embedded sandbox,
    /// or `sandbox serve` on its database), it asks first, or needs --yes. The exit status is 0
    /// when no case failed (skipped cases do not count) and 1 when one did.
    Conformance(commands::conformance::ConformanceArgs),
    /// Print a shell completion script
    Completions(commands::completions::CompletionsArgs),
    /// Write man pages
    Man(commands::man::ManArgs),
    /// Print the version, as --version does
    Version,
}

/// The command line, with the one rename derive cannot express: in `complete`, `--tag` adds
/// tags to the wrap-up, so the tag filter is `--with-tag` there.
pub fn command() -> clap::Command {
    Cli::command().mut_subcommand("complete", |c| c.mut_arg("tag", |a| a.long("with-tag")))
}

/// A value that begins with `-` given as a word of its own joined to its flag, where clap
/// would take it for flags: a negative duration (`--older-than -5m` becomes
/// `--older-than=-5m`), so that the duration's parser refuses it, naming the flag, the value
/// and what is right (exit 2; clap read `-5m` as the short flags `-5` and `-m` and said only
/// "unexpected argument '-5' found"), for every flag whose value is a `DURATION`
/// (`commands::filters::DURATION`) and only for a word of `-` and a digit, which no flag is;
/// and a descending sort (`--sort -owner` becomes `--sort=-owner`: a new user got clap's "a
/// value is required"), for a word of `-` and a field's (or a column title's) letters that are
/// not all livectl's short flags (`--sort -vv` stays a flag). A flag given where the value goes
/// (`--older-than --json`, `--older-than -o json`, `--sort --limit 2`) is still clap's "a value
/// is required for '--older-than <DURATION>'", where taking any word that begins with `-`
/// (clap's `allow_hyphen_values`) took `-o` for the duration and refused `json` as an argument
/// of its own, the duration unnamed. Nothing after `--` is joined, nor the word an option that
/// takes any word takes (`autopilot --to --grace -5m` leaves `--to`'s value `--grace` as it
/// is, for its own message).
pub fn join_hyphen_values(root: &clap::Command, args: Vec<OsString>) -> Vec<OsString> {
    /// The durations' flags, the options whose value may begin with `-`, the short flags.
    fn flags(
        command: &clap::Command,
        durations: &mut Vec<String>,
        hyphens: &mut Vec<String>,
        shorts: &mut Vec<char>,
    ) {
        for arg in command.get_arguments() {
            let names = || {
                let longs = arg
                    .get_long()
                    .into_iter()
                    .chain(arg.get_all_aliases().into_iter().flatten())
                    .map(|name| format!("--{name}"));
                longs.chain(arg.get_short().map(|c| format!("-{c}")))
            };
            shorts.extend(arg.get_short());
            let duration = arg
                .get_value_names()
                .is_some_and(|names| names.iter().any(|n| n == commands::filters::DURATION));
            if duration {
                durations.extend(names());
            } else if arg.is_allow_hyphen_values_set() && !arg.is_positional() {
                hyphens.extend(names());
            }
        }
        command
            .get_subcommands()
            .for_each(|sub| flags(sub, durations, hyphens, shorts));
    }
    let (mut durations, mut hyphens, mut shorts) = (Vec::new(), Vec::new(), Vec::new());
    flags(root, &mut durations, &mut hyphens, &mut shorts);
    let negative = |word: &OsString| {
        word.to_str()
            .and_then(|w| w.strip_prefix('-'))
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let descending = |word: &OsString| {
        word.to_str()
            .and_then(|w| w.strip_prefix('-'))
            .is_some_and(|w| {
                // A field, or a column's title as the table writes it (`-WAITING`).
                w.starts_with(|c: char| c.is_ascii_alphabetic())
                    && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !w.chars().all(|c| shorts.contains(&c))
            })
    };
    let mut joined = Vec::with_capacity(args.len());
    let mut words = args.into_iter().peekable();
    while let Some(word) = words.next() {
        if word == "--" {
            joined.push(word);
            joined.extend(words);
            break;
        }
        let is = |names: &[String]| word.to_str().is_some_and(|w| names.iter().any(|n| n == w));
        if is(&hyphens) {
            joined.push(word);
            joined.extend(words.next());
            continue;
        }
        let duration = is(&durations);
        let sort = word == "--sort";
        match words.next_if(|next| duration && negative(next) || sort && descending(next)) {
            Some(value) => {
                let mut one = word;
                one.push("=");
                one.push(value);
                joined.push(one);
            }
            None => joined.push(word),
        }
    }
    joined
}

/// Parses the process arguments (exits with clap's message and code 2 on a usage error).
pub fn parse() -> Cli {
    let mut root = command();
    let args = join_hyphen_values(&root, std::env::args_os().collect());
    let matches = root.try_get_matches_from_mut(&args).unwrap_or_else(|e| {
        // What a terminal would obey (control characters, the marks that reorder text), and a
        // token pasted in the wrong place, which the message would quote.
        let shown = |a: &std::ffi::OsString| {
            let text = a.to_string_lossy();
            crate::ui::sanitize(&livectl_contract::token::redacted(&text), false).into_owned()
        };
        let control = |a: &std::ffi::OsString| shown(a) != a.to_string_lossy();
        if !e.use_stderr() || !args.iter().any(control) {
            unknown_flag(e, &mut root, &args).exit()
        }
        // Clap and the value parsers write the arguments into their messages as they came, but
        // for the escape sequences clap strips: a carriage return or a line break went out
        // raw (a line of its own that read as livectl's, `hint: run …`), a bell vanished and
        // left `invalid value 'queued'` for what was not `queued`. The line is parsed again
        // with every argument escaped, so that each message quotes the escaped text; the
        // message is written with any control character left escaped too.
        let escaped: Vec<std::ffi::OsString> = args.iter().map(|a| shown(a).into()).collect();
        let mut again = command();
        let (shown, text) = match again.try_get_matches_from_mut(&escaped) {
            Err(same) if same.kind() == e.kind() => {
                let same = unknown_flag(same, &mut again, &escaped);
                let text = same.render().to_string();
                (same, text)
            }
            // The escaped line parses (a parser refused the control character itself): the
            // first error, each argument in it replaced by its escaped text.
            _ => {
                let first = unknown_flag(e, &mut root, &args);
                let mut text = first.render().to_string();
                for (raw, safe) in args.iter().zip(&escaped).filter(|(a, _)| control(a)) {
                    text = text.replace(&*raw.to_string_lossy(), &safe.to_string_lossy());
                }
                (first, text)
            }
        };
        Ui::escaped_to_stderr(&text);
        std::process::exit(shown.exit_code());
    });
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.global.forget_empty_variables();
    cli
}

/// An unknown flag's error, with a tip that helps. Clap suggests the flag nearest by Jaro's
/// measure, which puts `--allow-insecure-http` near `--owner` and `--version` near
/// `--reason` (and writes the suggestion into the usage line as if it were needed). A
/// suggestion a few edits away (`--ownr`) is kept; otherwise the tip names the commands that
/// do take the flag, and the usage is the command's own.
fn unknown_flag(
    e: clap::Error,
    root: &mut clap::Command,
    args: &[std::ffi::OsString],
) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() == ErrorKind::ArgumentConflict {
        return resumed_elsewhere(e);
    }
    let Some(ContextValue::String(given)) = e.get(ContextKind::InvalidArg) else {
        return e;
    };
    let Some(name) = given
        .strip_prefix("--")
        .map(|n| n.split('=').next().unwrap_or(n))
    else {
        return e;
    };
    let near = |other: &str| crate::ui::near(name, other.trim_start_matches('-'));
    if e.kind() != ErrorKind::UnknownArgument {
        return e;
    }
    let given = given.clone();
    let takers = commands_taking(root, name, "livectl");
    // A flag another command takes as given is what was meant (`cancel --all`, from `list
    // --all`), whatever this command has that looks like it (`--allow-insecure-http`).
    if takers.is_empty()
        && matches!(e.get(ContextKind::SuggestedArg), Some(ContextValue::String(s)) if near(s))
    {
        return e;
    }
    // The command the flag was given to: the subcommands named on the line, in order, but
    // for the values of options (`--profile sandbox list`).
    let mut command = root;
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = words.next() {
        let option = match (arg.strip_prefix("--"), arg.strip_prefix('-')) {
            (Some(long), _) if !long.contains('=') => {
                command.get_arguments().find(|a| a.get_long() == Some(long))
            }
            (None, Some(short)) if short.chars().count() == 1 => command
                .get_arguments()
                .find(|a| short.starts_with(a.get_short().unwrap_or('\0'))),
            _ => None,
        };
        if option.is_some_and(|a| a.get_action().takes_values()) {
            words.next();
            continue;
        }
        if command.find_subcommand(arg).is_none() {
            continue;
        }
        command = command.find_subcommand_mut(arg).expect("found above");
    }
    let mut better = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(command);
    better.insert(ContextKind::InvalidArg, ContextValue::String(given.clone()));
    // Clap's own tips kept (for a value that begins with `-`: `use '-- --zzz'`), then ours;
    // but not for a flag another command takes, which was meant as that flag (`return --to`),
    // not as a value (`-- --to` would be read as an id).
    let mut tips = match e.get(ContextKind::Suggested) {
        Some(ContextValue::StyledStrs(tips)) if takers.is_empty() => tips.clone(),
        _ => Vec::new(),
    };
    if !takers.is_empty() {
        tips.push(format!("'{given}' is a flag of {}", takers.join(", ")).into());
    } else if let Some(flag) = command
        .get_arguments()
        .filter(|a| !a.is_hide_set())
        .filter_map(|a| a.get_long())
        .filter_map(|long| crate::ui::nearness(name, long).map(|edits| (edits, long)))
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, long)| long)
    {
        // Clap's measure picked a flag further off (`stuck --to-agent` met `--state`), or none:
        // the near one this command has.
        tips.push(format!("a similar argument exists: '--{flag}'").into());
    }
    if !tips.is_empty() {
        better.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
    }
    better.insert(
        ContextKind::Usage,
        ContextValue::StyledStr(command.render_usage()),
    );
    better
}

/// `--resume` with `--to`: a resume sends each item to the agent its journal holds, and the
/// way to give the items a run left to another agent was not said (the hint "give the items
/// left to another agent" led a supervisor to `--resume ID --to ana`: new user).
fn resumed_elsewhere(mut e: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    let mut named = Vec::new();
    for kind in [ContextKind::InvalidArg, ContextKind::PriorArg] {
        match e.get(kind) {
            Some(ContextValue::String(one)) => named.push(one.clone()),
            Some(ContextValue::Strings(many)) => named.extend(many.iter().cloned()),
            _ => {}
        }
    }
    let given = |flag: &str| {
        named
            .iter()
            .any(|n| n == flag || n.starts_with(&format!("{flag} ")))
    };
    if given("--resume") && given("--to") {
        e.insert(
            ContextKind::Suggested,
            ContextValue::StyledStrs(vec![
                "a resume sends each item to the agent its journal holds; to give the items a \
                 run left to another agent, run one chosen by filters again with another --to \
                 (they are where they were), and for one given ids, `--resume JOURNAL \
                 --dry-run` lists those left"
                    .into(),
            ]),
        );
    }
    e
}

/// The commands (`livectl list`) under `command` that take `--name`, hidden ones and hidden
/// flags (test hooks) left out.
fn commands_taking(command: &clap::Command, name: &str, path: &str) -> Vec<String> {
    let mut takers = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let path = format!("{path} {}", sub.get_name());
        if sub
            .get_arguments()
            .any(|a| !a.is_global_set() && !a.is_hide_set() && a.get_long() == Some(name))
        {
            takers.push(format!("'{path}'"));
        }
        takers.extend(commands_taking(sub, name, &path));
    }
    takers
}

/// Whether the command `name` acts on a platform, so that a suggestion of it takes the flags
/// that chose the run's (`Reach::carried`). Those that do not: the local ones (`runs` reads
/// journals), and `login`, `logout` and `config`, whose hints name the profile they mean.
pub fn acts_on_a_platform(name: &str) -> bool {
    !matches!(
        name,
        "login"
            | "logout"
            | "config"
            | "sandbox"
            | "runs"
            | "completions"
            | "man"
            | "version"
            | "help"
    )
}

/// A variable's value that counts as unset: empty, or only spaces.
pub fn blank(value: &str) -> bool {
    value.trim().is_empty()
}

impl GlobalArgs {
    /// A variable set but empty (`LIVECTL_API_URL=` in a CI file) counts as unset, as an empty
    /// LIVECTL_TOKEN does.
    fn forget_empty_variables(&mut self) {
        for (value, variable) in [
            (&mut self.profile, "LIVECTL_PROFILE"),
            (&mut self.api_url, "LIVECTL_API_URL"),
        ] {
            if value.as_deref().is_some_and(blank)
                && std::env::var(variable).is_ok_and(|v| blank(&v))
            {
                *value = None;
            }
        }
    }
}

impl Cli {
    /// Runs the command with its `ui`: one flat dispatch, each command's `exec` with the same
    /// context.
    pub fn run(self, ui: Ui) -> Result<(), CliError> {
        let g = self.global;
        // A blank name (`--profile ""`) was saved as a profile called nothing, and the default.
        if let Some(name) = g.profile.as_deref().filter(|p| blank(p)) {
            return Err(
                CliError::usage(format!("--profile `{name}`: a profile's name is empty"))
                    .hint("name one, such as --profile staging"),
            );
        }
        // A token given as a profile's name was saved as one, and printed by every run after.
        if g.profile
            .as_deref()
            .is_some_and(livectl_contract::token::looks_like)
        {
            return Err(CliError::usage(
                "--profile: the name given is shaped like a token, not a profile's name (not shown, as tokens never are)",
            )
            .hint("name the profile, such as --profile staging; `livectl login` reads the token from a prompt or --token-stdin"));
        }
        let ctx = Ctx::new(g, ui);
        let mut runtime = if self.command.serves() {
            tokio::runtime::Builder::new_multi_thread()
        } else {
            tokio::runtime::Builder::new_current_thread()
        };
        let runtime = runtime
            .enable_all()
            .build()
            .map_err(|e| CliError::failure(format!("cannot start the async runtime: {e}")))?;
        let result = runtime.block_on(async {
            crate::signals::install();
            // Stopped at once unless the command holds a claim and stops cleanly itself.
            tokio::select! {
                result = dispatch(self.command, &ctx) => result,
                () = crate::signals::unclaimed() => Err(CliError::interrupted("interrupted")),
            }
        });
        // A platform that could not be reached: where its address came from. A command a hint
        // suggests reaches the same platform.
        let reach = crate::connect::reach(&ctx.global);
        result.map_err(|e| {
            let mut e = ctx
                .refused_token(e)
                .reached_through(|| crate::connect::origin(&ctx.global));
            for hint in &mut e.hints {
                *hint = reach.carried(hint, acts_on_a_platform);
            }
            e
        })
    }

    /// How this run prints: the output flags checked, the jq program compiled.
    pub fn ui(&self) -> Result<Ui, CliError> {
        let g = &self.global;
        let shape = Shape::new(g.json.as_deref(), g.jq.as_deref(), g.sort.as_deref())?;
        if shape.is_json() && matches!(g.output, Some(f) if f != Format::Json) {
            return Err(CliError::usage(
                "--json and --jq print JSON; leave out -o/--output",
            ));
        }
        if let Some(f) = g.output
            && let Some(formats) = self.command.formats()
            && !formats.contains(&f)
        {
            return Err(unwritten(f, formats));
        }
        // Shaping flags on a command that writes nothing they shape: refused, rather than
        // ignored while the command goes on to act (`autopilot --json nope` moved work).
        if shape.is_json() && !self.command.shapes() {
            return Err(CliError::usage(
                "--json and --jq: this command writes no JSON document they shape",
            )
            .hint("leave them out"));
        }
        // Likewise --sort on one object (`show iv_1 --sort owner` printed it as if sorted).
        if let Some(sort) = &shape.sort
            && !self.command.sorts()
        {
            // `api` writes the platform's answer as it came, a list of pages too: jq sorts it.
            if let Command::Api(_) = self.command {
                let reverse = if sort.descending { " | reverse" } else { "" };
                let field = crate::ui::sanitize(&sort.field, true);
                return Err(CliError::usage(
                    "--sort: `api` writes the platform's answer as it came",
                )
                .hint(format!(
                    "sort it with --jq: with --paginate 'sort_by(.{field}){reverse}', one \
                     page '.items | sort_by(.{field}){reverse}'"
                )));
            }
            return Err(
                CliError::usage("--sort: this command writes no list to order")
                    .hint("leave out --sort"),
            );
        }
        // A profile's `output` is the default format when -o is not given. The embedded sandbox
        // and the sandbox's own commands need no profile: a config that does not load is said,
        // and not used, rather than keeping them from running.
        let mut unread = None;
        let output = match g.output {
            Some(f) => Some(f),
            None => match configured_output(g) {
                Ok(output) => output,
                Err(e) if g.sandbox || matches!(self.command, Command::Sandbox(_)) => {
                    unread = Some(e);
                    None
                }
                // The commands that mend the config run on one that does not read: the hint
                // `livectl config set output table` was itself refused for the bad output.
                Err(e) if self.command.mends_config() => {
                    unread = Some(e);
                    None
                }
                Err(e) => return Err(e),
            },
        };
        // A profile's format that this command does not write is not forced on it: it writes its
        // default, as with none (a profile's `json` made the autopilot write its NDJSON lines,
        // which `-o json` refuses: review).
        let output = match output {
            Some(f)
                if g.output.is_none()
                    && self.command.formats().is_some_and(|fs| !fs.contains(&f)) =>
            {
                None
            }
            output => output,
        };
        let mut ui = Ui::new(output, g.color, g.quiet, g.no_input, g.verbose);
        if let Some(e) = unread {
            let why = if self.command.mends_config() {
                "this run writes in the default format"
            } else {
                "its settings are not used by this run (the sandbox needs none)"
            };
            ui.note(format!("warning: {}; {why}", e.message));
        }
        if shape.is_json() {
            ui.format = Some(Format::Json);
        }
        ui.shape = shape;
        if g.utc {
            ui.in_utc();
        }
        Ok(ui)
    }
}

/// The output format the profile in use sets, if any.
fn configured_output(g: &GlobalArgs) -> Result<Option<Format>, CliError> {
    let config = crate::config::Config::load()?;
    let Some(profile) = crate::connect::profile_name(g, &config) else {
        return Ok(None);
    };
    let Some(value) = crate::config::Setting::Output.get(&config, &profile) else {
        return Ok(None);
    };
    <Format as clap::ValueEnum>::from_str(&value, true)
        .map(Some)
        .map_err(|_| {
            CliError::usage(format!(
                "{}: profile `{profile}` sets output `{value}`, which is not a format",
                crate::config::Config::path().display()
            ))
            .hint("fix it with `livectl config set output table` (or json, ndjson, csv, ids, wide)")
        })
}

impl Command {
    /// Whether this run is a server for other processes (`sandbox serve`), which takes every
    /// core. Any other command is one client: a single thread sends its requests without
    /// handing them between threads, which halves the CPU a bulk run takes from a server on the
    /// same machine (BENCHMARKS.md); an embedded sandbox shares that thread.
    fn serves(&self) -> bool {
        matches!(self, Command::Sandbox(args) if args.serves())
    }

    /// The formats `-o` may ask of it: None for all of them (a list, a stream); one object
    /// reads as its line (`table`), `json` or `ndjson`; `api` and the sandbox's documents
    /// print JSON; a command whose output has no format (a token, a script, `key=value`
    /// lines, notes) takes none.
    fn formats(&self) -> Option<&'static [Format]> {
        const OBJECT: &[Format] = &[Format::Table, Format::Json, Format::Ndjson];
        const JSON: &[Format] = &[Format::Json, Format::Ndjson];
        // A log: a line a decision, for people or as NDJSON, never one document (`-o json`
        // wrote the NDJSON lines, which no JSON parser reads whole: new user).
        const LOG: &[Format] = &[Format::Table, Format::Ndjson];
        match self {
            // A change a line: a sentence for people, else a JSON line.
            Command::Whoami(_) | Command::Status(_) | Command::Seed(_) | Command::Watch(_) => {
                Some(OBJECT)
            }
            Command::Autopilot(_) => Some(LOG),
            Command::Api(_) => Some(JSON),
            Command::Sandbox(args) if args.documents() => Some(JSON),
            Command::Config(args) if args.lists() => None,
            Command::Login(_)
            | Command::Logout(_)
            | Command::Config(_)
            | Command::Sandbox(_)
            | Command::Console(_)
            | Command::Completions(_)
            | Command::Version
            | Command::Man(_) => Some(&[]),
            _ => None,
        }
    }
}

impl Command {
    /// Whether its output is JSON that --json and --jq shape: the autopilot's decisions are
    /// lines of a log (NDJSON with -o ndjson), not a document.
    fn shapes(&self) -> bool {
        match (self, self.formats()) {
            (Command::Autopilot(_), _) => false,
            (_, Some(formats)) => formats.contains(&Format::Json),
            (_, None) => true,
        }
    }

    /// Whether it reads and writes the config itself, and says what is wrong with it: it runs
    /// with the default format when the profile's `output` is no format.
    fn mends_config(&self) -> bool {
        matches!(
            self,
            Command::Config(_) | Command::Login(_) | Command::Logout(_)
        )
    }

    /// Whether it may write a list that --sort orders: not one intervention, one agent, a
    /// caller, a tally, a document, a log or the commands whose output has no format. A stream
    /// of changes says itself why it cannot be ordered (`watch`).
    fn sorts(&self) -> bool {
        match self {
            Command::Show(_)
            | Command::Whoami(_)
            | Command::Status(_)
            | Command::Seed(_)
            | Command::Autopilot(_)
            | Command::Api(_) => false,
            Command::Sandbox(args) if args.documents() => false,
            _ => self.formats() != Some(&[]),
        }
    }
}

/// `-o FORMAT` asked of a command that does not write it: refused, rather than printing
/// something else with exit 0 (a script would take it for the format it asked).
fn unwritten(format: Format, formats: &[Format]) -> CliError {
    let name = |f: &Format| {
        clap::ValueEnum::to_possible_value(f).map_or_else(String::new, |v| v.get_name().to_owned())
    };
    if formats.is_empty() {
        return CliError::usage(format!(
            "-o {}: this command's output has no format to choose",
            name(&format)
        ))
        .hint("leave out -o");
    }
    let names: Vec<String> = formats.iter().map(name).collect();
    CliError::usage(format!(
        "-o {}: this command writes {}",
        name(&format),
        names.join(", ")
    ))
    .hint("give one of those, or leave out -o")
}

async fn dispatch(command: Command, ctx: &Ctx) -> Result<(), CliError> {
    use commands::catalog::Catalog;
    match command {
        Command::Queues(args) => commands::queues::exec(args, ctx).await,
        Command::List(args) => commands::list::exec(args, ctx).await,
        Command::Show(args) => commands::show::exec(args, ctx).await,
        Command::Assign(args) => commands::assign::exec(args, ctx).await,
        Command::Reassign(args) => commands::reassign::exec(args, ctx).await,
        Command::Return(args) => commands::return_to_queue::exec(args, ctx).await,
        Command::Cancel(args) => commands::cancel::exec(args, ctx).await,
        Command::Complete(args) => commands::complete::exec(args, ctx).await,
        Command::Stuck(args) => commands::stuck::exec(args, ctx).await,
        Command::Runs(args) => commands::runs::exec(args, ctx).await,
        Command::Seed(args) => commands::seed::exec(args, ctx).await,
        Command::Status(args) => commands::status::exec(args, ctx).await,
        Command::Autopilot(args) => commands::autopilot::exec(args, ctx).await,
        Command::Watch(args) => commands::watch::exec(args, ctx).await,
        Command::Console(args) => commands::console::exec(args, ctx).await,
        Command::Agents(_) => commands::catalog::exec(Catalog::Agents, ctx).await,
        Command::Topics(_) => commands::catalog::exec(Catalog::Topics, ctx).await,
        Command::Outcomes(_) => commands::catalog::exec(Catalog::Outcomes, ctx).await,
        Command::Blocks(_) => commands::catalog::exec(Catalog::Blocks, ctx).await,
        Command::Departments(_) => commands::catalog::exec(Catalog::Departments, ctx).await,
        Command::History(args) => commands::history::exec(args, ctx).await,
        Command::Login(args) => commands::login::exec(args, ctx).await,
        Command::Logout(args) => commands::logout::exec(args, ctx).await,
        Command::Whoami(args) => commands::whoami::exec(args, ctx).await,
        Command::Config(args) => commands::config::exec(args, ctx).await,
        Command::Api(args) => commands::api::exec(args, ctx).await,
        Command::Sandbox(args) => commands::sandbox::exec(args, ctx).await,
        Command::Conformance(args) => commands::conformance::exec(args, ctx).await,
        Command::Completions(args) => commands::completions::exec(args, ctx).await,
        Command::Man(args) => commands::man::exec(args, ctx).await,
        // What clap's --version prints, for scripts and habits (`gh version`, `kubectl version`).
        Command::Version => ctx
            .ui
            .line(&format!("livectl {}", env!("CARGO_PKG_VERSION"))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        super::command().debug_assert();
    }

    /// Each command said not to act on a platform is one: a command renamed leaves no name
    /// behind that its suggestions would be judged by.
    #[test]
    fn the_commands_not_acting_on_a_platform_are_commands() {
        let command = super::command();
        let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
        let local: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| !super::acts_on_a_platform(n))
            .collect();
        assert_eq!(
            local,
            [
                "runs",
                "login",
                "logout",
                "config",
                "sandbox",
                "completions",
                "man",
                "version"
            ],
            "every subcommand: {names:?}"
        );
    }

    /// A flag that parses a duration is named a DURATION, whose negative value given as a
    /// word of its own is joined to it for the duration's parser to refuse.
    #[test]
    fn every_duration_flag_takes_a_negative_value_as_a_word_of_its_own() {
        use std::any::TypeId;
        use std::ffi::OsString;
        fn walk(command: &clap::Command, found: &mut Vec<String>) {
            for arg in command.get_arguments() {
                let parsed = arg.get_value_parser().type_id();
                let named = arg.get_value_names().is_some_and(|names| {
                    names
                        .iter()
                        .any(|n| n == crate::commands::filters::DURATION)
                });
                if parsed == TypeId::of::<jiff::SignedDuration>()
                    || parsed == TypeId::of::<std::time::Duration>()
                {
                    assert!(named, "{} {:?}", command.get_name(), arg.get_long());
                }
                // A word of `-` and a digit is never a flag, so joining it takes none.
                assert!(
                    !arg.get_short().is_some_and(|c| c.is_ascii_digit()),
                    "{:?}",
                    arg.get_long()
                );
                if named {
                    found.push(format!(
                        "{} --{}",
                        command.get_name(),
                        arg.get_long().unwrap_or("")
                    ));
                }
            }
            command.get_subcommands().for_each(|sub| walk(sub, found));
        }
        let root = super::command();
        let mut found = Vec::new();
        walk(&root, &mut found);
        for flag in [
            "list --older-than",
            "autopilot --grace",
            "stuck --no-reply",
            "serve --idle-timeout",
        ] {
            assert!(found.iter().any(|f| f == flag), "{flag} in {found:?}");
        }
        let join = |words: &[&str]| {
            let words: Vec<OsString> = words.iter().map(OsString::from).collect();
            super::join_hyphen_values(&root, words)
        };
        assert_eq!(
            join(&["livectl", "list", "--older-than", "-5m", "-o", "json"]),
            ["livectl", "list", "--older-than=-5m", "-o", "json"]
        );
        assert_eq!(
            join(&["livectl", "list", "--sort", "-queued_at", "-v"]),
            ["livectl", "list", "--sort=-queued_at", "-v"]
        );
        // A column's title, as the table writes it (review).
        assert_eq!(
            join(&["livectl", "agents", "--sort", "-FOR"]),
            ["livectl", "agents", "--sort=-FOR"]
        );
        for kept in [
            &["livectl", "list", "--older-than", "--json", "id"][..],
            &["livectl", "list", "--older-than", "-o", "json"],
            &["livectl", "list", "--owner", "-5m"],
            &["livectl", "api", "--", "--older-than", "-5m"],
            // `--to` takes any word: `--grace` is its value here, not a flag (the review).
            &["livectl", "autopilot", "--to", "--grace", "-5m"],
            // Short flags where the field goes: clap says a field is wanted.
            &["livectl", "list", "--sort", "-vv"],
            &["livectl", "list", "--sort", "-q"],
            &["livectl", "api", "--sort", "-Fi"],
            &["livectl", "list", "--sort", "--limit", "2"],
            &["livectl", "list", "--sort", "-5m"],
        ] {
            assert_eq!(join(kept), kept);
        }
    }
}
