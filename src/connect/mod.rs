//! Which platform a run talks to: a profile, --api-url and LIVECTL_* variables, or the embedded
//! sandbox when nothing is configured. The decision is `platform.rs`'s; what an address may be,
//! `address.rs`'s.

use std::path::PathBuf;

use std::sync::Arc;

use livectl_client::{Client, Log, Token};

use crate::cli::GlobalArgs;
use crate::config::credentials::Credentials;
use crate::config::{Config, same_address};
use crate::error::{CliError, ErrorKind};
use crate::ui::{Reach, Ui};

mod address;
mod platform;

use address::beyond_loopback;
pub use address::{check_address, check_url};
pub use platform::*;
use platform::{Origin, from_env};

/// Where a run's requests go.
pub struct Connection {
    pub client: Client,
    /// The profile in use, if any.
    pub profile: Option<String>,
    /// The embedded sandbox's database, when that is what we talk to.
    pub embedded: Option<PathBuf>,
    /// The token is LIVECTL_TOKEN's, not the profile's (or the embedded sandbox's admin).
    pub token_from_env: bool,
}

impl Connection {
    /// Where requests go, stably across runs: the API address, or the embedded sandbox's
    /// database (whose loopback port changes every run).
    pub fn target(&self) -> String {
        match &self.embedded {
            Some(db) => format!("{EMBEDDED}{}", db.display()),
            None => self.client.base().to_owned(),
        }
    }

    /// A sandbox: the embedded one, or one on loopback (seeding it needs no confirmation).
    pub fn is_sandbox(&self) -> bool {
        self.embedded.is_some()
            || reqwest::Url::parse(self.client.base())
                .is_ok_and(|u| matches!(u.host_str(), Some("127.0.0.1" | "localhost" | "[::1]")))
    }
}

/// How the client logs at -v: through the ui, so nothing raw reaches the terminal.
pub fn log(ui: &Ui) -> Log {
    let (ui, noted) = (ui.clone(), ui.clone());
    Log {
        level: ui.verbose,
        write: Arc::new(move |line| ui.log(line)),
        note: Arc::new(move |line| noted.note(line)),
    }
}

/// The flags on the command line that chose this run's platform (` --sandbox`, ` --profile=P`,
/// ` --api-url=URL`, ` --allow-insecure-http`), for a command the run suggests (`--resume`):
/// pasted where the run was, it reaches the same platform. What `LIVECTL_PROFILE` and
/// `LIVECTL_API_URL` give is left to them, as the token is to `LIVECTL_TOKEN` (a flag whose
/// value equals its variable's reads as the variable's). No flags for the default.
pub fn reach(global: &GlobalArgs) -> Reach {
    let given = |value: &Option<String>, variable: &str| {
        value
            .as_deref()
            .filter(|v| !from_env(v, variable))
            .map(crate::ui::shell_word)
    };
    let mut flags = String::new();
    if global.sandbox {
        flags.push_str(Reach::SANDBOX);
    }
    if let Some(profile) = given(&global.profile, "LIVECTL_PROFILE") {
        flags.push_str(&format!("{}{profile}", Reach::PROFILE));
    }
    if let Some(url) = given(&global.api_url, "LIVECTL_API_URL") {
        flags.push_str(&format!("{}{url}", Reach::API_URL));
    }
    if global.allow_insecure_http {
        flags.push_str(" --allow-insecure-http");
    }
    Reach::flags(flags)
}

/// How `Connection::target` begins for the embedded sandbox, before its database.
const EMBEDDED: &str = "embedded sandbox ";

