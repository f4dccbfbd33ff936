//! One module per command: its arguments beside the one `exec` that runs it, reading like the
//! help text: parse, call the client or a use case, hand the rows to the ui.

pub mod act;
pub mod api;
pub mod assign;
pub mod autopilot;
pub mod cancel;
pub mod catalog;
pub mod complete;
pub mod completions;
pub mod config;
pub mod conformance;
pub mod console;
pub mod filters;
pub mod history;
pub mod list;
pub mod login;
pub mod logout;
pub mod man;
pub mod queues;
pub mod reassign;
pub mod return_to_queue;
pub mod runs;
pub mod sandbox;
pub mod seed;
pub mod show;
pub mod status;
pub mod stuck;
pub mod watch;
pub mod whoami;

use std::path::Path;

use livectl_client::Client;
use tokio::sync::OnceCell;

use crate::cli::GlobalArgs;
use crate::connect::{Connection, Resuming, connect, connect_to_resume};
use crate::error::CliError;
use crate::ui::{Reach, Ui};
use crate::usecases::bulk;

/// What a command gets: the ui, the global options, and a connection to the platform made the
/// first time the command asks for it (commands that need none never connect).
pub struct Ctx {
    pub ui: Ui,
    pub global: GlobalArgs,
    connection: OnceCell<Connection>,
}

impl Ctx {
    pub fn new(global: GlobalArgs, ui: Ui) -> Ctx {
        Ctx {
            ui,
            global,
            connection: OnceCell::new(),
        }
    }

    /// The platform this run talks to, connected on first use.
    pub async fn connection(&self) -> Result<&Connection, CliError> {
        self.connection
            .get_or_try_init(|| connect(&self.global, &self.ui))
            .await
    }

    /// The platform a run that continues the journal at `path` talks to, connected as
    /// `connection` does; without a token, the hints say how to reach the platform the
    /// journal names (its header read here, its problems said once it is opened).
    pub async fn connection_to_resume(&self, path: &Path) -> Result<&Connection, CliError> {
        let header = bulk::journal::header(path).ok();
        let resume = |reach: &Reach| {
            header.as_ref().map_or_else(String::new, |h| {
                bulk::Again::of(&h.action, reach, path).elsewhere()
            })
        };
        let resuming = Resuming {
            target: header.as_ref().map(|h| h.target.as_str()),
            resume: &resume,
        };
        self.connection
            .get_or_try_init(|| connect_to_resume(&self.global, &self.ui, &resuming))
            .await
    }

    pub async fn client(&self) -> Result<&Client, CliError> {
        Ok(&self.connection().await?.client)
    }

    /// A refused token (401) said with where it came from: LIVECTL_TOKEN on the embedded sandbox
    /// (one made for a served sandbox's database, or a platform's, left exported), the
    /// variable on a platform, or the profile's login, whose hint names that profile (it said
    /// "or check LIVECTL_TOKEN" with no variable set, and `livectl login` for another profile).
    pub fn refused_token(&self, e: CliError) -> CliError {
        let connection = self.connection.get();
        let from_env_on_embedded =
            connection.is_some_and(|c| c.embedded.is_some() && c.token_from_env);
        // A 401, not a 403 (a token known, of an agent whose role does not allow it).
        let unknown = e
            .source
            .as_deref()
            .and_then(|s| s.downcast_ref::<livectl_client::ClientError>())
            .is_some_and(|c| c.status() == Some(401));
        if from_env_on_embedded && unknown {
            // In place of the sandbox's "create one with `livectl sandbox token`, giving the --db
            // it serves" and "log in again": the variable is what to look at, no login is what
            // the embedded sandbox needs.
            let mut e = e;
            e.message = "the embedded sandbox does not know the token in LIVECTL_TOKEN".into();
            e.hints = vec![
                "unset LIVECTL_TOKEN to act as the sandbox's admin, or pass --sandbox (which ignores it)".into(),
            ];
            e
        } else if unknown && let Some(c) = connection.filter(|c| c.embedded.is_none()) {
            let instead = match (&c.profile, c.token_from_env) {
                (_, true) => "check LIVECTL_TOKEN, which this run's token came from".to_owned(),
                (Some(name), false) => {
                    let config = crate::config::Config::load().unwrap_or_default();
                    format!(
                        "log in again with `livectl login{}`",
                        crate::connect::profile_flag(name, &config)
                    )
                }
                (None, false) => return e,
            };
            use crate::error::{REFUSED_TOKEN, refused_hint};
            let (mut e, general) = (e, refused_hint(REFUSED_TOKEN));
            for hint in &mut e.hints {
                if *hint == general {
                    *hint = refused_hint(&instead);
                }
            }
            e
        } else {
            e
        }
    }
}
