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
    /// Plain http:// to its `api_url`, a host other than loopback, allowed: given with that
    /// address (`--allow-insecure-http`) and kept only with it (`Profile::point`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_insecure_http: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    /// Default output format for this profile (table, json, ndjson, csv, ids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<String>,
}

impl Profile {
    /// Whether plain http:// to `url` is allowed by this profile: it holds the permission, and
    /// `url` is the address it was given with.
    pub fn allows_insecure(&self, url: &str) -> bool {
        self.allow_insecure_http
            && self
                .api_url
                .as_deref()
                .is_some_and(|own| same_address(own, url))
    }

    /// Points it at `url`; `insecure` is whether that address is plain http:// beyond loopback
    /// and allowed (by the flag now, or by this profile for that same address), which it then
    /// keeps. Any other address drops the permission, and the workspace: each was given for
    /// one address (the next `login` writes the new one's workspace).
    pub fn point(&mut self, url: String, insecure: bool) {
        // A first address keeps a workspace named before it (`config set workspace` first).
        if self
            .api_url
            .as_deref()
            .is_some_and(|old| !same_address(old, &url))
        {
            self.workspace = None;
        }
        self.api_url = Some(url);
        self.allow_insecure_http = insecure;
    }
}

impl Config {
    /// A profile named that is none of this config's: a usage error listing those there are
    /// (a caller with none to list adds its own hint).
    pub fn unknown_profile(&self, name: &str) -> CliError {
        let error = CliError::usage(format!("there is no profile `{name}`"));
        let known: Vec<&str> = self.profiles.keys().map(String::as_str).collect();
        if known.is_empty() {
            error
        } else {
            error.hint(format!("the profiles are: {}", known.join(", ")))
        }
    }
}

/// Whether two API addresses are one: as a URL reads them (the scheme and host in any case, a
/// default port left out), a trailing `/` aside. `HTTP://HOST` was another address than
/// `http://HOST`, and a login so spelled repointed the profile past its workspace's check.
pub fn same_address(a: &str, b: &str) -> bool {
    let read = |s: &str| {
        url::Url::parse(s.trim_end_matches('/'))
            .map(|u| u.as_str().trim_end_matches('/').to_owned())
            .unwrap_or_else(|_| s.trim_end_matches('/').to_owned())
    };
    read(a) == read(b)
}

/// The settings `livectl config` reads and changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The profile used when neither --profile nor LIVECTL_PROFILE names one.
    DefaultProfile,
    /// The profile's API address.
    ApiUrl,
    /// Plain http:// allowed to the profile's API address (a host other than loopback):
    /// `true`, set with that address only (`config set api_url URL --allow-insecure-http`).
    AllowInsecureHttp,
    /// The profile's workspace, by id or name: `login` writes the token's id, and refuses a
    /// token of another workspace than the one it names; a new address drops it.
    Workspace,
    /// The profile's default output format, used when -o is not given.
    Output,
}

impl Setting {
    pub const ALL: &'static [Setting] = &[
        Setting::DefaultProfile,
        Setting::ApiUrl,
        Setting::AllowInsecureHttp,
        Setting::Workspace,
        Setting::Output,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Setting::DefaultProfile => "default_profile",
            Setting::ApiUrl => "api_url",
            Setting::AllowInsecureHttp => "allow_insecure_http",
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

    /// Its value for `profile`.
    pub fn get(self, config: &Config, profile: &str) -> Option<String> {
        let p = config.profiles.get(profile);
        match self {
            Setting::DefaultProfile => config.default_profile.clone(),
            Setting::ApiUrl => p?.api_url.clone(),
            Setting::AllowInsecureHttp => p?.allow_insecure_http.then(|| "true".to_owned()),
            Setting::Workspace => p?.workspace.clone(),
            Setting::Output => p?.output.clone(),
        }
    }

    /// Sets it as written. An address set so comes without a permission for plain http://:
    /// `Profile::point` sets the two together.
    pub fn set(self, config: &mut Config, profile: &str, value: String) {
        match self {
            Setting::DefaultProfile => config.default_profile = Some(value),
            Setting::ApiUrl => config.profile_mut(profile).point(value, false),
            Setting::AllowInsecureHttp => {
                config.profile_mut(profile).allow_insecure_http = value == "true";
            }
            Setting::Workspace => config.profile_mut(profile).workspace = Some(value),
            Setting::Output => config.profile_mut(profile).output = Some(value),
        }
    }

    /// Removes it; false when it was not set. The address goes with its permission and its
    /// workspace.
    pub fn unset(self, config: &mut Config, profile: &str) -> bool {
        let was = match (self, config.profiles.get_mut(profile)) {
            (Setting::DefaultProfile, _) => config.default_profile.take().is_some(),
            (_, None) => false,
            (Setting::ApiUrl, Some(p)) => {
                p.allow_insecure_http = false;
                p.workspace = None;
                p.api_url.take().is_some()
            }
            (Setting::AllowInsecureHttp, Some(p)) => std::mem::take(&mut p.allow_insecure_http),
            (Setting::Workspace, Some(p)) => p.workspace.take().is_some(),
            (Setting::Output, Some(p)) => p.output.take().is_some(),
        };
        // The profile stays, with no setting left even: it went from the config while its
        // token stayed in the credentials, listed nowhere (new user). `remove-profile` removes
        // both.
        was
    }
}

/// A TOML file that does not read: a usage error naming the file, the line and what is wrong.
/// `withheld`, for a file that holds secrets, says what the file should hold in place of the
/// parser's words, which quote the values they found (a token written where a table goes).
pub fn invalid_toml(
    path: &Path,
    text: &str,
    e: &toml::de::Error,
    what: &str,
    withheld: Option<&str>,
) -> CliError {
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
        withheld.unwrap_or_else(|| e.message().trim_end())
    ))
}