/// `reach_to`, its flags said even when the defaults reach `target`: for a command suggested
/// in a run reached otherwise, whose own flags (`--sandbox`) the hint would carry into a
/// command written bare, sending it where the run went, not to `target` (supervisor check).
pub fn reach_named(target: &str) -> Reach {
    if let Some(db) = target.strip_prefix(EMBEDDED) {
        return Reach {
            flags: Reach::SANDBOX.to_owned(),
            env: data_home_of(db),
        };
    }
    let reach = reach_to(target);
    if !reach.flags.is_empty() || reach.env.is_some() {
        return reach;
    }
    match owner(target, &Config::load().unwrap_or_default()) {
        Some(name) => Reach::flags(format!("{}{}", Reach::PROFILE, crate::ui::shell_word(name))),
        None => Reach::flags(address_flags(target)),
    }
}

/// The flags that name `target` as an address: `--api-url=URL`, with `--allow-insecure-http`
/// for plain http:// beyond loopback, which would be refused without it.
fn address_flags(target: &str) -> String {
    let allow = if beyond_loopback(target) {
        " --allow-insecure-http"
    } else {
        ""
    };
    format!("{}{}{allow}", Reach::API_URL, crate::ui::shell_word(target))
}

/// How a command typed now reaches `target` (a journal's: an API address, or the embedded
/// sandbox's database, as `Connection::target` writes them), for the `--resume` command
/// `livectl runs` gives: no flags when the defaults reach it (LIVECTL_API_URL,
/// LIVECTL_PROFILE, the config); else ` --sandbox` for the embedded sandbox, ` --profile=P`
/// for the one profile with that address, or ` --api-url=URL` (whose token LIVECTL_TOKEN
/// gives; a resume without one says how to log in), with LIVECTL_PROFILE emptied before it
/// when the profile it names now would have the command refused.
pub fn reach_to(target: &str) -> Reach {
    let config = Config::load().unwrap_or_default();
    let set = |variable: &str| {
        std::env::var(variable)
            .ok()
            .filter(|v| !crate::cli::blank(v))
    };
    let url_variable = set("LIVECTL_API_URL");
    // Where a command typed now goes with no flag, as `platform` decides it (the variables as
    // clap would give them); a command it would refuse reaches nothing, so flags are given.
    let typed = GlobalArgs {
        api_url: url_variable.clone(),
        profile: set("LIVECTL_PROFILE"),
        ..GlobalArgs::default()
    };
    let (sandbox, default) = match platform(&typed) {
        Ok(Platform::Api { url, .. }) => (false, Some(url)),
        Ok(Platform::Embedded(_)) => (true, None),
        Err(_) => (false, None),
    };
    if let Some(db) = target.strip_prefix(EMBEDDED) {
        // --sandbox leaves the variables aside, as it does a default profile.
        return Reach {
            flags: if sandbox {
                String::new()
            } else {
                Reach::SANDBOX.to_owned()
            },
            env: data_home_of(db),
        };
    }
    if default
        .as_deref()
        .is_some_and(|url| same_address(url, target))
    {
        return Reach::default();
    }
    let url = crate::ui::shell_word(target);
    match owner(target, &config) {
        // The variable's address would win over the profile's; --profile wins over
        // LIVECTL_PROFILE.
        Some(name) if url_variable.is_none() => {
            Reach::flags(format!("{}{}", Reach::PROFILE, crate::ui::shell_word(name)))
        }
        Some(name) => Reach::flags(format!(
            "{}{}{}{url}",
            Reach::PROFILE,
            crate::ui::shell_word(name),
            Reach::API_URL
        )),
        None => {
            let flags = address_flags(target);
            // The profile LIVECTL_PROFILE names still applies beside --api-url, and one that
            // `platform` refuses (it does not exist) refuses the command; emptied, the
            // variable counts as unset and the command goes where its flags say.
            let with = |profile: Option<String>| GlobalArgs {
                api_url: Some(target.to_owned()),
                profile,
                ..GlobalArgs::default()
            };
            let refused = typed.profile.is_some()
                && platform(&with(typed.profile.clone())).is_err()
                && platform(&with(None)).is_ok();
            Reach {
                flags,
                env: refused.then(|| "LIVECTL_PROFILE=".to_owned()),
            }
        }
    }
}

