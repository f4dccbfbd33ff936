//! Tokens, one per profile, in `$XDG_CONFIG_HOME/livectl/credentials.toml` of mode 0600. A file
//! readable by others is refused, with the chmod that fixes it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use livectl_client::Token;
use serde::{Deserialize, Serialize};

use super::config_dir;
use crate::error::CliError;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    #[serde(default)]
    pub profiles: BTreeMap<String, ProfileCredentials>,
    /// The mode of a file others could read, read to be rewritten private: saving says so.
    #[serde(skip)]
    open_mode: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileCredentials {
    pub token: Token,
    /// The address the token was given for (`login`): it is sent nowhere else, whatever the
    /// profile's `api_url` says later (`config set api_url`, a hand edit). Files saved before
    /// it was kept have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_url: Option<String>,
}

impl Credentials {
    pub fn path() -> PathBuf {
        config_dir().join("credentials.toml")
    }

    pub fn load() -> Result<Credentials, CliError> {
        Credentials::load_from(&Credentials::path())
    }

    /// The credentials, to be changed and saved (`login`, `logout`, `config remove-profile`):
    /// a file others may read is not refused, since saving rewrites it private (0600). A user
    /// mending a token others could read could not log out (hostile-input check).
    pub fn load_to_rewrite() -> Result<Credentials, CliError> {
        Credentials::read(&Credentials::path(), false)
    }

    pub fn load_from(path: &Path) -> Result<Credentials, CliError> {
        Credentials::read(path, true)
    }

    fn read(path: &Path, private: bool) -> Result<Credentials, CliError> {
        const WHAT: &str = "credentials file";
        // `login` reads the same file first, and does not write over tokens it cannot read.
        let rewrite =
            "fix it, or move it away (it holds your tokens) and log in again with `livectl login`";
        let Some(text) = super::read_text(path, WHAT).map_err(|e| e.hint(rewrite))? else {
            return Ok(Credentials::default());
        };
        let open_mode = open_to_others(path)?;
        if private && let Some(mode) = open_mode {
            return Err(CliError::new(
                crate::error::ErrorKind::Auth,
                format!(
                    "{} can be {} by other users (mode {mode:03o}); livectl refuses to use it",
                    path.display(),
                    crate::files::others_may(mode)
                ),
            )
            .hint(format!("run `chmod 600 {}`", path.display())));
        }
        // The parser's words quote what they found, which here may be a token.
        let mut credentials: Credentials = toml::from_str(&text)
            .map_err(|e| super::invalid_toml(path, &text, &e, WHAT, Some(SHAPE)).hint(rewrite))?;
        credentials.open_mode = open_mode;
        Ok(credentials)
    }

    /// Writes the credentials whole, private (0600). A file others could read is said to be
    /// private now through `say`, with what its tokens may need: it was rewritten silently
    /// (review).
    pub fn save(&self, say: impl FnOnce(String)) -> Result<(), CliError> {
        let text = toml::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot write the credentials: {e}")))?;
        let path = Credentials::path();
        super::save_private(&path, &text)?;
        if let Some(mode) = self.open_mode {
            use crate::files::OpenTo;
            let may = crate::files::others_may(mode);
            let tokens = match may {
                OpenTo::Read => ", but the tokens it held may have been read",
                OpenTo::Written => ", but the tokens it held may have been changed",
                OpenTo::Run => "",
            };
            say(format!(
                "the credentials file {} could be {may} by other users (mode {mode:03o}); it is private (0600) again{tokens}",
                path.display()
            ));
        }
        Ok(())
    }

    /// The token stored for `profile`; none when it is stored empty (a hand edit), which was
    /// sent as a header the platform said was "not of the form `Bearer <token>`" (exit 4)
    /// rather than said missing, with the login that stores one (hostile-input check).
    pub fn token(&self, profile: &str) -> Option<&Token> {
        self.profiles
            .get(profile)
            .map(|p| &p.token)
            .filter(|t| !t.expose().trim().is_empty())
    }

    /// Keeps `address` as the one `profile`'s token was given for when its entry holds none
    /// (saved before addresses were kept): called as the profile's address changes, which
    /// such a token followed wherever it was pointed (`config set api_url`).
    pub fn pin(profile: &str, address: &str, say: impl FnOnce(String)) -> Result<(), CliError> {
        let mut credentials = Credentials::load_to_rewrite()?;
        match credentials.profiles.get_mut(profile) {
            Some(entry) if entry.api_url.is_none() => {
                entry.api_url = Some(address.to_owned());
                credentials.save(say)
            }
            _ => Ok(()),
        }
    }

    /// The address `profile`'s token was given for, when another than `api_url`: the token is
    /// not to be sent there.
    pub fn given_for_another(&self, profile: &str, api_url: &str) -> Option<&str> {
        self.profiles
            .get(profile)?
            .api_url
            .as_deref()
            .filter(|given| !super::same_address(given, api_url))
    }
}

/// What a credentials file holds, said in place of what its parser found there.
const SHAPE: &str = "each profile is a table `[profiles.NAME]` holding `token = \"…\"` and the `api_url` it was given for (what is there is not shown: it may be a token)";

/// The mode of the file at `path` when users other than its owner may read or write it.
#[cfg(unix)]
fn open_to_others(path: &Path) -> Result<Option<u32>, CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| CliError::failure(format!("cannot read {}: {e}", path.display())))?
        .permissions()
        .mode()
        & 0o777;
    Ok((mode & 0o077 != 0).then_some(mode))
}

#[cfg(not(unix))]
fn open_to_others(_: &Path) -> Result<Option<u32>, CliError> {
    Ok(None)
}
