//! Which platform a run talks to: a profile, --api-url and LIVECTL_* variables, or the embedded
//! sandbox when nothing is configured.

use std::path::PathBuf;

use crate::api::Client;
use crate::cli::GlobalArgs;
use crate::config::credentials::{Credentials, Token};
use crate::config::{Config, data_dir, default_sandbox_db, write_atomically};
use crate::error::{CliError, ExitKind};
use crate::output::Output;
use crate::sandbox::{self, Knobs, Seed, store::Store};

/// Where a run's requests go.
pub struct Connection {
    pub client: Client,
    /// The profile in use, if any.
    pub profile: Option<String>,
    /// The embedded sandbox's database, when that is what we talk to.
    pub embedded: Option<PathBuf>,
}

/// The profile named by --profile, LIVECTL_PROFILE or the config's default.
pub fn profile_name(global: &GlobalArgs, config: &Config) -> Option<String> {
    global
        .profile
        .clone()
        .or_else(|| config.default_profile.clone())
}

pub async fn connect(global: &GlobalArgs, out: &Output) -> Result<Connection, CliError> {
    if global.sandbox {
        return embedded(global, out).await;
    }
    let config = Config::load()?;
    let profile = profile_name(global, &config);
    let settings = match &profile {
        Some(name) => Some(config.profiles.get(name).ok_or_else(|| {
            let known: Vec<&str> = config.profiles.keys().map(String::as_str).collect();
            CliError::usage(format!("there is no profile `{name}`")).hint(if known.is_empty() {
                "create one with `livectl login --profile NAME --api-url URL`".to_owned()
            } else {
                format!("the profiles are: {}", known.join(", "))
            })
        })?),
        None => None,
    };
    let api_url = global
        .api_url
        .clone()
        .or_else(|| settings.and_then(|p| p.api_url.clone()));
    let Some(api_url) = api_url else {
        return embedded(global, out).await;
    };
    check_url(&api_url, global.allow_insecure_http)?;
    let token = match std::env::var("LIVECTL_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty())
    {
        Some(t) => Token::new(t.trim()),
        None => {
            // A profile's token goes only to that profile's address, never to another --api-url.
            let own = settings.and_then(|p| p.api_url.as_deref()) == Some(api_url.as_str());
            let credentials = Credentials::load()?;
            profile
                .as_deref()
                .filter(|_| own)
                .and_then(|p| credentials.token(p).cloned())
                .ok_or_else(|| {
                    CliError::new(ExitKind::Auth, format!("no token for {api_url}")).hint(
                        "log in to it with `livectl login --api-url URL`, or set LIVECTL_TOKEN",
                    )
                })?
        }
    };
    Ok(Connection {
        client: Client::new(&api_url, token, global.verbose)?,
        profile,
        embedded: None,
    })
}

/// Plain http:// only to loopback, unless the user said otherwise; checked before connecting.
pub fn check_url(url: &str, allow_insecure: bool) -> Result<(), CliError> {
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
    match parsed.scheme() {
        "https" => Ok(()),
        "http" => {
            let loopback = match parsed.host() {
                Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
                Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
                Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
                None => false,
            };
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

/// Serves the sandbox in this process from the user's data directory, seeded with the demo
/// data the first time, and talks to it over loopback HTTP as its built-in admin.
async fn embedded(global: &GlobalArgs, out: &Output) -> Result<Connection, CliError> {
    let db = default_sandbox_db();
    let fresh = !db.exists();
    let store = sandbox::open(db.clone(), fresh.then_some(Seed::Demo)).await?;
    let token = embedded_token(&store)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| CliError::failure(format!("cannot start the embedded sandbox: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::failure(format!("cannot start the embedded sandbox: {e}")))?;
    let app = sandbox::app(store, &Knobs::default());
    tokio::spawn(sandbox::server::serve(
        listener,
        app,
        std::future::pending(),
    ));
    out.note(format!(
        "livectl: using the embedded sandbox {}{}; connect to a real platform with `livectl login`",
        db.display(),
        if fresh { " (new, with demo data)" } else { "" }
    ));
    Ok(Connection {
        client: Client::new(&format!("http://{addr}"), token, global.verbose)?,
        profile: None,
        embedded: Some(db),
    })
}

/// The built-in admin's token for the embedded sandbox, kept beside its database (mode 0600).
fn embedded_token(store: &Store) -> Result<Token, CliError> {
    let path = data_dir().join("sandbox.token");
    if let Ok(saved) = std::fs::read_to_string(&path) {
        let saved = saved.trim().to_owned();
        if store.read(|conn| Store::authenticate(conn, &saved)).is_ok() {
            return Ok(Token::new(saved));
        }
    }
    let token = store.create_token(None).map_err(|e| {
        CliError::failure(format!("cannot create the embedded sandbox's token: {e}"))
    })?;
    write_atomically(&path, token.as_bytes(), Some(0o600))?;
    Ok(Token::new(token))
}
