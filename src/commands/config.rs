//! `livectl config get|set|unset|list|profiles|remove-profile`: the profiles' settings in
//! config.toml.

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::config::credentials::Credentials;
use crate::config::{Config, Setting};
use crate::connect::{Platform, check_address, profile_name};
use crate::error::CliError;
use crate::model::{Names, ProfileRow};
use crate::ui::Format;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print one setting
    Get {
        /// api_url, allow_insecure_http, workspace, output or default_profile
        key: String,
    },
    /// Change one setting
    ///
    /// An api_url of plain http:// to a host other than loopback needs --allow-insecure-http,
    /// which the profile then keeps with that address (allow_insecure_http = true) and drops
    /// when the address changes or is unset. The workspace (its name or id) is the one the
    /// profile is for: `login` writes the token's, and refuses a token of another.
    Set {
        /// api_url, workspace, output or default_profile
        key: String,
        value: String,
    },
    /// Make a profile the one runs use (the config's default_profile), as `kubectl config
    /// use-context` does
    Use {
        /// The profile, as `config profiles` lists it
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Remove one setting
    Unset {
        /// api_url, allow_insecure_http, workspace, output or default_profile
        key: String,
    },
    /// Print every setting of the profile
    List,
    /// List every profile: its address, workspace, whether a token is stored, and which one
    /// runs use now (marked *)
    Profiles,
    /// Remove a profile: its settings and its saved token (`logout` forgets only the token)
    ///
    /// The default profile removed, no profile is the default until `config use NAME` names
    /// one.
    RemoveProfile {
        /// The profile, as `config profiles` lists it
        #[arg(value_name = "NAME")]
        name: String,
    },
}

impl ConfigArgs {
    /// Whether it writes a list (`profiles`), in any format; the others write `key=value` lines.
    pub fn lists(&self) -> bool {
        matches!(self.command, ConfigCommand::Profiles)
    }
}

/// A profile named to be the default that is not there: every later run would fail on it.
fn no_profile(config: &Config, name: &str) -> CliError {
    config.unknown_profile(name).hint(format!(
        "create it with `livectl login --profile {} --api-url URL`",
        crate::ui::shell_word(name)
    ))
}

/// Says which profile runs use now that `name` is the default, and where LIVECTL_PROFILE
/// still chooses another (it wins over the default).
fn say_used(ctx: &Ctx, config: &Config, name: &str) {
    // A profile of settings alone means the embedded sandbox.
    let address = Setting::ApiUrl
        .get(config, name)
        .unwrap_or_else(|| "no api_url: the embedded sandbox".to_owned());
    ctx.ui
        .note(format!("runs now use profile `{name}` ({address})"));
    if let Some(other) = std::env::var("LIVECTL_PROFILE")
        .ok()
        .filter(|p| !p.is_empty() && p != name)
    {
        ctx.ui.note(format!(
            "LIVECTL_PROFILE={} still chooses profile `{other}` where it is set",
            crate::ui::shell_word(&other)
        ));
    }
}

