//! Values completed from the API by the shell (`source <(COMPLETE=bash livectl)`): agents for
//! AGENT arguments and open interventions for ID arguments.

use std::borrow::Cow;
use std::time::Duration;

use clap_complete::engine::CompletionCandidate;

use livectl_client::Client;
use livectl_contract::{InterventionQuery, States};

use crate::cli::GlobalArgs;
use crate::connect::connect;
use crate::ui::Ui;
use crate::ui::sanitize;

/// The longest the completer waits for a platform, connecting included: the shell's Tab waits
/// with it, so a slow or unreachable platform completes nothing rather than hang it.
const PATIENCE: Duration = Duration::from_secs(1);

/// Runs one API call for the completer, once (no retry: none could come in time), from a
/// platform for at most `PATIENCE`; any failure completes nothing rather than printing.
fn fetch<T>(call: impl AsyncFnOnce(&Client) -> Option<Vec<T>>) -> Vec<T> {
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let global = GlobalArgs {
        // Empty is unset, as `cli.rs` reads the variables.
        profile: std::env::var("LIVECTL_PROFILE")
            .ok()
            .filter(|v| !v.is_empty()),
        api_url: std::env::var("LIVECTL_API_URL")
            .ok()
            .filter(|v| !v.is_empty()),
        ..GlobalArgs::default()
    };
    // A platform's address given: else the embedded sandbox, which this process serves itself.
    let configured = global.api_url.is_some()
        || crate::config::Config::load().is_ok_and(|c| {
            crate::connect::profile_name(&global, &c)
                .and_then(|p| c.profiles.get(&p).and_then(|p| p.api_url.clone()))
                .is_some()
        });
    // Pressing TAB must not create the embedded sandbox: complete from it only if it exists.
    if !configured && !crate::config::default_sandbox_db().exists() {
        return Vec::new();
    }
    let asked = async {
        let ui = Ui::silent();
        match connect(&global, &ui).await {
            Ok(connection) => {
                connection.client.stop_retrying();
                call(&connection.client).await
            }
            Err(_) => None,
        }
    };
    runtime
        .block_on(async {
            if configured {
                tokio::time::timeout(PATIENCE, asked).await.ok().flatten()
            } else {
                asked.await
            }
        })
        .unwrap_or_default()
}

/// A candidate from the platform's text: its help made safe for the terminal the shell shows
/// it on; none when the value itself holds what a terminal would obey (no one types that).
fn candidate(value: String, help: &str) -> Option<CompletionCandidate> {
    if matches!(sanitize(&value, false), Cow::Owned(_)) {
        return None;
    }
    Some(CompletionCandidate::new(value).help(Some(sanitize(help, false).into_owned().into())))
}

/// Agents by email, with the name as help.
pub fn agents() -> Vec<CompletionCandidate> {
    let mut candidates = vec![CompletionCandidate::new("me").help(Some("yourself".into()))];
    candidates.extend(
        fetch(async |client| client.agents().await.ok())
            .into_iter()
            .filter(|a| a.active)
            .filter_map(|a| {
                let help = format!("{} ({}, {})", a.name, a.id, a.status);
                candidate(a.email, &help)
            }),
    );
    candidates
}

/// Open interventions, with their summary as help.
pub fn interventions() -> Vec<CompletionCandidate> {
    fetch(async |client| {
        let query = InterventionQuery {
            state: States::open(),
            limit: Some(200),
            ..InterventionQuery::default()
        };
        let page = client.interventions_page(&query).await.ok()?;
        Some(page.items)
    })
    .into_iter()
    .filter_map(|i| {
        let help = format!("{}: {}", i.state, i.summary);
        candidate(i.id, &help)
    })
    .collect()
}

/// Owners for `--owner`: `none` for the general queue, then the agents.
pub fn owners() -> Vec<CompletionCandidate> {
    let mut candidates = vec![
        CompletionCandidate::new(livectl_contract::NONE).help(Some("the general queue".into())),
    ];
    candidates.extend(agents());
    candidates
}

/// Catalog entries by key, with their name as help.
fn catalog<T: crate::usecases::lookup::CatalogEntry>(
    list: impl AsyncFnOnce(&Client) -> Option<Vec<T>>,
) -> Vec<CompletionCandidate> {
    fetch(list)
        .into_iter()
        .filter_map(|entry| candidate(entry.key().unwrap_or(entry.id()).to_owned(), entry.name()))
        .collect()
}

pub fn topics() -> Vec<CompletionCandidate> {
    catalog(async |client| client.topics().await.ok())
}

pub fn outcomes() -> Vec<CompletionCandidate> {
    catalog(async |client| client.outcomes().await.ok())
}

/// Blocks for `complete --block`: `none` for no block, then the catalog's.
pub fn blocks() -> Vec<CompletionCandidate> {
    let mut candidates = vec![
        CompletionCandidate::new(livectl_contract::NONE).help(Some("no closing block".into())),
    ];
    candidates.extend(catalog(async |client| client.blocks().await.ok()));
    candidates
}
