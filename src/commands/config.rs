//! `livectl config get|set|list`: the profile's settings in config.toml.

use clap::{Args, Subcommand};

use super::Ctx;
use crate::config::{Config, KEYS};
use crate::connect::{check_url, profile_name};
use crate::error::CliError;

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub command: ConfigCommand,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print one setting
    Get {
        /// api_url, workspace, output or default_profile
        key: String,
    },
    /// Change one setting
    Set {
        /// api_url, workspace, output or default_profile
        key: String,
        value: String,
    },
    /// Print every setting of the profile
    List,
}

fn check_key(key: &str) -> Result<(), CliError> {
    if KEYS.contains(&key) {
        Ok(())
    } else {
        Err(CliError::usage(format!("unknown setting `{key}`"))
            .hint(format!("the settings are: {}", KEYS.join(", "))))
    }
}

pub async fn exec(args: ConfigArgs, ctx: &Ctx) -> Result<(), CliError> {
    let global = &ctx.global;
    let mut config = Config::load()?;
    let profile = profile_name(global, &config).unwrap_or_else(|| "default".to_owned());
    match args.command {
        ConfigCommand::Get { key } => {
            check_key(&key)?;
            let p = config.profiles.get(&profile).cloned().unwrap_or_default();
            let value = match key.as_str() {
                "default_profile" => config.default_profile,
                "api_url" => p.api_url,
                "workspace" => p.workspace,
                _ => p.output,
            };
            match value {
                Some(v) => ctx.ui.line(&v),
                None => Err(CliError::failure(format!(
                    "`{key}` is not set for profile `{profile}`"
                ))),
            }
        }
        ConfigCommand::Set { key, value } => {
            check_key(&key)?;
            if key == "default_profile" {
                config.default_profile = Some(value);
                return config.save();
            }
            let p = config.profiles.entry(profile).or_default();
            match key.as_str() {
                "api_url" => {
                    check_url(&value, global.allow_insecure_http)?;
                    p.api_url = Some(value);
                }
                "workspace" => p.workspace = Some(value),
                _ => {
                    <crate::ui::Format as clap::ValueEnum>::from_str(&value, true).map_err(
                        |_| {
                            CliError::usage(format!(
                                "output `{value}` is not one of: table, json, ndjson, csv, ids"
                            ))
                        },
                    )?;
                    p.output = Some(value);
                }
            }
            config.save()
        }
        ConfigCommand::List => {
            if let Some(d) = &config.default_profile {
                ctx.ui.line(&format!("default_profile={d}"))?;
            }
            if let Some(p) = config.profiles.get(&profile) {
                for (key, value) in [
                    ("api_url", &p.api_url),
                    ("workspace", &p.workspace),
                    ("output", &p.output),
                ] {
                    if let Some(v) = value {
                        ctx.ui.line(&format!("{key}={v}"))?;
                    }
                }
            }
            Ok(())
        }
    }
}
