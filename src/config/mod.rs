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

/// The keys `livectl config get|set` knows.
pub const KEYS: &[&str] = &["api_url", "workspace", "output", "default_profile"];

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
                CliError::failure(format!(
                    "{} is not a valid livectl config: {}",
                    path.display(),
                    e.message()
                ))
                .hint(format!(
                    "fix it, or move it away and run `livectl login` again ({e})"
                ))
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
        crate::files::write_whole(&Config::path(), text.as_bytes(), None)
    }
}