pub async fn exec(args: ConfigArgs, ctx: &Ctx) -> Result<(), CliError> {
    // A change is read and written back with no other change between (`config::editing`).
    let _editing = matches!(
        args.command,
        ConfigCommand::Set { .. }
            | ConfigCommand::Use { .. }
            | ConfigCommand::Unset { .. }
            | ConfigCommand::RemoveProfile { .. }
    )
    .then(|| crate::config::editing(|s| ctx.ui.note(s)));
    let mut config = Config::load()?;
    let profile = profile_name(&ctx.global, &config).unwrap_or_else(|| "default".to_owned());
    match args.command {
        ConfigCommand::Get { key } => {
            let setting = Setting::parse(&key)?;
            match setting.get(&config, &profile) {
                Some(v) => ctx.ui.line(&v),
                None => Err(CliError::failure(format!(
                    "`{key}` is not set for profile `{profile}`"
                ))),
            }
        }
        ConfigCommand::Set { key, value } => {
            let setting = Setting::parse(&key)?;
            // config.toml holds no secret: a token given as a setting's value was saved there
            // and shown by `config get` and `config list`.
            if livectl_contract::token::looks_like(value.trim()) {
                return Err(CliError::usage(format!(
                    "{key}: the value given is shaped like a token (not shown, as tokens never are); the config holds no tokens"
                ))
                .hint("`livectl login` stores a token, read from a prompt or --token-stdin, in credentials.toml (0600)"));
            }
            // Plain http:// beyond loopback, allowed with the address: kept with it.
            let mut insecure = false;
            match setting {
                Setting::ApiUrl => {
                    insecure = check_address(
                        &value,
                        ctx.global.allow_insecure_http,
                        config.profiles.get(&profile),
                    )?;
                }
                // Allowed alone, it would outlive the address it was meant for.
                Setting::AllowInsecureHttp => {
                    let url = Setting::ApiUrl
                        .get(&config, &profile)
                        .map_or_else(|| "URL".to_owned(), |u| crate::ui::shell_word(&u));
                    let flag = crate::connect::profile_flag(&profile, &config);
                    let error = CliError::usage(format!(
                        "{key} is not set alone: it is saved with the address it allows"
                    ));
                    // Taking it away is `unset`; granting it, the address with the flag.
                    let taken_away = ["false", "0", "no", "off"]
                        .iter()
                        .any(|no| value.trim().eq_ignore_ascii_case(no));
                    return Err(if taken_away {
                        error.hint(format!(
                            "take it away with `livectl config{flag} unset {key}`"
                        ))
                    } else {
                        error.hint(format!(
                            "give the address with it: `livectl config{flag} set api_url {url} --allow-insecure-http`"
                        ))
                    });
                }
                Setting::Output => {
                    Format::from_str(&value, true).map_err(|_| {
                        let names: Vec<String> = Format::value_variants()
                            .iter()
                            .filter_map(|f| f.to_possible_value())
                            .map(|v| v.get_name().to_owned())
                            .collect();
                        CliError::usage(format!(
                            "output `{value}` is not one of: {}",
                            names.join(", ")
                        ))
                    })?;
                }
                // Every later run would fail on a default that names nothing.
                Setting::DefaultProfile if !config.profiles.contains_key(&value) => {
                    return Err(no_profile(&config, &value));
                }
                Setting::Workspace | Setting::DefaultProfile => {}
            }
            let new = ctx.global.profile.is_some()
                && setting != Setting::DefaultProfile
                && !config.profiles.contains_key(&profile);
            // A token saved without its address stays with the one it has been sent to.
            if setting == Setting::ApiUrl
                && let Some(old) = Setting::ApiUrl.get(&config, &profile)
            {
                Credentials::pin(&profile, &old, |s| ctx.ui.warn(s))?;
            }
            match setting {
                Setting::ApiUrl => config.profile_mut(&profile).point(value, insecure),
                _ => setting.set(&mut config, &profile, value),
            }
            config.save()?;
            // A name mistyped in --profile makes a new profile: said, so it is seen.
            if new {
                ctx.ui.note(format!("created profile `{profile}`"));
            }
            if setting == Setting::DefaultProfile
                && let Some(name) = config.default_profile.clone()
            {
                say_used(ctx, &config, &name);
            }
            // Its token stays with the address it was given for.
            if setting == Setting::ApiUrl
                && let Some(url) = Setting::ApiUrl.get(&config, &profile)
                && let Some(given) = Credentials::load()?.given_for_another(&profile, &url)
            {
                ctx.ui.note(format!(
                    "profile `{profile}`'s token was given for {given} and is not sent to {url}: log in to it with `livectl login --profile {}`",
                    crate::ui::shell_word(&profile)
                ));
            }
            Ok(())
        }
        ConfigCommand::RemoveProfile { name } => remove_profile(config, &name, ctx),
        ConfigCommand::Use { name } => {
            if !config.profiles.contains_key(&name) {
                return Err(no_profile(&config, &name));
            }
            config.default_profile = Some(name.clone());
            config.save()?;
            say_used(ctx, &config, &name);
            Ok(())
        }
        ConfigCommand::Unset { key } => {
            let setting = Setting::parse(&key)?;
            if setting == Setting::ApiUrl
                && let Some(old) = Setting::ApiUrl.get(&config, &profile)
            {
                Credentials::pin(&profile, &old, |s| ctx.ui.warn(s))?;
            }
            if setting.unset(&mut config, &profile) {
                config.save()?;
                // Where runs go now, as `config use` says it.
                if setting == Setting::DefaultProfile {
                    match crate::connect::profile_unnamed(&config) {
                        Some(now) => say_used(ctx, &config, &now),
                        None => ctx.ui.note(
                            "runs now use the embedded sandbox: no profile applies (`livectl config use NAME` names one)",
                        ),
                    }
                }
                Ok(())
            } else {
                // The default profile is the config's, no profile's (review).
                ctx.ui.note(if setting == Setting::DefaultProfile {
                    format!("`{key}` was not set")
                } else {
                    format!("`{key}` was not set for profile `{profile}`")
                });
                Ok(())
            }
        }
        ConfigCommand::Profiles => {
            let credentials = Credentials::load()?;
            let rows: Vec<ProfileRow> = config
                .profiles
                .iter()
                .map(|(name, p)| {
                    let token_elsewhere = p
                        .api_url
                        .as_deref()
                        .is_some_and(|url| credentials.given_for_another(name, url).is_some());
                    ProfileRow {
                        name: name.clone(),
                        current: *name == profile,
                        default: config.default_profile.as_ref() == Some(name),
                        api_url: p.api_url.clone(),
                        workspace: p.workspace.clone(),
                        output: p.output.clone(),
                        logged_in: credentials.token(name).is_some() && !token_elsewhere,
                        token_elsewhere,
                        allow_insecure_http: p.allow_insecure_http,
                    }
                })
                .collect();
            // No row marked, or the one marked naming no platform: where runs go, said, as
            // `connect` decides it; a run it refuses, said so with why.
            let platform = crate::connect::platform(&ctx.global);
            let embedded = match &platform {
                Ok(Platform::Embedded(why)) => Some(why),
                Ok(Platform::Api { .. }) | Err(_) => None,
            };
            if let Err(refused) = &platform {
                let hint: String = refused.hints.iter().map(|h| format!("; {h}")).collect();
                ctx.ui
                    .note(format!("(runs are refused now: {}{hint})", refused.message));
            } else if rows.is_empty() {
                ctx.ui.note(format!(
                    "no profile in {}{}; `livectl login --profile NAME --api-url URL` creates one",
                    Config::path().display(),
                    if embedded.is_some() {
                        " (runs use the embedded sandbox)"
                    } else {
                        ""
                    }
                ));
            } else if let Some(why) = embedded {
                ctx.ui
                    .note(format!("(runs use the embedded sandbox now: {why})"));
            } else if let Some(instead) = crate::connect::address_instead(&ctx.global) {
                ctx.ui.note(format!(
                    "(runs do not use a profile's api_url now: {instead})"
                ));
            }
            ctx.ui.list(&Names::default(), &rows)
        }
        ConfigCommand::List => {
            let set: Vec<(Setting, String)> = Setting::ALL
                .iter()
                .filter_map(|s| s.get(&config, &profile).map(|v| (*s, v)))
                .collect();
            if set.is_empty() {
                ctx.ui.note(format!(
                    "nothing is set for profile `{profile}` in {}; `livectl login` or `livectl config set KEY VALUE` sets it",
                    Config::path().display()
                ));
            } else {
                // Which profile this is, beside the data: stdout stays KEY=VALUE lines.
                ctx.ui.note(format!(
                    "profile `{profile}` in {}:",
                    Config::path().display()
                ));
                let has_address = set.iter().any(|(s, _)| *s == Setting::ApiUrl);
                if let Some(instead) =
                    crate::connect::address_instead(&ctx.global).filter(|_| has_address)
                {
                    ctx.ui
                        .note(format!("(runs do not use its api_url now: {instead})"));
                }
            }
            for (setting, value) in set {
                ctx.ui.line(&format!("{}={value}", setting.name()))?;
            }
            Ok(())
        }
    }
}

