//! Which platform the flags, the variables and the config choose (`platform`), and where an
//! address came from, for the hints that send the user there.

use crate::cli::GlobalArgs;
use crate::config::Config;
use crate::error::CliError;

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
                 `default`; `livectl config use NAME` chooses one",
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
            let error = given_by(error, name, "LIVECTL_PROFILE");
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
pub(super) fn from_env(value: &str, variable: &str) -> bool {
    std::env::var(variable).ok().as_deref() == Some(value)
}

/// An error about `value` said of the environment variable `variable` when that is where it
/// came from (`from_env`): `LIVECTL_PROFILE: there is no profile `nope``, with a hint to unset
/// it; as it was otherwise.
pub(super) fn given_by(mut e: CliError, value: &str, variable: &str) -> CliError {
    if !from_env(value, variable) {
        return e;
    }
    e.message = format!("{variable}: {}", e.message);
    e.hint(format!("or unset {variable}"))
}

/// ` --profile NAME` for a command a hint suggests, unless NAME is `default` and that command
/// would use it without one (no LIVECTL_PROFILE, no other default_profile in the config).
pub fn profile_flag(name: &str, config: &Config) -> String {
    let implicit = std::env::var("LIVECTL_PROFILE")
        .ok()
        .filter(|p| !crate::cli::blank(p))
        .or_else(|| config.default_profile.clone());
    if name == "default" && implicit.as_deref().unwrap_or("default") == "default" {
        String::new()
    } else {
        format!(" --profile {}", crate::ui::shell_word(name))
    }
}

/// Where a run's API address came from, for the hints that send the user there.
pub(super) enum Origin {
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
pub(super) enum Chosen {
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
    pub(super) fn of(
        global: &GlobalArgs,
        profile: Option<&str>,
        config: &Config,
    ) -> Option<Origin> {
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
    pub(super) fn leave(&self) -> Option<String> {
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

/// The profile a run uses when none is named (by `--profile` or `LIVECTL_PROFILE`): the
/// config's `default_profile`, else `default` when it exists.
pub fn profile_unnamed(config: &Config) -> Option<String> {
    profile_named(None, config)
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