/// `XDG_DATA_HOME=DIR` that makes `db` the embedded sandbox's database, when it is not this
/// one's (a run on another HOME's): `DIR/livectl/sandbox.db`, as `config::default_sandbox_db`
/// places it. None for this one, or a path not so placed.
fn data_home_of(db: &str) -> Option<String> {
    let db = std::path::Path::new(db);
    if db == crate::config::default_sandbox_db() {
        return None;
    }
    let dir = db.parent().filter(|d| d.ends_with("livectl"))?.parent()?;
    (db.file_name()? == "sandbox.db").then(|| {
        format!(
            "XDG_DATA_HOME={}",
            crate::ui::shell_word(&dir.to_string_lossy())
        )
    })
}

/// The one profile whose address is `target`; None when no profile, or more than one, has it.
fn owner<'a>(target: &str, config: &'a Config) -> Option<&'a str> {
    let mut owners = config.profiles.iter().filter(|(_, p)| {
        p.api_url
            .as_deref()
            .is_some_and(|u| same_address(u, target))
    });
    match (owners.next(), owners.next()) {
        (Some((name, _)), None) => Some(name),
        _ => None,
    }
}

/// A run that continues a journal (`--resume`), for the hints of a missing token: what the
/// journal needs is its own platform, never the demo sandbox.
pub struct Resuming<'a> {
    /// The platform the journal names (`Connection::target`'s spelling); None when its header
    /// does not read (said once the journal is opened).
    pub target: Option<&'a str>,
    /// The hint that resumes it, given how a command reaches its platform ("resume it with
    /// `livectl cancel --profile=ops --resume FILE`", `bulk::Again::elsewhere`).
    pub resume: &'a dyn Fn(&Reach) -> String,
}

/// Connects to what the flags, the environment and the config name; with nothing named, the
/// embedded sandbox.
pub async fn connect(global: &GlobalArgs, ui: &Ui) -> Result<Connection, CliError> {
    connect_for(global, ui, None).await
}

/// As `connect`, for a run that continues a journal: a missing token's hints say how to reach
/// the journal's platform.
pub async fn connect_to_resume(
    global: &GlobalArgs,
    ui: &Ui,
    resuming: &Resuming<'_>,
) -> Result<Connection, CliError> {
    connect_for(global, ui, Some(resuming)).await
}

