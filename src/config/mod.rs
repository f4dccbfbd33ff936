//! Profiles in `$XDG_CONFIG_HOME/livectl/config.toml`, tokens in a credentials file of mode 0600
//! beside it, and where the other files live.

pub mod credentials;
pub mod paths;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use paths::{config_dir, create_private_dir, data_dir, default_sandbox_db, state_dir};

use crate::error::CliError;

/// `config.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The profile used when neither --profile nor LIVECTL_PROFILE names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub api_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    /// Default output format for this profile (table, json, ndjson, csv, ids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

/// The settings `livectl config` reads and changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The profile used when neither --profile nor LIVECTL_PROFILE names one.
    DefaultProfile,
    /// The profile's API address.
    ApiUrl,
    /// The profile's workspace, for people reading the config.
    Workspace,
    /// The profile's default output format, used when -o is not given.
    Output,
}

impl Setting {
    pub const ALL: &'static [Setting] = &[
        Setting::DefaultProfile,
        Setting::ApiUrl,
        Setting::Workspace,
        Setting::Output,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Setting::DefaultProfile => "default_profile",
            Setting::ApiUrl => "api_url",
            Setting::Workspace => "workspace",
            Setting::Output => "output",
        }
    }

    pub fn parse(key: &str) -> Result<Setting, CliError> {
        Setting::ALL
            .iter()
            .copied()
            .find(|s| s.name() == key)
            .ok_or_else(|| {
                // The profile's settings first, then the one about profiles.
                let mut names: Vec<&str> = Setting::ALL[1..].iter().map(|s| s.name()).collect();
                names.push(Setting::DefaultProfile.name());
                CliError::usage(format!("unknown setting `{key}`"))
                    .hint(format!("the settings are: {}", names.join(", ")))
            })
    }

    fn slot<'a>(self, config: &'a mut Config, profile: &str) -> &'a mut Option<String> {
        match self {
            Setting::DefaultProfile => &mut config.default_profile,
            _ => {
                let p = config.profiles.entry(profile.to_owned()).or_default();
                match self {
                    Setting::ApiUrl => &mut p.api_url,
                    Setting::Workspace => &mut p.workspace,
                    _ => &mut p.output,
                }
            }
        }
    }

    /// Its value for `profile`.
    pub fn get(self, config: &Config, profile: &str) -> Option<String> {
        match self {
            Setting::DefaultProfile => config.default_profile.clone(),
            _ => {
                let p = config.profiles.get(profile)?;
                match self {
                    Setting::ApiUrl => p.api_url.clone(),
                    Setting::Workspace => p.workspace.clone(),
                    _ => p.output.clone(),
                }
            }
        }
    }

    pub fn set(self, config: &mut Config, profile: &str, value: String) {
        *self.slot(config, profile) = Some(value);
    }

    /// Removes it; false when it was not set.
    pub fn unset(self, config: &mut Config, profile: &str) -> bool {
        let was = self.slot(config, profile).take().is_some();
        // An empty profile goes, unless it is the default: every run would fail on its name.
        let default = config.default_profile.clone();
        config
            .profiles
            .retain(|name, p| *p != Profile::default() || default.as_deref() == Some(name));
        was
    }
}

/// A TOML file that does not read: a usage error naming the file, the line and what is wrong.
pub fn invalid_toml(path: &Path, text: &str, e: &toml::de::Error, what: &str) -> CliError {
    let at = e
        .span()
        .map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.len() - before.rfind('\n').map_or(0, |n| n + 1) + 1;
            format!(":{line}:{column}")
        })
        .unwrap_or_default();
    CliError::usage(format!(
        "{}{at}: not a valid {what}: {}",
        path.display(),
        e.message().trim_end()
    ))
}

impl Config {
    pub fn path() -> PathBuf {
        config_dir().join("config.toml")
    }

    pub fn load() -> Result<Config, CliError> {
        Config::load_from(&Config::path())
    }

    pub fn load_from(path: &Path) -> Result<Config, CliError> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| {
                invalid_toml(path, &text, &e, "livectl config")
                    .hint("fix it, or move it away and run `livectl login` again")
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(CliError::failure(format!(
                "cannot read {}: {e}",
                path.display()
            ))),
        }
    }

    pub fn save(&self) -> Result<(), CliError> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot write the config: {e}")))?;
        crate::files::write_whole(&Config::path(), text.as_bytes(), Some(0o600))
    }
}
