//! Which platform a run talks to: a profile, --api-url and LIVECTL_* variables, or the embedded
//! sandbox when nothing is configured.

use std::path::PathBuf;

use std::sync::Arc;

use livectl_client::{Client, Log, Token};

use crate::cli::GlobalArgs;
use crate::config::credentials::Credentials;
use crate::config::{Config, Profile, same_address};
use crate::error::{CliError, ErrorKind};
use crate::ui::Ui;

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
/// value equals its variable's reads as the variable's). Empty for the default.
pub fn reach(global: &GlobalArgs) -> String {
    let given = |value: &Option<String>, variable: &str| {
        value
            .as_deref()
            .filter(|v| !from_env(v, variable))
            .map(crate::ui::shell_word)
    };
    let mut flags = String::new();
    if global.sandbox {
        flags.push_str(" --sandbox");
    }
    if let Some(profile) = given(&global.profile, "LIVECTL_PROFILE") {
        flags.push_str(&format!(" --profile={profile}"));
    }
    if let Some(url) = given(&global.api_url, "LIVECTL_API_URL") {
        flags.push_str(&format!(" --api-url={url}"));
    }
    if global.allow_insecure_http {
        flags.push_str(" --allow-insecure-http");
    }
    flags
}

/// How `Connection::target` begins for the embedded sandbox, before its database.
const EMBEDDED: &str = "embedded sandbox ";

/// The flags that reach `target` (a journal's: an API address, or the embedded sandbox's
/// database, as `Connection::target` writes them) from a command typed now, for the `--resume`
/// command `livectl runs` gives: none when the defaults reach it (LIVECTL_API_URL,
/// LIVECTL_PROFILE, the config); else ` --sandbox` for the embedded sandbox, ` --profile=P`
/// for the one profile with that address, or ` --api-url=URL` (whose token LIVECTL_TOKEN
/// gives; a resume without one says how to log in).
pub fn reach_to(target: &str) -> String {
    let config = Config::load().unwrap_or_default();
    let set = |variable: &str| {
        std::env::var(variable)
            .ok()
            .filter(|v| !v.trim().is_empty())
    };
    let url_variable = set("LIVECTL_API_URL");
    let profile = profile_named(set("LIVECTL_PROFILE"), &config);
    let default = url_variable.clone().or_else(|| {
        profile
            .as_deref()
            .and_then(|p| config.profiles.get(p))
            .and_then(|p| p.api_url.clone())
    });
    if target.starts_with(EMBEDDED) {
        return if default.is_some() {
            " --sandbox".to_owned()
        } else {
            String::new()
        };
    }
    if default
        .as_deref()
        .is_some_and(|url| same_address(url, target))
    {
        return String::new();
    }
    let url = crate::ui::shell_word(target);
    match owner(target, &config) {
        // The variable's address would win over the profile's.
        Some(name) if url_variable.is_none() => {
            format!(" --profile={}", crate::ui::shell_word(name))
        }
        Some(name) => {
            format!(" --profile={} --api-url={url}", crate::ui::shell_word(name))
        }
        None => {
            let allow = if beyond_loopback(target) {
                " --allow-insecure-http"
            } else {
                ""
            };
            format!(" --api-url={url}{allow}")
        }
    }
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
    /// The hint that resumes it with these flags before its `--resume` ("resume it with
    /// `livectl cancel --profile=ops --resume FILE`", `bulk::Again::elsewhere`).
    pub resume: &'a dyn Fn(&str) -> String,
}

/// Where the API address comes from, for a run that could not reach it: the flag, the
/// variable, or the profile's setting and how to read it. None for the embedded sandbox.
pub fn origin(global: &GlobalArgs) -> Option<String> {
    if global.sandbox {
        return None;
    }
    // A config that does not read still leaves --api-url and LIVECTL_API_URL to name.
    let config = Config::load().unwrap_or_default();
    let profile = profile_name(global, &config);
    Origin::of(global, profile.as_deref(), &config).map(|o| o.gives())
}

/// What gives runs their address instead of the profile's `api_url`: `--api-url` or
/// LIVECTL_API_URL, said as `config list` shows it; None when the profile does.
pub fn address_instead(global: &GlobalArgs) -> Option<String> {
    let config = Config::load().unwrap_or_default();
    let profile = profile_name(global, &config);
    match Origin::of(global, profile.as_deref(), &config)? {
        origin @ (Origin::Flag | Origin::Variable) => Some(origin.gives()),
        Origin::Profile { .. } => None,
    }
}

/// Which platform a run talks to, as the flags, the variables and the config decide it: the
/// one decision, which `connect` acts on and `config profiles` reports (runs using the embedded
/// sandbox, and why).
pub enum Platform {
    /// The embedded sandbox.
    Embedded(WhyEmbedded),
    /// The API at `url` (`--api-url`, `LIVECTL_API_URL` or the profile's), with the config
    /// read and the profile it chose, if any: one that exists.
    Api {
        url: String,
        config: Config,
        profile: Option<String>,
    },
}