async fn connect_for(
    global: &GlobalArgs,
    ui: &Ui,
    resuming: Option<&Resuming<'_>>,
) -> Result<Connection, CliError> {
    let (api_url, config, profile) = match platform(global)? {
        // A resume of a platform's run, where no platform is named: said before the embedded
        // sandbox starts, which made a demo database only to refuse the run (new user).
        Platform::Embedded(why)
            if why != WhyEmbedded::Asked
                && let Some(target) = resuming
                    .and_then(|r| r.target)
                    .filter(|t| !t.starts_with(EMBEDDED)) =>
        {
            let resume = resuming.map_or_else(String::new, |r| (r.resume)(&reach_to(target)));
            return Err(CliError::new(
                ErrorKind::Auth,
                format!(
                    "the run's journal names {target}, and no profile or --api-url names a platform here; nothing was sent"
                ),
            )
            .hint(format!(
                "{resume}, with a token for it in LIVECTL_TOKEN or a profile's login"
            )));
        }
        Platform::Embedded(why) => {
            return crate::embedded::start(ui, &why).await;
        }
        Platform::Api {
            url,
            config,
            profile,
        } => (url, config, profile),
    };
    // The profile's settings: `platform` chose only a profile that exists.
    let settings = profile
        .as_deref()
        .and_then(|name| config.profiles.get(name));
    // Whether the address is the profile's own: only there are its permission, its token and
    // its name in use.
    let own = settings
        .and_then(|p| p.api_url.as_deref())
        .is_some_and(|own| same_address(own, &api_url));
    // Anything wrong but plain http:// first; then plain http:// beyond loopback, allowed by
    // the flag or by the profile for its own address (`check_address`, as a profile's new one).
    check_url(&api_url, true).map_err(|e| platform::given_by(e, &api_url, "LIVECTL_API_URL"))?;
    if let Err(e) = check_address(&api_url, global.allow_insecure_http, settings) {
        // Refused as plain http:// alone; the profile's address can keep the permission.
        return Err(match profile.as_deref() {
            Some(name) if own =>
            {
                e.hint(format!(
                    "or keep it allowed for profile `{name}`: `livectl config{} set api_url {} --allow-insecure-http`",
                    profile_flag(name, &config),
                    crate::ui::shell_word(&api_url)
                ))
            }
            _ => platform::given_by(e, &api_url, "LIVECTL_API_URL"),
        });
    }
    let from_env = std::env::var("LIVECTL_TOKEN")
        .ok()
        .filter(|t| !crate::cli::blank(t));
    let token_from_env = from_env.is_some();
    let token = match from_env {
        // Said as the variable's fault, as `login` says a token typed wrong, before anything is
        // sent (the client refused it as a failure, naming no variable).
        Some(t) => match Token::new(t.trim()) {
            token if let Some(problem) = token.problem() => {
                return Err(
                    CliError::usage(format!("LIVECTL_TOKEN {problem}; nothing was sent")).hint(
                        "set it to the token as it was issued, or unset it to use the profile's",
                    ),
                );
            }
            token => token,
        },
        None => {
            // A profile's token goes only to that profile's address, never to another --api-url.
            let credentials = Credentials::load()?;
            // Nor to an address the profile was repointed at after its login.
            if let Some(name) = profile.as_deref().filter(|_| own)
                && let Some(given) = credentials.given_for_another(name, &api_url)
            {
                return Err(CliError::new(
                    ErrorKind::Auth,
                    format!(
                        "the token of profile `{name}` was given for {given}, and the profile now points at {api_url}: livectl does not send it there"
                    ),
                )
                .hint(format!(
                    "log in to {api_url} with `livectl login --profile {}`",
                    crate::ui::shell_word(name)
                )));
            }
            let stored = profile
                .as_deref()
                .filter(|_| own)
                .and_then(|p| credentials.token(p).map(|t| (p, t.clone())));
            match stored {
                // Said as the stored token's fault, naming where it is: it was said as the
                // token's alone, exit 1, with no word of which file or how to mend it.
                Some((name, token)) if let Some(problem) = token.problem() => {
                    return Err(CliError::usage(format!(
                        "the token of profile `{name}` in {} {problem}; nothing was sent",
                        Credentials::path().display()
                    ))
                    .hint(format!(
                        "log in again with `livectl login{}`, which stores it as given",
                        profile_flag(name, &config)
                    )));
                }
                Some((_, token)) => token,
                None => {
                    return Err(no_token(
                        global,
                        profile.as_deref(),
                        &config,
                        &api_url,
                        resuming,
                    ));
                }
            }
        }
    };
    // The profile is in use only where its address is: `whoami --api-url OTHER` with
    // LIVECTL_TOKEN said "(profile `default`)" of an address the profile does not name (new
    // user).
    Ok(Connection {
        client: Client::new(&api_url, token, log(ui))?,
        profile: profile.filter(|_| own),
        embedded: None,
        token_from_env,
    })
}

