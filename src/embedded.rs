//! The embedded default: with no platform configured, the sandbox is served in this process
//! from the user's data directory, seeded with the demo the first time, and the client talks to
//! it over loopback HTTP as its built-in admin (or as the agent of LIVECTL_TOKEN, unless
//! `--sandbox`). This is the one place the CLI starts a sandbox
//! for itself; the client never reaches into the store.

use livectl_client::{Client, Token};
use livectl_sandbox::server::Limits;
use livectl_sandbox::{Knobs, Seed};

use crate::config::{data_dir, default_sandbox_db, state_dir};
use crate::connect::{Connection, WhyEmbedded, log};
use crate::error::CliError;
use crate::files::write_whole;
use crate::ui::Ui;

/// Starts it, for the reason `why`: `--sandbox` asked for it (which needs no reminder that a
/// real platform is elsewhere), or no platform is named.
pub async fn start(ui: &Ui, why: &WhyEmbedded) -> Result<Connection, CliError> {
    let chosen = *why == WhyEmbedded::Asked;
    let db = default_sandbox_db();
    let fresh = !db.exists() && made_with_demo(&db).await?;
    let (store, _) = livectl_sandbox::open(db.clone(), None)
        .await
        .map_err(|e| {
            let e = CliError::failure(format!("cannot start the embedded sandbox: {e}"));
            // Only a damaged file is worth its data's loss; a full disk or a permission is not.
            let damaged = !livectl_sandbox::store::files::is_sandbox(&db).unwrap_or(false);
            if damaged {
                e.hint(format!(
                    "{} is not a whole sandbox database: `livectl sandbox reset --yes` deletes it and starts again with demo data",
                    db.display()
                ))
            } else {
                e
            }
        })?;
    // The built-in admin's token is kept beside the database (mode 0600).
    let path = data_dir().join("sandbox.token");
    let saved = std::fs::read_to_string(&path).ok();
    let (token, new) = store
        .keep_or_create_token(saved.as_deref().map(str::trim))
        .map_err(|e| {
            CliError::failure(format!("cannot create the embedded sandbox's token: {e}"))
        })?;
    if new {
        write_whole(&path, token.as_bytes(), Some(0o600))?;
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| CliError::failure(format!("cannot start the embedded sandbox: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| CliError::failure(format!("cannot start the embedded sandbox: {e}")))?;
    // Served until the process ends; the store closes whole (no -wal or -shm left) as the
    // runtime drops it then.
    tokio::spawn(livectl_sandbox::run(
        listener,
        store,
        Knobs {
            demo: true,
            ..Knobs::default()
        },
        Limits::default(),
        std::future::pending(),
    ));
    // Profiles that name platforms while none applies: every run says so, or one after the
    // default profile was unset (or removed) acted on the demo as if on the platform, its
    // notice spent for the day on an earlier run (a tester's `whoami` before and after).
    let elsewhere = if chosen {
        Vec::new()
    } else {
        platforms_named()
    };
    let remind = !chosen && (!elsewhere.is_empty() || first_today(ui));
    if fresh || remind || ui.verbose > 0 {
        let instead = if chosen {
            String::new()
        } else if elsewhere.is_empty() {
            "; connect to a real platform with `livectl login`".to_owned()
        } else {
            format!(
                ", not a platform: {why} (profiles with a platform: {})",
                elsewhere.join(", ")
            )
        };
        ui.note(format!(
            "livectl: using the embedded sandbox {}{}{instead}",
            db.display(),
            if fresh { " (new, with demo data)" } else { "" },
        ));
    }
    // LIVECTL_TOKEN overrides here too: a token `livectl sandbox token --agent bo` made acts
    // as Bo (it was ignored, and the run acted as the admin while testing an agent's role).
    // --sandbox overrides the variables, a platform's token among them.
    let set = std::env::var("LIVECTL_TOKEN")
        .ok()
        .filter(|t| !crate::cli::blank(t));
    if chosen && set.is_some() {
        // Said, or the run acts as the admin while its caller believes it is an agent (the
        // second new user).
        ui.note(
            "livectl: --sandbox does not use LIVECTL_TOKEN (it may be another platform's): this run acts as the sandbox's admin; to act as one of its agents, serve it (`livectl sandbox serve`) with that agent's token (`livectl sandbox token --agent A`)",
        );
    }
    let given = set.filter(|_| !chosen);
    let token_from_env = given.is_some();
    let token = match given {
        Some(given) => given.trim().to_owned(),
        None => token,
    };
    Ok(Connection {
        client: Client::new(&format!("http://{addr}"), Token::new(token), log(ui))?,
        profile: None,
        embedded: Some(db),
        token_from_env,
    })
}

/// Makes the database `db` with the demo data: beside it, then put in place whole, unless
/// another livectl put one there first (false then, and its own is used). Commands started
/// side by side on a new HOME each loaded the demo into the one file, and one that opened it
/// between its creation and its data saw an empty workspace (hostile-input check).
async fn made_with_demo(db: &std::path::Path) -> Result<bool, CliError> {
    let cannot = |e: &dyn std::fmt::Display| {
        CliError::failure(format!(
            "cannot create the embedded sandbox {}: {e}",
            db.display()
        ))
    };
    crate::config::create_private_dir(&data_dir()).map_err(|e| cannot(&e))?;
    // A Ctrl-C waits the moment it takes: the process leaves at once otherwise, and the
    // temporary file with it (its Drop never runs).
    let _claim = crate::signals::claim();
    let made = crate::files::Beside::create(db, Some(0o600)).map_err(|e| cannot(&e))?;
    let (store, _) = livectl_sandbox::open(made.path().to_owned(), Some(Seed::Demo))
        .await
        .map_err(|e| cannot(&e))?;
    // Closed whole (its log copied in) before it is put in place under its name: a log left
    // beside the temporary name would not go with it.
    store.close().map_err(|e| cannot(&e))?;
    drop(store);
    let log = format!("{}-wal", made.path().display());
    if std::fs::metadata(&log).is_ok_and(|m| m.len() > 0) {
        let _ = std::fs::remove_file(&log);
        return Err(cannot(&"its log was not copied into it as it closed"));
    }
    match made.place(false) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(cannot(&e)),
    }
}

/// The profiles of the config that name a platform (an api_url), as a shell would take them;
/// none when the config does not read (the run said why as it chose the sandbox, or will).
fn platforms_named() -> Vec<String> {
    let config = crate::config::Config::load().unwrap_or_default();
    config
        .profiles
        .iter()
        .filter(|(_, p)| p.api_url.is_some())
        .map(|(name, _)| crate::ui::shell_word(name))
        .collect()
}

/// Whether the notice was not yet given today (and note that it is given now): a reminder
/// once a day, not a line on every command. A marker that cannot be written means the notice
/// is given every time, which is the safe side.
fn first_today(ui: &Ui) -> bool {
    let marker = state_dir().join("embedded-notice");
    let today = ui.format(ui.now, "%Y-%m-%d");
    if std::fs::read_to_string(&marker).is_ok_and(|day| day.trim() == today) {
        return false;
    }
    let _ = write_whole(&marker, today.as_bytes(), Some(0o600));
    true
}