/// Why runs use the embedded sandbox rather than a profile's platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyEmbedded {
    /// `--sandbox`.
    Asked,
    /// No profile applies: no default_profile, and none named `default`.
    NoProfile,
    /// The profile the config chooses (not one named on this run) holds settings alone: without
    /// an address it means the sandbox.
    NoAddress(String),
}

impl std::fmt::Display for WhyEmbedded {
    /// As `config profiles` says it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WhyEmbedded::Asked => f.write_str("--sandbox"),
            WhyEmbedded::NoProfile => f.write_str(
                "no profile applies, as no default_profile is set and no profile is named \
                 `default`; `livectl config set default_profile NAME` chooses one",
            ),
            WhyEmbedded::NoAddress(name) => write!(f, "profile `{name}` has no api_url"),
        }
    }
}

/// The platform the flags, the variables and the config name; with nothing named, the embedded
/// sandbox. Refused (exit 2): `--sandbox` beside another platform named on the command line, a
/// profile that does not exist, or one named on this run that names no platform. The config is
/// read only when `--sandbox` is not given.
pub fn platform(global: &GlobalArgs) -> Result<Platform, CliError> {
    if global.sandbox {
        // Two platforms named on one command line: which was meant is not for livectl to
        // guess. The variables are what --sandbox overrides, as it does a default profile.
        for (value, variable, flag) in [
            (&global.api_url, "LIVECTL_API_URL", "--api-url"),
            (&global.profile, "LIVECTL_PROFILE", "--profile"),
        ] {
            if let Some(given) = value.as_deref().filter(|v| !from_env(v, variable)) {
                return Err(CliError::usage(format!(
                    "--sandbox and {flag} {given} name two platforms"
                ))
                .hint("give one of them"));
            }
        }
        return Ok(Platform::Embedded(WhyEmbedded::Asked));
    }
    let config = Config::load()?;
    let profile = profile_name(global, &config);
    let settings = match &profile {
        Some(name) => Some(config.profiles.get(name).ok_or_else(|| {
            let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
            let error =
                CliError::usage(format!("there is no profile `{name}`")).hint(if known.is_empty() {
                    "create one with `livectl login --profile NAME --api-url URL`".to_owned()
                } else {
                    format!("the profiles are: {}", known.join(", "))
                });
            // Named by the config's default rather than by the command line.
            if global.profile.is_none() && config.default_profile.as_deref() == Some(name) {
                error.hint("it is the config's default_profile: `livectl config unset default_profile` forgets it")
            } else {
                error
            }
        })?),
        None => None,
    };
    let api_url = global
        .api_url
        .clone()
        .or_else(|| settings.and_then(|p| p.api_url.clone()));
    let Some(url) = api_url else {
        // A profile named on this run that names no platform (one `config set` made from a
        // mistyped --profile) ran on the embedded sandbox as if it were the platform. One the
        // config chooses may hold settings alone: without an address it means the sandbox.
        return match profile {
            None => Ok(Platform::Embedded(WhyEmbedded::NoProfile)),
            Some(name) if global.profile.is_none() => {
                Ok(Platform::Embedded(WhyEmbedded::NoAddress(name)))
            }
            Some(name) => {
                let how = if from_env(&name, "LIVECTL_PROFILE") {
                    "unset LIVECTL_PROFILE"
                } else {
                    "leave out --profile"
                };
                let name = crate::ui::shell_word(&name);
                Err(CliError::usage(format!(
                    "profile `{name}` has no api_url: it names no platform"
                ))
                .hint(format!(
                    "give it one with `livectl login --profile {name} --api-url URL`; for the embedded sandbox, {how}"
                )))
            }
        };
    };
    Ok(Platform::Api {
        url,
        config,
        profile,
    })
}

/// Whether `value` is what the environment variable `variable` holds: a flag clap filled
/// from it, which a suggested command leaves to it.
fn from_env(value: &str, variable: &str) -> bool {
    std::env::var(variable).ok().as_deref() == Some(value)
}

/// ` --profile NAME` for a command a hint suggests, unless NAME is `default` and that command
/// would use it without one (no LIVECTL_PROFILE, no other default_profile in the config).
pub fn profile_flag(name: &str, config: &Config) -> String {
    let implicit = std::env::var("LIVECTL_PROFILE")
        .ok()
        .filter(|p| !p.is_empty())
        .or_else(|| config.default_profile.clone());
    if name == "default" && implicit.as_deref().unwrap_or("default") == "default" {
        String::new()
    } else {
        format!(" --profile {}", crate::ui::shell_word(name))
    }
}