/// Removes profile `name`: its token first (a profile left without one is harmless, a token
/// left without its profile is not), then its settings, and the config's default when it was.
fn remove_profile(mut config: Config, name: &str, ctx: &Ctx) -> Result<(), CliError> {
    let mut credentials = Credentials::load_to_rewrite()?;
    let had_token = credentials.profiles.remove(name).is_some();
    if config.profiles.remove(name).is_none() && !had_token {
        return Err(config.unknown_profile(name));
    }
    if had_token {
        credentials.save(|s| ctx.ui.warn(s))?;
    }
    let was_default = config.default_profile.as_deref() == Some(name);
    if was_default {
        config.default_profile = None;
    }
    config.save()?;
    // What runs use now: a profile called `default` is, when there is one (it said "no profile
    // is now" and runs went on to `default`'s platform: new user).
    let now = match crate::connect::profile_unnamed(&config) {
        _ if !was_default => String::new(),
        Some(profile) => format!(
            "; it was the default profile, so runs now use the profile `{profile}` (`livectl config use NAME` names another)"
        ),
        None => "; it was the default profile, and no profile is now (`livectl config use NAME` names one)".to_owned(),
    };
    ctx.ui.note(format!(
        "removed profile `{name}`: its settings{}{now}",
        if had_token {
            " and its saved token"
        } else {
            ""
        },
    ));
    Ok(())
}
