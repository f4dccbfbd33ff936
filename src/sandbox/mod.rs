//! The sandbox: a complete, durable implementation of the Live Conversations API on axum and
//! SQLite, served by `livectl sandbox serve` and, in-process, by the embedded default.

pub mod demo;
pub mod error;
pub mod faults;
pub mod http;
pub mod ratelimit;
pub mod server;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

use crate::error::CliError;
use faults::{FaultSpec, Faults};
use store::Store;

/// Test knobs that make the sandbox misbehave on purpose.
#[derive(Debug, Clone, Default)]
pub struct Knobs {
    pub rate_limit: Option<u32>,
    pub faults: Option<FaultSpec>,
}

/// The whole HTTP application over a store, with the knobs' layers.
pub fn app(store: Arc<Store>, knobs: &Knobs) -> Router {
    let mut router = http::router(http::App::new(store));
    if let Some(spec) = knobs.faults.clone() {
        router = router.layer(axum::middleware::from_fn_with_state(
            Faults::new(spec),
            faults::layer,
        ));
    }
    if let Some(n) = knobs.rate_limit {
        router = router.layer(axum::middleware::from_fn_with_state(
            ratelimit::RateLimit::new(n),
            ratelimit::layer,
        ));
    }
    router.layer(axum::middleware::from_fn_with_state(
        http::Running::default(),
        http::running_layer,
    ))
}

/// What data a sandbox starts with.
#[derive(Debug, Clone, PartialEq)]
pub enum Seed {
    Demo,
    /// A seed file, loaded through the API once the sandbox listens.
    File(PathBuf),
}

pub struct ServeOptions {
    pub addr: SocketAddr,
    pub db: PathBuf,
    pub seed: Option<Seed>,
    pub knobs: Knobs,
}

/// Opens the database and loads the seed, off the async threads.
pub async fn open(db: PathBuf, seed: Option<Seed>) -> Result<Arc<Store>, CliError> {
    tokio::task::spawn_blocking(move || {
        let store = Store::open(&db).map_err(CliError::failure)?;
        if let Some(Seed::Demo) = seed {
            demo::load(&store)
                .map_err(|e| CliError::failure(format!("cannot load the demo data: {e}")))?;
        }
        Ok(Arc::new(store))
    })
    .await
    .map_err(|e| CliError::failure(format!("the database worker failed: {e}")))?
}

/// `livectl sandbox serve`: serves until Ctrl-C or SIGTERM.
pub async fn serve(options: ServeOptions) -> Result<(), CliError> {
    // A seed file is checked whole before the sandbox starts.
    let seed_file = match &options.seed {
        Some(Seed::File(path)) => Some((path.clone(), crate::seed::validate::load(path)?)),
        _ => None,
    };
    let store = open(options.db.clone(), options.seed.clone()).await?;
    let listener = TcpListener::bind(options.addr).await.map_err(|e| {
        CliError::failure(format!("cannot listen on {}: {e}", options.addr))
            .hint("choose another address with --addr, or 127.0.0.1:0 for any free port")
    })?;
    let local = listener
        .local_addr()
        .map_err(|e| CliError::failure(format!("cannot read the listening address: {e}")))?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server::serve(
        listener,
        app(store.clone(), &options.knobs),
        async {
            let _ = stopped.await;
        },
    ));
    if let Some((path, file)) = seed_file {
        let token = store
            .create_token(None)
            .map_err(|e| CliError::failure(e.to_string()))?;
        let client = crate::api::Client::new(
            &format!("http://{local}"),
            crate::config::credentials::Token::new(token),
            0,
        )?;
        let out = crate::output::Output::new(None, crate::output::ColorChoice::Never, true, true);
        let tally = crate::seed::apply(&client, &out, &file).await?;
        eprintln!(
            "livectl sandbox loaded {}: {} created, {} changed, {} unchanged, {} actions",
            path.display(),
            tally.created,
            tally.changed,
            tally.unchanged,
            tally.actions
        );
    }
    eprintln!(
        "livectl sandbox listening on http://{local} (database {})",
        options.db.display()
    );
    shutdown_signal().await;
    let _ = stop.send(());
    let _ = server.await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