/// Where a run's API address came from, for the hints that send the user there.
enum Origin {
    Flag,
    Variable,
    /// The profile's setting; `flag` is ` --profile NAME` unless a command uses it without one.
    Profile {
        name: String,
        flag: String,
        chosen: Chosen,
    },
}

/// What chose a run's profile.
enum Chosen {
    /// --profile on the command line.
    Flag,
    /// LIVECTL_PROFILE.
    Variable,
    /// The config: its default_profile, or the profile called `default`; perhaps named by
    /// --profile or LIVECTL_PROFILE too (`also`: how to leave that name out). `unset_default`:
    /// without its default_profile, the config would choose no profile with an address.
    Config {
        also: Option<&'static str>,
        unset_default: bool,
    },
}

impl Origin {
    fn of(global: &GlobalArgs, profile: Option<&str>, config: &Config) -> Option<Origin> {
        if let Some(url) = &global.api_url {
            return Some(if from_env(url, "LIVECTL_API_URL") {
                Origin::Variable
            } else {
                Origin::Flag
            });
        }
        let name = profile?.to_owned();
        let flag = profile_flag(&name, config);
        // A profile the config would choose anyway is not left by leaving out its name; nor
        // by unsetting default_profile when the profile `default` then names a platform.
        let unset_default = config.default_profile.is_some()
            && config
                .profiles
                .get("default")
                .is_none_or(|p| p.api_url.is_none());
        let how = |p: &str| {
            if from_env(p, "LIVECTL_PROFILE") {
                "unset LIVECTL_PROFILE"
            } else {
                "leave out --profile"
            }
        };
        let chosen = match &global.profile {
            Some(p) if config.default_profile.as_deref() == Some(p) => Chosen::Config {
                also: Some(how(p)),
                unset_default,
            },
            Some(p) if from_env(p, "LIVECTL_PROFILE") => Chosen::Variable,
            Some(_) => Chosen::Flag,
            None => Chosen::Config {
                also: None,
                unset_default,
            },
        };
        Some(Origin::Profile { name, flag, chosen })
    }

    /// "--api-url gives its address".
    fn gives(&self) -> String {
        match self {
            Origin::Flag => "--api-url gives its address".to_owned(),
            Origin::Variable => "LIVECTL_API_URL gives its address".to_owned(),
            Origin::Profile { name, flag, .. } => format!(
                "profile `{name}` gives its address: see it with `livectl config get api_url{flag}`"
            ),
        }
    }

    /// How to go back to the embedded sandbox as the default, when a step does it without
    /// forgetting anything: a profile's address is where it points, not a way back.
    fn leave(&self) -> Option<String> {
        let unset = "`livectl config unset default_profile` makes it the default again";
        match self {
            Origin::Flag => Some("leave out --api-url".to_owned()),
            Origin::Variable => Some("unset LIVECTL_API_URL".to_owned()),
            Origin::Profile { chosen, .. } => match chosen {
                Chosen::Flag => Some("leave out --profile".to_owned()),
                Chosen::Variable => Some("unset LIVECTL_PROFILE".to_owned()),
                Chosen::Config {
                    unset_default: false,
                    ..
                } => None,
                Chosen::Config { also: None, .. } => Some(unset.to_owned()),
                Chosen::Config {
                    also: Some(also), ..
                } => Some(format!("{also}, and {unset}")),
            },
        }
    }
}

/// The profile named by --profile, LIVECTL_PROFILE or the config's default; else the profile
/// called `default` when the config has one (where `livectl config set` writes without one).
pub fn profile_name(global: &GlobalArgs, config: &Config) -> Option<String> {
    profile_named(global.profile.clone(), config)
}