/// A run with no token for `api_url`: how to log in to it (the profile in use, which holds
/// the address, or the address given), and the demo sandbox one flag away; for a resume, how
/// to reach the platform its journal names instead.
fn no_token(
    global: &GlobalArgs,
    profile: Option<&str>,
    config: &Config,
    api_url: &str,
    resuming: Option<&Resuming<'_>>,
) -> CliError {
    let error = CliError::new(ErrorKind::Auth, format!("no token for {api_url}"));
    if let Some(target) = resuming
        .and_then(|r| r.target)
        .filter(|t| !same_address(t, api_url))
    {
        let resume = resuming.map_or_else(String::new, |r| (r.resume)(&reach_to(target)));
        return error.hint(if target.starts_with(EMBEDDED) {
            format!("the run's journal names the embedded sandbox: {resume}")
        } else {
            match owner(target, config) {
                Some(name) => {
                    let stored = Credentials::load().is_ok_and(|c| c.token(name).is_some());
                    if stored {
                        format!("the run's journal names {target}: {resume}")
                    } else {
                        format!(
                            "the run's journal names {target}: log in to it with `livectl login{}`, then {resume}",
                            profile_flag(name, config)
                        )
                    }
                }
                None => format!(
                    "the run's journal names {target}: {resume}, with a token for it in LIVECTL_TOKEN"
                ),
            }
        });
    }
    let origin = Origin::of(global, profile, config);
    let login = match &origin {
        Some(Origin::Profile { name, flag, .. }) => {
            format!("log in to profile `{name}` with `livectl login{flag}`")
        }
        // The profile `login` writes; never one that points elsewhere, which that login would
        // repoint (a default profile for production, a sandbox's address given for one run).
        _ => {
            let url = crate::ui::shell_word(api_url);
            let writes = profile.unwrap_or("default");
            match config
                .profiles
                .get(writes)
                .and_then(|p| p.api_url.as_deref())
                .filter(|other| !same_address(other, api_url))
            {
                Some(other) => format!(
                    "log in to it under a profile of its own with `livectl login --profile NAME --api-url {url}` (profile `{writes}` points at {other}), then run with --profile NAME"
                ),
                None => {
                    let flag = profile.map(|p| profile_flag(p, config)).unwrap_or_default();
                    format!("log in to it with `livectl login{flag} --api-url {url}`")
                }
            }
        }
    };
    let error = error.hint(format!("{login}, or set LIVECTL_TOKEN"));
    // A resume's platform is its journal's: the demo sandbox holds nothing of its run.
    if resuming.is_some() {
        return error;
    }
    match origin.and_then(|o| o.leave()) {
        Some(leave) => error.hint(format!(
            "or use the embedded demo sandbox with --sandbox ({leave})"
        )),
        None => error.hint("or use the embedded demo sandbox with --sandbox"),
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::GlobalArgs;

    #[test]
    fn a_suggested_command_repeats_the_flags_that_chose_the_platform() {
        assert_eq!(super::reach(&GlobalArgs::default()), Default::default());
        let given = GlobalArgs {
            sandbox: true,
            profile: Some("night shift".into()),
            api_url: Some("http://10.0.0.7:8787/reach-test".into()),
            allow_insecure_http: true,
            ..GlobalArgs::default()
        };
        assert_eq!(
            super::reach(&given).flags,
            " --sandbox --profile='night shift' --api-url=http://10.0.0.7:8787/reach-test \
             --allow-insecure-http"
        );
    }

    #[test]
    fn an_address_ending_in_v1_is_refused_with_the_right_one() {
        for (url, right) in [
            ("http://127.0.0.1:8787/v1", "http://127.0.0.1:8787"),
            ("https://live.example.com/v1/", "https://live.example.com"),
            ("https://example.com/live/v1", "https://example.com/live"),
            ("https://example.com/v1?a=b#f", "https://example.com"),
        ] {
            let e = super::check_url(url, false).unwrap_err();
            assert_eq!(e.kind, crate::error::ErrorKind::Usage);
            assert_eq!(
                e.message,
                format!("`{url}` ends in /v1, which livectl puts before every path itself")
            );
            assert_eq!(e.hints, [format!("give {right}")]);
        }
        for fine in [
            "http://127.0.0.1:8787",
            "https://example.com/live/",
            "https://example.com/v1x",
        ] {
            assert!(super::check_url(fine, false).is_ok(), "{fine}");
        }
    }
}