/// A config file's text, or why it cannot be had: a file that is not UTF-8 text is not a valid
/// `what` (usage, as one that does not parse), anything else that stops reading it a failure;
/// None when there is no file.
///
/// Only a regular file is read (a link followed), and no further than `CONFIG_FILE_BYTES`: a
/// FIFO there held every command, and a link to `/dev/zero` grew livectl's memory without end
/// (hostile-input check).
pub fn read_text(path: &Path, what: &str) -> Result<Option<String>, CliError> {
    use livectl_contract::limits::{CONFIG_FILE_BYTES, Unread, bytes_said, read_text_at_most};
    let cannot =
        |e: std::io::Error| CliError::failure(format!("cannot read {}: {e}", path.display()));
    let file = match crate::files::open_regular(path) {
        Ok(Some(file)) => file,
        Ok(None) => {
            return Err(CliError::usage(format!(
                "{}: not a valid {what}: it is not a regular file",
                path.display()
            )));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot(e)),
    };
    match read_text_at_most(file, CONFIG_FILE_BYTES) {
        Ok(text) => Ok(Some(text)),
        Err(Unread::NotText) => Err(CliError::usage(format!(
            "{}: not a valid {what}: it is not UTF-8 text",
            path.display()
        ))),
        Err(Unread::TooLarge) => Err(CliError::usage(format!(
            "{}: not a valid {what}: it holds more than {}",
            path.display(),
            bytes_said(CONFIG_FILE_BYTES)
        ))),
        Err(Unread::Io(e)) => Err(cannot(e)),
    }
}

/// Writes a config or credentials file whole, private (0600), where a link there points: a
/// file kept elsewhere (a dotfiles repository) and linked in was replaced by a copy, the link
/// gone and the file it pointed to left as it was (hostile-input check).
pub fn save_private(path: &Path, text: &str) -> Result<(), CliError> {
    let target = crate::files::link_target(path, &path.display().to_string())?;
    crate::files::write_whole(
        target.as_deref().unwrap_or(path),
        text.as_bytes(),
        Some(0o600),
    )
}

/// Held while a command reads, changes and writes back the config and credentials files
/// (`login`, `logout`, `config set`, `unset`, `remove-profile`): a lock on a file beside them,
/// so that two such commands at once (CI jobs logging in side by side) each see the other's
/// change rather than write over it. A file system without locks runs without.
pub struct Editing {
    _lock: Option<std::fs::File>,
}

/// Waits for the other commands changing the config files (said through `say`, when one holds
/// them), then holds them (`Editing`).
pub fn editing(say: impl FnOnce(&str)) -> Editing {
    let dir = config_dir();
    let lock = create_private_dir(&dir).ok().and_then(|()| {
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(dir.join(".lock")).ok()?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                say("livectl: waiting for another livectl changing the config to finish");
                file.lock().ok()?;
            }
            Err(std::fs::TryLockError::Error(_)) => return None,
        }
        Some(file)
    });
    Editing { _lock: lock }
}

impl Config {
    pub fn path() -> PathBuf {
        config_dir().join("config.toml")
    }

    /// The profile called `name`, made empty when there is none.
    pub fn profile_mut(&mut self, name: &str) -> &mut Profile {
        self.profiles.entry(name.to_owned()).or_default()
    }

    pub fn load() -> Result<Config, CliError> {
        Config::load_from(&Config::path())
    }

    pub fn load_from(path: &Path) -> Result<Config, CliError> {
        let fix = "fix it, or move it away and run `livectl login` again";
        match read_text(path, "livectl config").map_err(|e| e.hint(fix))? {
            Some(text) => toml::from_str(&text)
                .map_err(|e| invalid_toml(path, &text, &e, "livectl config", None).hint(fix)),
            None => Ok(Config::default()),
        }
    }

    pub fn save(&self) -> Result<(), CliError> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot write the config: {e}")))?;
        save_private(&Config::path(), &text)
    }
}

#[cfg(test)]
mod tests {
    /// A new address drops the workspace given for the old one; a first address, or the same
    /// one spelled otherwise, keeps it.
    #[test]
    fn a_workspace_goes_with_the_address_it_was_given_for() {
        let mut profile = super::Profile {
            workspace: Some("acme".into()),
            ..super::Profile::default()
        };
        profile.point("https://live.example.com".into(), false);
        assert_eq!(
            profile.workspace.as_deref(),
            Some("acme"),
            "a first address"
        );
        profile.point("HTTPS://live.example.com/".into(), false);
        assert_eq!(
            profile.workspace.as_deref(),
            Some("acme"),
            "the same address"
        );
        profile.point("https://staging.example.com".into(), false);
        assert_eq!(profile.workspace, None, "another address");
    }

    /// One address however it is spelled where a URL does not care; another host, port, path
    /// or scheme is another address.
    #[test]
    fn an_address_is_the_same_whatever_its_case_or_trailing_slash() {
        for (a, b) in [
            ("http://127.0.0.1:8787", "http://127.0.0.1:8787/"),
            ("HTTP://127.0.0.1:8787", "http://127.0.0.1:8787"),
            ("https://Live.Example.com", "https://live.example.com/"),
            ("https://live.example.com:443", "https://live.example.com"),
        ] {
            assert!(super::same_address(a, b), "{a} and {b}");
        }
        for (a, b) in [
            ("http://127.0.0.1:8787", "http://127.0.0.1:8788"),
            ("http://live.example.com", "https://live.example.com"),
            ("https://live.example.com/api", "https://live.example.com"),
            ("http://localhost:8787", "http://127.0.0.1:8787"),
        ] {
            assert!(!super::same_address(a, b), "{a} and {b}");
        }
    }
}