/// The profile a run uses: the one `named` (`--profile`, `LIVECTL_PROFILE`), else the config's
/// `default_profile`, else `default` when it exists.
fn profile_named(named: Option<String>, config: &Config) -> Option<String> {
    named
        .or_else(|| config.default_profile.clone())
        .or_else(|| {
            config
                .profiles
                .contains_key("default")
                .then(|| "default".to_owned())
        })
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
        Platform::Embedded(why) => {
            return crate::embedded::start(ui, why == WhyEmbedded::Asked).await;
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
    // Anything wrong but plain http:// first; then plain http:// beyond loopback, allowed by
    // the flag or by the profile for its own address (`check_address`, as a profile's new one).
    check_url(&api_url, true)?;
    if let Err(e) = check_address(&api_url, global.allow_insecure_http, settings) {
        // Refused as plain http:// alone; the profile's address can keep the permission.
        return Err(match profile.as_deref() {
            Some(name)
                if settings
                    .and_then(|p| p.api_url.as_deref())
                    .is_some_and(|own| same_address(own, &api_url)) =>
            {
                e.hint(format!(
                    "or keep it allowed for profile `{name}`: `livectl config{} set api_url {} --allow-insecure-http`",
                    profile_flag(name, &config),
                    crate::ui::shell_word(&api_url)
                ))
            }
            _ => e,
        });
    }
    let from_env = std::env::var("LIVECTL_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty());
    let token_from_env = from_env.is_some();
    let token = match from_env {
        Some(t) => Token::new(t.trim()),
        None => {
            // A profile's token goes only to that profile's address, never to another --api-url.
            let own = settings
                .and_then(|p| p.api_url.as_deref())
                .is_some_and(|own| same_address(own, &api_url));
            let credentials = Credentials::load()?;
            profile
                .as_deref()
                .filter(|_| own)
                .and_then(|p| credentials.token(p).cloned())
                .ok_or_else(|| no_token(global, profile.as_deref(), &config, &api_url, resuming))?
        }
    };
    Ok(Connection {
        client: Client::new(&api_url, token, log(ui))?,
        profile,
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

/// Plain http:// only to loopback, unless the user said otherwise; checked before connecting.
pub fn check_url(url: &str, allow_insecure: bool) -> Result<(), CliError> {
    // An address without its scheme (`127.0.0.1:8787`; `localhost:8787` parses as the scheme
    // `localhost`): said so, with the URL it was meant to be (http:// to loopback).
    if !url.contains("://")
        && !url.starts_with('/')
        && let Ok(meant) = reqwest::Url::parse(&format!("https://{url}"))
        && meant.host().is_some()
    {
        let scheme = if meant.host().is_some_and(|h| is_loopback(&h)) {
            "http"
        } else {
            "https"
        };
        let rest = url.trim_end_matches('/');
        let rest = rest.strip_suffix("/v1").unwrap_or(rest);
        return Err(CliError::usage(format!(
            "`{url}` is not a URL: it has no http:// or https://"
        ))
        .hint(format!("give {scheme}://{rest}")));
    }
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        CliError::usage(format!("`{url}` is not a URL: {e}"))
            .hint("give the API's address, such as https://live.example.com")
    })?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(
            CliError::usage("the API address must not hold a user name or password")
                .hint("give the address alone; the token goes in `livectl login` or LIVECTL_TOKEN"),
        );
    }
    // The address is the server's: every path livectl asks for begins with /v1/ already.
    if parsed
        .path_segments()
        .and_then(|mut segments| segments.rfind(|s| !s.is_empty()))
        == Some("v1")
    {
        let mut base = parsed.clone();
        base.set_query(None);
        base.set_fragment(None);
        if let Ok(mut segments) = base.path_segments_mut() {
            segments.pop_if_empty().pop();
        }
        let base = base.as_str().trim_end_matches('/').to_owned();
        return Err(CliError::usage(format!(
            "`{url}` ends in /v1, which livectl puts before every path itself"
        ))
        .hint(format!("give {base}")));
    }
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let loopback = parsed.host().is_some_and(|h| is_loopback(&h));
            if loopback || allow_insecure {
                Ok(())
            } else {
                Err(CliError::usage(format!(
                    "refusing plain http:// to {}: the token would cross the network unencrypted",
                    parsed.host_str().unwrap_or("")
                ))
                .hint("use https://, or pass --allow-insecure-http if you really mean it"))
            }
        }
        other => Err(CliError::usage(format!(
            "`{other}://` is not supported; use https://"
        ))),
    }
}

/// Checks `url` as a profile's new address (`check_url`), plain http:// to a host other than
/// loopback allowed by `--allow-insecure-http` (`allow_insecure`) or by `profile` when it is
/// that profile's address already; whether the profile keeps that permission with it
/// (`Profile::point`): true only for an address that needs it.
pub fn check_address(
    url: &str,
    allow_insecure: bool,
    profile: Option<&Profile>,
) -> Result<bool, CliError> {
    let allowed = allow_insecure || profile.is_some_and(|p| p.allows_insecure(url));
    check_url(url, allowed)?;
    Ok(allowed && beyond_loopback(url))
}

/// Plain http:// to a host other than loopback: what needs `--allow-insecure-http`.
fn beyond_loopback(url: &str) -> bool {
    reqwest::Url::parse(url)
        .is_ok_and(|u| u.scheme() == "http" && !u.host().is_some_and(|h| is_loopback(&h)))
}

/// localhost, 127.0.0.0/8 or ::1.
fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::GlobalArgs;

    #[test]
    fn a_suggested_command_repeats_the_flags_that_chose_the_platform() {
        assert_eq!(super::reach(&GlobalArgs::default()), "");
        let given = GlobalArgs {
            sandbox: true,
            profile: Some("night shift".into()),
            api_url: Some("http://10.0.0.7:8787/reach-test".into()),
            allow_insecure_http: true,
            ..GlobalArgs::default()
        };
        assert_eq!(
            super::reach(&given),
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
